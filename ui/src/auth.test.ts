// Sign-in, locking and emergency access, through the whole app with IPC faked at lib/ipc.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from './lib/ipc';
import { wrongPin } from './test/backendMessages';
import { BEN, PIN, activeAlert, ipc, lockAs, resetIpc, row } from './test/fakeIpc';
import { requestClose } from './test/fakeTray';

vi.mock('./lib/ipc', async (importOriginal) =>
  (await import('./test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from './App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

afterEach(() => vi.useRealTimers());

const pinField = () => screen.getByLabelText('PIN') as HTMLInputElement;

describe('first start', () => {
  beforeEach(() => {
    ipc.auth = { ...ipc.auth, setupNeeded: true, nurse: null, accounts: [] };
    ipc.accounts = [];
  });

  it('shows only the welcome form and creates the administrator', async () => {
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByRole('heading', { name: 'Welcome to Vigil' })).toBeTruthy();
    expect(screen.getByText('Create the first administrator account.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    expect(pinField().type).toBe('password');
    expect(pinField().getAttribute('inputmode')).toBe('numeric');

    await user.type(screen.getByLabelText('Name'), 'Ana Ruiz');
    await user.type(screen.getByLabelText('Credentials'), 'RN');
    await user.type(pinField(), '135790');
    await user.type(screen.getByLabelText('PIN again'), '135790');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));

    expect(api.createFirstAdmin).toHaveBeenCalledWith({
      displayName: 'Ana Ruiz',
      credentials: 'RN',
      role: 'admin',
      pin: '135790',
      pinAgain: '135790',
    });
    expect(await screen.findByText('Signed in as Ana Ruiz, RN')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Welcome to Vigil' })).toBeNull();
  });

  it('puts a PIN mismatch beside "PIN again" and focuses it', async () => {
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText('Name'), 'Ana Ruiz');
    await user.type(screen.getByLabelText('Credentials'), 'RN');
    await user.type(pinField(), '135790');
    await user.type(screen.getByLabelText('PIN again'), '135791');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));

    const again = screen.getByLabelText('PIN again');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(again.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The two PINs differ.',
    );
    expect(document.activeElement).toBe(again);
    expect(pinField().getAttribute('aria-invalid')).toBeNull();
  });

  it('explains that an administrator needs 6 digits and refuses 4 beside the PIN', async () => {
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText('Name'), 'Ana Ruiz');
    await user.type(screen.getByLabelText('Credentials'), 'RN');
    expect(document.getElementById('first-pin-hint')?.textContent).toBe('6 to 8 digits for an administrator');
    expect(pinField().getAttribute('aria-describedby')).toBe('first-pin-hint');
    await user.type(pinField(), '1357');
    await user.type(screen.getByLabelText('PIN again'), '1357');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));

    expect(pinField().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('first-pin-error')?.textContent).toBe(
      "An administrator's PIN is 6 to 8 digits.",
    );
    expect(screen.queryByText(/^Signed in as/)).toBeNull();
  });
});

describe('signing in', () => {
  beforeEach(() => {
    lockAs(null);
    ipc.auth.locked = false; // nobody signed in
  });

  it('offers the active accounts, first chosen, with the PIN focused', async () => {
    render(App);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Nurse' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual([
      'Ana Ruiz, RN',
      'Ben Okafor, RN',
      'Chloe Park, NP',
    ]);
    expect(radios[0]!.checked).toBe(true);
    expect(document.activeElement).toBe(pinField());
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
  });

  it('shows a wrong PIN, clears it and keeps the PIN field focused', async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Sign in' });
    await user.type(pinField(), '0000{Enter}');
    expect(api.signIn).toHaveBeenCalledWith({ nurseId: 1, pin: '0000' });
    expect((await screen.findByRole('alert')).textContent).toBe(wrongPin.message);
    expect(pinField().value).toBe('');
    expect(document.activeElement).toBe(pinField());
    expect(pinField().getAttribute('aria-invalid')).toBe('true');

    await user.type(pinField(), `${PIN}{Enter}`);
    expect(await screen.findByText('Signed in as Ana Ruiz, RN')).toBeTruthy();
  });

  it('sends the reason for emergency access, and shows the banner while it lasts', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('radio', { name: 'Ben Okafor, RN' }));
    await user.click(screen.getByRole('button', { name: 'Emergency access' }));
    const reason = screen.getByLabelText('Reason for emergency access');
    expect(document.activeElement).toBe(reason);

    await user.type(reason, 'short');
    await user.click(screen.getByRole('button', { name: 'Use emergency access' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('at least 10 characters');

    await user.type(reason, ': PIN pad broken, patient waiting');
    await user.click(screen.getByRole('button', { name: 'Use emergency access' }));
    expect(api.emergencyAccess).toHaveBeenLastCalledWith({
      nurseId: BEN.id,
      reason: 'short: PIN pad broken, patient waiting',
    });
    const banner = await screen.findByText(/^Emergency access in use by/);
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toBe(
      'Emergency access in use by Ben Okafor, RN: clinical work only; every action is recorded and reviewed.',
    );
    const region = screen.getByRole('region', { name: 'Emergency access' });
    expect(region.textContent).toMatch(/Locks in (30:00|29:59); then a PIN is needed\./);
  });
});

