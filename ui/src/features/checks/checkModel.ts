// The check form's model: what the nurse typed (all text, as typed), how it becomes a
// CheckInput, how a stored Check fills the form for a correction, and where a field error
// goes. Pure functions; the components only bind to `CheckValues`.
import type { Check, CheckInput, HeartRateRise, OrthostaticInput, OrthostaticResult, PlannedCheck, Symptom } from '../../lib/ipc';
import { formatClock, parseNumber, toLocalInput } from '../../lib/time';

/** Whose check the form records. */
export interface CheckTarget {
  sessionId: number;
  bay: string;
  patientName: string;
}

export type Method = '' | 'sit_to_stand' | 'lie_to_stand' | 'not_done';

/** The lightheadedness symptoms, in the order the form and the record list them. */
export const SYMPTOMS: [Symptom, string][] = [
  ['lightheaded', 'Lightheaded'],
  ['spinning', 'Spinning'],
  ['blurred_vision', 'Blurred vision'],
  ['nausea', 'Nausea'],
  ['near_faint', 'Near-faint'],
];

/** Readings of the orthostatic test, kept as typed. `baseline*` is sitting or lying; heart
 * rates (bpm) are optional. */
export const READINGS = [
  'baselineSystolic',
  'baselineDiastolic',
  'standingSystolic',
  'standingDiastolic',
  'standing1Systolic',
  'standing1Diastolic',
  'standing3Systolic',
  'standing3Diastolic',
  'baselineHeartRate',
  'standingHeartRate',
  'standing1HeartRate',
  'standing3HeartRate',
] as const;
export type Reading = (typeof READINGS)[number];

/** Vitals typed as numbers. */
export const VITALS = ['systolic', 'diastolic', 'heartRate', 'spo2', 'respiratoryRate', 'temperatureC'] as const;
export type Vital = (typeof VITALS)[number];

export type CheckValues = Record<Reading | Vital, string> & {
  observedAt: string;
  lateReason: string;
  purpose: 'observation' | 'baseline';
  symptomGrade: string;
  symptoms: string[];
  severeHeadache: boolean;
  chestPain: boolean;
  shortnessOfBreath: boolean;
  method: Method;
  notDoneReason: string;
  symptomsOnStanding: boolean;
  gait: string;
  oxygen: 'room_air' | 'oxygen';
  moaas: string;
  /** Six items, '' when not scored. */
  cadss: string[];
  nausea: string;
  pain: string;
  note: string;
  /** The reason for a correction (correction mode only). */
  reason: string;
};

