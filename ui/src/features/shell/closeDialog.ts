// The words of the question asked before the window closes or Vigil quits while it matters
// (issue 17): the heading for the reason, the counts (singular, plural, none, not counted),
// what quitting means, when Quit is offered and why not, and the "keep running" choice for a
// desktop with or without a tray.
import type { CloseReason } from '../../lib/ipc';

/** "Close Vigil?" (the window's close button) or "Quit Vigil?" (Quit in the tray). */
export function closeHeading(reason: CloseReason): string {
  return reason === 'window' ? 'Close Vigil?' : 'Quit Vigil?';
}

/** Said when the shell could not count the patients (their records could not be read). */
export const NOT_COUNTED = 'Vigil could not count the patients in recovery.';

/** "No patient in recovery", "1 patient in recovery", "2 patients in recovery", or that they
    could not be counted (null). */
export function patientsText(count: number | null): string {
  if (count === null) return NOT_COUNTED;
  if (count === 0) return 'No patient in recovery';
  return `${count} ${count === 1 ? 'patient' : 'patients'} in recovery`;
}

/** "No open alert", "1 open alert", "2 open alerts". */
export function alertsText(count: number): string {
  if (count === 0) return 'No open alert';
  return `${count} open ${count === 1 ? 'alert' : 'alerts'}`;
}

/** What quitting means, said every time. */
export const QUIT_MEANS = 'If Vigil quits, no alert or notification reaches you until it is started again.';

/** The safe choice's name: hidden in the tray, or only hidden when no tray is shown. */
export function keepRunningLabel(trayAvailable: boolean): string {
  return trayAvailable ? 'Keep running in the tray' : 'Keep running in the background';
}

/** Without a tray: how the hidden window comes back. */
export const NO_TRAY_HINT = 'Start Vigil again from the applications menu to show it; an alert brings it back.';

/** Why Quit is not offered: the patients could not be counted, or there are patients and no
    nurse is signed in and unlocked (with nobody in recovery anyone may quit, as the shell
    allows); null when it is offered. */
export function quitBlocked(patients: number | null, signedIn: boolean): 'notCounted' | 'signIn' | null {
  if (patients === null) return 'notCounted';
  return patients > 0 && !signedIn ? 'signIn' : null;
}

/** Why Quit is disabled when the patients could not be counted. */
export const QUIT_NEEDS_COUNT = 'Quitting needs the count of patients; Vigil keeps running.';

/** Why Quit is disabled while locked or signed out, and what to do instead. */
export function signInToQuit(reason: CloseReason): string {
  const again = reason === 'window' ? 'close the window again' : 'choose Quit in the tray again';
  return `Sign in to quit. Cancel, sign in or unlock, then ${again}.`;
}

