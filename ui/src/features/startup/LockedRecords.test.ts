// The records exist but their key could not be had (issue 15): the reason, "Try the keystore
// again", and the recovery key form whose refusals show beside their field; either way out that
// succeeds carries on into the app, and nothing of the app is called before.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { RECOVERY_KEY, startupProblemOf } from '../../test/fakeEncryption';
import { recoveryKeyMistyped } from '../../test/backendMessages';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import Startup from '../../Startup.svelte';

const LOCKED = { name: "Vigil's records are locked" };
const NO_KEYSTORE = 'No keystore answers: start the keyring, or open the records with the recovery key.';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.startupProblem = startupProblemOf('no_keystore', NO_KEYSTORE);
});

afterEach(() => vi.unstubAllGlobals());

const appStarted = () => screen.findByRole('heading', { name: 'No patients in recovery' });

describe('locked records', () => {
  it.each(['no_keystore', 'no_key_entry', 'wrong_key', 'key_file'] as const)(
    'shows the reason and both ways out for %s, and calls nothing of the app',
    async (kind) => {
      ipc.startupProblem = startupProblemOf(kind, `The key could not be had (${kind}).`);
      render(Startup);
      expect(await screen.findByRole('heading', LOCKED)).toBeTruthy();
      expect(screen.getByText(`The key could not be had (${kind}).`)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Try the keystore again' })).toBeTruthy();
      expect(screen.getByRole('textbox', { name: 'Recovery key' })).toBeTruthy();
      expect(screen.queryByRole('textbox', { name: 'Records file' })).toBeNull();
      expect(screen.getByRole('radiogroup', { name: 'Keep the key in' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Open the records' })).toBeTruthy();
      expect(vi.mocked(api.loadAuth)).not.toHaveBeenCalled();
    },
  );

  it('tries the keystore again: still locked says why and stays; once it answers, the app starts', async () => {
    ipc.keystoreAnswers = false;
    const user = userEvent.setup();
    render(Startup);
    await user.click(await screen.findByRole('button', { name: 'Try the keystore again' }));
    expect(await screen.findByText(/Still locked: No keystore answers on this workstation/)).toBeTruthy();
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
