// The checks part of the in-memory IPC fake (fakeIpc.ts merges it): checks and corrections,
// a session's detail and its PADSS confirmation, notes and pre-dose decisions. A test arranges
// the refusal the next save meets (`checkError`, `noteError`, `predoseError`); the fake's own
// refusals are the backend's messages (backendMessages.ts).
import { vi } from 'vitest';
import type {
  CheckInput,
  ClinicalAlert,
  CorrectionInput,
  NoteInput,
  OrthostaticInput,
  PredoseDecisionInput,
  SessionDetail,
  VigilError,
} from '../lib/ipc';
import { orthostaticVerdict } from './fixtures';
import { padssChanged, sessionNotFound } from './backendMessages';

export function freshChecks() {
  return {
    /** Checks recorded, corrections made, and what the next one answers. */
    checks: [] as CheckInput[],
    corrections: [] as CorrectionInput[],
    checkError: null as null | VigilError,
    checkAlerts: [] as ClinicalAlert[],
    /** What loadSession answers, by session id. */
    sessions: {} as Record<number, SessionDetail>,
    /** Pre-dose decisions recorded, and the refusal the next one meets. */
    predoseDecisions: [] as PredoseDecisionInput[],
    predoseError: null as null | VigilError,
    /** Notes added, and the refusal the next one meets. */
    notes: [] as NoteInput[],
    noteError: null as null | VigilError,
  };
}

type State = ReturnType<typeof freshChecks>;
type Fail = (error: VigilError) => never;

/** A session's detail: what it shows and the PADSS confirmed on it. */
function sessionFakes(ipc: State, fail: Fail) {
  const detailOf = (sessionId: number) => ipc.sessions[sessionId] ?? fail(sessionNotFound);
  return {
    loadSession: vi.fn(async (sessionId: number) => structuredClone(detailOf(sessionId))),
    previewOrthostatic: vi.fn(async (input: OrthostaticInput) => orthostaticVerdict(input)),
    confirmPadss: vi.fn(async (input: { sessionId: number; total: number }) => {
      const detail = detailOf(input.sessionId);
      if (detail.status.padss.total !== input.total) fail(padssChanged(detail.status.padss.total, input.total));
      detail.padssConfirmation = { total: input.total, confirmedAt: new Date().toISOString(), who: 'Ana Ruiz, RN' };
      return structuredClone(detail);
    }),
  };
}

export function checkFakes(ipc: State, fail: Fail) {
  return {
    recordCheck: vi.fn(async (input: CheckInput) => {
      if (ipc.checkError) fail(ipc.checkError);
      ipc.checks.push(input);
      return { checkId: 100 + ipc.checks.length, alerts: ipc.checkAlerts };
    }),
    correctCheck: vi.fn(async (input: CorrectionInput) => {
      if (ipc.checkError) fail(ipc.checkError);
      ipc.corrections.push(input);
      return { checkId: 200 + ipc.corrections.length, alerts: ipc.checkAlerts };
    }),
    ...sessionFakes(ipc, fail),
    addNote: vi.fn(async (input: NoteInput) => {
      if (ipc.noteError) fail(ipc.noteError);
      ipc.notes.push(input);
      return { noteId: ipc.notes.length };
    }),
    recordPredoseDecision: vi.fn(async (input: PredoseDecisionInput) => {
      if (ipc.predoseError) fail(ipc.predoseError);
      ipc.predoseDecisions.push(input);
      return ipc.predoseDecisions.length;
    }),
  };
}
