import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from './lib/ipc';
import type { ActiveAlert } from './lib/ipc';
import { playTone } from './features/alerts/tones';
import { activeAlert, ipc, resetIpc, row } from './test/fakeIpc';
import { patientNameMissing } from './test/backendMessages';

// IPC is mocked at its seam, lib/ipc, by an in-memory fake; IpcError stays the real class.
vi.mock('./lib/ipc', async (importOriginal) =>
  (await import('./test/fakeIpc')).fakeIpc(await importOriginal()),
);
// The tones are observed, not played (jsdom has no Web Audio).
vi.mock('./features/alerts/tones', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./features/alerts/tones')>()),
  playTone: vi.fn(() => true),
}));

import App from './App.svelte';

beforeEach(() => resetIpc());

afterEach(() => vi.useRealTimers());

describe('the board', () => {
  it('shows the empty state with the admit action', async () => {
    render(App);
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Admit patient' })).toBeTruthy();
  });

  it('ticks the countdown every second, on the second, and flips to minimum reached', async () => {
    // The page's clock ticks on the wall clock's second (lib/ticker): fake timers only, no real
    // time passing, starting 200 ms past a second, so every step below is exact.
    vi.useFakeTimers();
    const second = Math.ceil(Date.now() / 1000) * 1000;
    vi.setSystemTime(second + 200);
    ipc.board.rows = [row(1, 'Bay 9', 'Testy McTestface', 2_500)]; // ends at second + 2.7 s
    render(App);
    const tr = (await screen.findByRole('rowheader', { name: 'Bay 9' })).closest('tr')!;
    expect(within(tr).getByText('00:03')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(799); // second + 0.999 s: not a second yet
    expect(within(tr).getByText('00:03')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1); // on the second: 1.7 s left
    expect(within(tr).getByText('00:02')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1_000); // 0.7 s left
    expect(within(tr).getByText('00:01')).toBeTruthy();
    expect(tr.classList.contains('reached')).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000); // 0.3 s past the end
    expect(within(tr).getByText('Reached')).toBeTruthy();
    expect(tr.classList.contains('reached')).toBe(true);
  });
});

describe('the admit form', () => {
  it('sends what the nurse typed, with minutes left to the protocol', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    await user.type(screen.getByLabelText('Patient name'), 'Testy McTestface');
    await user.type(screen.getByLabelText('Bay'), '3');
    await user.click(screen.getByRole('button', { name: 'Admit' }));
    expect(ipc.admitted).toHaveLength(1);
    expect(ipc.admitted[0]).toMatchObject({
      patientName: 'Testy McTestface',
      bay: '3',
      protocol: 'iv_ketamine',
      recoveryMinutes: null,
    });
    expect(screen.queryByRole('heading', { name: 'Admit a patient' })).toBeNull();
  });

  it('shows a field error beside its field and keeps what was typed', async () => {
    ipc.admitError = patientNameMissing;
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    await user.type(screen.getByLabelText('Bay'), '7');
    await user.click(screen.getByRole('button', { name: 'Admit' }));
    const name = screen.getByLabelText('Patient name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(name.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe(patientNameMissing.message);
    expect((screen.getByLabelText('Bay') as HTMLInputElement).value).toBe('7');
    expect(document.activeElement).toBe(name);
  });

  it('labels the clock-start field by protocol', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    expect(screen.getByLabelText('Infusion ended at')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Protocol'), 'spravato');
    expect(screen.getByLabelText('First spray at')).toBeTruthy();
  });

  it('closes on Escape without admitting', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: 'Admit a patient' })).toBeNull();
    expect(ipc.admitted).toHaveLength(0);
  });
});

