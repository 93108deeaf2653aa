// Fictional data for the component tests: accounts, thresholds, board rows, checks, a
// patient's detail, the orthostatic verdict as the backend computes it, and discharge: gates,
// escort, papers and REMS forms due (stored tests, alerts and departures: recordFixtures.ts).
import type {
  BoardRow,
  Check,
  CheckRecord,
  DischargeView,
  Escort,
  FormDue,
  FormStatus,
  Gate,
  GateKey,
  Nurse,
  Paper,
  OrthostaticInput,
  OrthostaticResult,
  SessionDetail,
  ThresholdSettings,
} from '../lib/ipc';

export * from './recordFixtures';

export const ANA: Nurse = { id: 1, displayName: 'Ana Ruiz', credentials: 'RN', role: 'admin', active: true };
export const BEN: Nurse = { id: 2, displayName: 'Ben Okafor', credentials: 'RN', role: 'nurse', active: true };
export const CHLOE: Nurse = {
  id: 3,
  displayName: 'Chloe Park',
  credentials: 'NP',
  role: 'prescriber',
  active: true,
};
/** Every account's PIN in the fake (6 digits: an administrator's PIN has 6 to 8). */
export const PIN = '246813';

/** The backend's default clinical thresholds. */
export const THRESHOLDS: ThresholdSettings = {
  criticalSystolic: 180,
  criticalDiastolic: 110,
  riseSystolic: 40,
  riseDiastolic: 25,
  lowSpo2: 92,
  heartRateLow: 50,
  heartRateHigh: 120,
  respiratoryRateLow: 10,
  respiratoryRateHigh: 24,
  highSystolic: 160,
  highDiastolic: 100,
  criticalRecheckMinutes: 5,
  predoseSystolic: 140,
  predoseDiastolic: 90,
  orthostaticHrRise: 30,
};

/** A board row, due `endsInMs` from now. */
export function row(sessionId: number, bay: string, patientName: string, endsInMs = 600_000): BoardRow {
  return {
    sessionId,
    bay,
    patientName,
    protocol: 'iv_ketamine',
    minimumMinutes: 60,
    clockStartedAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + endsInMs).toISOString(),
    state: 'recovering',
    alertActive: false,
    admittedBy: 'Ana Ruiz, RN',
    nextCheck: null,
    predose: null,
    nextActionAt: null,
    padssTotal: null,
    padssComplete: false,
    readiness: 'not_ready',
    missing: ['Minimum observation period: 10 min left'],
    phase: 'observing',
    escortStatus: null,
    clearedAt: null,
    unreadable: null,
  };
}

/** A stored observation check: nothing but the symptom grade, `minutesAgo` before now. */
export function check(sessionId: number, minutesAgo: number, changes: Partial<Check> = {}): Check {
  return {
    sessionId,
    purpose: 'observation',
    observedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    lateReason: null,
    symptomGrade: 0,
    symptoms: [],
    severeHeadache: false,
    chestPain: false,
    shortnessOfBreath: false,
    orthostatic: null,
    gait: null,
    vitals: null,
    moaas: null,
    cadss: null,
    nausea: null,
    pain: null,
    note: '',
    ...changes,
  };
}

/** A session's detail with `checks` (none corrected) and an empty schedule and timeline. */
export function sessionDetail(sessionId: number, bay: string, patientName: string, checks: CheckRecord[] = []) {
  const base = row(sessionId, bay, patientName);
  const detail: SessionDetail = {
    sessionId,
    bay,
    patientName,
    protocol: base.protocol,
    minimumMinutes: base.minimumMinutes,
    clockStartedAt: base.clockStartedAt,
    endsAt: base.endsAt,
    status: {
      schedule: { items: [] },
      nextCheck: null,
      padss: { items: [], total: 0, complete: false, fit: null },
      baseline: null,
      predose: null,
    },
    gates: { readiness: 'not_ready', gates: gates(['minimum'], 10), missing: base.missing, minutesLeft: 10, endsAt: base.endsAt },
    checks,
    timeline: [],
    padssConfirmation: null,
    trends: { panels: [] },
  };
  return detail;
}