export function emptyValues(): CheckValues {
  const blank = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>;
  return {
    ...blank(READINGS),
    ...blank(VITALS),
    observedAt: '',
    lateReason: '',
    purpose: 'observation',
    symptomGrade: '',
    symptoms: [],
    severeHeadache: false,
    chestPain: false,
    shortnessOfBreath: false,
    method: '',
    notDoneReason: '',
    symptomsOnStanding: false,
    gait: '',
    oxygen: 'room_air',
    moaas: '',
    cadss: ['', '', '', '', '', ''],
    nausea: '',
    pain: '',
    note: '',
    reason: '',
  };
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The form filled with a stored check, for its correction. */
export function fromCheck(check: Check): CheckValues {
  const v = emptyValues();
  const o = check.orthostatic;
  const vitals = check.vitals;
  return {
    ...v,
    ...(o ? Object.fromEntries(READINGS.map((k) => [k, text(o.readings[k])])) : {}),
    // To the second, so a correction keeps the original's clinical time (and its place).
    observedAt: toLocalInput(new Date(check.observedAt), true),
    lateReason: check.lateReason ?? '',
    purpose: check.purpose,
    symptomGrade: String(check.symptomGrade),
    symptoms: [...check.symptoms],
    severeHeadache: check.severeHeadache,
    chestPain: check.chestPain,
    shortnessOfBreath: check.shortnessOfBreath,
    method: o?.method ?? '',
    notDoneReason: o?.notDoneReason ?? '',
    symptomsOnStanding: o?.readings.symptomsOnStanding ?? false,
    gait: text(check.gait),
    systolic: text(vitals?.bp?.systolic),
    diastolic: text(vitals?.bp?.diastolic),
    heartRate: text(vitals?.heartRate),
    spo2: text(vitals?.spo2),
    oxygen: vitals?.oxygen ?? 'room_air',
    respiratoryRate: text(vitals?.respiratoryRate),
    temperatureC: text(vitals?.temperatureC),
    moaas: text(check.moaas),
    cadss: check.cadss ? check.cadss.items.map(String) : v.cadss,
    nausea: text(check.nausea),
    pain: text(check.pain),
    note: check.note,
  };
}

/** The readings each method shows (and sends), each blood pressure pair with its heart rate. */
export function readingsOf(method: Method): Reading[] {
  const base: Reading[] = ['baselineSystolic', 'baselineDiastolic', 'baselineHeartRate'];
  if (method === 'sit_to_stand') return [...base, 'standingSystolic', 'standingDiastolic', 'standingHeartRate'];
  if (method === 'lie_to_stand') {
    return [
      ...base,
      'standing1Systolic',
      'standing1Diastolic',
      'standing1HeartRate',
      'standing3Systolic',
      'standing3Diastolic',
      'standing3HeartRate',
    ];
  }
  return [];
}

/** A typed number for sending: null when empty or not a number. */
function num(typed: string): number | null {
  const n = parseNumber(typed);
  return n === null || Number.isNaN(n) ? null : n;
}
const pick = (typed: string) => (typed === '' ? null : Number(typed));

/** The orthostatic part as typed so far (null when no method is chosen). */
export function orthostaticInput(v: CheckValues): OrthostaticInput | null {
  if (v.method === '') return null;
  const used = readingsOf(v.method);
  return {
    method: v.method,
    notDoneReason: v.method === 'not_done' ? v.notDoneReason : '',
    ...(Object.fromEntries(READINGS.map((r) => [r, used.includes(r) ? num(v[r]) : null])) as Record<Reading, null>),
    symptomsOnStanding: v.method === 'not_done' ? false : v.symptomsOnStanding,
  };
}

/** The CADSS-6 items scored so far, and their total. */
export function cadssTotal(v: CheckValues): { scored: number; total: number } {
  const items = v.cadss.filter((i) => i !== '').map(Number);
  return { scored: items.length, total: items.reduce((a, b) => a + b, 0) };
}

/** Local refusals of typed numbers, by field path: "Enter a number". */
export function numberErrors(v: CheckValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const fields: [string, string][] = [
    ...readingsOf(v.method).map((r): [string, string] => [`orthostatic.${r}`, v[r]]),
    ...VITALS.map((k): [string, string] => [`vitals.${k}`, v[k]]),
  ];
  for (const [path, typed] of fields) {
    if (Number.isNaN(parseNumber(typed))) errors[path] = 'Enter a number.';
  }
  return errors;
}

/** The CheckInput for what was typed (numbers already checked by `numberErrors`). */
export function toCheckInput(v: CheckValues, sessionId: number): CheckInput {
  const anyVital = VITALS.some((k) => v[k].trim() !== '');
  const anyCadss = v.cadss.some((i) => i !== '');
  return {
    sessionId,
    purpose: v.purpose,
    observedAt: v.observedAt.trim(),
    lateReason: v.lateReason,
    symptomGrade: pick(v.symptomGrade),
    symptoms: SYMPTOMS.map(([value]) => value).filter((s) => v.symptoms.includes(s)),
    severeHeadache: v.severeHeadache,
    chestPain: v.chestPain,
    shortnessOfBreath: v.shortnessOfBreath,
    orthostatic: orthostaticInput(v),
    gait: pick(v.gait),
    vitals: anyVital
      ? {
          systolic: num(v.systolic),
          diastolic: num(v.diastolic),
          heartRate: num(v.heartRate),
          spo2: num(v.spo2),
          oxygen: v.oxygen,
          respiratoryRate: num(v.respiratoryRate),
          temperatureC: num(v.temperatureC),
        }
      : null,
    moaas: pick(v.moaas),
    cadss: anyCadss ? v.cadss.map(pick) : null,
    nausea: pick(v.nausea),
    pain: pick(v.pain),
    note: v.note,
  };
}

/** The form's own path for a backend field (`check.` stripped, list items to their group). */
export function formField(field: string): string {
  const f = field.startsWith('check.') ? field.slice('check.'.length) : field;
  if (/^symptoms\.\d+$/.test(f)) return 'symptoms';
  if (f === 'cadss') return 'cadss.0';
  return f;
}

/** The id of the control for a field path: `vitals.systolic` → `check-vitals-systolic`. */
export const fieldId = (path: string) => `check-${path.replace(/\./g, '-')}`;

/** The control to focus for a field path (a group focuses its first control). */
export function focusId(path: string): string {
  return path === 'symptoms' ? fieldId('symptoms-lightheaded') : fieldId(path);
}

const OUTCOME: Record<OrthostaticResult['outcome'], string> = {
  positive: 'Positive',
  negative: 'Negative',
  incomplete: 'Incomplete',
  not_done: 'Not done',
};

/** "Heart rate rose 34 bpm on standing (flag at 30): flagged" (a rise at the flag or above). */
export function heartRateText(h: HeartRateRise): string {
  const change = h.rise === 0 ? 'did not change' : h.rise > 0 ? `rose ${h.rise} bpm` : `fell ${-h.rise} bpm`;
  return `Heart rate ${change} on standing (flag at ${h.flagAt})${h.flagged ? ': flagged' : ''}`;
}

/** "Positive: systolic fell 16 mmHg (≥ 15)", "Negative: …", "Incomplete: still needed: …", "Not done". */
export function resultText(r: OrthostaticResult): string {
  const reasons = r.outcome === 'not_done' ? [] : r.reasons;
  return reasons.length > 0 ? `${OUTCOME[r.outcome]}: ${reasons.join('; ')}` : OUTCOME[r.outcome];
}

const STATUS: Record<PlannedCheck['status'], string> = {
  upcoming: 'Upcoming',
  due: 'Due',
  overdue: 'Overdue',
  done: 'Done',
};
export const statusText = (s: PlannedCheck['status']) => STATUS[s];

/** "10:45 — overdue" for a planned check (the label is shown apart). */
export function plannedTime(c: PlannedCheck): string {
  const suffix = c.status === 'due' || c.status === 'overdue' ? ` — ${c.status}` : '';
  return `${formatClock(c.plannedAt)}${suffix}`;
}
