// The close question kept honest (issue 17 review): patients that could not be counted (no
// quit), the counts read again as soon as the question arrives (the page's answer to the shell)
// and on every record change or alert while it is shown, a quit with nobody in recovery while
// locked or signed out, a choice on its way that Cancel and Escape cannot hide, and the notes
// read with the dialog.
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { CloseRequest } from '../../lib/ipc';
import { activeAlert, BEN, ipc, lockAs, resetIpc, row } from '../../test/fakeIpc';
import { alertRaised, ask, asked, counts, describedBy, held, recordsChanged } from '../../test/closeQuestion';
import { NOT_COUNTED, patientsText, QUIT_NEEDS_COUNT, quitBlocked } from './closeDialog';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

const quitButton = (dialog: HTMLElement) =>
  within(dialog).getByRole('button', { name: 'Quit Vigil' }) as HTMLButtonElement;

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(3, 'Bay 3', 'Testy McTestface'), row(4, 'Bay 4', 'Test Patient')];
  ipc.alerts = [activeAlert(21, { sessionId: 3, bay: 'Bay 3' })];
});

describe('patients that could not be counted', () => {
  it('says so, never "No patient"; Quit is disabled and says why; keep running and Cancel remain', async () => {
    expect(patientsText(null)).toBe('Vigil could not count the patients in recovery.');
    expect(quitBlocked(null, true)).toBe('notCounted');
    ipc.closeNotCounted = true;
    const user = userEvent.setup();
    const dialog = await ask(asked({ patientsInRecovery: null, openAlerts: 0 }));
    expect(counts(dialog), 'no alert count either: it was not read').toEqual([NOT_COUNTED]);
    expect(within(dialog).queryByText(/No patient|No open alert/)).toBeNull();
    const why = within(dialog).getByText(QUIT_NEEDS_COUNT);
    expect(QUIT_NEEDS_COUNT).toBe('Quitting needs the count of patients; Vigil keeps running.');
    expect(quitButton(dialog).disabled).toBe(true);
    expect(describedBy(dialog)).toContain(why.id);
    await user.click(quitButton(dialog));
    expect(api.quitVigil).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Keep running in the tray' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(ipc.hiddenTimes).toBe(1);
  });
});

