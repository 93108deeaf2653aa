// The question asked before the window closes or Vigil quits (issue 17): its words for each
// request, keeping Vigil running hidden (the safe choice, focused first), a quit confirmed with
// the count shown and refused when the board changed, Cancel and Escape, Quit disabled while
// locked, and a second request updating the same dialog.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { activeAlert, BEN, ipc, lockAs, requestClose, resetIpc, row } from '../../test/fakeIpc';
import { quitBoardChanged } from '../../test/backendMessages';
import { ask, asked, counts, describedBy, NO_TRAY, QUIT_MEANS } from '../../test/closeQuestion';
import { alertsText, patientsText } from './closeDialog';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(3, 'Bay 3', 'Testy McTestface'), row(4, 'Bay 4', 'Test Patient')];
  ipc.alerts = [activeAlert(21, { sessionId: 3, bay: 'Bay 3' })];
});

describe('the words of the question', () => {
  it('counts patients and alerts: none, one, several', () => {
    expect([0, 1, 2].map(patientsText)).toEqual([
      'No patient in recovery',
      '1 patient in recovery',
      '2 patients in recovery',
    ]);
    expect([0, 1, 3].map(alertsText)).toEqual(['No open alert', '1 open alert', '3 open alerts']);
  });

  it('asks "Close Vigil?" for the window with the counts and what quitting means, modal, the safe choice focused', async () => {
    const dialog = await ask(asked());
    expect(within(dialog).getByRole('heading', { name: 'Close Vigil?' })).toBeTruthy();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(counts(dialog)).toEqual(['2 patients in recovery', '1 open alert']);
    expect(within(dialog).getByText(QUIT_MEANS)).toBeTruthy();
    expect(within(dialog).queryByText(NO_TRAY)).toBeNull();
    const keep = within(dialog).getByRole('button', { name: 'Keep running in the tray' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    expect((within(dialog).getByRole('button', { name: 'Quit Vigil' }) as HTMLButtonElement).disabled).toBe(false);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(document.querySelector('main')!.inert, 'the page').toBe(true);
    expect(document.querySelector('header')!.inert, 'the header').toBe(true);
  });

  it('asks "Quit Vigil?" for the tray\'s Quit; without a tray it keeps running in the background', async () => {
    [ipc.board.rows, ipc.alerts, ipc.trayAvailable] = [[], [], false];
    const dialog = await ask(
      asked({ reason: 'trayQuit', patientsInRecovery: 0, openAlerts: 0, trayAvailable: false }),
      'No patients in recovery',
    );
    expect(within(dialog).getByRole('heading', { name: 'Quit Vigil?' })).toBeTruthy();
    expect(counts(dialog)).toEqual(['No patient in recovery', 'No open alert']);
    expect(within(dialog).getByText(NO_TRAY)).toBeTruthy();
    expect(describedBy(dialog), 'the hint is read with the dialog').toContain(within(dialog).getByText(NO_TRAY).id);
    const keep = within(dialog).getByRole('button', { name: 'Keep running in the background' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    expect(within(dialog).queryByRole('button', { name: 'Keep running in the tray' })).toBeNull();
  });
});

describe('the choices', () => {
  it('Keep running hides the window and closes the dialog; nothing quits', async () => {
    const user = userEvent.setup();
    const dialog = await ask(asked());
    await user.click(within(dialog).getByRole('button', { name: 'Keep running in the tray' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.keepRunningHidden).toHaveBeenCalledTimes(1);
    expect(ipc.hiddenTimes).toBe(1);
    expect(api.quitVigil).not.toHaveBeenCalled();
    expect(document.querySelector('main')!.inert).toBe(false);
  });

  it('Quit Vigil quits with the count the dialog showed', async () => {
    const user = userEvent.setup();
    const dialog = await ask(asked());
    await user.click(within(dialog).getByRole('button', { name: 'Quit Vigil' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.quitVigil).toHaveBeenCalledExactlyOnceWith({ patientsInRecovery: 2 });
    expect(ipc.quits).toEqual([{ patientsInRecovery: 2 }]);
    expect(api.keepRunningHidden).not.toHaveBeenCalled();
  });

  it('Cancel and Escape close it and change nothing; the focus comes back; Tab stays inside', async () => {
    const user = userEvent.setup();
    let dialog = await ask(asked());
    const keep = within(dialog).getByRole('button', { name: 'Keep running in the tray' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Quit Vigil' }));
    await user.tab();
    await user.tab();
    expect(document.activeElement, 'the focus stays in the dialog').toBe(keep);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() =>
      expect(document.activeElement, 'the focus is not lost').toBe(document.querySelector('[data-focus-home]')),
    );

    requestClose(asked());
    dialog = await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.keepRunningHidden).not.toHaveBeenCalled();
    expect(api.quitVigil).not.toHaveBeenCalled();
  });

  it('locked: Quit is disabled and says to sign in; keeping it running still works', async () => {
    lockAs(BEN);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Locked' });
    requestClose(asked());
    const dialog = await screen.findByRole('alertdialog');
    const quit = within(dialog).getByRole('button', { name: 'Quit Vigil' }) as HTMLButtonElement;
    expect(quit.disabled).toBe(true);
    expect(within(dialog).getByText(/^Sign in to quit\./).textContent).toBe(
      'Sign in to quit. Cancel, sign in or unlock, then close the window again.',
    );
    const why = within(dialog).getByText(/^Sign in to quit\./);
    expect(quit.getAttribute('aria-describedby')).toBe(why.id);
    expect(describedBy(dialog), 'read with the dialog, as the disabled Quit is not').toContain(why.id);
    await user.tab();
    expect(document.activeElement, 'Tab skips the disabled Quit').toBe(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep running in the tray' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(ipc.hiddenTimes).toBe(1);
    expect(api.quitVigil).not.toHaveBeenCalled();
  });
});

describe('a refusal and a second request', () => {
  it('a quit refused because the board changed is shown, and the counts are read again', async () => {
    const user = userEvent.setup();
    const dialog = await ask(asked());
    ipc.board.rows = [...ipc.board.rows, row(5, 'Bay 5', 'Test Patient')]; // admitted meanwhile
    await user.click(within(dialog).getByRole('button', { name: 'Quit Vigil' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(`Vigil did not quit: ${quitBoardChanged(3).message}`);
    await waitFor(() =>
      expect(counts(dialog)).toEqual(['3 patients in recovery', '1 open alert']),
    );
    expect(api.loadCloseRequest).toHaveBeenCalledWith('window');
    expect(ipc.quits).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Quit Vigil' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(ipc.quits, 'confirmed with the count now shown').toEqual([{ patientsInRecovery: 3 }]);
  });

  it('a failure to hide is shown in the dialog, which stays', async () => {
    ipc.hideError = { code: 'internal', message: 'The window could not be hidden.' };
    const user = userEvent.setup();
    const dialog = await ask(asked());
    await user.click(within(dialog).getByRole('button', { name: 'Keep running in the tray' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Vigil could not be hidden: The window could not be hidden.',
    );
    expect(screen.getByRole('alertdialog')).toBe(dialog);
  });

  it('a second request while it is shown updates the same dialog', async () => {
    const dialog = await ask(asked());
    ipc.board.rows = [row(3, 'Bay 3', 'Testy McTestface')];
    ipc.alerts = [21, 22, 23].map((id) => activeAlert(id, { sessionId: 3, bay: 'Bay 3' }));
    requestClose(asked({ reason: 'trayQuit', patientsInRecovery: 1, openAlerts: 3 }));
    await within(dialog).findByRole('heading', { name: 'Quit Vigil?' });
    expect(screen.getAllByRole('alertdialog')).toEqual([dialog]);
    expect(counts(dialog)).toEqual(['1 patient in recovery', '3 open alerts']);
  });

  it('an emergency dialog goes first; the question follows once it is closed', async () => {
    const user = userEvent.setup();
    ipc.alerts = [activeAlert(22, { sessionId: 3, bay: 'Bay 3', kind: 'clinical', severity: 'critical', emergency: true })];
    render(App);
    await screen.findByRole('alertdialog', { name: 'Emergency at Bay 3' });
    requestClose(asked());
    await user.keyboard('{Escape}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Close Vigil?' });
    expect(screen.getAllByRole('alertdialog')).toEqual([dialog]);
  });
});
