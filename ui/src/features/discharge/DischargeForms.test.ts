// The discharge dialog, the against-advice form and the escort form, opened from the board.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { PIN, dischargeView, escort, gates, ipc, resetIpc, row } from '../../test/fakeIpc';
import {
  escortPhoneMalformed,
  escortTransportMissing,
  gateNotMet,
  minimumNotOver,
  overridePrescriberMissing,
  willDriveUnknown,
} from '../../test/backendMessages';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [{ ...row(3, 'Bay 3', 'Testy McTestface'), readiness: 'ready', missing: [] }];
});

const INSTRUCTIONS = [
  'Escort present and identified',
  'No driving or machinery until the next day after sleep',
  'Someone drives them home',
  'Emergency number given',
  'Acknowledged by the patient',
  'Acknowledged by the escort',
];

async function openDischarge(user: ReturnType<typeof userEvent.setup>) {
  render(App);
  await rowAction(user, 'Discharge Bay 3');
  const dialog = screen.getByRole('region', { name: 'Discharge Bay 3' });
  await within(dialog).findByRole('list', { name: 'Discharge gates' });
  return dialog;
}

describe('the discharge dialog', () => {
  it('lists the gates and sends overrides only for failed soft gates where something was typed', async () => {
    ipc.discharges[3] = dischargeView(3, 'Bay 3', 'Testy McTestface', {
      gates: { readiness: 'not_ready', gates: gates(['nausea', 'padss']), missing: [], minutesLeft: 0, endsAt: '' },
      readyWithoutMinimumMinutes: 95,
    });
    const user = userEvent.setup();
    const dialog = await openDischarge(user);
    const items = within(within(dialog).getByRole('list', { name: 'Discharge gates' })).getAllByRole('listitem');
    expect(items[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Met: Minimum observation period (required)');
    expect(items[7]?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Not met: Nausea 1 or less — not yet');
    expect(within(dialog).getByText('Ready if there were no minimum: 95 min after the clock start')).toBeTruthy();
    // Only failed soft gates can be overridden.
    expect(screen.queryByLabelText('Override reason for Blood pressure')).toBeNull();
    expect(screen.getByLabelText('Prescriber for Modified PADSS 9 or more')).toBeTruthy();

    await user.type(screen.getByLabelText('Override reason for Nausea 1 or less'), 'Mild, settled with fluids');
    await user.type(screen.getByLabelText('Prescriber for Nausea 1 or less'), 'Dr Chloe Park');
    for (const label of INSTRUCTIONS) await user.click(screen.getByLabelText(label));
    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(pin.type).toBe('password');
    expect(pin.inputMode).toBe('numeric');
    await user.type(pin, PIN);
    await user.click(screen.getByRole('button', { name: 'Sign discharge' }));

    // The PADSS gate has no override: refused beside its fields, nothing lost.
    const reason = screen.getByLabelText('Override reason for Modified PADSS 9 or more');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe(
      gateNotMet('Modified PADSS 9 or more', 'not yet', 'padss').message,
    );
    expect(document.activeElement).toBe(reason);
    expect(vi.mocked(api.confirmDischarge).mock.calls[0]?.[0]).toEqual({
      sessionId: 3,
      pin: PIN,
      escortConfirmed: true,
      instructionsNoDriving: true,
      instructionsRideHome: true,
      instructionsEmergency: true,
      acknowledgedByPatient: true,
      acknowledgedByEscort: true,
      overrides: [{ gate: 'nausea', reason: 'Mild, settled with fluids', prescriber: 'Dr Chloe Park' }],
    });

    await user.type(reason, 'Pain 1 only, walking well');
    await user.type(screen.getByLabelText('Prescriber for Modified PADSS 9 or more'), 'Dr Chloe Park');
    await user.click(screen.getByRole('button', { name: 'Sign discharge' }));
    expect(ipc.signed).toHaveLength(1);
    expect(ipc.signed[0]?.overrides.map((o) => o.gate)).toEqual(['nausea', 'padss']);
    expect((await screen.findByText('Bay 3 cleared for discharge')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('region', { name: 'Discharge Bay 3' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Record departure for Bay 3' })).toBeTruthy();
  });

  it('shows an early discharge refused with the minutes left; the button is never disabled', async () => {
    ipc.discharges[3] = dischargeView(3, 'Bay 3', 'Testy McTestface', {
      protocol: 'spravato',
      gates: { readiness: 'not_ready', gates: gates(['minimum'], 47), missing: [], minutesLeft: 47, endsAt: '' },
    });
    const user = userEvent.setup();
    await openDischarge(user);
    const sign = screen.getByRole('button', { name: 'Sign discharge' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(false);
    await user.type(screen.getByLabelText('PIN'), PIN);
    await user.click(sign);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(minimumNotOver(47).message);
    expect(ipc.signed).toEqual([]);
    expect(screen.getByRole('region', { name: 'Discharge Bay 3' })).toBeTruthy();
  });

  it('puts a refused prescriber beside the prescriber field of its gate', async () => {
    ipc.discharges[3] = dischargeView(3, 'Bay 3', 'Testy McTestface', {
      gates: { readiness: 'not_ready', gates: gates(['spo2']), missing: [], minutesLeft: 0, endsAt: '' },
    });
    vi.mocked(api.confirmDischarge).mockRejectedValueOnce(new api.IpcError(overridePrescriberMissing));
    const user = userEvent.setup();
    await openDischarge(user);
    await user.type(screen.getByLabelText('Override reason for SpO2'), 'Chronic lung disease, baseline 93');
    await user.click(screen.getByRole('button', { name: 'Sign discharge' }));
    const prescriber = screen.getByLabelText('Prescriber for SpO2');
    expect(document.getElementById(prescriber.getAttribute('aria-describedby')!)?.textContent).toBe(
      overridePrescriberMissing.message,
    );
    expect(document.activeElement).toBe(prescriber);
    expect(screen.queryByText(overridePrescriberMissing.message)?.className).toBe('field-error');
  });

  it('clears a wrong PIN and shows why beside it', async () => {
    const user = userEvent.setup();
    await openDischarge(user);
    await user.type(screen.getByLabelText('PIN'), '0000');
    await user.click(screen.getByRole('button', { name: 'Sign discharge' }));
    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(pin.value).toBe('');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(pin);
  });

  it('closes on Escape and gives the focus back to the board', async () => {
    const user = userEvent.setup();
    await openDischarge(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Discharge Bay 3' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'More actions for Bay 3' }));
  });
});

describe('the against-advice form', () => {
  it('sends what was typed and shows a field error beside its field', async () => {
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Left against advice: Bay 3');
    expect(screen.getByRole('heading', { name: 'Leaving against advice: Bay 3' })).toBeTruthy();
    await user.click(screen.getByLabelText('Risks explained to the patient'));
    await user.click(screen.getByLabelText('Prescriber notified'));
    await user.type(screen.getByLabelText("Prescriber's name"), 'Dr Chloe Park');
    await user.type(screen.getByLabelText('Actions taken'), 'Offered a taxi voucher; declined.');
    await user.click(screen.getByLabelText('Patient refused to sign'));
    await user.type(screen.getByLabelText('Witness'), 'Ben Okafor, RN');
    const record = screen.getByRole('button', { name: 'Record leaving against advice' }) as HTMLButtonElement;
    expect(record.disabled).toBe(false);
    await user.click(record);

    const drive = screen.getByLabelText('Says they will drive') as HTMLSelectElement;
    expect(drive.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(drive.getAttribute('aria-describedby')!)?.textContent).toBe(willDriveUnknown.message);
    expect(document.activeElement).toBe(drive);
    expect([...drive.options].map((o) => o.text)).toEqual(['Choose', 'Yes', 'No', 'Unknown']);

    await user.selectOptions(drive, 'unknown');
    await user.click(record);
    expect(ipc.againstAdvice).toEqual([
      {
        sessionId: 3,
        risksExplained: true,
        prescriberNotified: true,
        prescriber: 'Dr Chloe Park',
        notifiedAt: '',
        willDrive: 'unknown',
        escortPresent: false,
        actionsTaken: 'Offered a taxi voucher; declined.',
        signatureRefused: true,
        witness: 'Ben Okafor, RN',
        leftAt: '',
      },
    ]);
    expect((await screen.findByText('Bay 3 left against advice')).getAttribute('role')).toBe('status');
  });
});

describe('the escort form', () => {
  it('is prefilled from the saved escort and puts a refusal beside its field', async () => {
    const eta = new Date(2026, 10, 27, 15, 30);
    ipc.discharges[3] = dischargeView(3, 'Bay 3', 'Testy McTestface', {
      escort: escort(eta.toISOString(), { status: 'en_route', knownToStaff: true }),
    });
    ipc.escortError = escortPhoneMalformed;
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Escort for Bay 3');
    const form = screen.getByRole('form', { name: 'Escort for Bay 3' });
    const name = (await within(form).findByLabelText("Escort's full name")) as HTMLInputElement;
    expect(name.value).toBe('Jordan Example');
    expect(document.activeElement).toBe(name);
    expect((within(form).getByLabelText('Relationship') as HTMLInputElement).value).toBe('Partner');
    expect((within(form).getByLabelText('Escort is an adult (18 or over)') as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText('Transport') as HTMLSelectElement).value).toBe('escort_drives');
    expect((within(form).getByLabelText('Escort status') as HTMLSelectElement).value).toBe('en_route');
    expect((within(form).getByLabelText('ETA') as HTMLInputElement).value).toBe('2026-11-27 15:30');
    expect((within(form).getByLabelText('Known to staff') as HTMLInputElement).checked).toBe(true);
    expect(within(form).getByText("The clinic's policy does not allow rideshare alone or public transport alone.")).toBeTruthy();

    await user.clear(within(form).getByLabelText('Phone'));
    await user.type(within(form).getByLabelText('Phone'), '1');
    await user.click(within(form).getByRole('button', { name: 'Save escort' }));
    const phone = within(form).getByLabelText('Phone');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)?.textContent).toBe(
      escortPhoneMalformed.message,
    );
    expect(document.activeElement).toBe(phone);

    ipc.escortError = null;
    await user.selectOptions(within(form).getByLabelText('Escort status'), 'arrived');
    expect(within(form).queryByLabelText('ETA')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save escort' }));
    expect(ipc.escorts.at(-1)).toMatchObject({ sessionId: 3, phone: '1', status: 'arrived', eta: '', arrivedAt: '' });
    expect(screen.queryByRole('form', { name: 'Escort for Bay 3' })).toBeNull();
  });

  it('comes from the admit form with what was typed when the escort is refused after admission', async () => {
    ipc.board.rows = [];
    ipc.escortError = escortTransportMissing;
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    await user.type(screen.getByLabelText('Patient name'), 'Testy McTestface');
    await user.type(screen.getByLabelText('Bay'), 'Bay 3');
    await user.click(screen.getByText('Escort (optional)'));
    await user.type(screen.getByLabelText("Escort's full name"), 'Jordan Example');
    await user.click(screen.getByRole('button', { name: 'Admit' }));

    expect(ipc.admitted).toHaveLength(1);
    const form = await screen.findByRole('form', { name: 'Escort for Bay 3' });
    expect(screen.queryByRole('heading', { name: 'Admit a patient' })).toBeNull();
    expect((within(form).getByLabelText("Escort's full name") as HTMLInputElement).value).toBe('Jordan Example');
    const transport = within(form).getByLabelText('Transport');
    expect(document.getElementById(transport.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe(
      escortTransportMissing.message,
    );
  });
});
