// The window at a start whose records cannot be opened (issue 12, item 4): the reason and the
// ways out, and only the recovery commands called until one of them succeeds; then the app
// carries on in the same window, saying where the damaged file was kept.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { noFileAt } from '../../test/backendMessages';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import Startup from '../../Startup.svelte';

const BACKUP = 'vigil-20261127T031500000Z.sqlite3';
const UNVERIFIED = 'vigil-20261127T021500000Z.sqlite3';

function damaged() {
  ipc.startupProblem = {
    kind: 'damaged',
    reason: 'the database cannot be opened: sqlite: file is not a database',
    database: '/data/vigil.sqlite3',
    backupFolder: '/data/backups',
    damaged: true,
    needsKey: false,
    backups: [
      { file: BACKUP, createdAt: '2026-11-27T03:15:00Z', bytes: 204_800, headHash: 'abc', unverified: null },
      {
        file: UNVERIFIED,
        createdAt: '2026-11-27T02:15:00Z',
        bytes: 204_800,
        headHash: null,
        unverified: 'audit entry 7 was altered',
      },
    ],
  };
}

/** Every IPC function the app's own screens call: none may run in recovery mode. */
const APP_CALLS = ['loadAuth', 'loadBoard', 'loadAlerts', 'loadSettings', 'loadIntegrity'] as const;

function appCalls(): number {
  return APP_CALLS.reduce((n, name) => n + vi.mocked(api[name]).mock.calls.length, 0);
}

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

describe('a start whose records cannot be opened', () => {
  it('shows the reason and the backups found, and calls nothing but the recovery commands', async () => {
    damaged();
    render(Startup);
    expect(await screen.findByRole('heading', { name: 'Vigil cannot open its records' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('file is not a database');
    expect(screen.getByText('/data/vigil.sqlite3')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Backups in /data/backups, newest first' });
    expect(within(table).getByRole('rowheader', { name: BACKUP })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Restore ${BACKUP}` })).toBeTruthy();
    // A backup that did not verify when made is listed, but offers no restore.
    const unverified = within(table).getByRole('rowheader', { name: UNVERIFIED }).closest('tr')!;
    expect(unverified.textContent).toContain('Unverified: audit entry 7 was altered');
    expect(within(unverified).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start with the file moved aside' })).toBeTruthy();
    expect(appCalls()).toBe(0);
  });

  it('moves the file aside after a confirmation, then the app carries on', async () => {
    damaged();
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Start with the file moved aside' }));
    expect(ipc.recoveries).toEqual([]);
    const confirm = screen.getByRole('button', { name: 'Move aside and start' });
    expect(document.activeElement).toBe(confirm);
    expect(appCalls()).toBe(0);
    await user.click(confirm);
    expect(ipc.recoveries).toEqual(['aside']);
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      'The damaged file was kept as /data/vigil.damaged-20261127T031500000Z.sqlite3',
    );
    expect(screen.queryByRole('heading', { name: 'Vigil cannot open its records' })).toBeNull();
  });

  it('restores a listed backup', async () => {
    damaged();
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: `Restore ${BACKUP}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm restore' }));
    expect(ipc.recoveries).toEqual([BACKUP]);
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(`Restored from /data/backups/${BACKUP}.`);
  });

  it('shows a refused typed path beside its field and stays on the recovery screen', async () => {
    damaged();
    const refused = noFileAt('/media/usb/missing.sqlite3');
    ipc.recoveryError = refused;
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Restore this file' }));
    expect(screen.getByLabelText('Another backup file').getAttribute('aria-describedby')).toContain(
      'recovery-path-error',
    );
    await user.type(screen.getByLabelText('Another backup file'), '/media/usb/missing.sqlite3');
    await user.click(screen.getByRole('button', { name: 'Restore this file' }));
    await user.click(screen.getByRole('button', { name: 'Confirm restore' }));
    expect(await screen.findByText(refused.message)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Vigil cannot open its records' })).toBeTruthy();
    expect(ipc.recoveries).toEqual([]);
    expect(appCalls()).toBe(0);
  });

  it('says when the file itself does not look damaged', async () => {
    damaged();
    ipc.startupProblem!.damaged = false;
    ipc.startupProblem!.kind = 'unreadable';
    ipc.startupProblem!.reason = 'the database cannot be opened: database schema version 40 is newer than this Vigil knows (17)';
    render(Startup);
    expect(await screen.findByText(/The file itself does not look damaged/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start with the file moved aside' })).toBeTruthy();
  });

  it('a normal start goes straight to the app', async () => {
    render(Startup);
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Vigil cannot open its records' })).toBeNull();
    expect(vi.mocked(api.loadStartupProblem)).toHaveBeenCalledTimes(1);
  });
});
