// The words the app's frame shows about its state: the header's subtitle (which screen is
// shown) and the banner of a failed integrity check. Pure functions of the app state.
import type { AuthStatus, IntegrityStatus } from '../lib/ipc';
import type { View } from '../features/shell/AppHeader.svelte';

/** The first start, else the open screen's name; signed out or locked it is the board. */
export function screenTitle(auth: AuthStatus | null, view: View, open: boolean): string {
  if (auth?.setupNeeded) return 'First start';
  if (!open) return 'Recovery board';
  if (view === 'settings') return 'Settings';
  if (view === 'people') return 'People';
  if (view === 'forms') return 'Forms due';
  if (view === 'history') return 'History';
  if (view === 'reports') return 'Reports';
  if (view === 'audit') return 'Audit trail';
  return 'Recovery board';
}

/** The banner of records that do not verify (with the first bad entry when known), or null. */
export function integrityProblem(integrity: IntegrityStatus | null): string | null {
  if (!integrity || integrity.ok) return null;
  const problem = integrity.problem ?? 'the records do not verify';
  const entry = integrity.firstBadSeq === null ? '' : ` (first bad entry #${integrity.firstBadSeq})`;
  return `Record integrity problem: ${problem}${entry}. Tell the administrator.`;
}
