import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './paint';

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('resolves after the second animation frame, not the first', async () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    let done = false;
    void afterNextPaint().then(() => (done = true));
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    await Promise.resolve();
    expect(done, 'one frame is not yet a painted one').toBe(false);
    frames.shift()!(16);
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('resolves by its timer when no frame comes (a hidden window paints none)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    let done = false;
    void afterNextPaint().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
