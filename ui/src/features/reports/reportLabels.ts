// Words and numbers of the day report, as the PDF prints them (vigil_core::report).
import type { LateKind, LeftHow } from '../../lib/ipc';

export const LEFT: Record<LeftHow, string> = {
  discharged: 'discharged',
  against_advice: 'against advice',
  transferred: 'transferred',
  still_here: 'still here',
};

export const LATE: Record<LateKind, string> = {
  late_entry: 'entered late',
  overdue: 'overdue',
};

/** An alert kind as stored ("check_overdue") in words ("check overdue"). */
export function kindLabel(kind: string): string {
  return kind.replaceAll('_', ' ');
}

/** Seconds as "3 min 05 s". */
export function minSec(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Whole minutes, or a dash when there is none. */
export function minutes(n: number | null): string {
  return n === null ? '—' : `${n} min`;
}
