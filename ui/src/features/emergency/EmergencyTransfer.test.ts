// The emergency prompt's dialog (issue 11, feature 9) and the transfer to emergency care: the
// dialog says what to do now and offers the transfer; the transfer form, also on each board row,
// shows refusals beside the field and takes the patient off the board into "Left".
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { ActiveAlert } from '../../lib/ipc';
import { activeAlert, ipc, resetIpc, row } from '../../test/fakeIpc';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

const WHAT_TO_DO =
  'Emergency symptoms with high blood pressure at Bay 3. Refer for emergency care now: call emergency services, ' +
  'stay with the patient, repeat the blood pressure.';

const alert = (firingId: number, changes: Partial<ActiveAlert> = {}): ActiveAlert =>
  activeAlert(firingId, {
    sessionId: 3,
    kind: 'clinical',
    bay: 'Bay 3',
    detail: 'Chest pain with blood pressure 190/110: prompt for emergency care now.',
    severity: 'critical',
    emergency: true,
    ...changes,
  });

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(3, 'Bay 3', 'Testy McTestface'), row(4, 'Bay 4', 'Test Patient')];
});

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();

/** The app hears that an alert was raised (and loads the alerts again). */
const alertRaised = () => vi.mocked(api.onAlertRaised).mock.calls.at(-1)![0]();

/** Where the focus comes back when the control that opened something is gone. */
const boardHeading = () => screen.getByRole('table', { name: 'Patients in recovery' }).querySelector('caption');

describe('the emergency dialog', () => {
  it('says what to do now, takes the focus, and Escape closes it while the banner stays', async () => {
    ipc.alerts = [alert(21)];
    const user = userEvent.setup();
    render(App);
    const dialog = await screen.findByRole('alertdialog', { name: 'Emergency at Bay 3' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(text(within(dialog).getByText(/Refer for emergency care now/))).toBe(WHAT_TO_DO);
    const transfer = within(dialog).getByRole('button', { name: 'Transfer Bay 3 to emergency care' });
    await waitFor(() => expect(document.activeElement).toBe(transfer));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await user.tab();
    expect(document.activeElement, 'the focus stays in the dialog').toBe(transfer);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('button', { name: /^Acknowledge alert for Bay 3/ })).toBeTruthy();
    expect(ipc.transfers).toHaveLength(0);
  });

  it('Close closes it for good, even after a reload; a new emergency opens it again; other alerts never do', async () => {
    ipc.alerts = [alert(21), alert(22, { emergency: false, bay: 'Bay 4', sessionId: 4, detail: 'SpO2 90 %' })];
    const user = userEvent.setup();
    render(App);
    const dialog = await screen.findByRole('alertdialog');
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement, 'the focus is not lost').toBe(boardHeading()));

    // A reload (acknowledging the other alert) brings the emergency back, but not its dialog.
    await user.click(screen.getByRole('button', { name: 'Acknowledge alert for Bay 4: SpO2 90 %' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Acknowledge alert for Bay 4/ })).toBeNull());
    expect(screen.getByRole('button', { name: /^Acknowledge alert for Bay 3/ }), 'the emergency is loaded').toBeTruthy();
    expect(screen.queryByRole('alertdialog'), 'not shown again for the same alert').toBeNull();

    ipc.alerts = [...ipc.alerts, alert(23, { bay: 'Bay 4', sessionId: 4 })];
    await user.click(screen.getByRole('button', { name: /^Acknowledge alert for Bay 3/ })); // a reload
    expect(await screen.findByRole('alertdialog', { name: 'Emergency at Bay 4' })).toBeTruthy();
  });

  it('makes the rest of the app inert, and keeps Escape after a click on the backdrop', async () => {
    ipc.alerts = [alert(21)];
    const user = userEvent.setup();
    render(App);
    const dialog = await screen.findByRole('alertdialog');
    const transfer = within(dialog).getByRole('button', { name: 'Transfer Bay 3 to emergency care' });
    await waitFor(() => expect(document.activeElement).toBe(transfer));
    expect(document.querySelector('main')!.inert, 'the page').toBe(true);
    expect(document.querySelector('header')!.inert, 'the header').toBe(true);
    expect(dialog.closest('[inert]')).toBeNull();

    await user.click(dialog.parentElement!); // the backdrop
    expect(document.activeElement, 'the focus stays in the dialog').toBe(transfer);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.querySelector('main')!.inert).toBe(false);
    expect(document.querySelector('header')!.inert).toBe(false);
  });

  it('a second emergency is a new dialog, announced and focused', async () => {
    ipc.alerts = [alert(21)];
    render(App);
    const first = await screen.findByRole('alertdialog', { name: 'Emergency at Bay 3' });
    ipc.alerts = [alert(23, { bay: 'Bay 4', sessionId: 4 }), ...ipc.alerts];
    alertRaised();
    const second = await screen.findByRole('alertdialog', { name: 'Emergency at Bay 4' });
    expect(second, 'not the first one with new words').not.toBe(first);
    expect(first.isConnected).toBe(false);
    const transfer = within(second).getByRole('button', { name: 'Transfer Bay 4 to emergency care' });
    await waitFor(() => expect(document.activeElement).toBe(transfer));
  });

  it('one Escape closes the dialog and leaves the form behind it open; the next closes the form', async () => {
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Add note for Bay 4');
    await user.type(screen.getByLabelText('Note'), 'Calm');
    ipc.alerts = [alert(21)];
    alertRaised();
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('heading', { name: 'Note for Bay 4' }), 'the note form stays').toBeTruthy();
    await waitFor(() => expect(document.activeElement, 'back in the note').toBe(screen.getByLabelText('Note')));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: 'Note for Bay 4' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement, 'back on the row menu button').toBe(
        screen.getByRole('button', { name: 'More actions for Bay 4' }),
      ),
    );
  });

  it('Transfer, then Cancel: the focus goes to the board, not to the page body', async () => {
    ipc.alerts = [alert(21)];
    const user = userEvent.setup();
    render(App);
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer Bay 3 to emergency care' }));
    const form = screen.getByRole('region', { name: 'Transfer Bay 3 to emergency care' });
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Transfer Bay 3 to emergency care' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(boardHeading()));
    expect(ipc.transfers).toHaveLength(0);
  });

  it('Transfer opens the transfer form; saving takes the patient and the banner away', async () => {
    ipc.alerts = [alert(21)];
    const user = userEvent.setup();
    render(App);
    const dialog = await screen.findByRole('alertdialog');
    expect(screen.getByRole('button', { name: /^Acknowledge alert for Bay 3/ }), 'the banner').toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Transfer Bay 3 to emergency care' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const form = screen.getByRole('region', { name: 'Transfer Bay 3 to emergency care' });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Destination')));

    await user.type(within(form).getByLabelText('Destination'), 'Example General Hospital ED');
    await user.type(within(form).getByLabelText('Handed over to'), 'Paramedic crew lead');
    await user.selectOptions(within(form).getByLabelText('Emergency services called'), 'yes');
    await user.click(within(form).getByRole('button', { name: 'Record transfer' }));

    await screen.findByText('Bay 3 transferred to emergency care');
    expect(ipc.transfers).toEqual([
      {
        sessionId: 3,
        destination: 'Example General Hospital ED',
        handedOverTo: 'Paramedic crew lead',
        emergencyServicesCalled: 'yes',
        transferredAt: '',
        note: '',
      },
    ]);
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Acknowledge alert for Bay 3/ })).toBeNull());
    const board = screen.getByRole('table', { name: 'Patients in recovery' });
    expect(within(board).queryByRole('rowheader', { name: 'Bay 3' })).toBeNull();
    const left = screen.getByRole('region', { name: 'Left in the last 24 hours' });
    const bay3 = within(left).getByRole('rowheader', { name: 'Bay 3' }).closest('tr')!;
    expect(within(bay3).getByText('Transferred to emergency care')).toBeTruthy();
  });
});

