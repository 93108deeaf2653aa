// The page's clock for countdowns: one reactive `now` that changes once a second, on the
// second, so every countdown turns in the same frame. Only countdown text should read it: a
// tick then costs a text update per row, not a render of the board. While the page is hidden
// (window minimized or covered), `now` stands still and nothing is painted; shown again, it
// catches up at once. The per-second callback (the alert sound's repeat and escalation) runs
// either way.

/** The timers and page the ticker uses; tests pass fakes. */
export interface TickerHost {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
  /** The page, for its visibility; none outside a browser. */
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

const browserHost = (): TickerHost => ({
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  document: typeof document === 'undefined' ? undefined : document,
});

export class Ticker {
  #now = $state(0);
  readonly #host: TickerHost;

  constructor(host: TickerHost = browserHost()) {
    this.#host = host;
    this.#now = host.now();
  }

  /** The instant countdowns show (ms since the epoch). */
  get now(): number {
    return this.#now;
  }

  /** Takes the clock's time at once (after a reload, so a just-fired alert and its row agree). */
  sync(): void {
    if (!this.#hidden()) this.#now = this.#host.now();
  }

  /** Ticks every second, on the second, calling `everySecond` each time (hidden or not; if it
      throws, the error is logged and the clock ticks on); returns the function that stops it. */
  start(everySecond: (nowMs: number) => void = () => {}): () => void {
    const host = this.#host;
    let timer: unknown = null;
    const schedule = () => {
      timer = host.setTimeout(tick, 1000 - (host.now() % 1000));
    };
    const tick = () => {
      schedule(); // first: a callback that throws must not stop the clock
      this.sync();
      try {
        everySecond(host.now());
      } catch (e) {
        console.error('vigil: the per-second work failed', e);
      }
    };
    const shown = () => this.sync();
    host.document?.addEventListener('visibilitychange', shown);
    schedule();
    return () => {
      host.clearTimeout(timer);
      host.document?.removeEventListener('visibilitychange', shown);
    };
  }

  #hidden(): boolean {
    return this.#host.document?.visibilityState === 'hidden';
  }
}