describe('alerts', () => {
  const alert = (firingId: number, bay: string): ActiveAlert => activeAlert(firingId, { bay });

  it('shows each alert until acknowledged, and acknowledging one keeps the other', async () => {
    ipc.alerts = [alert(11, 'Bay 1'), alert(12, 'Bay 2')];
    const user = userEvent.setup();
    render(App);
    const banner = await screen.findByRole('region', { name: 'Alerts' });
    expect(within(banner).getAllByRole('alert')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Acknowledge alert for Bay 1' }));
    expect(ipc.acknowledged).toEqual([11]);
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Acknowledge alert for Bay 1' })).toBeNull(),
    );
    expect(screen.getByRole('button', { name: 'Acknowledge alert for Bay 2' })).toBeTruthy();
  });

  it('warns when the last desktop notification failed, and sends a test on request', async () => {
    ipc.notification = {
      delivered: false,
      detail: 'no answer from the notification service within 3 s',
      at: new Date().toISOString(),
    };
    const user = userEvent.setup();
    render(App);
    const warning = await screen.findByRole('status');
    expect(warning.textContent).toContain('Desktop notifications are failing');
    expect(warning.textContent).toContain('within 3 s');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(ipc.tests).toBe(1);
  });
});

describe('settings', () => {
  it('saves a protocol minimum and shows a refusal beside its field', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const iv = screen.getByLabelText('Minimum minutes, IV ketamine') as HTMLInputElement;
    expect(iv.value).toBe('60');
    await user.clear(iv);
    await user.type(iv, '75');
    await user.click(screen.getByRole('button', { name: 'Save IV ketamine' }));
    expect(ipc.protocolEdits).toEqual([{ protocol: 'iv_ketamine', minimumMinutes: 75 }]);

    const spravato = screen.getByLabelText('Minimum minutes, Spravato (esketamine)');
    await user.clear(spravato);
    await user.type(spravato, '90');
    await user.click(screen.getByRole('button', { name: 'Save Spravato (esketamine)' }));
    expect(spravato.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById('setting-spravato-error');
    expect(error?.textContent).toContain('at least 120');
    expect((spravato as HTMLInputElement).value).toBe('90');
    expect(ipc.protocolEdits).toHaveLength(1);
  });

  it('shows the protocol minimum as the admit default and mg/kg as typed', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    expect(screen.getByText(/protocol's 60 minutes/)).toBeTruthy();
    await user.type(screen.getByLabelText('Dose (mg)'), '35');
    await user.type(screen.getByLabelText('Weight (kg)'), '70');
    expect(screen.getByText('0.50 mg/kg')).toBeTruthy();
  });
});

describe('drafts', () => {
  it('keeps what was typed, restores it after closing, and clears it on request', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    await user.type(screen.getByLabelText('Patient name'), 'Testy McTestface');
    await user.type(screen.getByLabelText('Bay'), '4');
    await vi.waitFor(() => expect(ipc.draft?.content).toContain('"bay":"4"'));
    expect(ipc.draft?.content).toContain('Testy McTestface');

    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Admit patient' }));
    await vi.waitFor(() =>
      expect((screen.getByLabelText('Bay') as HTMLInputElement).value).toBe('4'),
    );
    expect(screen.getByRole('status').textContent).toContain('Restored what was typed');

    await user.click(screen.getByRole('button', { name: 'Clear form' }));
    expect((screen.getByLabelText('Patient name') as HTMLInputElement).value).toBe('');
    await vi.waitFor(() => expect(ipc.draft).toBeNull());
    await new Promise((r) => setTimeout(r, 400));
    expect(ipc.draft, 'clearing does not save an empty draft').toBeNull();
  });
});

describe('the sound of a raised alert', () => {
  const raised = (): ActiveAlert => activeAlert(31, { bay: 'Bay 3' });
  const alertRaised = () => vi.mocked(api.onAlertRaised).mock.calls.at(-1)![0]();

  it("plays the alert's own tone once its reload comes back", async () => {
    render(App);
    await screen.findByRole('heading', { name: 'No patients in recovery' });
    vi.mocked(playTone).mockClear();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    ipc.alerts = [raised()];
    alertRaised();
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.mocked(playTone).mock.calls).toEqual([['soft', 40]]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(vi.mocked(playTone), 'no urgent tone after a reload in time').toHaveBeenCalledTimes(1);
  });

  it('plays the urgent tone when the reload has not come back within 3 s', async () => {
    render(App);
    await screen.findByRole('heading', { name: 'No patients in recovery' });
    vi.mocked(playTone).mockClear();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.mocked(api.loadAlerts).mockImplementationOnce(() => new Promise(() => {}));
    alertRaised();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(playTone).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(vi.mocked(playTone).mock.calls).toEqual([['urgent', 40]]);
  });
});
