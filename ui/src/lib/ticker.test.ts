import { describe, expect, it, vi } from 'vitest';
import { Ticker, type TickerHost } from './ticker.svelte';

/** A hand-driven clock, timers and page: `advance` runs the timers that fall due. */
function fakeHost(startMs: number) {
  let clock = startMs;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  let visibility: DocumentVisibilityState = 'visible';
  const listeners = new Set<() => void>();
  const host: TickerHost = {
    now: () => clock,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: clock + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    document: {
      get visibilityState() {
        return visibility;
      },
      addEventListener: (_: string, f: () => void) => listeners.add(f),
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    } as unknown as TickerHost['document'],
  };
  return {
    host,
    pending: () => timers.length,
    advance(ms: number) {
      const end = clock + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        clock = due.at;
        due.run();
      }
      clock = end;
    },
    setVisibility(v: DocumentVisibilityState) {
      visibility = v;
      listeners.forEach((f) => f());
    },
  };
}

describe('Ticker', () => {
  it('changes now once a second, on the second, and calls back each second', () => {
    const fake = fakeHost(10_000_300);
    const ticker = new Ticker(fake.host);
    const seconds: number[] = [];
    const stop = ticker.start((t) => seconds.push(t));
    expect(ticker.now).toBe(10_000_300);
    fake.advance(699);
    expect(ticker.now).toBe(10_000_300);
    fake.advance(1);
    expect(ticker.now).toBe(10_001_000);
    fake.advance(3_000);
    expect(ticker.now).toBe(10_004_000);
    expect(seconds).toEqual([10_001_000, 10_002_000, 10_003_000, 10_004_000]);
    stop();
    expect(fake.pending()).toBe(0);
    fake.advance(5_000);
    expect(ticker.now).toBe(10_004_000);
  });

  it('stands still while the page is hidden, still calls back, and catches up when shown', () => {
    const fake = fakeHost(20_000_000);
    const ticker = new Ticker(fake.host);
    let calls = 0;
    ticker.start(() => calls++);
    fake.setVisibility('hidden');
    fake.advance(5_000);
    expect(ticker.now).toBe(20_000_000);
    expect(calls).toBe(5);
    fake.advance(400);
    fake.setVisibility('visible');
    expect(ticker.now).toBe(20_005_400);
    fake.advance(600);
    expect(ticker.now).toBe(20_006_000);
  });

  it('keeps ticking when the per-second callback throws', () => {
    const fake = fakeHost(40_000_000);
    const ticker = new Ticker(fake.host);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    ticker.start(() => {
      calls++;
      throw new Error('the sound failed');
    });
    fake.advance(3_000);
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
    expect(calls).toBe(3);
    expect(ticker.now).toBe(40_003_000);
    expect(fake.pending(), 'the next tick is scheduled').toBe(1);
  });

  it('sync takes the time at once', () => {
    const fake = fakeHost(30_000_000);
    const ticker = new Ticker(fake.host);
    fake.advance(250);
    ticker.sync();
    expect(ticker.now).toBe(30_000_250);
  });
});
