// A waiting draft asks, when its delay is over, whether it is still wanted: a record sent or a
// form cleared meanwhile means it is not, and nothing is sent (neither by the timer nor a flush).
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
