// Settings, "Encryption" (issue 15): the SQLCipher version and where the key is kept (a key file
// named as weaker), a new recovery key issued after a confirmation and shown once, and the
// plain backups listed and removed after a confirmation. Escape cancels a confirmation.
import { cleanup, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { KEY_FILE, NEW_RECOVERY_KEY } from '../../test/fakeEncryption';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import { showSettings } from '../../test/settingsScreen';
import { pendingKey } from '../startup/pendingKey.svelte';

const PLAIN = ['/srv/vigil-backups/vigil-20261101T031500000Z.sqlite3', '/srv/vigil-backups/vigil-20261102T031500000Z.sqlite3'];

beforeEach(() => {
  resetIpc();
  pendingKey.clear();
  vi.clearAllMocks();
});

const NOT_KEPT = /No one has said the recovery key of these records was kept/;

const section = async () => {
  await screen.findByText(/encrypted with SQLCipher/);
  return screen.getByRole('heading', { name: 'Encryption' });
};

describe('the encryption section', () => {
  it('shows the SQLCipher version and the keystore', async () => {
    showSettings('admin');
    await section();
    expect(screen.getByText(/encrypted with SQLCipher 4\.6\.1 community/)).toBeTruthy();
    expect(screen.getByText("The key is kept in the workstation's keystore.")).toBeTruthy();
    expect(screen.queryByText(/A key file is weaker/)).toBeNull();
    expect(screen.queryByText(NOT_KEPT)).toBeNull();
    expect(screen.queryByRole('list', { name: 'Backups that are not encrypted' })).toBeNull();
  });

  it('names a key file with its path, as weaker, and why', async () => {
    ipc.encryption = { ...ipc.encryption, keyHome: 'key_file', keyFile: KEY_FILE };
    showSettings('admin');
    await section();
    expect(screen.getByText(`The key is kept in a key file (weaker): ${KEY_FILE}.`)).toBeTruthy();
    expect(
      screen.getByText('A key file is weaker: anyone who can read that file and the data directory can read the records.'),
    ).toBeTruthy();
  });

  it('asks for a recovery key until one is said kept (records encrypted at the upgrade)', async () => {
    ipc.encryption = { ...ipc.encryption, recoveryKeyShown: false };
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    expect(screen.getByText(NOT_KEPT)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    await user.click(screen.getByRole('button', { name: 'Issue the new key' }));
    expect((await screen.findByRole('status', { name: 'Recovery key' })).textContent).toBe(NEW_RECOVERY_KEY);
    expect(ipc.encryption.recoveryKeyShown).toBe(false);
    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    expect(await screen.findByText('The new recovery key is in force.')).toBeTruthy();
    expect(ipc.keysKept).toBe(1);
    expect(screen.queryByText(NOT_KEPT)).toBeNull();
  });

  it('shows the new key again after Settings was left (a lock, another screen) until it is said kept', async () => {
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    await user.click(screen.getByRole('button', { name: 'Issue the new key' }));
    await screen.findByRole('heading', { name: 'Your recovery key' });
    cleanup();
    showSettings('admin');
    await section();
    expect(screen.getByRole('status', { name: 'Recovery key' }).textContent).toBe(NEW_RECOVERY_KEY);
    expect(screen.getByText('Backups re-encrypted to the new key: 3.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    cleanup();
    showSettings('admin');
    await section();
    expect(screen.queryByRole('heading', { name: 'Your recovery key' })).toBeNull();
    expect(ipc.reissues).toBe(1);
  });

  it('keeps the new key on screen when the reload after the re-issue fails', async () => {
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    vi.mocked(api.loadEncryption).mockRejectedValueOnce(new api.IpcError({ code: 'storage', message: 'The disk is busy.' }));
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    await user.click(screen.getByRole('button', { name: 'Issue the new key' }));
    expect(await screen.findByText('The encryption could not be read: The disk is busy.')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Recovery key' }).textContent).toBe(NEW_RECOVERY_KEY);
  });

  it('ignores Escape while the new key is being issued', async () => {
    let release: () => void = () => {};
    ipc.reissueGate = new Promise<void>((resolve) => (release = resolve));
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    await user.click(screen.getByRole('button', { name: 'Issue the new key' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('group', { name: /old recovery key will no longer open/ })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeTruthy();
  });

  it('is not shown to a nurse who is not an administrator', async () => {
    showSettings('nurse');
    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.queryByRole('heading', { name: 'Encryption' })).toBeNull();
    expect(vi.mocked(api.loadEncryption)).not.toHaveBeenCalled();
  });

  it('issues a new recovery key after a confirmation and shows it once', async () => {
    ipc.notReencrypted = ['/media/old/vigil-20261001T031500000Z.sqlite3'];
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    const issue = screen.getByRole('button', { name: 'Issue a new recovery key' });
    await user.click(issue);
    expect(ipc.reissues).toBe(0);
    const confirm = screen.getByRole('group', { name: /old recovery key will no longer open these records or the backups/ });
    const go = within(confirm).getByRole('button', { name: 'Issue the new key' });
    // The question, not the button: a double Enter issues nothing.
    expect(document.activeElement).toBe(document.getElementById('encryption-confirm-text'));
    await user.keyboard('{Enter}');
    expect(ipc.reissues).toBe(0);
    await user.click(go);
    expect(ipc.reissues).toBe(1);
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Recovery key' }).textContent).toBe(NEW_RECOVERY_KEY);
    expect(screen.getByText('Backups re-encrypted to the new key: 3.')).toBeTruthy();
    const left = screen.getByRole('list', { name: /Not re-encrypted/ });
    expect(within(left).getByText('/media/old/vigil-20261001T031500000Z.sqlite3')).toBeTruthy();

    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Print the recovery key' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    expect(screen.queryByText(NEW_RECOVERY_KEY)).toBeNull();
    expect(screen.getByText('The new recovery key is in force.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Issue a new recovery key' }));
  });

  it('Escape cancels the confirmation and issues nothing', async () => {
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    expect(screen.getByRole('button', { name: 'Issue the new key' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Issue the new key' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    expect(vi.mocked(api.reissueRecoveryKey)).not.toHaveBeenCalled();
  });

  it('lists the plain backups and removes them after a confirmation', async () => {
    ipc.encryption = { ...ipc.encryption, plainBackups: [...PLAIN] };
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    const list = screen.getByRole('list', { name: 'Backups that are not encrypted' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(PLAIN);
    await user.click(screen.getByRole('button', { name: 'Remove the plain backups' }));
    expect(screen.getByRole('group', { name: /Remove 2 plain backups\? They cannot be restored/ })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(vi.mocked(api.removePlainBackups)).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove the plain backups' }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Remove them' }));
    const done = await screen.findByText('Removed 2 plain backups.');
    expect(done.parentElement?.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(done);
    expect(screen.queryByRole('list', { name: 'Backups that are not encrypted' })).toBeNull();
    expect(vi.mocked(api.removePlainBackups)).toHaveBeenCalledTimes(1);
  });

  it('shows a refused re-issue and keeps the old key', async () => {
    ipc.encryptionError = { code: 'storage', message: 'The disk is full. Nothing was changed.' };
    const user = userEvent.setup();
    showSettings('admin');
    await section();
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key' }));
    await user.click(screen.getByRole('button', { name: 'Issue the new key' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('No new recovery key was issued: The disk is full. Nothing was changed.');
    expect(document.activeElement).toBe(alert);
    expect(screen.queryByRole('heading', { name: 'Your recovery key' })).toBeNull();
  });
});
