// The app's wiring on its own, over an app state and the fake IPC (no page rendered): a record
// asked for by a notification while locked or during a form, the shell's listeners and their
// teardown, the urgent tone when an alert's reload is slow, the activity pings and Ctrl+L.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/ipc';
import type { ActiveAlert } from '../lib/ipc';
import { playTone } from '../features/alerts/tones';
import { BEN, activeAlert, ipc, lockAs, resetIpc, row } from '../test/fakeIpc';
import { AppState } from './appState.svelte';
import { AppWiring } from './appWiring.svelte';

vi.mock('../lib/ipc', async (importOriginal) => (await import('../test/fakeIpc')).fakeIpc(await importOriginal()));
// The tones are observed, not played (jsdom has no Web Audio).
vi.mock('../features/alerts/tones', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../features/alerts/tones')>()),
  playTone: vi.fn(() => true),
}));

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});
afterEach(() => vi.useRealTimers());

/** An app state loaded from the fake, with its wiring (as App.svelte makes them). */
async function loaded() {
  const app = new AppState();
  const wiring = new AppWiring(app);
  await app.refresh();
  return { app, wiring };
}

/** Signs `nurse` back in at the lock, as the sign-in panel does. */
const signIn = (app: AppState, nurse = ipc.auth.nurse) =>
  app.signedIn({ ...ipc.auth, nurse, locked: false, emergency: false });

describe('a record asked for by a clicked notification', () => {
  beforeEach(() => {
    ipc.board.rows = [row(2, 'Bay 2', 'Testy McTestface')];
  });

  it('while locked, opens once the nurse signs in', async () => {
    lockAs(ipc.auth.nurse);
    const { app, wiring } = await loaded();
    expect(app.open).toBe(false);
    wiring.openFromNotification(2);
    expect(app.work.detailId).toBeNull();
    signIn(app);
    expect(app.work.detailId).toBe(2);
    expect(app.view).toBe('board');
  });

  it('while locked, is forgotten when the patient has left the board or after two minutes', async () => {
    lockAs(ipc.auth.nurse);
    const { app, wiring } = await loaded();
    wiring.openFromNotification(9); // not on the board
    signIn(app);
    expect(app.work.detailId).toBeNull();

    app.applyAuth({ ...ipc.auth, locked: true });
    vi.useFakeTimers({ toFake: ['Date'] });
    wiring.openFromNotification(2);
    vi.setSystemTime(Date.now() + 2 * 60_000 + 1);
    signIn(app);
    expect(app.work.detailId).toBeNull();
  });

  it('signed out, is forgotten: the next nurse to sign in does not get it', async () => {
    lockAs(ipc.auth.nurse);
    const { app, wiring } = await loaded();
    wiring.openFromNotification(2);
    app.applyAuth({ ...ipc.auth, nurse: null, locked: false });
    signIn(app, BEN);
    expect(app.work.detailId).toBeNull();
  });

  it('during a form, waits for the form to close and says which bay', async () => {
    const { app, wiring } = await loaded();
    app.admitting = true;
    wiring.openFromNotification(2);
    expect(wiring.askedDuringForm).toEqual({ sessionId: 2, bay: 'Bay 2' });
    wiring.openWhenNoForm();
    expect(app.work.detailId).toBeNull();
    app.admitting = false;
    wiring.openWhenNoForm();
    expect(app.work.detailId).toBe(2);
    expect(wiring.askedDuringForm).toBeNull();
  });

  it('open and with no form, opens at once', async () => {
    const { app, wiring } = await loaded();
    wiring.openFromNotification(2);
    expect(app.work.detailId).toBe(2);
  });
});

