// The open alerts pinned at the top (issue 11, feature 13): the strip counts them, each is
// acknowledged from it, and the window title counts them too (never a name).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveAlert } from '../lib/ipc';
import { windowTitle } from '../lib/alerts';
import { ipc, lockAs, resetIpc, row } from '../test/fakeIpc';

vi.mock('../lib/ipc', async (importOriginal) =>
  (await import('../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../App.svelte';

const alert = (firingId: number, bay: string, changes: Partial<ActiveAlert> = {}): ActiveAlert => ({
  firingId,
  sessionId: firingId,
  kind: 'minimum_reached',
  bay,
  patientName: 'Testy McTestface',
  dueAt: new Date().toISOString(),
  firedAt: new Date().toISOString(),
  detail: null,
  severity: null,
  emergency: false,
  ...changes,
});

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
    expect(first?.textContent).toContain('Bay 1, T. M.: minimum recovery period reached');
    expect(strip.outerHTML, 'not in the text, nor in a tooltip').not.toContain('McTestface');
  });
});

describe('the strip', () => {
  it('gives a long combined alert its whole text as a tooltip', async () => {
    const reasons =
      'Blood pressure 185/112 above 180/110; SpO2 91 % below 92 %; respiratory rate 8 below 10; heart rate 128 above 120';
    ipc.alerts = [alert(3, 'Bay 1', { kind: 'clinical', severity: 'critical', detail: reasons })];
    render(App);
    const strip = await screen.findByRole('region', { name: 'Alerts' });
    const line = within(strip).getByRole('alert').querySelector('p')!;
    expect(line.title).toBe(`Critical: Bay 1 (Testy McTestface): ${reasons}`);
    expect(line.textContent?.replace(/\s+/g, ' ').trim()).toBe(line.title);
  });
});
