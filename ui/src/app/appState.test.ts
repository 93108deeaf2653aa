// The app state on its own, over the fake IPC (no page rendered): what a sign-in state opens
// and closes, loads (a newer one wins, a failure is said), the names hidden once locked, the
// emergency prompt, and the actions' messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/ipc';
import type { ActiveAlert, AuthStatus } from '../lib/ipc';
import { initials } from '../lib/labels';
import { BEN, activeAlert, ipc, resetIpc, row } from '../test/fakeIpc';
import { AppState } from './appState.svelte';

vi.mock('../lib/ipc', async (importOriginal) => (await import('../test/fakeIpc')).fakeIpc(await importOriginal()));

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

async function loaded() {
  const app = new AppState();
  await app.refresh();
  return app;
}

const status = (changes: Partial<AuthStatus>): AuthStatus => ({ ...ipc.auth, ...changes });

const alert = (firingId: number, emergency = false): ActiveAlert =>
  activeAlert(firingId, {
    kind: emergency ? 'clinical' : 'minimum_reached',
    severity: emergency ? 'critical' : null,
    emergency,
  });

describe('a sign-in state', () => {
  it('leaving the open state shows the board and closes the admit form and the last error', async () => {
    const app = await loaded();
    const told = vi.fn();
    app.afterAuth = told;
    app.view = 'settings';
    app.admitting = true;
    app.actionError = 'The alert could not be acknowledged: gone';
    app.lockedHere = true;
    app.applyAuth(status({ locked: true }));
    expect([app.view, app.admitting, app.actionError, app.open]).toEqual(['board', false, null, false]);
    expect(app.lockedHere, 'still locked from this keyboard').toBe(true);
    expect(told).toHaveBeenLastCalledWith(expect.objectContaining({ locked: true }), false);
    app.applyAuth(status({ locked: false }));
    expect(app.lockedHere).toBe(false);
    expect(told).toHaveBeenLastCalledWith(expect.objectContaining({ locked: false }), true);
  });

  it('keeps the people screen for an administrator only, not under emergency access', async () => {
    const app = await loaded();
    app.view = 'people';
    app.applyAuth(status({}));
    expect(app.view).toBe('people');
    expect(app.isAdmin).toBe(true);
    app.applyAuth(status({ emergency: true }));
    expect(app.view).toBe('board');
    expect([app.emergencyAccess, app.isAdmin]).toEqual([true, false]);
    app.view = 'people';
    app.applyAuth(status({ nurse: BEN }));
    expect(app.view).toBe('board');
  });

  it('another nurse signing in closes the record the last one had open', async () => {
    const app = await loaded();
    app.showRecord(5);
    expect(app.work.detailId).toBe(5);
    app.applyAuth(status({ nurse: BEN }));
    expect(app.work.detailId).toBeNull();
  });
});

describe('loading', () => {
  it('takes the board, alerts, settings and sign-in state', async () => {
    ipc.board.rows = [row(1, 'Bay 1', 'Testy McTestface')];
    ipc.alerts = [alert(1)];
    const app = await loaded();
    expect(app.board?.rows.map((r) => r.bay)).toEqual(['Bay 1']);
    expect(app.alerts.map((a) => a.firingId)).toEqual([1]);
    expect(app.settings).not.toBeNull();
    expect(app.open).toBe(true);
    expect(app.loadError).toBeNull();
  });

  it('says why the board could not be loaded, and clears it on the next load', async () => {
    const app = new AppState();
    vi.mocked(api.loadBoard).mockRejectedValueOnce(new Error('database is locked'));
    await app.refresh();
    expect(app.loadError).toBe('The board could not be loaded: database is locked');
    await app.refresh();
    expect(app.loadError).toBeNull();
  });

  it('says why the records could not be verified', async () => {
    const app = new AppState();
    vi.mocked(api.loadIntegrity).mockRejectedValueOnce(new Error('disk error'));
    await app.refresh();
    await vi.waitFor(() => expect(app.integrityError).toBe('The records could not be verified: disk error'));
  });

  it('a slower, older load does not overwrite a newer one', async () => {
    const app = new AppState();
    let oldBoard: (b: api.RecoveryBoard) => void = () => {};
    vi.mocked(api.loadBoard).mockReturnValueOnce(new Promise((resolve) => (oldBoard = resolve)));
    const first = app.refresh();
    ipc.board.rows = [row(2, 'Bay 2', 'Testy McTestface')];
    await app.refresh();
    oldBoard({ ...ipc.board, rows: [] });
    await first;
    expect(app.board?.rows.map((r) => r.bay)).toEqual(['Bay 2']);
  });
});

describe('what is shown', () => {
  it('once locked, alerts loaded while open show initials until the next load', async () => {
    ipc.board.rows = [row(1, 'Bay 1', 'Testy McTestface')];
    ipc.alerts = [alert(1)];
    const app = await loaded();
    expect(app.shownAlerts[0]?.patientName).toBe('Testy McTestface');
    app.applyAuth(status({ locked: true }));
    expect(app.staleNames).toBe(true);
    expect(app.shownAlerts[0]?.patientName).toBe(initials('Testy McTestface'));
    expect(app.nurse).toBeNull();
  });

  it('an emergency prompt is shown until closed; Transfer opens the transfer form for its bay', async () => {
    ipc.alerts = [alert(1), alert(7, true)];
    const app = await loaded();
    expect(app.emergency?.firingId).toBe(7);
    app.transferFromEmergency(app.emergency!);
    expect(app.emergency).toBeNull();
    expect(app.discharge.form).toMatchObject({ kind: 'transfer', sessionId: 7, bay: 'Bay 7' });
    expect([app.view, app.formOpen]).toEqual(['board', true]);
  });

  it('a form is open while admitting, checking, discharging or writing a note', async () => {
    const app = await loaded();
    expect(app.formOpen).toBe(false);
    app.admitting = true;
    expect(app.formOpen).toBe(true);
    app.admitting = false;
    app.boardFormOpen = true;
    expect(app.formOpen).toBe(true);
  });
});

describe('actions', () => {
  it('says what failed and why', async () => {
    const app = await loaded();
    await app.act('The alert could not be acknowledged', () => Promise.reject(new Error('gone')));
    expect(app.actionError).toBe('The alert could not be acknowledged: gone');
    await app.act('Again', async () => {});
    expect(app.actionError).toBeNull();
  });

  it('acknowledges an alert, then reloads', async () => {
    ipc.alerts = [alert(3)];
    const app = await loaded();
    await app.acknowledge(3);
    expect(ipc.acknowledged).toEqual([3]);
    expect(app.alerts).toEqual([]);
  });

  it('locks from this keyboard, and signs out, taking the state each returns', async () => {
    const app = await loaded();
    app.lock();
    expect(app.lockedHere).toBe(true);
    await vi.waitFor(() => expect(app.auth?.locked).toBe(true));
    app.applyAuth(status({ locked: false }));
    app.signOutNow();
    await vi.waitFor(() => expect(app.auth?.nurse).toBeNull());
    expect(api.signOut).toHaveBeenCalledTimes(1);
  });

  it('says when signing out failed, and stays signed in', async () => {
    const app = await loaded();
    vi.mocked(api.signOut).mockRejectedValueOnce(new Error('database is locked'));
    app.signOutNow();
    await vi.waitFor(() => expect(app.actionError).toBe('Signing out failed: database is locked'));
    expect(app.open).toBe(true);
  });
});
