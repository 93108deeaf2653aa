// What a nurse has open about patients on the board: a check (or correction) being typed, a
// patient's detail, and the confirmation of the last save. Kept by the app across a lock by
// the same nurse; another nurse, or nobody, closes it all. What is typed in the check form is
// also kept as a draft in the database a moment after each change, so a closed app or a crash
// loses nothing: the board then offers to resume it. Saving the check removes the draft in the
// same transaction; Cancel discards it.
import { tick } from 'svelte';
import type { CheckRecord, CheckSaved, ClinicalAlert } from '../../lib/ipc';
import { DraftSaver } from '../../lib/forms/draftSaver.svelte';
import { errorText } from '../../lib/labels';
import { emptyValues, fromCheck, type CheckTarget, type CheckValues } from '../checks/checkModel';

export interface OpenCheck {
  target: CheckTarget;
  /** The check being corrected; null for a new check. */
  original: CheckRecord | null;
}

/** What the check form's draft holds. */
export interface CheckDraft extends OpenCheck {
  values: CheckValues;
}

export class PatientWork {
  /** A check draft left from before (a closed app, another nurse): offered for resuming. */
  leftOver = $state<CheckDraft | null>(null);
  /** Saves what is typed as the check's draft. */
  readonly #drafts = new DraftSaver();
  #lookedForDraft = false;
  /** Why the draft could not be kept, if it could not. */
  get draftProblem(): string | null {
    return this.#drafts.problem;
  }

  /** The check form open, if any. */
  form = $state<OpenCheck | null>(null);
  /** What is typed in it, as last reported by the form (plain: the form holds the live copy). */
  typed: CheckValues = emptyValues();
  /** The patient whose detail replaces the board. */
  detailId = $state<number | null>(null);
  /** Bumped after a save, so an open detail loads again. */
  detailReload = $state(0);
  /** "Check saved for Bay 5" and the clinical alerts the check raised. */
  saved = $state<{ text: string; alerts: ClinicalAlert[] } | null>(null);
  #owner: number | null = null;
  /** The button that opened the form, focused again when it closes. */
  #opener: HTMLElement | null = null;

  /** The nurse at the keyboard now (null: nobody); a change closes everything. */
  ownedBy(nurseId: number | null) {
    if (nurseId !== this.#owner) {
      this.#drafts.stop();
      this.form = null;
      this.detailId = null;
      this.saved = null;
      this.leftOver = null;
      this.#lookedForDraft = false;
    }
    this.#owner = nurseId;
  }

  openCheck(target: CheckTarget, original: CheckRecord | null = null, values?: CheckValues) {
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.saved = null;
    this.leftOver = null;
    this.typed = values ?? (original ? fromCheck(original.check) : emptyValues());
    this.form = { target, original };
  }

  /** Once per signed-in nurse: looks for a check draft left in the database. */
  async lookForDraft() {
    if (this.#lookedForDraft || this.form) return;
    this.#lookedForDraft = true;
    try {
      const draft = await this.#drafts.load('check');
      if (draft && !this.form) this.leftOver = JSON.parse(draft.content) as CheckDraft;
    } catch (e) {
      this.#drafts.problem = `An unsaved check could not be restored: ${errorText(e)}`;
    }
  }

  /** Opens the form again with the left-over draft. */
  resume() {
    const draft = $state.snapshot(this.leftOver);
    // A draft saved by an older version may lack newer fields (the orthostatic heart rates).
    if (draft) this.openCheck(draft.target, draft.original, { ...emptyValues(), ...draft.values });
  }

  /** Throws the left-over draft away. */
  async discardLeftOver() {
    this.leftOver = null;
    await this.#drafts.clear('check');
  }

  /** The form reports what is typed: keep it, and save it as the draft shortly after. */
  typedChanged(values: CheckValues) {
    this.typed = values;
    const form = this.form;
    if (!form) return;
    const draft: CheckDraft = { ...form, values };
    this.#drafts.later('check', JSON.stringify(draft));
  }

  /** Cancel: the form closes and its draft is thrown away. */
  async cancelCheck() {
    this.#drafts.stop();
    await this.#drafts.clear('check');
    await this.closeCheck();
  }

  async closeCheck() {
    this.#drafts.stop();
    this.form = null;
    await tick();
    if (this.#opener?.isConnected) this.#opener.focus();
    this.#opener = null;
  }

  /** The open form was saved. */
  checkSaved(result: CheckSaved) {
    if (!this.form) return;
    // The saved check took its draft with it; a save still pending must not bring it back.
    this.#drafts.stop();
    const what = this.form.original ? 'Correction' : 'Check';
    this.saved = { text: `${what} saved for ${this.form.target.bay}`, alerts: result.alerts };
    this.detailReload += 1;
    void this.closeCheck();
  }

  openDetail(sessionId: number) {
    this.saved = null;
    this.detailId = sessionId;
  }
}