describe('the transfer form', () => {
  it('opens from any board row and shows a refusal beside its field, changing nothing', async () => {
    ipc.board.rows = [{ ...row(4, 'Bay 4', 'Test Patient'), phase: 'cleared' }];
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Transfer Bay 4 to emergency care');
    const form = screen.getByRole('region', { name: 'Transfer Bay 4 to emergency care' });
    await user.type(within(form).getByLabelText('Destination'), 'Example ED');
    await user.type(within(form).getByLabelText('Handed over to'), 'Triage nurse');
    await user.click(within(form).getByRole('button', { name: 'Record transfer' }));

    const select = within(form).getByLabelText('Emergency services called');
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(select.getAttribute('aria-describedby')!.split(' ').pop()!);
    expect(error?.textContent).toBe('Choose whether emergency services were called: yes or no.');
    expect(document.activeElement, 'the focus goes to the refused field').toBe(select);
    expect(ipc.transfers).toHaveLength(0);
    expect((within(form).getByLabelText('Destination') as HTMLInputElement).value, 'what was typed stays').toBe(
      'Example ED',
    );

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Transfer Bay 4 to emergency care' })).toBeNull();
    const again = screen.getByRole('button', { name: 'More actions for Bay 4' });
    await waitFor(() => expect(document.activeElement, 'back on the row menu button').toBe(again));
    await user.click(again);
    const item = screen.getByRole('menuitem', { name: 'Transfer Bay 4 to emergency care' });
    expect(item.textContent, 'the visible words are in its name').toBe('Transfer');
  });
});
