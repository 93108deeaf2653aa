// The first start (issue 15): Vigil creates no records by itself. New records (their key in the
// keystore, or in a key file when no keystore answers and the nurse chooses it) show their
// recovery key once, printable; "I have kept the recovery key safe" carries on to the first
// administrator. Copied records open with their recovery key and the records file.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { ISSUED_AT, KEY_FILE, RECORDS_DIR, RECOVERY_KEY, startupProblemOf } from '../../test/fakeEncryption';
import { formatDateTime } from '../../lib/time';
import { pendingKey } from './pendingKey.svelte';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import Startup from '../../Startup.svelte';

const SETUP = { name: "Set up Vigil's records" };

beforeEach(() => {
  resetIpc();
  pendingKey.clear();
  vi.clearAllMocks();
  ipc.startupProblem = startupProblemOf('first_start', 'There are no records on this workstation yet.');
  ipc.auth = { ...ipc.auth, setupNeeded: true, nurse: null };
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

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
    const which = screen.getByText(RECORDS_DIR, { selector: 'code' }).parentElement;
    expect(which?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `For Vigil's records in ${RECORDS_DIR}, issued ${formatDateTime(ISSUED_AT)}.`,
    );
    expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Vigil' })).toBeTruthy();
    expect(ipc.keysKept).toBe(1);
    expect(pendingKey.current).toBeNull();
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
    // The message, not the key file: a second Enter chooses nothing.
    expect(document.activeElement).toBe(screen.getByRole('alert'));
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

  it('keeps the card when "kept" cannot be recorded, and says why', async () => {
    ipc.keptError = { code: 'storage', message: 'The disk is full.' };
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Start new records' }));
    await user.click(await screen.findByRole('button', { name: 'I have kept the recovery key safe' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Not recorded, the key is still shown: The disk is full.');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByRole('status', { name: 'Recovery key' }).textContent).toBe(RECOVERY_KEY);
    ipc.keptError = null;
    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Vigil' })).toBeTruthy();
  });

  it('keeps offering the key file after another refusal', async () => {
    ipc.keystoreAnswers = false;
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Start new records' }));
    const keyFile = await screen.findByRole('button', { name: 'Keep the key in a file (weaker)' });
    vi.mocked(api.startNewRecords).mockRejectedValueOnce(new api.IpcError({ code: 'storage', message: 'The disk is full.' }));
    await user.click(keyFile);
    expect((await screen.findByText('The disk is full.')).getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(screen.getByRole('button', { name: 'Keep the key in a file (weaker)' })).toBeTruthy();
  });

  it('ignores Escape and Cancel while the records are being opened', async () => {
    ipc.auth = { ...ipc.auth, setupNeeded: false };
    let release: () => void = () => {};
    const original = vi.mocked(api.openWithRecoveryKey).getMockImplementation();
    vi.mocked(api.openWithRecoveryKey).mockImplementationOnce(async (input) => {
      await new Promise<void>((resolve) => (release = resolve));
      return original!(input);
    });
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Open existing records with a recovery key' }));
    await user.type(screen.getByRole('textbox', { name: 'Recovery key' }), RECOVERY_KEY);
    await user.type(screen.getByRole('textbox', { name: 'Records file' }), '/media/usb/vigil.sqlite3');
    await user.click(screen.getByRole('button', { name: 'Open the records' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement;
    expect(cancel.disabled).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('textbox', { name: 'Recovery key' })).toBeTruthy();
    release();
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
    expect(ipc.keyOpenings).toHaveLength(1);
  });

  it('types the recovery key as a code: no spelling check, capitals', async () => {
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Open existing records with a recovery key' }));
    const field = screen.getByRole('textbox', { name: 'Recovery key' });
    expect(field.getAttribute('spellcheck')).toBe('false');
    expect(field.getAttribute('autocapitalize')).toBe('characters');
    expect(field.getAttribute('autocomplete')).toBe('off');
  });

  it("follows the system's dark preference before the records are open", async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-color-scheme: dark)',
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    render(Startup);
    await screen.findByRole('heading', SETUP);
    expect(document.documentElement.dataset.theme).toBe('dim');
  });
});
