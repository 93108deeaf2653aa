// What is typed in the discharge forms (escort, discharge, against advice, REMS details), kept
// twice: in memory at every change, so a lock by the same nurse gives it back, and in the
// database 300 ms after the last change, so a killed app gives it back (the board offers it).
// One slot per form. A save command takes its form's draft with it in its transaction; a
// refused save keeps it; Cancel throws it away. The discharge PIN is never part of a draft.
import type { DraftForm } from '../../lib/ipc';
import { DraftSaver } from '../../lib/forms/draftSaver.svelte';
import type { DraftKeeper } from '../../lib/forms/draftKeeper';
import { errorText } from '../../lib/labels';

export type DischargeDraftForm = Extract<DraftForm, 'escort' | 'discharge' | 'against_advice' | 'rems_details'>;

/** What each form is called in "An unsaved {what} for {bay}". */
export const DRAFT_WHAT: Record<DischargeDraftForm, string> = {
  escort: 'escort form',
  discharge: 'discharge',
  against_advice: 'against-advice form',
  rems_details: 'REMS details',
};
const FORMS = Object.keys(DRAFT_WHAT) as DischargeDraftForm[];

/** A draft as stored (the content) plus the form it belongs to. */
export interface FormDraft {
  form: DischargeDraftForm;
  sessionId: number;
  bay: string;
  values: unknown;
}

function parse(form: DischargeDraftForm, content: string): FormDraft | null {
  const d = JSON.parse(content) as Partial<FormDraft>;
  if (typeof d.sessionId !== 'number' || typeof d.bay !== 'string' || typeof d.values !== 'object' || !d.values) {
    return null;
  }
  return { form, sessionId: d.sessionId, bay: d.bay, values: d.values };
}

export class FormDrafts {
  /** Drafts left from before (a closed app, another nurse), offered on the board. */
  leftOvers = $state<FormDraft[]>([]);
  /** Saves the open form's draft. */
  readonly #saver = new DraftSaver();
  /** The open form started from a draft. */
  restored = $state(false);
  /** The form being typed into; `values` is null until it first reports. */
  #current: FormDraft | null = null;
  /** JSON of values that need no saving (what the form started with, or the last kept);
   * undefined: the next report is what the form starts with. */
  #kept: string | undefined = undefined;
  /** The database slot holds the current form's draft. */
  #ours = false;
  /** How many draft saves had been sent when the record's save began. */
  #sentBeforeSave = 0;
  #looked = false;

  /** Why a draft could not be kept or restored, if it could not. */
  get problem(): string | null {
    return this.#saver.problem;
  }
  set problem(text: string | null) {
    this.#saver.problem = text;
  }

  /** Another nurse, or nobody: forget everything (the database keeps what was saved). */
  reset() {
    this.closed();
    this.leftOvers = [];
    this.#looked = false;
  }

  /** Once per signed-in nurse: looks for drafts left in the database. */
  async look() {
    if (this.#looked) return;
    this.#looked = true;
    const found: FormDraft[] = [];
    for (const form of FORMS) {
      try {
        const stored = await this.#saver.load(form);
        const draft = stored ? parse(form, stored.content) : null;
        if (draft && this.#current?.form !== form) found.push(draft);
      } catch (e) {
        this.problem = `An unsaved ${DRAFT_WHAT[form]} could not be restored: ${errorText(e)}`;
      }
    }
    this.leftOvers = [...this.leftOvers.filter((d) => !found.some((f) => f.form === d.form)), ...found];
  }

  /** The left-over draft of `form` for `sessionId`, taken off the offers. */
  take(form: DischargeDraftForm, sessionId: number): FormDraft | null {
    const draft = this.leftOvers.find((d) => d.form === form && d.sessionId === sessionId) ?? null;
    if (draft) this.leftOvers = this.leftOvers.filter((d) => d !== draft);
    return draft ? $state.snapshot(draft) : null;
  }

  /** A form opens: from a `draft` (resumed), from values typed elsewhere (`typedElsewhere`:
   * kept at once), or from nothing. */
  begin(
    form: DischargeDraftForm,
    target: { sessionId: number; bay: string },
    draft: FormDraft | null,
    typedElsewhere = false,
  ) {
    this.#saver.stop();
    this.#current = { form, sessionId: target.sessionId, bay: target.bay, values: draft?.values ?? null };
    // A resumed draft is in the database already: the form's first report (the draft, as the
    // form holds it) needs no saving, like an empty form's.
    this.#kept = typedElsewhere ? '' : undefined;
    this.#ours = draft !== null;
    this.restored = draft !== null;
  }

  /** What the open form is given (see DraftKeeper). */
  keeper<V>(): DraftKeeper<V> {
    const drafts = this;
    return {
      initial: (this.#current?.values ?? null) as V | null,
      get restored() {
        return drafts.restored;
      },
      typed: (values) => drafts.typed(values),
      beforeSave: () => drafts.beforeSave(),
    };
  }

  /** The form reports what is typed: keep it, and save it as the draft shortly after. */
  typed(values: unknown) {
    const current = this.#current;
    if (!current) return;
    current.values = values;
    const json = JSON.stringify(values);
    if (this.#kept === undefined) this.#kept = json;
    this.#saver.stop();
    if (json === this.#kept) return;
    const { form, sessionId, bay } = current;
    this.#saver.later(form, JSON.stringify({ sessionId, bay, values }), () => {
      if (this.#current === current) [this.#kept, this.#ours] = [json, true];
      // The slot is this form's now: a draft offered for the same form was replaced.
      this.leftOvers = this.leftOvers.filter((d) => d.form !== form);
    });
  }

  /** Saves a change still waiting for its delay now (before a lock, when leaving a paper). */
  async flush() {
    await this.#saver.flush();
  }

  /** The record is about to be saved: the draft goes first, so the save takes it with it. */
  async beforeSave() {
    await this.flush();
    this.#sentBeforeSave = this.#saver.sent;
  }

  /** Cancel: the open form's draft is thrown away (one of another patient is left alone). */
  async discard() {
    this.#saver.stop();
    await this.#saver.settled();
    const current = this.#current;
    const ours = this.#ours;
    this.closed();
    if (current && ours) await this.#saver.clear(current.form);
  }

  /** The open form was saved: the shell took its draft with it. */
  async saved() {
    this.#saver.stop();
    const current = this.#current;
    if (!current) return;
    this.leftOvers = this.leftOvers.filter((d) => d.form !== current.form);
    this.restored = false;
    await this.#saver.settled();
    // A draft sent while the record was being saved must not bring the draft back.
    if (this.#saver.sent > this.#sentBeforeSave) await this.#saver.clear(current.form);
    this.#sentBeforeSave = this.#saver.sent;
    if (this.#current === current) [this.#kept, this.#ours] = [JSON.stringify(current.values), false];
  }

  /** The form closes without Cancel (a paper left): what was kept is offered on the board. */
  async leave() {
    await this.flush();
    const current = this.#current;
    const ours = this.#ours;
    this.closed();
    if (current && ours) {
      this.leftOvers = [...this.leftOvers.filter((d) => d.form !== current.form), $state.snapshot(current) as FormDraft];
    }
  }

  /** Nothing is being typed any more (the draft, if any, stays where it is). */
  closed() {
    this.#saver.stop();
    this.#current = null;
    this.#ours = false;
    this.restored = false;
  }

  /** Throws an offered draft away. */
  async throwAway(draft: FormDraft) {
    this.leftOvers = this.leftOvers.filter((d) => d !== draft);
    await this.#saver.clear(draft.form);
  }
}
