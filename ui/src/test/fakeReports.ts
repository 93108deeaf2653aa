// The day report part of the in-memory IPC fake (fakeIpc.ts merges it): the report answered is
// `ipc.report` (arranged by a test) with the title of the day or shift asked for; the shifts
// setting (administrators change it); saving as PDF or CSV into the folder typed, refused in
// the data directory (`DATA_DIR`, as the papers' fake has it). Refusals are the backend's own
// messages (backendMessages.ts).
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type { DayReport, Nurse, ReportInput, Shift, ShiftsEdit, VigilError } from '../lib/ipc';
import { administratorsOnly, pdfFolderInDataDirectory, reportDayNotADate, reportNoSuchShift, shiftHoursOutOfRange } from './backendMessages';
import { DATA_DIR } from './fakePapers';

/** A day with one patient who left against advice, one alert acknowledged, one REMS form due. */
export function sampleReport(): DayReport {
  return {
    title: 'Day report, 2026-07-01',
    day: '2026-07-01',
    startsAt: '2026-07-01T04:00:00Z',
    endsAt: '2026-07-02T04:00:00Z',
    patients: [
      {
        sessionId: 7,
        bay: 'Bay 2',
        patientName: 'Łukasz Żółć',
        protocol: 'iv_ketamine',
        clockStartedAt: '2026-07-01T13:30:00Z',
        minimumMinutes: 60,
        minutesUntilReady: null,
        minutesUntilDeparture: 40,
        left: 'against_advice',
        leftAt: '2026-07-01T14:10:00Z',
      },
    ],
    alerts: {
      total: 2,
      byKind: [
        { kind: 'check_overdue', count: 1 },
        { kind: 'minimum_reached', count: 1 },
      ],
      perNurse: [{ nurse: 'Ana Ruiz, RN', count: 1, medianSeconds: 185, longestSeconds: 185 }],
      unacknowledged: [
        { firingId: 3, sessionId: 7, bay: 'Bay 2', kind: 'check_overdue', raisedAt: '2026-07-01T13:50:00Z' },
      ],
    },
    lateChecks: [
      {
        sessionId: 7,
        bay: 'Bay 2',
        patientName: 'Łukasz Żółć',
        kind: 'overdue',
        at: '2026-07-01T13:50:00Z',
        minutesLate: null,
        nurse: null,
      },
    ],
    remsDue: [
      { sessionId: 9, bay: 'Bay 4', patientName: '李小龍', treatedOn: '2026-07-01', lastDay: '2026-07-08' },
    ],
  };
}

export function freshReports() {
  return {
    report: sampleReport(),
    shifts: [
      { name: 'Day', start: '07:00', hours: 12 },
      { name: 'Night', start: '19:00', hours: 12 },
    ] as Shift[],
    /** Reports asked for, and files saved: the kind, the input, the path answered. */
    reportsAsked: [] as ReportInput[],
    reportFiles: [] as { kind: 'pdf' | 'csv'; input: ReportInput; path: string }[],
  };
}

type State = ReturnType<typeof freshReports> & { auth: { nurse: Nurse | null } };
type Fail = (error: VigilError) => never;

export function reportsFakes(ipc: State, fail: Fail) {
  const check = (input: ReportInput) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) fail(reportDayNotADate);
    const shift = input.shift ? ipc.shifts.find((s) => s.name === input.shift) : undefined;
    if (input.shift && !shift) fail(reportNoSuchShift);
    return shift;
  };
  const save = (kind: 'pdf' | 'csv', input: ReportInput, folder: string) => {
    check(input);
    const f = folder.trim();
    if (f === DATA_DIR || f.startsWith(`${DATA_DIR}/`)) fail(pdfFolderInDataDirectory);
    const path = `${f}/day-report-${input.day}.${kind}`;
    ipc.reportFiles.push({ kind, input: { ...input }, path });
    return path;
  };
  return {
    loadReport: vi.fn(async (input: ReportInput) => {
      const shift = check(input);
      ipc.reportsAsked.push({ ...input });
      const title = shift
        ? `${shift.name} shift, ${input.day} (${shift.start}, ${shift.hours} h)`
        : `Day report, ${input.day}`;
      return { ...ipc.report, title, day: input.day };
    }),
    saveReportPdf: vi.fn(async (input: ReportInput, folder: string) => save('pdf', input, folder)),
    saveReportCsv: vi.fn(async (input: ReportInput, folder: string) => save('csv', input, folder)),
    loadShifts: vi.fn(async () => ipc.shifts.map((s) => ({ ...s }))),
    updateShifts: vi.fn(async (edit: ShiftsEdit) => {
      if (ipc.auth.nurse?.role !== 'admin') fail(administratorsOnly);
      const bad = edit.shifts.findIndex((s) => !Number.isInteger(s.hours) || s.hours < 1 || s.hours > 24);
      if (bad >= 0) fail({ ...shiftHoursOutOfRange, field: `shifts.${bad}.hours` });
      ipc.shifts = edit.shifts.map((s) => ({ ...s, name: s.name.trim() }));
      return ipc.shifts.map((s) => ({ ...s }));
    }),
  } satisfies Partial<typeof Ipc>;
}
