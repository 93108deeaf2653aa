// What the app says, once open, about how the records were opened at start: after a recovery
// (where the damaged file went, what was restored) or with the recovery key (where its key is
// kept now), or by trying the key home again. Pure functions.
import type { KeyHome, RecoveryOutcome } from '../../lib/ipc';
import { keyHomeText } from './keyHome';

/** After a way out of damaged or unreadable records. */
export function recoveredNote(outcome: RecoveryOutcome): string {
  const kept = outcome.keptAs ? `The damaged file was kept as ${outcome.keptAs}. ` : '';
  const how = outcome.restoredFrom ? `Restored from ${outcome.restoredFrom}.` : 'Started with empty records.';
  return kept + how;
}

/** After the recovery key opened the records (copied in from `restoredFrom` on a first start). */
export function openedNote(outcome: RecoveryOutcome, keepIn: KeyHome): string {
  const from = outcome.restoredFrom ? ` copied from ${outcome.restoredFrom}` : '';
  return `The records${from} were opened with the recovery key; their key is now kept in ${keyHomeText(keepIn, null)}.`;
}

/** After the key home answered on a retry. */
export const RETRIED_NOTE = 'The key was found: the records are open.';

/** After a retry kept a new key for plain records of an earlier Vigil and encrypted them. */
export const RETRIED_ENCRYPTED_NOTE =
  'The records are open and now encrypted with a new key. No recovery key was shown: an administrator must issue one in Settings and keep it on paper.';
