// The close / quit part of the in-memory IPC fake (fakeIpc.ts merges it): the question the
// shell asks with `close-requested` (a test fires it with `requestClose`), the counts
// load_close_request answers (or its failure, or patients that could not be counted), keeping
// Vigil running hidden, and a quit that, like the shell, needs the count the dialog showed and,
// unless nobody is in recovery, a nurse signed in and unlocked.
import { vi } from 'vitest';
import type { ActiveAlert, AuthStatus, CloseReason, CloseRequest, QuitInput, RecoveryBoard, VigilError } from '../lib/ipc';
import { lockedUnlockFirst, quitBoardChanged, quitBoardChangedToOne, signInFirst } from './backendMessages';

export function freshTray() {
  return {
    /** Whether the shell shows a tray icon (load_close_request's `trayAvailable`). */
    trayAvailable: true,
    /** keep_running_hidden calls that hid the window. */
    hiddenTimes: 0,
    /** A refusal keep_running_hidden answers with, when set. */
    hideError: null as VigilError | null,
    /** Quits accepted (the app would have exited). */
    quits: [] as QuitInput[],
    /** The records could not be read: load_close_request counts no patient (null, 0 alerts). */
    closeNotCounted: false,
    /** A refusal load_close_request answers with, when set. */
    closeLoadError: null as VigilError | null,
  };
}

type State = ReturnType<typeof freshTray> & { auth: AuthStatus; board: RecoveryBoard; alerts: ActiveAlert[] };

/** The page's handler of `close-requested` (set by `onCloseRequested`). */
let closeHandler: ((request: CloseRequest) => void) | null = null;

/** As the shell does when the window is asked to close (or Quit is chosen in the tray). */
export function requestClose(request: CloseRequest) {
  if (!closeHandler) throw new Error('the page does not listen for close-requested');
  closeHandler(request);
}

export function trayFakes(ipc: State, fail: (error: VigilError) => never) {
  /** Counted now, as the shell counts: the board's patients and the open alerts. */
  const counted = (reason: CloseReason): CloseRequest => ({
    reason,
    patientsInRecovery: ipc.closeNotCounted ? null : ipc.board.rows.length,
    openAlerts: ipc.closeNotCounted ? 0 : ipc.alerts.length,
    trayAvailable: ipc.trayAvailable,
  });
  return {
    onCloseRequested: vi.fn(async (handler: (request: CloseRequest) => void) => {
      closeHandler = handler;
      return () => {
        if (closeHandler === handler) closeHandler = null;
      };
    }),
    loadCloseRequest: vi.fn(async (reason: CloseReason) => {
      if (ipc.closeLoadError) fail(ipc.closeLoadError);
      return counted(reason);
    }),
    keepRunningHidden: vi.fn(async () => {
      if (ipc.hideError) fail(ipc.hideError);
      ipc.hiddenTimes += 1;
    }),
    quitVigil: vi.fn(async (input: QuitInput) => {
      const now = ipc.board.rows.length;
      const nobody = input.patientsInRecovery === 0 && now === 0; // no nurse needed
      if (!nobody && ipc.auth.locked) fail(lockedUnlockFirst);
      if (!nobody && ipc.auth.nurse === null) fail(signInFirst);
      if (input.patientsInRecovery !== now) fail(now === 1 ? quitBoardChangedToOne : quitBoardChanged(now));
      ipc.quits.push(input);
    }),
  };
}
