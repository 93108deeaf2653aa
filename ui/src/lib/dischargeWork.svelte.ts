// What a nurse has open about discharges: the escort, discharge or against-advice form of one
// patient, a paper (discharge sheet, REMS form) shown in place of the board, and the last
// confirmation or refusal of a one-click action. Another nurse, or nobody, closes it all.
import { tick } from 'svelte';
import { loadDischarge, recordDeparture, saveEscort, type PaperKind } from './ipc';
import { escortValues, toEscortInput, type EscortValues } from './discharge';
import { errorText } from './labels';

export interface DischargeTarget {
  sessionId: number;
  bay: string;
}

export type DischargeFormKind = 'escort' | 'discharge' | 'against_advice';

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
  #owner: number | null = null;
  #opener: HTMLElement | null = null;

  /** The nurse at the keyboard now (null: nobody); a change closes everything. */
  ownedBy(nurseId: number | null) {
    if (nurseId !== this.#owner) {
      this.form = null;
      this.paper = null;
      this.done = null;
      this.problem = null;
    }
    this.#owner = nurseId;
  }

  open(kind: DischargeFormKind, target: DischargeTarget, typed: OpenDischargeForm['typed'] = null) {
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.done = null;
    this.problem = null;
    this.form = { kind, sessionId: target.sessionId, bay: target.bay, typed };
  }

  async close() {
    this.form = null;
    await tick();
    if (this.#opener?.isConnected) this.#opener.focus();
    this.#opener = null;
  }

  /** The open form was saved: close it and say so. */
  finished(message: string) {
    this.done = message;
    void this.close();
  }

  openPaper(paper: OpenPaper) {
    this.done = null;
    this.problem = null;
    this.paper = paper;
  }

  /** The escort is here: saves the current escort again as arrived (now). */
  async escortArrived(target: DischargeTarget): Promise<boolean> {
    return this.#act(`The escort could not be recorded as arrived for ${target.bay}`, async () => {
      const view = await loadDischarge(target.sessionId);
      if (!view.escort) throw new Error('No escort is recorded yet.');
      const values = { ...escortValues(view.escort), status: 'arrived', arrivedAt: '' };
      await saveEscort(toEscortInput(values, target.sessionId));
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
