// The records exist but their key could not be had (issue 15): the reason, "Try the keystore
// again", and the recovery key form whose refusals show beside their field; either way out that
// succeeds carries on into the app, and nothing of the app is called before.
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { RECOVERY_KEY, startupProblemOf } from '../../test/fakeEncryption';
import { recoveryKeyMistyped } from '../../test/backendMessages';
import { pendingKey } from './pendingKey.svelte';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import Startup from '../../Startup.svelte';

const LOCKED = { name: "Vigil's records are locked" };
const NO_KEYSTORE = 'No keystore answers: start the keyring, or open the records with the recovery key.';

beforeEach(() => {
  resetIpc();
  pendingKey.clear();
  vi.clearAllMocks();
  ipc.startupProblem = startupProblemOf('no_keystore', NO_KEYSTORE);
});

afterEach(() => vi.unstubAllGlobals());

const appStarted = () => screen.findByRole('heading', { name: 'No patients in recovery' });

describe('locked records', () => {
  it.each([
    ['no_keystore', 'Try the keystore again'],
    ['no_key_entry', 'Try the keystore again'],
    ['wrong_key', 'Try again'],
    ['key_file', 'Try the key file again'],
  ] as const)(
    'shows the reason and both ways out for %s (retry: "%s"), and calls nothing of the app',
    async (kind, retry) => {
      ipc.startupProblem = startupProblemOf(kind, `The key could not be had (${kind}).`);
      render(Startup);
      expect(await screen.findByRole('heading', LOCKED)).toBeTruthy();
      expect(screen.getByText(`The key could not be had (${kind}).`)).toBeTruthy();
      expect(screen.getByRole('button', { name: retry })).toBeTruthy();
      expect(screen.getAllByRole('button', { name: /^Try/ })).toHaveLength(1);
      expect(screen.getByRole('textbox', { name: 'Recovery key' })).toBeTruthy();
      expect(screen.queryByRole('textbox', { name: 'Records file' })).toBeNull();
      expect(screen.getByRole('radiogroup', { name: 'Keep the key in' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Open the records' })).toBeTruthy();
      expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();
    },
  );

  it('sets aside records no key opens, after asking, then goes on as a first start', async () => {
    ipc.startupProblem = startupProblemOf('wrong_key', 'The key kept on this workstation does not open these records.');
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Set the records aside' }));
    // Asked first, the focus on the question (a double Enter confirms nothing).
    expect(document.activeElement?.textContent).toContain('Set these records aside and start again?');
    await user.click(screen.getByRole('button', { name: 'Set aside and start again' }));
    expect(await screen.findByRole('heading', { name: "Set up Vigil's records" })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      'could not be opened were kept as /data/vigil/vigil.damaged-20260601T120000000Z.sqlite3',
    );
    expect(vi.mocked(api.setAsideLockedRecords)).toHaveBeenCalledTimes(1);
  });

  it('offers setting aside only when no key opens the records', async () => {
    ipc.startupProblem = startupProblemOf('no_keystore', NO_KEYSTORE);
    render(Startup);
    await screen.findByRole('heading', LOCKED);
    expect(screen.queryByRole('button', { name: 'Set the records aside' })).toBeNull();
  });

  it('tries the keystore again: still locked says why and stays; once it answers, the app starts', async () => {
    ipc.keystoreAnswers = false;
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Try the keystore again' }));
    const still = await screen.findByText(/Still locked: No keystore answers on this workstation/);
    // The failed retry's button was disabled while it ran: the focus goes to the message.
    expect(document.activeElement).toBe(still);
    expect(screen.getByRole('heading', LOCKED)).toBeTruthy();
    expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();
    ipc.keystoreAnswers = true;
    await user.click(screen.getByRole('button', { name: 'Try the keystore again' }));
    expect(ipc.keyRetries).toBe(2);
    expect(await appStarted()).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('The key was found: the records are open.');
  });

  it('shows a mistyped recovery key beside its field and opens nothing', async () => {
    const user = userEvent.setup();
    render(Startup);
    const field = await screen.findByRole('textbox', { name: 'Recovery key' });
    await user.type(field, RECOVERY_KEY.replace('0123', '0124'));
    await user.click(screen.getByRole('button', { name: 'Open the records' }));
    const error = await screen.findByText(recoveryKeyMistyped.message);
    expect(error.id).toBe('recovery-recoveryKey-error');
    expect(field.getAttribute('aria-describedby')).toContain('recovery-recoveryKey-error');
    expect(document.activeElement).toBe(field);
    expect(ipc.keyOpenings).toEqual([]);
    expect(screen.getByRole('heading', LOCKED)).toBeTruthy();
  });

  it('shows a keystore that does not answer beside "Keep the key in"; the key file then opens the records', async () => {
    ipc.keystoreAnswers = false;
    const user = userEvent.setup();
    render(Startup);
    await user.type(await screen.findByRole('textbox', { name: 'Recovery key' }), RECOVERY_KEY);
    await user.click(screen.getByRole('button', { name: 'Open the records' }));
    const group = screen.getByRole('radiogroup', { name: 'Keep the key in' });
    expect(await screen.findByText(/No keystore answers on this workstation/, { selector: '.field-error' })).toBeTruthy();
    expect(group.getAttribute('aria-describedby')).toContain('recovery-keepIn-error');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: "The workstation's keystore" }));
    await user.click(screen.getByRole('radio', { name: 'A key file (weaker)' }));
    await user.click(screen.getByRole('button', { name: 'Open the records' }));
    expect(ipc.keyOpenings).toEqual([{ recoveryKey: RECOVERY_KEY, file: null, keepIn: 'key_file' }]);
    expect(await appStarted()).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      'The records were opened with the recovery key; their key is now kept in a key file (weaker).',
    );
  });

  it('plain records still to be encrypted, no keystore: the key file, then their recovery key, then the app', async () => {
    ipc.startupProblem = startupProblemOf('no_keystore', NO_KEYSTORE, true);
    ipc.keystoreAnswers = false;
    const user = userEvent.setup();
    render(Startup);
    expect(await screen.findByRole('heading', LOCKED)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try the keystore again' })).toBeTruthy();
    // They have no recovery key yet: the form does not apply.
    expect(screen.queryByRole('textbox', { name: 'Recovery key' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep the key in a file (weaker)' }));
    expect(ipc.newRecords).toEqual([{ keepIn: 'key_file' }]);
    expect((await screen.findByRole('status', { name: 'Recovery key' })).textContent).toBe(RECOVERY_KEY);
    expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'I have kept the recovery key safe' }));
    expect(await appStarted()).toBeTruthy();
    expect(ipc.keysKept).toBe(1);
  });

  it('plain records encrypted by a retry: says no recovery key was shown, not "the key was found"', async () => {
    ipc.startupProblem = startupProblemOf('no_keystore', NO_KEYSTORE, true);
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Try the keystore again' }));
    expect(await appStarted()).toBeTruthy();
    const note = screen.getByRole('status').textContent ?? '';
    expect(note).toContain('an administrator must issue one in Settings');
    expect(note).not.toContain('The key was found');
  });

  it('runs one opening at a time: the recovery key form waits for the retry', async () => {
    let release: () => void = () => {};
    vi.mocked(api.retryKey).mockImplementationOnce(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      throw new api.IpcError({ code: 'unavailable', message: 'No keystore answers.' });
    });
    const user = userEvent.setup();
    render(Startup);
    await user.type(await screen.findByRole('textbox', { name: 'Recovery key' }), RECOVERY_KEY);
    await user.click(screen.getByRole('button', { name: 'Try the keystore again' }));
    const open = screen.getByRole('button', { name: 'Open the records' }) as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);
    // Even a submit that gets through (Enter in the field) opens nothing while the retry runs.
    await fireEvent.submit(screen.getByRole('form', { name: 'Open the records with the recovery key' }));
    expect(vi.mocked(api.openWithRecoveryKey)).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(open.disabled).toBe(false));
    await user.click(open);
    expect(await appStarted()).toBeTruthy();
    expect(vi.mocked(api.openWithRecoveryKey)).toHaveBeenCalledTimes(1);
  });

  it('is worked by keyboard alone; Escape clears what was typed', async () => {
    // jsdom has no CSS.escape, which user-event's arrow keys between radios use (names here
    // need no escaping).
    vi.stubGlobal('CSS', { escape: (name: string) => name });
    const user = userEvent.setup();
    render(Startup);
    await screen.findByRole('heading', LOCKED);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try the keystore again' }));
    await user.tab();
    const field = screen.getByRole('textbox', { name: 'Recovery key' }) as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    await user.keyboard('wrong');
    await user.keyboard('{Escape}');
    expect(field.value).toBe('');
    await user.keyboard(RECOVERY_KEY);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: "The workstation's keystore" }));
    await user.keyboard('{ArrowDown}');
    expect((screen.getByRole('radio', { name: 'A key file (weaker)' }) as HTMLInputElement).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open the records' }));
    await user.keyboard('{Enter}');
    expect(await appStarted()).toBeTruthy();
    expect(ipc.keyOpenings).toEqual([{ recoveryKey: RECOVERY_KEY, file: null, keepIn: 'key_file' }]);
  });
});
