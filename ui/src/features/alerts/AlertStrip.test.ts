// The open alerts pinned at the top (issue 11, feature 13; issue 13): the strip counts them,
// shows each on one line with its kind in words, each is acknowledged from it, and the window
// title counts them too (never a name). A click on an alert's desktop notification opens that
// patient's record.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { ActiveAlert } from '../../lib/ipc';
import { alertText, windowTitle } from './alerts';
import { formatClock } from '../../lib/time';
import { PIN, activeAlert, clickNotification, ipc, lockAs, resetIpc, row, sessionDetail } from '../../test/fakeIpc';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

const alert = (firingId: number, bay: string, changes: Partial<ActiveAlert> = {}): ActiveAlert =>
  activeAlert(firingId, { bay, ...changes });

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  document.title = 'Vigil';
  ipc.board.rows = [row(1, 'Bay 1', 'Testy McTestface'), row(2, 'Bay 2', 'Test Patient')];
  ipc.alerts = [alert(1, 'Bay 1'), alert(2, 'Bay 2', { kind: 'check_overdue', detail: 'Vitals at +15 min' })];
});

describe('the window title', () => {
  it('says how many alerts are open, one, or none', () => {
    expect(windowTitle(0)).toBe('Vigil');
    expect(windowTitle(1)).toBe('Vigil – 1 open alert');
    expect(windowTitle(3)).toBe('Vigil – 3 open alerts');
  });

  it('follows the open alerts as they are acknowledged from the strip', async () => {
    const user = userEvent.setup();
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    await waitFor(() => expect(document.title).toBe('Vigil – 2 open alerts'));
    expect(within(strip).getByText('2 open alerts')).toBeTruthy();
    expect(within(strip).getAllByRole('alert')).toHaveLength(2);

    await user.click(within(strip).getByRole('button', { name: 'Acknowledge alert for Bay 1' }));
    expect(ipc.acknowledged).toEqual([1]);
    await waitFor(() => expect(document.title).toBe('Vigil – 1 open alert'));
    expect(within(strip).getByText('1 open alert')).toBeTruthy();

    await user.click(within(strip).getByRole('button', { name: 'Acknowledge alert for Bay 2: Vitals at +15 min' }));
    await waitFor(() => expect(document.title).toBe('Vigil'));
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
  });

  it('counts the alerts on a locked screen too, without a name', async () => {
    lockAs(ipc.auth.nurse);
    render(App);
    await screen.findByRole('region', { name: 'Alerts' });
    await waitFor(() => expect(document.title).toBe('Vigil – 2 open alerts'));
    const strip = screen.getByRole('region', { name: 'Alerts' });
    const [first] = within(strip).getAllByRole('alert');
    expect(first?.textContent?.replace(/\s+/g, ' ')).toContain('Bay 1 · T. M. · Minimum reached');
    expect(strip.outerHTML, 'not in the text, nor in a tooltip').not.toContain('McTestface');
  });
});

/** The strip's text of one alert, spaces collapsed (the marker is decoration, aria-hidden). */
const lineOf = (el: HTMLElement) => el.querySelector('.alert-text')!.textContent!.replace(/\s+/g, ' ').trim();

