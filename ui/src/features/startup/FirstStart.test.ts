// The first start (issue 15): Vigil creates no records by itself. New records (their key in the
// keystore, or in a key file when no keystore answers and the nurse chooses it) show their
// recovery key once, printable; "I have kept the recovery key safe" carries on to the first
// administrator. Copied records open with their recovery key and the records file.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { KEY_FILE, RECOVERY_KEY, startupProblemOf } from '../../test/fakeEncryption';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import Startup from '../../Startup.svelte';

const SETUP = { name: "Set up Vigil's records" };

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.startupProblem = startupProblemOf('first_start', 'There are no records on this workstation yet.');
  ipc.auth = { ...ipc.auth, setupNeeded: true, nurse: null };
});

afterEach(() => vi.restoreAllMocks());

describe('the first start', () => {
  it('offers the two ways and calls nothing of the app', async () => {
    render(Startup);
    expect(await screen.findByRole('heading', SETUP)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start new records' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open existing records with a recovery key' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Keep the key in a file (weaker)' })).toBeNull();
    expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();
    expect(vi.mocked(api.startNewRecords)).not.toHaveBeenCalled();
  });

  it('starts new records in the keystore, shows the recovery key once, then the first administrator', async () => {
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Start new records' }));
    expect(ipc.newRecords).toEqual([{ keepIn: 'keystore' }]);
    const title = await screen.findByRole('heading', { name: 'Your recovery key' });
    expect(document.activeElement).toBe(title);
    const key = screen.getByRole('status', { name: 'Recovery key' });
    expect(key.tagName).toBe('OUTPUT');
    expect(key.textContent).toBe(RECOVERY_KEY);
    expect(screen.getByText(/on another workstation/)).toBeTruthy();
    expect(screen.getByText('Keep it on paper in a locked place, not on this computer.')).toBeTruthy();
    expect(screen.getByText(/shown only this once; an administrator can issue a new one in Settings/)).toBeTruthy();
    expect(screen.getByText(/kept in the workstation's keystore/)).toBeTruthy();
    expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Vigil' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Recovery key' })).toBeNull();
    expect(screen.queryByText(RECOVERY_KEY)).toBeNull();
  });

  it('prints the recovery key card through the print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Start new records' }));
    await user.click(await screen.findByRole('button', { name: 'Print the recovery key' }));
    expect(print).toHaveBeenCalledTimes(1);
    // Printing does not carry on: the key stays until the nurse says it was kept.
    expect(screen.getByRole('status', { name: 'Recovery key' }).textContent).toBe(RECOVERY_KEY);
  });

  it('when no keystore answers, says so and offers the key file, which then works', async () => {
    ipc.keystoreAnswers = false;
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Start new records' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No keystore answers on this workstation');
    expect(ipc.newRecords).toEqual([]);
    const keyFile = screen.getByRole('button', { name: 'Keep the key in a file (weaker)' });
    expect(document.activeElement).toBe(keyFile);
    expect(screen.getByText(/anyone who can read that file and the data directory can read the records/)).toBeTruthy();
    await user.click(keyFile);
    expect(ipc.newRecords).toEqual([{ keepIn: 'key_file' }]);
    expect((await screen.findByRole('status', { name: 'Recovery key' })).textContent).toBe(RECOVERY_KEY);
    expect(screen.getByText(`The records' own key is kept in a key file (weaker): ${KEY_FILE}.`)).toBeTruthy();
  });

  it('opens copied records with the recovery key and the records file', async () => {
    ipc.auth = { ...ipc.auth, setupNeeded: false };
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Open existing records with a recovery key' }));
    const keyField = screen.getByRole('textbox', { name: 'Recovery key' });
    expect(document.activeElement).toBe(keyField);
    await user.type(keyField, RECOVERY_KEY.toLowerCase());
    await user.type(screen.getByRole('textbox', { name: 'Records file' }), '/media/usb/vigil.sqlite3');
    const group = screen.getByRole('radiogroup', { name: 'Keep the key in' });
    expect((screen.getByRole('radio', { name: "The workstation's keystore" }) as HTMLInputElement).checked).toBe(true);
    expect(group.contains(screen.getByRole('radio', { name: 'A key file (weaker)' }))).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Open the records' }));
    expect(ipc.keyOpenings).toEqual([
      { recoveryKey: RECOVERY_KEY.toLowerCase(), file: '/media/usb/vigil.sqlite3', keepIn: 'keystore' },
    ]);
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      "The records copied from /media/usb/vigil.sqlite3 were opened with the recovery key; their key is now kept in the workstation's keystore.",
    );
  });

  it('shows a missing records file beside its field; Escape closes the form', async () => {
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Open existing records with a recovery key' }));
    await user.type(screen.getByRole('textbox', { name: 'Recovery key' }), RECOVERY_KEY);
    await user.click(screen.getByRole('button', { name: 'Open the records' }));
    const file = screen.getByRole('textbox', { name: 'Records file' });
    expect(await screen.findByText('Choose the records file: a copied Vigil database or a backup.')).toBeTruthy();
    expect(file.getAttribute('aria-describedby')).toContain('recovery-file-error');
    expect(file.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(file);
    expect(ipc.keyOpenings).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Recovery key' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open existing records with a recovery key' }));
    expect(screen.getByRole('heading', SETUP)).toBeTruthy();
  });
});
