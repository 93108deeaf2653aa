// The pre-dose blood pressure decision as the board, the patient's record and the form say it:
// the same sentence as the papers ("Pre-dose BP 150/95 above 140/90: proceed, decided by
// Dr Test Prescriber at 09:55").
import type { PredoseChoice, PredoseStanding } from '../../lib/ipc';
import { formatClock } from '../../lib/time';

export const PREDOSE_CHOICES: readonly (readonly [PredoseChoice, string])[] = [
  ['proceed', 'Proceed with the dose'],
  ['do_not_dose', 'Do not dose'],
];

const SAID: Record<PredoseChoice, string> = { proceed: 'proceed', do_not_dose: 'do not dose' };

/** One line: the reading over the limit, and the decision or that it is still needed. */
export function predoseText(standing: PredoseStanding): string {
  const recorded = standing.decision;
  if (!recorded) return `${standing.headline}: prescriber's decision needed`;
  const d = recorded.decision;
  const late = recorded.late ? ` (${recorded.late})` : '';
  return `${standing.headline}: ${SAID[d.decision]}, decided by ${d.prescriber} at ${formatClock(d.decidedAt)}${late}`;
}

/** The prescriber decided not to dose. */
export function doNotDose(standing: PredoseStanding | null): boolean {
  return standing?.decision?.decision.decision === 'do_not_dose';
}