describe('the strip', () => {
  it('gives each alert one short line that says its kind in words, with a marker', async () => {
    const due = '2026-07-01T12:32:00Z';
    ipc.alerts = [
      alert(1, 'Bay 5', { dueAt: due }),
      alert(2, 'Bay 3', { kind: 'check_overdue', detail: 'Vitals at +15 min', dueAt: due }),
      alert(3, 'Bay 2', { kind: 'clinical', severity: 'critical', detail: 'SpO2 88 % (< 92)' }),
      alert(4, 'Bay 4', { kind: 'clinical', severity: 'warning', detail: 'Heart rate 128 (> 120)' }),
      alert(5, 'Bay 6', { kind: 'escort_late', detail: 'expected 14:20' }),
    ];
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    const lines = within(strip).getAllByRole('alert').map(lineOf);
    const at = formatClock(due);
    expect(lines).toEqual([
      `Bay 5 · Testy McTestface · Minimum reached ${at}`,
      `Bay 3 · Testy McTestface · Check overdue: Vitals at +15 min (since ${at})`,
      'Critical · Bay 2 · Testy McTestface · SpO2 88 % (< 92)',
      'Warning · Bay 4 · Testy McTestface · Heart rate 128 (> 120)',
      'Bay 6 · Testy McTestface · Escort late: expected 14:20',
    ]);
    expect(lines).toEqual(ipc.alerts.map(alertText));
    const markers = within(strip)
      .getAllByRole('alert')
      .map((a) => a.querySelector('.alert-marker'));
    expect(markers.every((m) => m?.getAttribute('aria-hidden') === 'true' && m.textContent !== '')).toBe(true);
    expect(new Set(markers.map((m) => m?.textContent)).size, 'critical, warning, time and escort differ').toBe(4);
  });

  it('keeps the acknowledge buttons compact and their names as before', async () => {
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    const buttons = within(strip).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Acknowledge alert for Bay 1',
      'Acknowledge alert for Bay 2: Vitals at +15 min',
    ]);
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Acknowledge', 'Acknowledge']);
  });

  it('shows a long combined alert whole, wrapping rather than cutting or hiding it', async () => {
    const reasons =
      'Blood pressure 185/112 above 180/110; SpO2 91 % below 92 %; respiratory rate 8 below 10; heart rate 128 above 120';
    ipc.alerts = [alert(3, 'Bay 1', { kind: 'clinical', severity: 'critical', detail: reasons })];
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    const shown = within(strip).getByRole('alert');
    expect(lineOf(shown)).toBe(`Critical · Bay 1 · Testy McTestface · ${reasons}`);
    expect(shown.querySelector('[title]'), 'the whole text is on screen, not in a tooltip').toBeNull();
  });

  it('says in words which alert is escalated (unacknowledged past the setting), buttons unchanged', async () => {
    ipc.alerts = [alert(1, 'Bay 1', { firedAt: new Date(Date.now() - 6 * 60_000 - 5_000).toISOString() }), ipc.alerts[1]!];
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    const [old, fresh] = within(strip).getAllByRole('alert');
    expect(old!.classList.contains('escalated')).toBe(true);
    expect(within(old!).getByText('Unacknowledged 6 min')).toBeTruthy();
    expect(fresh!.classList.contains('escalated')).toBe(false);
    expect(fresh!.textContent).not.toContain('Unacknowledged');
    expect(within(strip).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Acknowledge alert for Bay 1',
      'Acknowledge alert for Bay 2: Vitals at +15 min',
    ]);
  });

  it('escalates after the minutes set in the display settings, locked too', async () => {
    ipc.display = { ...ipc.display, escalateAfterMinutes: 10 };
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    ipc.alerts = [alert(1, 'Bay 1', { firedAt: ago(7) }), alert(2, 'Bay 2', { firedAt: ago(11) })];
    lockAs(ipc.auth.nurse);
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    await waitFor(() => {
      const [seven, eleven] = within(strip).getAllByRole('alert');
      expect(seven!.classList.contains('escalated'), '7 min is under the 10 set').toBe(false);
      expect(eleven!.classList.contains('escalated')).toBe(true);
    });
    expect(within(strip).getByText('Unacknowledged 11 min')).toBeTruthy();
    expect(within(strip).queryByText(/Unacknowledged 7/)).toBeNull();
  });

  it('can be scrolled from the keyboard when locked (it has no button to focus then)', async () => {
    lockAs(ipc.auth.nurse);
    const { unmount } = render(App);
    const locked = await screen.findByRole('region', { name: 'Alerts' });
    expect(locked.getAttribute('tabindex')).toBe('0');
    unmount();
    resetIpc();
    ipc.alerts = [alert(1, 'Bay 1')];
    render(App);
    const open = await screen.findByRole('region', { name: 'Alerts' });
    await screen.findByRole('button', { name: 'Acknowledge alert for Bay 1' });
    expect(open.hasAttribute('tabindex'), 'unlocked, its buttons take the focus').toBe(false);
  });

  it('keeps the "Not saved yet" line of an alert raised while records cannot be saved', async () => {
    ipc.alerts = [alert(-1, 'Bay 1', { notSaved: 'the disk is full' })];
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    expect(within(strip).getByText('Not saved yet: the disk is full')).toBeTruthy();
  });
});

describe('a click on the desktop notification', () => {
  beforeEach(() => {
    ipc.sessions[2] = sessionDetail(2, 'Bay 2', 'Test Patient');
  });

  it("opens that patient's record on the board, from another screen", async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('region', { name: 'Alerts' });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.queryByRole('table', { name: 'Patients in recovery' })).toBeNull();

    clickNotification(2);
    expect(await screen.findByRole('heading', { name: 'Bay 2: Test Patient' })).toBeTruthy();
  });

  it('on a locked screen, opens it once the nurse unlocks, not before', async () => {
    const user = userEvent.setup();
    lockAs(ipc.auth.nurse);
    render(App);
    const pin = (await screen.findByLabelText('PIN')) as HTMLInputElement;
    clickNotification(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: /^Bay 2:/ })).toBeNull();

    await user.type(pin, PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'Bay 2: Test Patient' })).toBeTruthy();
  });

  it('with a form open, does not switch records under it: says so, and opens it once the form closes', async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('region', { name: 'Alerts' });
    await rowAction(user, 'Add note for Bay 1');
    expect(screen.getByRole('heading', { name: 'Note for Bay 1' })).toBeTruthy();

    clickNotification(2);
    const line = await screen.findByText(/^\s*Bay 2's record was asked for from a notification/);
    expect(line.getAttribute('role')).toBe('status');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Bay 2: Test Patient' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Note for Bay 1' }), 'the form stays').toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { name: 'Bay 2: Test Patient' })).toBeTruthy();
    expect(line.isConnected).toBe(false);
  });

  it('with a check form open, does not open the other record either', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record check for Bay 1' }));
    clickNotification(2);
    expect(await screen.findByText(/Bay 2's record was asked for from a notification/)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Bay 2: Test Patient' })).toBeNull();
  });

  it('on a locked screen, forgets a click more than 2 minutes old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const user = userEvent.setup();
    lockAs(ipc.auth.nurse);
    render(App);
    const pin = (await screen.findByLabelText('PIN')) as HTMLInputElement;
    clickNotification(2);
    vi.setSystemTime(Date.now() + 2 * 60_000 + 1_000);
    await user.type(pin, PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('button', { name: 'Acknowledge alert for Bay 1' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: /^Bay 2:/ })).toBeNull();
    expect(screen.getByRole('table', { name: 'Patients in recovery' })).toBeTruthy();
  });

  it('on a locked screen, forgets the click when the nurse is signed out', async () => {
    const user = userEvent.setup();
    lockAs(ipc.auth.nurse);
    render(App);
    await screen.findByLabelText('PIN');
    clickNotification(2);
    ipc.auth = { ...ipc.auth, nurse: null, locked: false };
    vi.mocked(api.onAuthChanged).mock.calls.at(-1)![0](); // the idle sign-out
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
    await user.type(screen.getByLabelText('PIN'), PIN);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'Acknowledge alert for Bay 1' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: /^Bay 2:/ })).toBeNull();
  });
});

afterEach(() => vi.useRealTimers());
