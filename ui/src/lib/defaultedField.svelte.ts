// Form fields with a default the nurse may replace: the default fills the field only while it
// was never touched, so an answer that arrives late (the folder offered) never lands in the
// middle of typing, and a day left at its default is today when the form is sent, also when
// the screen stayed open past midnight. A form binds `value` (typing goes through the setter,
// which marks the field touched).
import { defaultExportFolder } from './ipc';
import { toLocalInput } from './time';

/** Today's local date as YYYY-MM-DD. */
export const localToday = (now: Date = new Date()) => toLocalInput(now).slice(0, 10);

/** The folder a save form offers: the backend's answer (the Documents folder), unless typed over first. */
export class OfferedFolder {
  #value = $state('');
  #touched = false;

  constructor(ask: () => Promise<string> = defaultExportFolder) {
    ask()
      .then((offered) => {
        if (!this.#touched) this.#value = offered;
      })
      .catch(() => {}); // no default: the nurse types the folder
  }

  get value(): string {
    return this.#value;
  }

  set value(typed: string) {
    this.#touched = true;
    this.#value = typed;
  }
}

/** A local day field (YYYY-MM-DD) that is today until the nurse types another day. */
export class DayField {
  #value = $state('');
  #touched = false;
  readonly #today: () => string;

  constructor(today: () => string = () => localToday()) {
    this.#today = today;
    this.#value = today();
  }

  get value(): string {
    return this.#value;
  }

  set value(typed: string) {
    this.#touched = true;
    this.#value = typed;
  }

  /** The day to send: today again if never touched (the field shows it too). */
  current(): string {
    if (!this.#touched) this.#value = this.#today();
    return this.#value;
  }
}