describe('the locked workstation', () => {
  beforeEach(() => {
    lockAs(ipc.auth.nurse);
    ipc.board.rows = [{ ...row(1, 'Bay 3', 'T. M.'), admittedBy: null, alertActive: true }];
    ipc.alerts = [activeAlert(7, { sessionId: 1, bay: 'Bay 3', patientName: 'T. M.' })];
  });

  it('shows bay, initials and time left only, and alerts without acknowledging', async () => {
    render(App);
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Patients in recovery' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Bay', 'Patient', 'Time left']);
    expect(within(table).getByText('T. M.')).toBeTruthy();
    expect(within(table).queryByText('Admitted by')).toBeNull();

    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(within(alerts).getByText(/T\. M\./)).toBeTruthy();
    expect(within(alerts).getByText('Unlock to acknowledge')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    for (const name of ['Admit patient', 'Settings', 'People', 'Lock', 'Sign out']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Ana Ruiz, RN' }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(pinField());
  });

  it('unlocks with the PIN typed straight away after an idle lock', async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Locked' });
    await user.keyboard(`${PIN}{Enter}`);
    expect(api.signIn).toHaveBeenCalledWith({ nurseId: 1, pin: PIN });
    expect(await screen.findByRole('columnheader', { name: 'Readiness' })).toBeTruthy();
  });
});

describe('locking and switching nurse', () => {
  it('locks on Ctrl+L; then a digit picks the nurse and the PIN + Enter switches', async () => {
    ipc.board.rows = [row(1, 'Bay 3', 'Testy McTestface')];
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByText('Signed in as Ana Ruiz, RN')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Readiness' })).toBeTruthy();

    await user.keyboard('{Control>}l{/Control}');
    expect(api.lockScreen).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    expect(screen.queryByText('Testy McTestface')).toBeNull();

    await user.keyboard('2');
    expect((screen.getByRole('radio', { name: 'Ben Okafor, RN' }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(pinField());
    expect(pinField().value).toBe('');

    await user.keyboard(`${PIN}{Enter}`);
    expect(api.signIn).toHaveBeenCalledWith({ nurseId: BEN.id, pin: PIN });
    expect(await screen.findByText('Signed in as Ben Okafor, RN')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'People' }), 'Ben is not an administrator').toBeNull();
  });

  it('does not take digits typed into the PIN field as a nurse choice', async () => {
    lockAs(ipc.auth.nurse);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Locked' });
    await user.keyboard('23');
    expect(pinField().value).toBe('23');
    expect((screen.getByRole('radio', { name: 'Ana Ruiz, RN' }) as HTMLInputElement).checked).toBe(true);
  });

  it('does not take a digit as a nurse choice while the close question is open over the lock', async () => {
    lockAs(ipc.auth.nurse);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Locked' });
    requestClose({ reason: 'window', patientsInRecovery: 1, openAlerts: 0, trayAvailable: true });
    expect(await screen.findByRole('alertdialog', { name: 'Close Vigil?' })).toBeTruthy();
    await user.keyboard('2');
    expect((screen.getByRole('radio', { name: 'Ana Ruiz, RN' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Ben Okafor, RN' }) as HTMLInputElement).checked).toBe(false);
  });

  it('after an idle lock, Ctrl+L leads from the PIN to the nurse choice', async () => {
    lockAs(ipc.auth.nurse);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Locked' });
    expect(document.activeElement).toBe(pinField());
    await user.keyboard('{Control>}l{/Control}3');
    expect(api.lockScreen).not.toHaveBeenCalled();
    expect((screen.getByRole('radio', { name: 'Chloe Park, NP' }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(pinField());
    await user.keyboard(`${PIN}{Enter}`);
    expect(api.signIn).toHaveBeenCalledWith({ nurseId: 3, pin: PIN });
  });

  it('locks with the Lock button and signs out with Sign out', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    await user.keyboard(`1${PIN}{Enter}`);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(api.signOut).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });
});

describe('activity', () => {
  it('notes activity at once, then at most every 5 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(App);
    await screen.findByText('Signed in as Ana Ruiz, RN');
    await user.keyboard('a');
    await user.keyboard('b');
    expect(api.noteActivity).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    await user.pointer({ keys: '[MouseLeft]', target: document.body });
    expect(api.noteActivity).toHaveBeenCalledTimes(2);
  });

  it('does not note activity for background reloads or timers, only for input', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(App);
    await screen.findByText('Signed in as Ana Ruiz, RN');
    const loads = vi.mocked(api.loadBoard).mock.calls.length;
    for (const listen of [api.onRecordsChanged, api.onAuthChanged]) {
      const reload = vi.mocked(listen).mock.calls[0]![0];
      reload();
      reload();
    }
    await vi.advanceTimersByTimeAsync(60_000); // the clock tick and the countdowns run
    expect(vi.mocked(api.loadBoard).mock.calls.length).toBeGreaterThan(loads);
    expect(api.noteActivity).not.toHaveBeenCalled();
  });

  it('does not note activity while locked', async () => {
    lockAs(ipc.auth.nurse);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { name: 'Locked' });
    await user.keyboard('a');
    expect(api.noteActivity).not.toHaveBeenCalled();
  });
});

describe('record integrity', () => {
  const broken = () => {
    ipc.integrity = { ...ipc.integrity, ok: false, firstBadSeq: 17, problem: 'entry 17 was changed' };
  };

  it('warns on the open board when the audit chain is broken', async () => {
    broken();
    render(App);
    const banner = await screen.findByText(/^Record integrity problem/);
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Record integrity problem: entry 17 was changed (first bad entry #17). Tell the administrator.',
    );
  });

  it('warns while locked too', async () => {
    broken();
    lockAs(ipc.auth.nurse);
    render(App);
    expect(await screen.findByText(/^Record integrity problem/)).toBeTruthy();
  });

  it('says nothing when the records verify', async () => {
    render(App);
    await screen.findByText('Signed in as Ana Ruiz, RN');
    expect(screen.queryByText(/Record integrity problem/)).toBeNull();
  });
});
