// The discharge part of the in-memory IPC fake (fakeIpc.ts merges it): escorts, gates,
// discharge, departure, against advice, papers, REMS forms due and the discharge policy. Each
// save command takes its form's draft with it on success, as the shell does; a refusal keeps it.
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
  FormDue,
  Paper,
  PaperKind,
  RecoveryBoard,
  RemsDetailsInput,
  VigilError,
} from '../lib/ipc';
import { PIN, dischargeView, paper } from './fixtures';
import {
  escortFullNameMissing,
  gateNotMet,
  minimumNotOver,
  nauseaLimitOutOfRange,
  patientAlreadyLeft,
  remsWarnDayOutOfRange,
  submissionChannelUnknown,
  submissionReferenceMissing,
  transferDestinationTooShort,
  transferEmergencyServicesUnknown,
  willDriveUnknown,
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
    /** Papers by `${kind}:${sessionId}` (else a default one). */
    papers: {} as Record<string, Paper>,
    prints: [] as { sessionId: number; paper: PaperKind }[],
    remsDetails: [] as RemsDetailsInput[],
    /** What load_rems_details answers, by session. */
    savedRems: {} as Record<number, Ipc.RemsDetails>,
    formsDue: [] as FormDue[],
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

export function dischargeFakes(ipc: State, fail: (error: VigilError) => never) {
  const rowOf = (sessionId: number) => ipc.board.rows.find((r) => r.sessionId === sessionId);
  const viewOf = (sessionId: number): DischargeView => {
    const known = ipc.discharges[sessionId];
    if (known) return known;
    const row = rowOf(sessionId) ?? fail({ code: 'not_found', message: 'No such session.' });
    return (ipc.discharges[sessionId] = dischargeView(sessionId, row.bay, row.patientName, { protocol: row.protocol }));
  };
  const leave = (sessionId: number, how: DepartedRow['how']) => {
    const view = viewOf(sessionId);
    ipc.board.rows = ipc.board.rows.filter((r) => r.sessionId !== sessionId);
    const { bay, patientName, protocol } = view;
    ipc.recent = [{ sessionId, bay, patientName, protocol, leftAt: new Date().toISOString(), how }, ...ipc.recent];
  };
  const paperOf = (kind: PaperKind, sessionId: number) =>
    structuredClone(
      ipc.papers[`${kind}:${sessionId}`] ??
        paper(kind === 'rems' ? 'REMS Patient Monitoring Form' : 'Discharge sheet', viewOf(sessionId).bay),
    );

  return {
    loadDischarge: vi.fn(async (sessionId: number) => structuredClone(viewOf(sessionId))),
    saveEscort: vi.fn(async (input: EscortInput) => {
      if (ipc.escortError) fail(ipc.escortError);
      if (input.fullName.trim() === '') {
        fail(escortFullNameMissing);
      }
      ipc.escorts.push(input);
      delete ipc.drafts.escort; // as the shell does, in the save's transaction
      const view = ipc.discharges[input.sessionId];
      const instant = (local: string) => (local ? new Date(local).toISOString() : null);
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
    confirmDischarge: vi.fn(async (input: DischargeInput) => {
      const view = viewOf(input.sessionId);
      if (input.pin !== PIN) fail({ code: 'forbidden', message: 'Wrong PIN. Try again.', field: 'pin' });
      for (const gate of view.gates.gates.filter((g) => !g.passed)) {
        if (gate.key === 'minimum') {
          fail(minimumNotOver(view.gates.minutesLeft));
        }
        if (gate.hard) fail({ code: 'conflict', message: `${gate.label}: required for discharge.` });
        const o = input.overrides.find((x) => x.gate === gate.key);
        if (!o?.reason.trim() || !o.prescriber.trim()) {
          fail(gateNotMet(gate.label, gate.detail, gate.key));
        }
      }
      ipc.signed.push(input);
      delete ipc.drafts.discharge;
      view.phase = 'cleared';
      view.clearedAt = new Date().toISOString();
      const row = rowOf(input.sessionId);
      if (row) Object.assign(row, { phase: 'cleared', clearedAt: view.clearedAt });
    }),
    recordDeparture: vi.fn(async (sessionId: number) => {
      if (viewOf(sessionId).phase !== 'cleared') {
        fail({ code: 'conflict', message: 'The patient is not cleared for discharge.' });
      }
      ipc.departures.push(sessionId);
      leave(sessionId, 'discharged');
    }),
    recordAgainstAdvice: vi.fn(async (input: AgainstAdviceInput) => {
      if (!['yes', 'no', 'unknown'].includes(input.willDrive)) {
        fail(willDriveUnknown);
      }
      ipc.againstAdvice.push(input);
      delete ipc.drafts.against_advice;
      leave(input.sessionId, 'against_advice');
    }),
    recordTransfer: vi.fn(async (input: Ipc.TransferInput) => {
      if (!rowOf(input.sessionId)) fail(patientAlreadyLeft);
      if (input.destination.trim().length < 2) {
        fail(transferDestinationTooShort);
      }
      if (!['yes', 'no'].includes(input.emergencyServicesCalled)) {
        fail(transferEmergencyServicesUnknown);
      }
      ipc.transfers.push(input);
      ipc.alerts = ipc.alerts.filter((a) => a.sessionId !== input.sessionId); // they leave with the patient
      leave(input.sessionId, 'transferred');
    }),
    loadDischargeSheet: vi.fn(async (sessionId: number) => paperOf('discharge', sessionId)),
    saveDischargePdf: vi.fn(async (sessionId: number) => `/home/nurse/Documents/Vigil/discharge-${sessionId}.pdf`),
    loadRemsForm: vi.fn(async (sessionId: number) => paperOf('rems', sessionId)),
    loadRemsDetails: vi.fn(async (sessionId: number) => structuredClone(ipc.savedRems[sessionId] ?? null)),
    saveRemsPdf: vi.fn(async (sessionId: number) => `/home/nurse/Documents/Vigil/rems-${sessionId}.pdf`),
    printPaper: vi.fn(async (sessionId: number, paper: PaperKind) => {
      ipc.prints.push({ sessionId, paper });
    }),
    saveRemsDetails: vi.fn(async (input: RemsDetailsInput) => {
      if (!/^\d+$/.test(input.doseMg)) {
        fail({ code: 'validation', message: 'The dose must be a whole number of mg.', field: 'doseMg' });
      }
      ipc.remsDetails.push(input);
      delete ipc.drafts.rems_details;
    }),
    loadFormsDue: vi.fn(async () => structuredClone(ipc.formsDue)),
    markFormSubmitted: vi.fn(async (input: Ipc.FormSubmittedInput) => {
      const channels: string[] = ['portal', 'fax', 'phone'];
      if (!channels.includes(input.channel)) {
        fail(submissionChannelUnknown);
      }
      if (input.reference.trim() === '') {
        fail(submissionReferenceMissing);
      }
      ipc.formsDue = ipc.formsDue.map((f) =>
        f.sessionId === input.sessionId
          ? {
              ...f,
              status: 'submitted',
              submittedAt: new Date().toISOString(),
              submittedBy: 'Ana Ruiz, RN',
              reference: input.reference,
              channel: input.channel as Ipc.SubmissionChannel,
            }
          : f,
      );
      return structuredClone(ipc.formsDue);
    }),
    loadRecentDepartures: vi.fn(async () => structuredClone(ipc.recent)),
    updateDischargePolicy: vi.fn(async (edit: DischargePolicyEdit) => {
      if (!(edit.maxNausea >= 0 && edit.maxNausea <= 3)) {
        fail(nauseaLimitOutOfRange);
      }
      if (!(Number.isInteger(edit.remsWarnFromDay) && edit.remsWarnFromDay >= 1 && edit.remsWarnFromDay <= 7)) {
        fail(remsWarnDayOutOfRange);
      }
      ipc.policyEdits.push(edit);
      ipc.settings = { ...ipc.settings, discharge: { ...edit } };
      return structuredClone(ipc.settings);
    }),
  };
}
