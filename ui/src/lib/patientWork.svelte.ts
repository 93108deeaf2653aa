// What a nurse has open about patients on the board: a check (or correction) being typed, a
// patient's detail, and the confirmation of the last save. Kept by the app across a lock by
// the same nurse (nothing typed is lost); another nurse, or nobody, closes it all.
import { tick } from 'svelte';
import type { CheckRecord, CheckSaved, ClinicalAlert } from './ipc';
import { emptyValues, fromCheck, type CheckTarget, type CheckValues } from './checkForm';

export interface OpenCheck {
  target: CheckTarget;
  /** The check being corrected; null for a new check. */
  original: CheckRecord | null;
}

export class PatientWork {
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
      this.form = null;
      this.detailId = null;
      this.saved = null;
    }
    this.#owner = nurseId;
  }

  openCheck(target: CheckTarget, original: CheckRecord | null = null) {
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.saved = null;
    this.typed = original ? fromCheck(original.check) : emptyValues();
    this.form = { target, original };
  }

  async closeCheck() {
    this.form = null;
    await tick();
    if (this.#opener?.isConnected) this.#opener.focus();
    this.#opener = null;
  }

  /** The open form was saved. */
  checkSaved(result: CheckSaved) {
    if (!this.form) return;
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
