// The autostart switch: it shows the setting and what the session will do (the deciding
// file), an administrator turns it off and on (the status line, present from the start, says
// "Saved."), a file that could not be written is said beside the saved setting (announced after
// a save, plain text on a visit), and the Settings screen shows the panel to administrators only.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { SYSTEM_ENTRY, USER_ENTRY } from '../../test/fakeDesktopSettings';
import { showSettings } from '../../test/settingsScreen';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import AutostartPanel from './AutostartPanel.svelte';

const LABEL = "Start Vigil when the workstation's desktop session starts";

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

describe('Autostart panel', () => {
  it('shows the setting on and the package entry that starts Vigil', async () => {
    render(AutostartPanel);
    const box = (await screen.findByLabelText(LABEL)) as HTMLInputElement;
    await vi.waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    expect(screen.getByText(`Desktop session: On: ${SYSTEM_ENTRY}`)).toBeTruthy();
  });

  it('turns autostart off and on again', async () => {
    const user = userEvent.setup();
    render(AutostartPanel);
    const box = (await screen.findByLabelText(LABEL)) as HTMLInputElement;
    await vi.waitFor(() => expect(box.disabled).toBe(false));
    expect(screen.getByRole('status').textContent, 'the live region waits, empty').toBe('');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save start with the workstation' }));
    await screen.findByText(`Desktop session: Off: ${USER_ENTRY}`);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect(ipc.autostartEdits).toEqual([{ enabled: false }]);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save start with the workstation' }));
    await screen.findByText(`Desktop session: On: ${SYSTEM_ENTRY}`);
    expect(ipc.autostart.enabled).toBe(true);
  });

  it('says why the session does not follow a saved setting', async () => {
    const user = userEvent.setup();
    ipc.autostartWriteFails = 'the autostart override could not be written: Permission denied';
    render(AutostartPanel);
    const box = (await screen.findByLabelText(LABEL)) as HTMLInputElement;
    await vi.waitFor(() => expect(box.disabled).toBe(false));
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save start with the workstation' }));
    const status = screen.getByRole('status');
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        'Saved, but the session does not do what the setting says: the autostart override could not be written: Permission denied',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(ipc.autostart.enabled).toBe(false);
    expect(box.checked).toBe(false);
  });

  it('on a visit, says a problem as plain text, not an alert announced every time', async () => {
    ipc.autostart = { ...ipc.autostart, effective: false, problem: 'the autostart entry is hidden by another file' };
    render(AutostartPanel);
    const problem = await screen.findByText(
      'The session does not do what the setting says: the autostart entry is hidden by another file',
    );
    expect(problem.getAttribute('role')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('is on the Settings screen for an administrator', async () => {
    showSettings('admin');
    expect(await screen.findByLabelText(LABEL)).toBeTruthy();
  });

  it('is not on the Settings screen for a nurse, who does not ask for it', async () => {
    showSettings('nurse');
    await screen.findByText('Data directory');
    expect(screen.queryByLabelText(LABEL)).toBeNull();
    expect(ipc.autostartEdits).toEqual([]);
    const { loadAutostart } = await import('../../lib/ipc');
    expect(loadAutostart).not.toHaveBeenCalled();
  });
});
