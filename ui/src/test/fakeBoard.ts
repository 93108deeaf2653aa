// The board part of the in-memory IPC fake (fakeIpc.ts merges it): the board, admissions, the
// alerts and their acknowledgement, the notification status and the events the page listens
// to. As the backend, nobody signed in or a locked workstation shows initials, not names.
import { vi } from 'vitest';
import type { ActiveAlert, AdmitInput, AuthStatus, NotificationOutcome, RecoveryBoard, VigilError } from '../lib/ipc';
import { initials } from '../lib/labels';

export function freshBoard() {
  return {
    board: { generatedAt: new Date().toISOString(), locked: false, rows: [], unreadable: [] } as RecoveryBoard,
    admitted: [] as AdmitInput[],
    admitError: null as null | VigilError,
    alerts: [] as ActiveAlert[],
    acknowledged: [] as number[],
    notification: null as NotificationOutcome | null,
    tests: 0,
  };
}

type State = ReturnType<typeof freshBoard> & { auth: AuthStatus };

/** The page's handler of a click on a desktop notification (set by `onOpenSession`). */
let openSessionHandler: ((sessionId: number) => void) | null = null;

/** As the shell does when the nurse clicks the desktop notification of `sessionId`'s alert. */
export function clickNotification(sessionId: number) {
  if (!openSessionHandler) throw new Error('the page does not listen for notification clicks');
  openSessionHandler(sessionId);
}

/** The events the page listens to; only the notification click is ever fired. */
function eventFakes() {
  return {
    onRecordsChanged: vi.fn(async () => () => {}),
    onAlertRaised: vi.fn(async () => () => {}),
    onOpenSession: vi.fn(async (handler: (sessionId: number) => void) => {
      openSessionHandler = handler;
      return () => {
        if (openSessionHandler === handler) openSessionHandler = null;
      };
    }),
    onAuthChanged: vi.fn(async () => () => {}),
  };
}

export function boardFakes(ipc: State, fail: (error: VigilError) => never) {
  /** As the backend does: nobody signed in, or locked, hides names. */
  const namesHidden = () => ipc.auth.nurse === null || ipc.auth.locked;
  return {
    loadBoard: vi.fn(async (): Promise<RecoveryBoard> => {
      const hide = namesHidden();
      return {
        ...ipc.board,
        locked: hide,
        rows: ipc.board.rows.map((r) =>
          hide ? { ...r, patientName: initials(r.patientName), admittedBy: null } : { ...r },
        ),
      };
    }),
    ...eventFakes(),
    loadAlerts: vi.fn(async () =>
      ipc.alerts.map((a) => (namesHidden() ? { ...a, patientName: initials(a.patientName) } : { ...a })),
    ),
    loadNotificationStatus: vi.fn(async () => ipc.notification),
    acknowledgeAlert: vi.fn(async (id: number) => {
      ipc.acknowledged.push(id);
      ipc.alerts = ipc.alerts.filter((a) => a.firingId !== id);
    }),
    sendTestNotification: vi.fn(async () => {
      ipc.tests += 1;
    }),
    admitPatient: vi.fn(async (input: AdmitInput) => {
      if (ipc.admitError) fail(ipc.admitError);
      ipc.admitted.push(input);
      return 1;
    }),
  };
}
