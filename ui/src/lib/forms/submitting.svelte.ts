// The one submit path of a form: one save at a time (`saving`), the old messages cleared before
// it, and a refusal shown beside the field the backend named (its control focused) or at the
// top of the form (role=alert) when no field on screen matches.
import { tick } from 'svelte';
import { refusal, type Refusal } from '../refusal';

/** How a form sorts a refusal into field errors and a message for the whole form. */
export type SortRefusal = (e: unknown) => Refusal;

const NOTHING = (): Refusal => ({ errors: {}, formError: null });

export class FormSubmit {
  /** The messages on screen: beside fields, and for the whole form. */
  found = $state<Refusal>(NOTHING());
  /** A save is under way: another submit is ignored. */
  saving = $state(false);
  readonly #idOf: (field: string) => string;
  readonly #sort: SortRefusal;

  /** `idOf` gives the id of the control for a field; `sort` overrides how a refusal is sorted. */
  constructor(idOf: (field: string) => string, sort?: SortRefusal) {
    this.#idOf = idOf;
    this.#sort = sort ?? ((e) => refusal(e, (f) => this.#idOf(f)));
  }

  /** Clears every message. */
  clear() {
    this.found = NOTHING();
  }

  /** Shows `found` and focuses the control of its first field error, once it is on screen. */
  async show(found: Refusal) {
    this.found = found;
    const first = Object.keys(found.errors)[0];
    if (first === undefined) return;
    await tick();
    document.getElementById(this.#idOf(first))?.focus();
  }

  /** Shows why `e` refused the save. */
  async refused(e: unknown) {
    await this.show(this.#sort(e));
  }

  /** The form's submit handler: runs `save` unless one runs already; a refusal is shown, then
   * `afterRefusal` is told (to clear a PIN, reload what may have changed). */
  async run(event: Event | null, save: () => Promise<void>, afterRefusal?: (e: unknown) => void) {
    event?.preventDefault();
    if (this.saving) return;
    this.saving = true;
    this.clear();
    try {
      await save();
    } catch (e) {
      await this.refused(e);
      afterRefusal?.(e);
    } finally {
      this.saving = false;
    }
  }
}
