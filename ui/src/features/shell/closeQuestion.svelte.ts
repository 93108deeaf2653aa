// The question the shell asks before the window closes or Vigil quits (`close-requested`),
// while the close dialog shows it: the request with its counts, read again with
// `load_close_request` as soon as it arrives (the page's answer that the shell waits for) and
// whenever a record changes or an alert is raised, and why a reading failed.
import { loadCloseRequest, type CloseRequest } from '../../lib/ipc';
import { errorText } from '../../lib/labels';

export class CloseQuestion {
  /** What the dialog shows; null once answered or cancelled. */
  request = $state<CloseRequest | null>(null);
  /** Why the counts could not be read again (said in the dialog); null after a good reading. */
  loadError = $state<string | null>(null);
  /** Readings started: only the newest one's answer is taken. */
  #reads = 0;

  /** The shell asked (again): shown at once with the event's counts, then the fresher ones. */
  asked = (request: CloseRequest) => {
    this.request = request;
    void this.reload();
  };

  /** Reads the counts again for the question shown (nothing while none is); a newer reading,
      a new question or the dialog closing meanwhile drops this one's answer. */
  reload = async (): Promise<void> => {
    const shown = this.request;
    if (shown === null) return;
    const read = ++this.#reads;
    const current = () => read === this.#reads && this.request !== null;
    try {
      const fresh = await loadCloseRequest(shown.reason);
      if (!current()) return;
      this.request = fresh;
      this.loadError = null;
    } catch (e) {
      if (current()) this.loadError = `The counts could not be read again: ${errorText(e)}`;
    }
  };

  /** Cancelled or answered: the dialog goes; a reading still on its way is dropped. */
  close = () => {
    this.#reads += 1;
    this.request = null;
    this.loadError = null;
  };
}
