// The one way a draft reaches the database: after the delay or at once, a change replacing one
// still waiting, flushed before a record's save, and a failure said (or not, when quiet); a
// waiting draft asks, when its delay is over, whether it is still wanted (a record sent or a form
// cleared meanwhile means it is not, and nothing is sent, neither by the timer nor a flush).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { DRAFT_DELAY_MS, DraftSaver } from './draftSaver.svelte';

vi.mock('../ipc', async (importOriginal) => (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()));

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('DraftSaver', () => {
  it('saves the last change once, the delay after it', async () => {
    const saver = new DraftSaver();
    const kept = vi.fn();
    saver.later('admit', 'one');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 50);
    saver.later('admit', 'two', kept);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 50);
    expect(api.saveDraft).not.toHaveBeenCalled();
    expect(saver.waiting).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(api.saveDraft).toHaveBeenCalledTimes(1);
    expect(api.saveDraft).toHaveBeenCalledWith('admit', 'two');
    expect(kept).toHaveBeenCalledTimes(1);
    expect(ipc.draft?.content).toBe('two');
    expect(saver.sent).toBe(1);
  });

  it('flushes a waiting change at once, and drops it when stopped', async () => {
    const saver = new DraftSaver();
    saver.later('check', 'typed');
    await saver.flush();
    expect(api.saveDraft).toHaveBeenCalledWith('check', 'typed');
    saver.later('check', 'more');
    saver.stop();
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
    expect(api.saveDraft).toHaveBeenCalledTimes(1);
    expect(saver.waiting).toBe(false);
  });

  it('saves now in place of a waiting change', async () => {
    const saver = new DraftSaver();
    saver.later('escort', 'old');
    await saver.now('escort', 'new');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
    expect(vi.mocked(api.saveDraft).mock.calls).toEqual([['escort', 'new']]);
  });

  it('says why a draft was not kept, unless quiet, and clears the problem once one is kept', async () => {
    const saver = new DraftSaver();
    vi.mocked(api.saveDraft).mockRejectedValueOnce(new Error('disk full'));
    await saver.now('admit', 'a');
    expect(saver.problem).toBe('Not kept as a draft: disk full');
    await saver.now('admit', 'b');
    expect(saver.problem).toBeNull();
    const failed = vi.fn();
    vi.mocked(api.saveDraft).mockRejectedValueOnce(new Error('disk full'));
    await saver.now('admit', 'c', { quiet: true, failed });
    expect(saver.problem).toBeNull();
    expect(failed).toHaveBeenCalledTimes(1);
  });

  it('loads and clears a form’s draft, a failed clear being ignored', async () => {
    const saver = new DraftSaver();
    await saver.now('against_advice', '{"x":1}');
    expect((await saver.load('against_advice'))?.content).toBe('{"x":1}');
    await saver.clear('against_advice');
    expect(await saver.load('against_advice')).toBeNull();
    vi.mocked(api.clearDraft).mockRejectedValueOnce(new Error('locked'));
    await expect(saver.clear('check')).resolves.toBeUndefined();
  });
});

describe('DraftSaver, a draft no longer wanted', () => {
  it('is not sent when its delay is over', async () => {
    const saver = new DraftSaver();
    let sentRecord = false;
    const kept = vi.fn();
    saver.later('admit', 'typed', kept, () => !sentRecord);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 50);
    sentRecord = true; // e.g. the admission was sent within the delay
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect(api.saveDraft).not.toHaveBeenCalled();
    expect(kept).not.toHaveBeenCalled();
    expect(saver.sent).toBe(0);
    expect(saver.waiting).toBe(false);
    expect(ipc.draft).toBeNull();
  });

  it('is not sent by a flush either', async () => {
    const saver = new DraftSaver();
    saver.later('check', 'typed', undefined, () => false);
    await saver.flush();
    expect(api.saveDraft).not.toHaveBeenCalled();
    expect(saver.waiting).toBe(false);
  });

  it('is sent when still wanted, asked only once the delay is over', async () => {
    const saver = new DraftSaver();
    const wanted = vi.fn(() => true);
    saver.later('admit', 'typed', undefined, wanted);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 1);
    expect(wanted).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(wanted).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.saveDraft).mock.calls).toEqual([['admit', 'typed']]);
    expect(ipc.draft?.content).toBe('typed');
  });
});
