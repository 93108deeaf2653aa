// The discharge part of the in-memory IPC fake (fakeIpc.ts merges it): escorts, gates,
// discharge, departure, against advice, transfers and the discharge policy. Each save command
// takes its form's draft with it on success, as the shell does; a refusal keeps it. Its
// refusals are the backend's own messages (backendMessages.ts).
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type {
  AgainstAdviceInput,
  ClinicSettings,
  DepartedRow,
  DischargeInput,
  DischargePolicyEdit,
  DischargeView,
  EscortInput,
  RecoveryBoard,
  VigilError,
} from '../lib/ipc';
import { PIN, dischargeView } from './fixtures';
import {
  clearForDischargeFirst,
  dischargeSessionNotFound,
  escortFullNameMissing,
  escortNotPresent,
  gateNotMet,
  minimumNotOver,
  nauseaLimitOutOfRange,
  patientAlreadyLeft,
  remsWarnDayOutOfRange,
  transferDestinationTooShort,
  transferEmergencyServicesUnknown,
  willDriveUnknown,
  wrongSignaturePin,
} from './backendMessages';

export function freshDischarge() {
  return {
    /** What loadDischarge answers, by session id (else built from the board row). */
    discharges: {} as Record<number, DischargeView>,
    escorts: [] as EscortInput[],
    escortError: null as null | VigilError,
    signed: [] as DischargeInput[],
    departures: [] as number[],
    againstAdvice: [] as AgainstAdviceInput[],
    transfers: [] as Ipc.TransferInput[],
    recent: [] as DepartedRow[],
    policyEdits: [] as DischargePolicyEdit[],
    /** Drafts of the escort, discharge, against-advice and REMS details forms, by form. */
    drafts: {} as Record<string, { content: string; savedAt: string }>,
  };
}

type State = ReturnType<typeof freshDischarge> & {
  board: RecoveryBoard;
  settings: ClinicSettings;
  alerts: Ipc.ActiveAlert[];
};
type Fail = (error: VigilError) => never;

/** A session's board row, its discharge view (made from the row the first time) and leaving. */
export function dischargeSessions(ipc: State, fail: Fail) {
  const rowOf = (sessionId: number) => ipc.board.rows.find((r) => r.sessionId === sessionId);
  const viewOf = (sessionId: number): DischargeView => {
    const known = ipc.discharges[sessionId];
    if (known) return known;
    const row = rowOf(sessionId) ?? fail(dischargeSessionNotFound);
    return (ipc.discharges[sessionId] = dischargeView(sessionId, row.bay, row.patientName, { protocol: row.protocol }));
  };
  const leave = (sessionId: number, how: DepartedRow['how']) => {
    const { bay, patientName, protocol } = viewOf(sessionId);
    ipc.board.rows = ipc.board.rows.filter((r) => r.sessionId !== sessionId);
    ipc.recent = [{ sessionId, bay, patientName, protocol, leftAt: new Date().toISOString(), how }, ...ipc.recent];
  };
  return { rowOf, viewOf, leave };
}

/** The discharge view and the escort form. */
function escortFakes(ipc: State, fail: Fail) {
  const { rowOf, viewOf } = dischargeSessions(ipc, fail);
  const instant = (local: string) => (local ? new Date(local).toISOString() : null);
  return {
    loadDischarge: vi.fn(async (sessionId: number) => structuredClone(viewOf(sessionId))),
    saveEscort: vi.fn(async (input: EscortInput) => {
      if (ipc.escortError) fail(ipc.escortError);
      if (input.fullName.trim() === '') fail(escortFullNameMissing);
      ipc.escorts.push(input);
      delete ipc.drafts.escort; // as the shell does, in the save's transaction
      const view = ipc.discharges[input.sessionId];
      if (view) {
        const { sessionId: _, ...fields } = input;
        view.escort = {
          ...fields,
          transport: input.transport as Ipc.Transport,
          status: input.status as Ipc.EscortStatus,
          eta: instant(input.eta),
          arrivedAt: input.status === 'arrived' ? (instant(input.arrivedAt) ?? new Date().toISOString()) : null,
        };
      }
      const row = rowOf(input.sessionId);
      if (row) row.escortStatus = input.status as Ipc.EscortStatus;
    }),
  };
}