describe('connect', () => {
  const listeners = [
    api.onRecordsChanged,
    api.onAuthChanged,
    api.onStorageChanged,
    api.onAlertRaised,
    api.onOpenSession,
    api.onCloseRequested,
  ] as const;

  /** Each listener's unlisten, as a spy. */
  function spyUnlisten() {
    return listeners.map((listen) => {
      const stop = vi.fn();
      vi.mocked(listen).mockResolvedValueOnce(stop);
      return stop;
    });
  }

  it('listens to every shell event, and its teardown stops every listener and the clock', async () => {
    const app = new AppState();
    const stops = spyUnlisten();
    const stopClock = vi.fn();
    vi.spyOn(app.clock, 'start').mockReturnValue(stopClock);
    const disconnect = new AppWiring(app).connect();
    await vi.waitFor(() => expect(app.auth).not.toBeNull());
    for (const listen of listeners) expect(listen).toHaveBeenCalledTimes(1);
    expect(app.clock.start).toHaveBeenCalledTimes(1);
    for (const stop of [...stops, stopClock]) expect(stop).not.toHaveBeenCalled();
    disconnect();
    for (const stop of [...stops, stopClock]) expect(stop).toHaveBeenCalledTimes(1);
  });

  it('a listener that arrives after the teardown is stopped at once', async () => {
    const app = new AppState();
    const stop = vi.fn();
    let arrive: (stop: () => void) => void = () => {};
    vi.mocked(api.onRecordsChanged).mockReturnValueOnce(new Promise((resolve) => (arrive = resolve)));
    const disconnect = new AppWiring(app).connect();
    disconnect();
    expect(stop).not.toHaveBeenCalled();
    arrive(stop);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  it('a records-changed or auth-changed event reloads the board', async () => {
    const app = new AppState();
    const disconnect = new AppWiring(app).connect();
    await vi.waitFor(() => expect(app.board).not.toBeNull());
    ipc.board.rows = [row(4, 'Bay 4', 'Testy McTestface')];
    vi.mocked(api.onRecordsChanged).mock.calls[0]![0]();
    await vi.waitFor(() => expect(app.board?.rows.map((r) => r.bay)).toEqual(['Bay 4']));
    ipc.board.rows = [];
    vi.mocked(api.onAuthChanged).mock.calls[0]![0]();
    await vi.waitFor(() => expect(app.board?.rows).toEqual([]));
    disconnect();
  });
});

describe('the sound of a raised alert, without a page', () => {
  const raised = (): ActiveAlert => activeAlert(31, { bay: 'Bay 3' });

  /** Connected and loaded; returns the handler of alert-raised and the teardown. */
  async function connected() {
    const app = new AppState();
    const disconnect = new AppWiring(app).connect();
    await vi.waitFor(() => expect(app.board).not.toBeNull());
    await vi.waitFor(() => expect(api.onAlertRaised).toHaveBeenCalled());
    vi.mocked(playTone).mockClear();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    return { app, alertRaised: vi.mocked(api.onAlertRaised).mock.calls[0]![0], disconnect };
  }

  it('plays the urgent tone 3 s after the alert when its reload has not come back', async () => {
    const { alertRaised, disconnect } = await connected();
    vi.mocked(api.loadAlerts).mockImplementationOnce(() => new Promise(() => {}));
    alertRaised();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(playTone).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(vi.mocked(playTone).mock.calls).toEqual([['urgent', 40]]);
    disconnect();
  });

  it("plays the alert's own tone when the reload is in time, and no urgent tone after", async () => {
    const { alertRaised, disconnect } = await connected();
    ipc.alerts = [raised()];
    alertRaised();
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.mocked(playTone).mock.calls).toEqual([['soft', 40]]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(playTone).toHaveBeenCalledTimes(1);
    disconnect();
  });

  it('plays the urgent tone at once when the reload fails, and only once', async () => {
    const { app, alertRaised, disconnect } = await connected();
    vi.mocked(api.loadAlerts).mockRejectedValueOnce(new Error('database is locked'));
    alertRaised();
    await vi.advanceTimersByTimeAsync(10);
    expect(app.loadError).toBe('The board could not be loaded: database is locked');
    expect(vi.mocked(playTone).mock.calls).toEqual([['urgent', 40]]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(playTone).toHaveBeenCalledTimes(1);
    disconnect();
  });

  it('plays the urgent tone once when the reload fails after the 3 s fallback played', async () => {
    const { alertRaised, disconnect } = await connected();
    let fail: (e: Error) => void = () => {};
    vi.mocked(api.loadAlerts).mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    alertRaised();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(playTone).toHaveBeenCalledTimes(1);
    fail(new Error('database is locked'));
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.mocked(playTone).mock.calls).toEqual([['urgent', 40]]);
    disconnect();
  });
});

describe('the keyboard and the idle lock', () => {
  const key = (k: string, ctrl = false) => new KeyboardEvent('keydown', { key: k, ctrlKey: ctrl, cancelable: true });

  it('pings activity at most every 5 s, and not while locked', async () => {
    const { app, wiring } = await loaded();
    const now = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    wiring.activity();
    wiring.onKeydown(key('a'));
    await vi.waitFor(() => expect(api.noteActivity).toHaveBeenCalledTimes(1));
    now.mockReturnValue(15_000);
    wiring.activity();
    await vi.waitFor(() => expect(api.noteActivity).toHaveBeenCalledTimes(2));
    app.applyAuth({ ...ipc.auth, locked: true });
    now.mockReturnValue(30_000);
    wiring.activity();
    await Promise.resolve();
    expect(api.noteActivity).toHaveBeenCalledTimes(2);
    now.mockRestore();
  });

  it('Ctrl+L locks the screen when open, and is only activity otherwise', async () => {
    const { app, wiring } = await loaded();
    const locking = key('L', true);
    wiring.onKeydown(locking);
    expect(locking.defaultPrevented).toBe(true);
    expect(app.lockedHere).toBe(true);
    await vi.waitFor(() => expect(app.open).toBe(false));
    expect(api.lockScreen).toHaveBeenCalledTimes(1);
    const again = key('l', true);
    wiring.onKeydown(again);
    expect(again.defaultPrevented).toBe(false);
    expect(api.lockScreen).toHaveBeenCalledTimes(1);
  });
});
