// The one way a form's draft reaches the database: a moment after the last change (so a closed
// or killed app loses nothing), or at once; a change replaces one still waiting. It counts what
// it sent and remembers the save in flight, so a record's save can go after the draft, and says
// why a draft could not be kept. What a draft holds and when it is offered back is its owner's.
import { clearDraft, loadDraft, saveDraft, type DraftForm } from '../ipc';
import { errorText } from '../labels';

/** How long after the last change a draft is saved. */
export const DRAFT_DELAY_MS = 300;

interface Waiting {
  form: DraftForm;
  content: string;
  kept?: () => void;
  wanted?: () => boolean;
}

/** What to do once a draft is kept or was not, and whether a failure is said (`quiet`: not). */
export interface SaveOptions {
  kept?: () => void;
  failed?: () => void;
  quiet?: boolean;
}

export class DraftSaver {
  /** Why a draft could not be kept or restored, if it could not. */
  problem = $state<string | null>(null);
  /** Draft saves sent so far. */
  sent = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #waiting: Waiting | null = null;
  #saving: Promise<void> | null = null;
  readonly #delayMs: number;

  constructor(delayMs = DRAFT_DELAY_MS) {
    this.#delayMs = delayMs;
  }

  /** The draft stored for `form`, if any. */
  load(form: DraftForm) {
    return loadDraft(form);
  }

  /** Saves `content` as `form`'s draft after the delay, unless another change comes first or,
   * when the delay is over, `wanted` says it is no longer wanted (the record was sent, the form
   * cleared). */
  later(form: DraftForm, content: string, kept?: () => void, wanted?: () => boolean) {
    this.stop();
    this.#waiting = { form, content, kept, wanted };
    this.#timer = setTimeout(() => void this.#sendWaiting(), this.#delayMs);
  }

  /** A change is waiting for its delay. */
  get waiting(): boolean {
    return this.#timer !== null;
  }

  /** Saves now (a change still waiting is dropped: this one replaces it). */
  async now(form: DraftForm, content: string, options: SaveOptions = {}) {
    this.stop();
    await this.#send(form, content, options);
  }

  /** Saves a change still waiting for its delay now, else waits for the save in flight. */
  async flush() {
    if (this.#timer !== null) await this.#sendWaiting();
    else await this.#saving;
  }

  /** Waits for the save in flight, if any. */
  async settled() {
    await this.#saving;
  }

  /** Drops a change still waiting for its delay. */
  stop() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#waiting = null;
  }

  /** Removes `form`'s draft; a failure goes to `failed`, else is ignored (the draft is offered
   * again later). */
  async clear(form: DraftForm, failed?: (e: unknown) => void) {
    await clearDraft(form).catch((e) => failed?.(e));
  }

  async #sendWaiting() {
    const waiting = this.#waiting;
    this.stop();
    if (!waiting || (waiting.wanted && !waiting.wanted())) return;
    await this.#send(waiting.form, waiting.content, { kept: waiting.kept });
  }

  async #send(form: DraftForm, content: string, { kept, failed, quiet = false }: SaveOptions) {
    this.sent += 1;
    const saving = saveDraft(form, content)
      .then(() => {
        this.problem = null;
        kept?.();
      })
      .catch((e) => {
        if (!quiet) this.problem = `Not kept as a draft: ${errorText(e)}`;
        failed?.();
      });
    this.#saving = saving;
    await saving;
    if (this.#saving === saving) this.#saving = null;
  }
}