describe('the counts read again', () => {
  it('as soon as the question arrives (the answer to the shell): the event\'s counts until then, the fresher ones after', async () => {
    const reading = held<CloseRequest>();
    vi.mocked(api.loadCloseRequest).mockReturnValueOnce(reading.promise);
    const dialog = await ask(asked({ reason: 'trayQuit', patientsInRecovery: 1, openAlerts: 0 }));
    expect(api.loadCloseRequest).toHaveBeenCalledExactlyOnceWith('trayQuit');
    expect(counts(dialog), 'the event\'s counts meanwhile').toEqual(['1 patient in recovery', 'No open alert']);
    reading.resolve(asked({ reason: 'trayQuit', patientsInRecovery: 2, openAlerts: 1 }));
    await waitFor(() => expect(counts(dialog)).toEqual(['2 patients in recovery', '1 open alert']));
  });

  it('a reading that fails is said in the dialog, which keeps the event\'s counts', async () => {
    ipc.closeLoadError = { code: 'internal', message: 'The records could not be read.' };
    const dialog = await ask(asked({ patientsInRecovery: 1, openAlerts: 0 }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The counts could not be read again: The records could not be read.',
    );
    expect(counts(dialog)).toEqual(['1 patient in recovery', 'No open alert']);
  });

  it('on a record change and on an alert raised while shown; not once the dialog is gone', async () => {
    const user = userEvent.setup();
    const dialog = await ask(asked());
    await waitFor(() => expect(api.loadCloseRequest).toHaveBeenCalledTimes(1));
    ipc.board.rows = [...ipc.board.rows, row(5, 'Bay 5', 'Test Patient')];
    recordsChanged();
    await waitFor(() => expect(counts(dialog)).toEqual(['3 patients in recovery', '1 open alert']));
    ipc.alerts = [...ipc.alerts, activeAlert(22, { sessionId: 4, bay: 'Bay 4' })];
    alertRaised();
    await waitFor(() => expect(counts(dialog)).toEqual(['3 patients in recovery', '2 open alerts']));
    expect(api.loadCloseRequest).toHaveBeenCalledTimes(3);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    recordsChanged();
    alertRaised();
    expect(api.loadCloseRequest, 'nothing is asked once the question is gone').toHaveBeenCalledTimes(3);
  });
});

describe('quitting with nobody in recovery', () => {
  const emptyBoard = () => {
    [ipc.board.rows, ipc.alerts] = [[], []];
    return asked({ reason: 'trayQuit', patientsInRecovery: 0, openAlerts: 0 });
  };

  it('is offered while locked, and quits with the count 0', async () => {
    expect(quitBlocked(0, false)).toBeNull();
    lockAs(BEN);
    const user = userEvent.setup();
    const dialog = await ask(emptyBoard(), 'Locked');
    expect(quitButton(dialog).disabled).toBe(false);
    expect(within(dialog).queryByText(/^Sign in to quit\./)).toBeNull();
    await user.click(quitButton(dialog));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(ipc.quits).toEqual([{ patientsInRecovery: 0 }]);
  });

  it('is offered with nobody signed in', async () => {
    ipc.auth = { ...ipc.auth, nurse: null, locked: false };
    const user = userEvent.setup();
    const dialog = await ask(emptyBoard(), 'Sign in');
    await user.click(quitButton(dialog));
    await waitFor(() => expect(ipc.quits).toEqual([{ patientsInRecovery: 0 }]));
  });

  it('with patients, stays disabled while locked', async () => {
    expect(quitBlocked(2, false)).toBe('signIn');
    lockAs(BEN);
    const dialog = await ask(asked(), 'Locked');
    expect(quitButton(dialog).disabled).toBe(true);
  });
});

describe('a choice on its way', () => {
  it('Escape and Cancel wait for a quit; its refusal is then seen in the dialog', async () => {
    const quitting = held<void>();
    vi.mocked(api.quitVigil).mockReturnValueOnce(quitting.promise);
    const user = userEvent.setup();
    const dialog = await ask(asked());
    await user.click(quitButton(dialog));
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    // Asked once the click has been painted (the window goes then).
    await waitFor(() => expect(api.quitVigil).toHaveBeenCalledTimes(1));
    quitting.reject(new api.IpcError({ code: 'conflict', message: 'The board has changed.' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Vigil did not quit: The board has changed.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog'), 'Cancel works again after').toBeNull());
  });

  it('Escape waits for keeping it running too', async () => {
    const hiding = held<void>();
    vi.mocked(api.keepRunningHidden).mockReturnValueOnce(hiding.promise);
    const user = userEvent.setup();
    const dialog = await ask(asked());
    await user.click(within(dialog).getByRole('button', { name: 'Keep running in the tray' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    await waitFor(() => expect(api.keepRunningHidden).toHaveBeenCalledTimes(1));
    hiding.reject(new api.IpcError({ code: 'internal', message: 'The window could not be hidden.' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Vigil could not be hidden: The window could not be hidden.',
    );
  });
});

describe('the notes read with the dialog', () => {
  it('the no-tray hint and the sign-in note are in its description', async () => {
    lockAs(BEN);
    ipc.trayAvailable = false;
    const dialog = await ask(asked({ trayAvailable: false }), 'Locked');
    const ids = describedBy(dialog);
    const text = ids.map((id) => document.getElementById(id)?.textContent ?? `missing ${id}`).join(' | ');
    expect(text).toContain('Start Vigil again from the applications menu');
    expect(text).toContain('Sign in to quit.');
    expect(text).toContain('If Vigil quits');
  });
});