/** The signature's refusal by the first unmet gate of `view`, as DischargeInput::decide. */
function gateRefusal(view: DischargeView, input: DischargeInput): VigilError | null {
  for (const gate of view.gates.gates.filter((g) => !g.passed)) {
    if (gate.key === 'minimum') return minimumNotOver(view.gates.minutesLeft);
    if (gate.key === 'escort') return escortNotPresent(gate.detail);
    const o = input.overrides.find((x) => x.gate === gate.key);
    if (!o?.reason.trim() || !o.prescriber.trim()) return gateNotMet(gate.label, gate.detail, gate.key);
  }
  return null;
}

/** Signing the discharge and the departure of a cleared patient. */
function clearanceFakes(ipc: State, fail: Fail) {
  const { rowOf, viewOf, leave } = dischargeSessions(ipc, fail);
  return {
    confirmDischarge: vi.fn(async (input: DischargeInput) => {
      const view = viewOf(input.sessionId);
      if (input.pin !== PIN) fail(wrongSignaturePin);
      const refused = gateRefusal(view, input);
      if (refused) fail(refused);
      ipc.signed.push(input);
      delete ipc.drafts.discharge;
      view.phase = 'cleared';
      view.clearedAt = new Date().toISOString();
      const row = rowOf(input.sessionId);
      if (row) Object.assign(row, { phase: 'cleared', clearedAt: view.clearedAt });
    }),
    recordDeparture: vi.fn(async (sessionId: number) => {
      const { phase } = viewOf(sessionId);
      if (phase !== 'cleared') fail(phase === 'observing' ? clearForDischargeFirst : patientAlreadyLeft);
      ipc.departures.push(sessionId);
      leave(sessionId, 'discharged');
    }),
  };
}

/** Leaving against advice, a transfer to emergency care, and who left lately. */
function leavingFakes(ipc: State, fail: Fail) {
  const { rowOf, leave } = dischargeSessions(ipc, fail);
  return {
    recordAgainstAdvice: vi.fn(async (input: AgainstAdviceInput) => {
      if (!['yes', 'no', 'unknown'].includes(input.willDrive)) fail(willDriveUnknown);
      ipc.againstAdvice.push(input);
      delete ipc.drafts.against_advice;
      leave(input.sessionId, 'against_advice');
    }),
    recordTransfer: vi.fn(async (input: Ipc.TransferInput) => {
      if (!rowOf(input.sessionId)) fail(patientAlreadyLeft);
      if (input.destination.trim().length < 2) fail(transferDestinationTooShort);
      if (!['yes', 'no'].includes(input.emergencyServicesCalled)) fail(transferEmergencyServicesUnknown);
      ipc.transfers.push(input);
      ipc.alerts = ipc.alerts.filter((a) => a.sessionId !== input.sessionId); // they leave with the patient
      leave(input.sessionId, 'transferred');
    }),
    loadRecentDepartures: vi.fn(async () => structuredClone(ipc.recent)),
  };
}

export function dischargeFakes(ipc: State, fail: Fail) {
  return {
    ...escortFakes(ipc, fail),
    ...clearanceFakes(ipc, fail),
    ...leavingFakes(ipc, fail),
    updateDischargePolicy: vi.fn(async (edit: DischargePolicyEdit) => {
      if (!(edit.maxNausea >= 0 && edit.maxNausea <= 3)) fail(nauseaLimitOutOfRange);
      if (!(Number.isInteger(edit.remsWarnFromDay) && edit.remsWarnFromDay >= 1 && edit.remsWarnFromDay <= 7)) {
        fail(remsWarnDayOutOfRange);
      }
      ipc.policyEdits.push(edit);
      ipc.settings = { ...ipc.settings, discharge: { ...edit } };
      return structuredClone(ipc.settings);
    }),
  };
}
