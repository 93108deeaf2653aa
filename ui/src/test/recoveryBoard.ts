// The one-line board rendered with three rows (not ready, cleared, awaiting escort) and a spy
// for every row handler: shared by the board's test files.
import { render, screen, within } from '@testing-library/svelte';
import { vi } from 'vitest';
import type { BoardRow } from '../lib/ipc';
import { row } from './fixtures';
import RecoveryBoard from '../features/board/RecoveryBoard.svelte';

export const two = (n: number) => String(n).padStart(2, '0');
export const clock = (ms: number) => `${two(new Date(ms).getHours())}:${two(new Date(ms).getMinutes())}`;
export const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();

export function cell(bay: string, column: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Patients in recovery' });
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
  const tr = within(table).getByRole('rowheader', { name: bay }).closest('tr')!;
  return tr.children[headers.indexOf(column)] as HTMLElement;
}
export const rowOf = (bay: string) => screen.getByRole('rowheader', { name: bay }).closest('tr')!;

export const planned = Date.now() - 20 * 60_000;
export const notReady: BoardRow = {
  ...row(5, 'Bay 5', 'Testy McTestface'),
  nextCheck: {
    key: 'iv:vitals:+15',
    kind: 'vitals',
    label: 'Vitals at +15 min',
    plannedAt: new Date(planned).toISOString(),
    overdueAt: new Date(planned + 5 * 60_000).toISOString(),
    status: 'overdue',
    doneBy: null,
    doneAt: null,
  },
  missing: ['Lightheadedness and gait: Check positive (systolic fell 16 mmHg)', 'Planned checks: 1 check overdue'],
  padssTotal: 7,
  escortStatus: 'expected',
};
export const cleared: BoardRow = {
  ...row(6, 'Bay 6', 'Test Patient', -60_000),
  protocol: 'spravato',
  minimumMinutes: 120,
  readiness: 'ready',
  missing: [],
  phase: 'cleared',
  escortStatus: 'arrived',
  alertActive: true,
};
export const third: BoardRow = { ...row(7, 'Bay 7', 'Other Patient'), readiness: 'ready_awaiting_escort', missing: ['Escort'] };

export function board(props: Record<string, unknown> = {}) {
  const handlers = {
    onAdmit: vi.fn(),
    onRecordCheck: vi.fn(),
    onNote: vi.fn(),
    onOpen: vi.fn(),
    onEscort: vi.fn(),
    onEscortArrived: vi.fn(),
    onDischarge: vi.fn(),
    onAgainstAdvice: vi.fn(),
    onTransfer: vi.fn(),
    onDepart: vi.fn(),
    onSheet: vi.fn(),
  };
  const view = render(RecoveryBoard, {
    rows: [notReady, cleared, third],
    now: Date.now(),
    canAdmit: true,
    ...handlers,
    ...props,
  });
  return { ...view, handlers };
}
export const bayOf = (fn: ReturnType<typeof vi.fn>) => fn.mock.calls.map(([r]) => (r as BoardRow).bay);
