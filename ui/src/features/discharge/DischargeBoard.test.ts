// The board's discharge columns and one-click actions, and who left in the last 24 hours.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardRow } from '../../lib/ipc';
import { departed, dischargeView, escort, ipc, lockAs, resetIpc, row } from '../../test/fakeIpc';
import { menuItems, rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

function cell(bay: string, column: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Patients in recovery' });
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
  const tr = within(table).getByRole('rowheader', { name: bay }).closest('tr')!;
  return tr.children[headers.indexOf(column)] as HTMLElement;
}
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim();
const boardRow = (id: number, changes: Partial<BoardRow>) => ({ ...row(id, `Bay ${id}`, `Patient ${id}`), ...changes });

describe('readiness on the board', () => {
  it('says ready, awaiting escort, what is missing, or cleared, with the escort status', async () => {
    ipc.board.rows = [
      boardRow(1, { readiness: 'ready', missing: [], escortStatus: 'arrived' }),
      boardRow(2, { readiness: 'ready_awaiting_escort', missing: ['Escort'], escortStatus: 'en_route' }),
      boardRow(3, { readiness: 'not_ready', missing: ['Minimum period: 47 min left', 'Nausea 2 (limit 1)'] }),
      boardRow(4, { readiness: 'ready', missing: [], phase: 'cleared', escortStatus: 'arrived' }),
      boardRow(5, { readiness: 'not_ready', missing: ['SpO2'], escortStatus: 'expected' }),
    ];
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('rowheader', { name: 'Bay 1' });
    expect(text(cell('Bay 1', 'Readiness'))).toBe('Ready');
    expect(text(cell('Bay 2', 'Readiness'))).toBe('Awaiting escort');
    // One line: the count and the first reason; every reason in the row's details.
    const notReady = cell('Bay 3', 'Readiness');
    expect(text(notReady)).toBe('Not ready (2): Minimum time');
    await user.click(screen.getByRole('button', { name: 'Show details for Bay 3' }));
    const details = screen.getByRole('rowheader', { name: 'Bay 3' }).closest('tr')!.nextElementSibling as HTMLElement;
    expect(within(details).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
      'Minimum period: 47 min left',
      'Nausea 2 (limit 1)',
    ]);
    expect(text(cell('Bay 4', 'Readiness'))).toBe('Cleared');
    expect(text(cell('Bay 1', 'Escort'))).toBe('arrived');
    expect(text(cell('Bay 2', 'Escort'))).toBe('en route');
    expect(text(cell('Bay 3', 'Escort'))).toBe('none');
    expect(text(cell('Bay 5', 'Escort'))).toBe('expected');

    // Observing: discharge or against advice; cleared: departure (on the row) and the sheet.
    expect(screen.queryByRole('button', { name: 'Record departure for Bay 3' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Record departure for Bay 4' })).toBeTruthy();
    expect(await menuItems(user, 'Bay 3')).toEqual([
      'Add note for Bay 3',
      'Escort for Bay 3',
      'Discharge Bay 3',
      'Left against advice: Bay 3',
      'Transfer Bay 3 to emergency care',
    ]);
    expect(await menuItems(user, 'Bay 4')).toEqual([
      'Add note for Bay 4',
      'Escort for Bay 4',
      'Discharge sheet for Bay 4',
      'Transfer Bay 4 to emergency care',
    ]);
    // "Escort arrived" only while the escort is on the way.
    expect(await menuItems(user, 'Bay 1')).not.toContain('Escort arrived for Bay 1');
    expect(await menuItems(user, 'Bay 2')).toContain('Escort arrived for Bay 2');
    expect(await menuItems(user, 'Bay 5')).toContain('Escort arrived for Bay 5');
  });

  it('shows nothing of it on a locked board', async () => {
    lockAs(ipc.auth.nurse);
    ipc.board.rows = [boardRow(1, { readiness: null, missing: [] })];
    render(App);
    await screen.findByRole('rowheader', { name: 'Bay 1' });
    expect(screen.queryByText(/Ready|Escort/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'More actions for Bay 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Discharge Bay 1' })).toBeNull();
  });
});

describe('one-click actions', () => {
  it('records the escort as arrived now, keeping the rest of the escort', async () => {
    ipc.board.rows = [boardRow(2, { readiness: 'ready_awaiting_escort', escortStatus: 'expected' })];
    ipc.discharges[2] = dischargeView(2, 'Bay 2', 'Patient 2', { escort: escort('2026-11-27T15:00:00Z') });
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Escort arrived for Bay 2');
    expect(ipc.escorts).toEqual([
      expect.objectContaining({
        sessionId: 2,
        fullName: 'Jordan Example',
        transport: 'escort_drives',
        status: 'arrived',
        arrivedAt: '',
        adultAttested: true,
      }),
    ]);
    await vi.waitFor(() => expect(text(cell('Bay 2', 'Escort'))).toBe('arrived'));
    expect(await menuItems(user, 'Bay 2')).not.toContain('Escort arrived for Bay 2');
  });

  it('records a departure in one click; the patient moves to the recently left', async () => {
    ipc.board.rows = [boardRow(4, { readiness: 'ready', phase: 'cleared', escortStatus: 'arrived' })];
    ipc.discharges[4] = dischargeView(4, 'Bay 4', 'Patient 4', { phase: 'cleared', protocol: 'spravato' });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record departure for Bay 4' }));
    expect(ipc.departures).toEqual([4]);
    expect((await screen.findByText('Bay 4 departed')).getAttribute('role')).toBe('status');
    const recent = screen.getByRole('region', { name: 'Left in the last 24 hours' });
    const tr = (await within(recent).findByRole('rowheader', { name: 'Bay 4' })).closest('tr')!;
    expect(within(tr).getByText('Patient 4')).toBeTruthy();
    expect(within(tr).getByText('Discharged')).toBeTruthy();
    expect(within(tr).getByRole('button', { name: 'Discharge sheet for Bay 4' })).toBeTruthy();
    expect(within(tr).getByRole('button', { name: 'REMS form for Bay 4' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Patients in recovery' })).toBeNull();
  });

  it('shows a refused departure as an alert', async () => {
    ipc.board.rows = [boardRow(4, { phase: 'cleared' })];
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record departure for Bay 4' }));
    expect((await screen.findByText(/The departure could not be recorded for Bay 4/)).getAttribute('role')).toBe('alert');
  });
});

describe('recently left', () => {
  it('lists against-advice departures without a REMS button for other protocols', async () => {
    ipc.recent = [departed(7, 'Left Early', { how: 'against_advice' })];
    render(App);
    const recent = await screen.findByRole('region', { name: 'Left in the last 24 hours' });
    const tr = (await within(recent).findByRole('rowheader', { name: 'Bay 7' })).closest('tr')!;
    expect(within(tr).getByText('Against advice')).toBeTruthy();
    expect(within(tr).getByRole('button', { name: 'Discharge sheet for Bay 7' })).toBeTruthy();
    expect(within(tr).queryByRole('button', { name: 'REMS form for Bay 7' })).toBeNull();
  });
});
