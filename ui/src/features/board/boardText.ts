// The board's compact words for one line per patient: the protocol, the next check and the
// readiness, short enough to sit on one line; the full text is in the row's details.
import type { BoardRow, PlannedCheck, PlannedCheckKind, Protocol } from '../../lib/ipc';

const SHORT: Record<Protocol, string> = { iv_ketamine: 'IV', spravato: 'Spravato', im_ketamine: 'IM' };

/** "IV 60 min", "Spravato 120 min". */
export function protocolShort(row: Pick<BoardRow, 'protocol' | 'minimumMinutes'>): string {
  return `${SHORT[row.protocol]} ${row.minimumMinutes} min`;
}

const KIND: Record<PlannedCheckKind, string> = {
  vitals: 'Vitals',
  bp: 'BP',
  sedation_dissociation: 'Sedation',
  lightheadedness: 'Gait',
};

/** A planned check in a word or two: "Vitals", "BP re-check" (the full label is in the details). */
export function checkShort(check: Pick<PlannedCheck, 'kind' | 'key'>): string {
  return `${KIND[check.kind]}${check.key.startsWith('recheck:') ? ' re-check' : ''}`;
}

/** The board's short names of the discharge gates (core's labels); others as they are. */
const GATE_SHORT: Record<string, string> = {
  'Minimum period': 'Minimum time',
  'Blood pressure': 'BP',
  'Lightheadedness and gait': 'Gait',
  'Modified PADSS': 'PADSS',
  'Critical alerts': 'Critical alert',
  'Planned checks': 'Checks due',
};

/** The gate's short name of a "<label>: <detail>" reason ("Gait", "Minimum time"). */
export function gateName(reason: string): string {
  const at = reason.indexOf(': ');
  const label = at < 0 ? reason : reason.slice(0, at);
  return GATE_SHORT[label] ?? label;
}

/** Ready, Awaiting escort, Cleared, or "Not ready (3): Minimum time"; '' on a locked board. */
export function readinessShort(row: Pick<BoardRow, 'phase' | 'readiness' | 'missing'>): string {
  if (row.phase === 'cleared') return 'Cleared';
  switch (row.readiness) {
    case 'ready':
      return 'Ready';
    case 'ready_awaiting_escort':
      return 'Awaiting escort';
    case 'not_ready': {
      const first = row.missing[0];
      return `Not ready (${row.missing.length})${first ? `: ${gateName(first)}` : ''}`;
    }
    default:
      return '';
  }
}
