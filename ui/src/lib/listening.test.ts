// A subscription held while a component is on screen: dropped when it goes, also when it goes
// before the subscription is made.
import { describe, expect, it, vi } from 'vitest';
import { whileMounted } from './listening';

describe('whileMounted', () => {
  it('unsubscribes when the component goes', async () => {
    const unlisten = vi.fn();
    const stop = whileMounted(() => Promise.resolve(unlisten));
    await Promise.resolve();
    expect(unlisten).not.toHaveBeenCalled();
    stop();
    expect(unlisten).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes a subscription made after the component went', async () => {
    const unlisten = vi.fn();
    let made: (u: () => void) => void = () => {};
    const stop = whileMounted(() => new Promise((resolve) => (made = resolve)));
    stop();
    made(unlisten);
    await Promise.resolve();
    await Promise.resolve();
    expect(unlisten).toHaveBeenCalledTimes(1);
  });
});
