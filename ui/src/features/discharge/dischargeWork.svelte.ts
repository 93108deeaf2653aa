// What a nurse has open about discharges: the escort, discharge, against-advice or transfer
// form of one patient, a paper (discharge sheet, REMS form) shown in place of the board, and the last
// confirmation or refusal of a one-click action. Another nurse, or nobody, closes it all.
// What is typed in the forms is kept as a draft (formDrafts): resumed from the board after a
// restart, given back after a lock by the same nurse, thrown away by Cancel.
import { loadDischarge, recordDeparture, saveEscort, type PaperKind } from '../../lib/ipc';
import { escortValues, toEscortInput, type EscortValues } from './discharge';
import { FormDrafts, type FormDraft } from './formDrafts.svelte';
import { errorText } from '../../lib/labels';
import { focusedElement, giveFocusBack } from '../../lib/focus';

export interface DischargeTarget {
  sessionId: number;
  bay: string;
}

/** The forms a nurse can open about leaving; a transfer to emergency care is not kept as a draft. */
export type DischargeFormKind = 'escort' | 'discharge' | 'against_advice' | 'transfer';

export interface OpenDischargeForm extends DischargeTarget {
  kind: DischargeFormKind;
  /** Escort only: what was typed in the admit form, and why saving it failed. */
  typed?: { values: EscortValues; error: unknown } | null;
}

export interface OpenPaper extends DischargeTarget {
  kind: PaperKind;
}

export class DischargeWork {
  form = $state<OpenDischargeForm | null>(null);
  paper = $state<OpenPaper | null>(null);
  /** "Bay 3 cleared for discharge", "Bay 3 departed" (role=status). */
  done = $state<string | null>(null);
  /** Why a one-click action was refused (role=alert). */
  problem = $state<string | null>(null);
  /** What is typed in the open form (or the REMS details of the open paper), and left-over drafts. */
  readonly drafts = new FormDrafts();
  #owner: number | null = null;
  #opener: HTMLElement | null = null;

  /** The nurse at the keyboard now (null: nobody); a change closes everything. */
  ownedBy(nurseId: number | null) {
    if (nurseId !== this.#owner) {
      this.form = null;
      this.paper = null;
      this.done = null;
      this.problem = null;
      this.drafts.reset();
    }
    this.#owner = nurseId;
  }

  /** Opens a form; a draft left for the same form and patient comes back into it. */
  open(kind: DischargeFormKind, target: DischargeTarget, typed: OpenDischargeForm['typed'] = null) {
    this.#opener = focusedElement();
    this.done = null;
    this.problem = null;
    if (kind === 'transfer') void this.drafts.leave(); // a form left open is offered on the board
    else this.drafts.begin(kind, target, this.drafts.take(kind, target.sessionId), typed !== null);
    this.form = { kind, sessionId: target.sessionId, bay: target.bay, typed };
  }

  /** Opens the form (or the REMS paper) of an offered draft, with what was typed. */
  resume(draft: FormDraft) {
    const target = { sessionId: draft.sessionId, bay: draft.bay };
    if (draft.form === 'rems_details') this.openPaper({ ...target, kind: 'rems' });
    else this.open(draft.form, target);
  }

  /** Cancel: the form closes and its draft is thrown away. */
  async cancel() {
    await this.drafts.discard();
    await this.close();
  }

  /** The form closes; the focus goes back to what opened it, or to the board's heading when that
      is gone (the emergency dialog's Transfer button). */
  async close() {
    this.drafts.closed();
    this.form = null;
    const opener = this.#opener;
    this.#opener = null;
    await giveFocusBack(opener);
  }

  /** The open form was saved: close it and say so. */
  finished(message: string) {
    this.done = message;
    void this.drafts.saved();
    void this.close();
  }

  /** Shows a paper; the REMS form's details pick up a draft left for the same patient. */
  openPaper(paper: OpenPaper) {
    this.done = null;
    this.problem = null;
    if (paper.kind === 'rems') this.drafts.begin('rems_details', paper, this.drafts.take('rems_details', paper.sessionId));
    else this.drafts.closed();
    this.paper = paper;
  }

  /** Back to the board: REMS details typed and not saved are offered there. */
  closePaper() {
    if (!this.paper) return;
    this.paper = null;
    void this.drafts.leave();
  }

  /** The escort is here: saves the current escort again as arrived (now). */
  async escortArrived(target: DischargeTarget): Promise<boolean> {
    return this.#act(`The escort could not be recorded as arrived for ${target.bay}`, async () => {
      const view = await loadDischarge(target.sessionId);
      if (!view.escort) throw new Error('No escort is recorded yet.');
      const values = { ...escortValues(view.escort), status: 'arrived', arrivedAt: '' };
      await saveEscort(toEscortInput(values, target.sessionId));
      this.drafts.leftOvers = this.drafts.leftOvers.filter((d) => d.form !== 'escort'); // taken with the save
      return `Escort arrived for ${target.bay}`;
    });
  }

  /** The cleared patient left with the escort. */
  async depart(target: DischargeTarget): Promise<boolean> {
    return this.#act(`The departure could not be recorded for ${target.bay}`, async () => {
      await recordDeparture(target.sessionId);
      return `${target.bay} departed`;
    });
  }

  async #act(what: string, action: () => Promise<string>): Promise<boolean> {
    this.done = null;
    this.problem = null;
    try {
      this.done = await action();
      return true;
    } catch (e) {
      this.problem = `${what}: ${errorText(e)}`;
      return false;
    }
  }
}
