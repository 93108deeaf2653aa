// Labels of the History screen: how a patient left, and a found session's short description.
import type { DepartureHow, HistoryLeft, HistoryRow } from '../../lib/ipc';
import { formatDateTime } from '../../lib/time';

export const LEFT_CHOICES: readonly (readonly [HistoryLeft, string])[] = [
  ['discharged', 'Discharged'],
  ['against_advice', 'Against advice'],
  ['transferred', 'Transferred to emergency care'],
  ['still_here', 'Not left (no departure recorded)'],
];

const HOW: Record<DepartureHow, string> = {
  discharged: 'Discharged',
  against_advice: 'Against advice',
  transferred: 'Transferred',
};

/** "Discharged 2026-11-27 14:05", or "No departure recorded". */
export function leftText(row: Pick<HistoryRow, 'how' | 'leftAt'>): string {
  if (!row.how) return 'No departure recorded';
  return row.leftAt ? `${HOW[row.how]} ${formatDateTime(row.leftAt)}` : HOW[row.how];
}

/** The open button's accessible name: "Open Bay 3 2026-11-27 14:05 (Patient Name)". */
export function openName(row: HistoryRow): string {
  return `Open ${row.bay} ${formatDateTime(row.clockStartedAt)} (${row.patientName})`;
}