/** The verdict as the backend computes it (clinical.md section 3), for the live preview. */
export function orthostaticVerdict(input: OrthostaticInput): OrthostaticResult {
  if (input.method === 'not_done') return { outcome: 'not_done', reasons: ['not done'], heartRate: null };
  const sit = input.method === 'sit_to_stand';
  const rates = sit ? [input.standingHeartRate] : [input.standing1HeartRate, input.standing3HeartRate];
  const standingRate = Math.max(...rates.map((r) => r ?? -1));
  const heartRate =
    input.baselineHeartRate == null || standingRate < 0
      ? null
      : { rise: standingRate - input.baselineHeartRate, flagAt: 30, flagged: standingRate - input.baselineHeartRate >= 30 };
  const positive: string[] = input.symptomsOnStanding ? ['symptoms on standing'] : [];
  const negative: string[] = [];
  const [sysLimit, diaLimit] = sit ? [15, 7] : [20, 10];
  const standing: [string, number | null | undefined, number | null | undefined][] = sit
    ? [['', input.standingSystolic, input.standingDiastolic]]
    : [
        ['at 1 min: ', input.standing1Systolic, input.standing1Diastolic],
        ['at 3 min: ', input.standing3Systolic, input.standing3Diastolic],
      ];
  let missing = input.baselineSystolic == null || input.baselineDiastolic == null;
  for (const [when, sys, dia] of standing) {
    missing ||= sys == null || dia == null;
    for (const [name, base, stand, limit] of [
      ['systolic', input.baselineSystolic, sys, sysLimit],
      ['diastolic', input.baselineDiastolic, dia, diaLimit],
    ] as const) {
      if (base == null || stand == null) continue;
      const fall = base - stand;
      (fall >= limit ? positive : negative).push(
        fall >= limit ? `${when}${name} fell ${fall} mmHg (≥ ${limit})` : `${when}${name} fell ${fall} mmHg`,
      );
    }
  }
  if (positive.length > 0) return { outcome: 'positive', reasons: positive, heartRate };
  if (missing) return { outcome: 'incomplete', reasons: ['still needed: readings'], heartRate };
  return { outcome: 'negative', reasons: negative, heartRate };
}

/** The discharge gates in the backend's order; all met unless `failed` names them. */
export function gates(failed: GateKey[] = [], minutesLeft = 0): Gate[] {
  const all: [GateKey, boolean, string][] = [
    ['minimum', true, 'Minimum observation period'],
    ['escort', true, 'Escort present'],
    ['blood_pressure', false, 'Blood pressure'],
    ['spo2', false, 'SpO2'],
    ['sedation', false, 'Sedation back to baseline'],
    ['dissociation', false, 'Dissociation resolved'],
    ['lightheadedness', false, 'Lightheadedness check negative and gait steady'],
    ['nausea', false, 'Nausea 1 or less'],
    ['padss', false, 'Modified PADSS 9 or more'],
    ['critical_alert', false, 'No unacknowledged critical alert'],
    ['planned_checks', false, 'Planned checks'],
  ];
  return all.map(([key, hard, label]) => {
    const passed = !failed.includes(key);
    const detail = key === 'minimum' && !passed ? `${minutesLeft} min left` : passed ? '' : 'not yet';
    return { key, hard, passed, label, detail };
  });
}

/** A session's discharge view: every gate met and no escort, unless changed. */
export function dischargeView(sessionId: number, bay: string, patientName: string, changes: Partial<DischargeView> = {}) {
  const view: DischargeView = {
    sessionId,
    bay,
    patientName,
    protocol: 'iv_ketamine',
    phase: 'observing',
    gates: { readiness: 'ready', gates: gates(), missing: [], minutesLeft: 0, endsAt: new Date().toISOString() },
    escort: null,
    policy: {
      allowRideshareAlone: false,
      allowPublicTransportAlone: false,
      escortLateMinutes: 10,
      maxNausea: 1,
      remsWarnFromDay: 5,
    },
    clearedAt: null,
    clearedBy: null,
    departedAt: null,
    readyWithoutMinimumMinutes: null,
    ...changes,
  };
  return view;
}

/** An escort expected at `eta` (an instant). */
export function escort(eta: string | null = null, changes: Partial<Escort> = {}): Escort {
  return {
    fullName: 'Jordan Example',
    relationship: 'Partner',
    phone: '555 0100',
    adultAttested: true,
    transport: 'escort_drives',
    status: 'expected',
    eta,
    arrivedAt: null,
    knownToStaff: false,
    nameConfirmed: false,
    photoId: false,
    ...changes,
  };
}

/** A paper with a table of rows, a free line, and a footer. */
export function paper(title: string, bay: string): Paper {
  return {
    title,
    subtitle: `${bay} · Fictional Clinic`,
    sections: [
      {
        heading: 'Patient',
        rows: [
          { label: 'Bay', value: bay },
          { label: 'Left at', value: '15:40' },
        ],
        chart: null,
      },
      {
        heading: 'Instructions',
        rows: [{ label: '', value: 'No driving or machinery until the next day after a restful sleep.' }],
        chart: null,
      },
    ],
    footer: 'Signed Ana Ruiz, RN',
  };
}

/** A REMS form whose treatment was `daysAgo` local days ago (D+`daysAgo` today), not submitted. */
export function formDue(sessionId: number, bay: string, patientName: string, daysAgo = 2): FormDue {
  const day = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  };
  const status: FormStatus =
    daysAgo > 7 ? 'overdue' : daysAgo === 7 ? 'last_day' : daysAgo >= 5 ? 'due_soon' : 'due';
  return {
    sessionId,
    bay,
    patientName,
    treatedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    treatedOn: day(-daysAgo),
    lastDay: day(7 - daysAgo),
    status,
    submittedAt: null,
    submittedBy: null,
    reference: null,
    channel: null,
  };
}
