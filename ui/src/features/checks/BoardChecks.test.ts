// The board's check columns and the banner for overdue checks and clinical alerts.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveAlert, BoardRow } from '../../lib/ipc';
import { activeAlert, ipc, lockAs, resetIpc, row } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

const two = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`;

/** The cell of `bay`'s row under the column header `column`, as the end-to-end tests find it. */
function cell(bay: string, column: string): HTMLElement {
  const table = screen.getByRole('table');
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
  const tr = within(table).getByRole('rowheader', { name: bay }).closest('tr')!;
  return tr.children[headers.indexOf(column)] as HTMLElement;
}
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim();

describe('the board', () => {
  it('shows the next check (marked overdue), why the patient is not ready, and the PADSS', async () => {
    const planned = new Date(Date.now() - 20 * 60_000);
    const overdue: BoardRow = {
      ...row(5, 'Bay 5', 'Testy McTestface'),
      nextCheck: {
        key: 'iv:vitals:+15',
        kind: 'vitals',
        label: 'Vitals at +15 min',
        plannedAt: planned.toISOString(),
        overdueAt: new Date(planned.getTime() + 5 * 60_000).toISOString(),
        status: 'overdue',
        doneBy: null,
        doneAt: null,
      },
      readiness: 'not_ready',
      missing: [
        'Lightheadedness and gait: Check positive (orthostatic sit-to-stand: systolic fell 16 mmHg (≥ 15))',
        'Planned checks: 1 check overdue: Vitals at +15 min',
      ],
      padssTotal: 7,
      padssComplete: false,
    };
    const clear: BoardRow = {
      ...row(6, 'Bay 6', 'Other Patient'),
      readiness: 'ready',
      missing: [],
      padssTotal: 10,
      padssComplete: true,
    };
    ipc.board.rows = [overdue, clear];
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('rowheader', { name: 'Bay 5' });

    const next = cell('Bay 5', 'Next check');
    expect(text(next)).toBe(`Vitals ${clock(planned)} overdue`);
    expect(next.classList.contains('overdue')).toBe(true);
    expect(text(cell('Bay 5', 'Readiness'))).toBe('Not ready (2): Gait');
    expect(text(cell('Bay 6', 'Next check'))).toBe('—');
    expect(text(cell('Bay 6', 'Readiness'))).toBe('Ready');
    expect(text(cell('Bay 5', 'Patient'))).toBe('Testy McTestface');
    expect(screen.getByRole('button', { name: 'Record check for Bay 6' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Bay 6' })).toBeTruthy();

    // Every reason, the PADSS and the state are in the row's details.
    await user.click(screen.getByRole('button', { name: 'Show details for Bay 5' }));
    await user.click(screen.getByRole('button', { name: 'Show details for Bay 6' }));
    const details = (bay: string) =>
      screen.getByRole('rowheader', { name: bay }).closest('tr')!.nextElementSibling as HTMLElement;
    const term = (bay: string, name: string) =>
      text(within(details(bay)).getByText(name).nextElementSibling as HTMLElement);
    expect(within(details('Bay 5')).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
      'Lightheadedness and gait: Check positive (orthostatic sit-to-stand: systolic fell 16 mmHg (≥ 15))',
      'Planned checks: 1 check overdue: Vitals at +15 min',
    ]);
    expect(term('Bay 5', 'Next check')).toBe(`Vitals at +15 min ${clock(planned)} — overdue`);
    expect(term('Bay 5', 'PADSS')).toBe('7/10 (incomplete)');
    expect(term('Bay 6', 'PADSS')).toBe('10/10');
    expect(term('Bay 5', 'State')).toBe('Recovering');
  });

  it('keeps the locked board to bay, initials and time left', async () => {
    lockAs(ipc.auth.nurse);
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), missing: ['Planned checks: 1 check overdue: Vitals at +15 min'] }];
    render(App);
    await screen.findByRole('rowheader', { name: 'Bay 5' });
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Bay', 'Patient', 'Time left']);
    expect(screen.queryByRole('button', { name: 'Record check for Bay 5' })).toBeNull();
  });

  it('disables starting another check while a form is open', async () => {
    ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface'), row(6, 'Bay 6', 'Other Patient')];
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record check for Bay 5' }));
    const other = screen.getByRole('button', { name: 'Record check for Bay 6' }) as HTMLButtonElement;
    expect(other.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Admit patient' })).toBeNull();
  });
});

describe('the alert banner', () => {
  const alert = (firingId: number, changes: Partial<ActiveAlert>): ActiveAlert =>
    activeAlert(firingId, { sessionId: 5, bay: 'Bay 5', ...changes });

  it('names overdue checks and clinical alerts, marks critical ones, and acknowledges each', async () => {
    ipc.alerts = [
      alert(1, {}),
      alert(2, { kind: 'check_overdue', detail: 'Vitals at +15 min' }),
      alert(3, { kind: 'clinical', severity: 'critical', detail: 'Blood pressure 186/104 (critical ≥ 180/110)' }),
      alert(4, { kind: 'clinical', severity: 'warning', detail: 'SpO2 90 % on room air (< 92)' }),
    ];
    const user = userEvent.setup();
    render(App);
    const banner = await screen.findByRole('region', { name: 'Alerts' });
    const [minimum, overdue, critical, warning] = within(banner).getAllByRole('alert') as HTMLElement[];
    expect(text(overdue!.querySelector('p')!)).toMatch(
      /^Bay 5 · Testy McTestface · Check overdue: Vitals at \+15 min \(since \d\d:\d\d\)$/,
    );
    expect(text(critical!.querySelector('p')!)).toBe(
      'Critical · Bay 5 · Testy McTestface · Blood pressure 186/104 (critical ≥ 180/110)',
    );
    expect(critical!.classList.contains('critical')).toBe(true);
    expect(text(warning!.querySelector('p')!)).toBe('Warning · Bay 5 · Testy McTestface · SpO2 90 % on room air (< 92)');
    expect(warning!.classList.contains('critical')).toBe(false);
    expect(within(minimum!).getByRole('button', { name: 'Acknowledge alert for Bay 5' })).toBeTruthy();

    await user.click(
      screen.getByRole('button', { name: 'Acknowledge alert for Bay 5: Blood pressure 186/104 (critical ≥ 180/110)' }),
    );
    expect(ipc.acknowledged).toEqual([3]);
    await user.click(screen.getByRole('button', { name: 'Acknowledge alert for Bay 5: Vitals at +15 min' }));
    expect(ipc.acknowledged).toEqual([3, 2]);
  });
});
