// The emergency prompt's dialog (issue 11, feature 9) and the transfer to emergency care: the
// dialog says what to do now and offers the transfer; the transfer form, also on each board row,
// shows refusals beside the field and takes the patient off the board into "Left".
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveAlert } from '../lib/ipc';
import { ipc, resetIpc, row } from '../test/fakeIpc';

vi.mock('../lib/ipc', async (importOriginal) =>
  (await import('../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../App.svelte';

const WHAT_TO_DO =
  'Emergency symptoms with high blood pressure at Bay 3. Refer for emergency care now: call emergency services, ' +
  'stay with the patient, repeat the blood pressure.';

const alert = (firingId: number, changes: Partial<ActiveAlert> = {}): ActiveAlert => ({
  firingId,
  sessionId: 3,
  kind: 'clinical',
  bay: 'Bay 3',
  patientName: 'Testy McTestface',
  dueAt: new Date().toISOString(),
  firedAt: new Date().toISOString(),
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

  it('Close closes it for good; a new emergency opens it again; other alerts never do', async () => {
    ipc.alerts = [alert(21), alert(22, { emergency: false, bay: 'Bay 4', sessionId: 4, detail: 'SpO2 90 %' })];
    const user = userEvent.setup();
    const { rerender } = render(App);
    const dialog = await screen.findByRole('alertdialog');
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await rerender({});
    expect(screen.queryByRole('alertdialog'), 'not shown again for the same alert').toBeNull();

    ipc.alerts = [...ipc.alerts, alert(23, { bay: 'Bay 4', sessionId: 4 })];
    await user.click(screen.getByRole('button', { name: /^Acknowledge alert for Bay 3/ })); // a reload
    expect(await screen.findByRole('alertdialog', { name: 'Emergency at Bay 4' })).toBeTruthy();
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
    await user.click(await screen.findByRole('button', { name: 'Transfer Bay 4 to emergency care' }));
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
    expect(screen.getByRole('button', { name: 'Transfer Bay 4 to emergency care' })).toBeTruthy();
  });
});
