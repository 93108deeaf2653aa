// Generated from the Rust types in crates/vigil-core by its `bindings` test.
// Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test bindings`.

export type ErrorCode = "validation" | "not_found" | "conflict" | "forbidden" | "storage" | "internal" | "unavailable";

export type VigilError = { code: ErrorCode, message: string, field?: string, };

export type Protocol = "iv_ketamine" | "spravato" | "im_ketamine";

export type RecoveryState = "recovering" | "minimum_reached";

export type AdmitInput = { patientName: string, 
/**
 * The clinic's chart (medical record) number.
 */
chartNumber: string, 
/**
 * `YYYY-MM-DD`.
 */
dateOfBirth: string, bay: string, 
/**
 * A protocol name (`iv_ketamine`, `spravato`, `im_ketamine`).
 */
protocol: string, 
/**
 * A longer observation than the protocol's, in minutes; `null` takes the protocol's.
 */
recoveryMinutes?: number | null, 
/**
 * The dose in mg (Spravato: 56 or 84).
 */
doseMg?: number | null, 
/**
 * Body weight in kg; required for IV ketamine (for mg/kg).
 */
weightKg?: number | null, 
/**
 * Local time the recovery clock started (infusion end, first spray device, injection),
 * `YYYY-MM-DD HH:MM[:SS]` (`T` allowed for the space).
 */
clockStartedAt: string, 
/**
 * Spravato only: local times of the second and third devices, if used.
 */
laterDeviceTimes: Array<string>, 
/**
 * The nurse's note; may be empty.
 */
note: string, };

export type BoardRow = { sessionId: number, bay: string, patientName: string, protocol: Protocol, minimumMinutes: number, clockStartedAt: string, endsAt: string, state: RecoveryState, 
/**
 * An alert about this session fired and nobody has acknowledged it yet.
 */
alertActive: boolean, 
/**
 * Who admitted the patient; `None` on a locked board or for records from before accounts.
 */
admittedBy: string | null, 
/**
 * The earliest planned check not yet done (with its status: upcoming, due, overdue).
 */
nextCheck: PlannedCheck | null, 
/**
 * The pre-dose blood pressure above the limit, with the prescriber's decision once
 * recorded (`None` when none is needed, and on a locked board).
 */
predose: PredoseStanding | null, 
/**
 * When the patient next needs the nurse (the board's order); `None` when nothing is
 * pending.
 */
nextActionAt: string | null, 
/**
 * The Modified PADSS total and whether all five items are assessed.
 */
padssTotal: number | null, padssComplete: boolean, 
/**
 * Ready, ready but for the escort, or not ready (`None` on a locked board).
 */
readiness: Readiness | null, 
/**
 * Every failed discharge gate, "<label>: <detail>": the one "not ready" list, the same
 * the patient's record and the discharge dialog show (empty on a locked board).
 */
missing: Array<string>, 
/**
 * Observing or cleared (patients who left are not on the board).
 */
phase: SessionPhase, escortStatus: EscortStatus | null, clearedAt: string | null, 
/**
 * Some of this session's stored records cannot be read: why ("stored row checks#12 is
 * invalid: data"; record ids, never names). What could not be read is missing from the
 * row (checks, readiness...), so the nurse checks this patient by hand.
 */
unreadable: string | null, };

export type RecoveryBoard = { generatedAt: string, 
/**
 * The workstation is locked (or nobody is signed in): names are initials, and the UI
 * shows only bay, initials and countdown.
 */
locked: boolean, rows: Array<BoardRow>, 
/**
 * Sessions on the board whose own record cannot be read (shown first, with their bay).
 */
unreadable: Array<UnreadableSession>, };

export type UnreadableSession = { sessionId: number, bay: string | null, reason: string, };

export type DeadlineKind = "minimum_reached" | "check_overdue" | "clinical" | "escort_late";

export type ActiveAlert = { firingId: number, sessionId: number, kind: DeadlineKind, bay: string, patientName: string, dueAt: string, firedAt: string, 
/**
 * For an overdue check, the check ("Vitals at +15 min"); for a clinical alert, its
 * message with values and limits. Never patient data.
 */
detail: string | null, 
/**
 * For a clinical alert: warning or critical.
 */
severity: AlertSeverity | null, 
/**
 * A critical emergency prompt (severe headache, chest pain or shortness of breath with
 * high blood pressure) among the alert's reasons: refer for emergency care now.
 */
emergency: boolean, 
/**
 * Raised while records could not be saved: why it is not written yet. Written (and then
 * absent) as soon as storage takes writes again.
 */
notSaved?: string, };

export type NotificationOutcome = { delivered: boolean, 
/**
 * What happened, without patient data (e.g. "no notification service on the bus").
 */
detail: string, at: string, };

export type OpenSession = { sessionId: number, };

export type StorageStatus = { 
/**
 * Why records cannot be saved ("the disk is full"), or null while writes succeed.
 */
fault: string | null, 
/**
 * When writes started failing (null while they succeed).
 */
since: string | null, 
/**
 * Alerts raised but not written yet (written once storage takes writes again).
 */
unsavedAlerts: number, };

export type ProtocolVersion = { id: number, protocol: Protocol, version: number, minimumMinutes: number, createdAt: string, };

export type ProtocolEdit = { protocol: string, minimumMinutes: number, };

export type ClinicSettings = { 
/**
 * The current version of each protocol.
 */
protocols: Array<ProtocolVersion>, alertRepeatMinutes: number, 
/**
 * Seconds without input before the workstation locks.
 */
idleLockSeconds: number, 
/**
 * Minutes an emergency access lasts before the workstation locks.
 */
emergencyMinutes: number, backup: BackupSettings, 
/**
 * Days saved papers (PDF files) and form drafts are kept before the daily cleanup.
 */
papersKeptDays: number, 
/**
 * The limits that turn check values into clinical alerts.
 */
thresholds: ThresholdSettings, 
/**
 * The timings of the check plans (for sessions admitted from now on).
 */
checkPlan: CheckPlanSettings, 
/**
 * Transport rules, the escort-late alert and the nausea limit for discharge.
 */
discharge: DischargePolicy, };

export type AlertRepeatEdit = { minutes: number, };

export type ThemeMode = "light" | "dim" | "system" | "scheduled";

export type DisplaySettings = { theme: ThemeMode, 
/**
 * "HH:MM", local time: the dim hours start (used when `theme` is `scheduled`).
 */
dimFrom: string, 
/**
 * "HH:MM", local time: the dim hours end.
 */
dimUntil: string, 
/**
 * Alert volume in percent, 0-100. 0 silences routine tones; urgent ones keep a floor.
 */
volume: number, 
/**
 * Minutes, 1-60, before an unacknowledged alert's sound escalates.
 */
escalateAfterMinutes: number, };

export type DisplaySettingsEdit = { theme: string, dimFrom: string, dimUntil: string, volume: number, escalateAfterMinutes: number, };

export type Draft = { content: string, savedAt: string, };

export type Role = "nurse" | "prescriber" | "admin";

export type Nurse = { id: number, displayName: string, 
/**
 * e.g. "RN", "NP", "MD".
 */
credentials: string, role: Role, active: boolean, };

export type NewNurseInput = { displayName: string, credentials: string, role: string, pin: string, pinAgain: string, };

export type PinResetInput = { nurseId: number, pin: string, pinAgain: string, };

export type AccountStatusInput = { nurseId: number, active: boolean, };

export type SignInInput = { nurseId: number, pin: string, };

export type EmergencyInput = { nurseId: number, reason: string, };

export type IdleLockEdit = { seconds: number, };

export type AuthStatus = { 
/**
 * No account exists yet: the first start must create an administrator.
 */
setupNeeded: boolean, 
/**
 * The nurse signed in (also while locked).
 */
nurse: Nurse | null, locked: boolean, 
/**
 * Signed in through emergency access.
 */
emergency: boolean, 
/**
 * When the emergency access in use locks the workstation.
 */
emergencyEndsAt: string | null, 
/**
 * Active accounts, for the sign-in list.
 */
accounts: Array<Nurse>, idleLockSeconds: number, };

export type EmergencyLimitEdit = { minutes: number, };

export type EmergencyUse = { seq: number, nurse: Nurse, at: string, reason: string, 
/**
 * Audit entries written under it (the actions done).
 */
actions: number, 
/**
 * Who reviewed it and when, once reviewed.
 */
reviewedBy: Nurse | null, reviewedAt: string | null, };

export type EmergencyAction = { seq: number, at: string, 
/**
 * The audit action, e.g. `admit`, `record_check`.
 */
action: string, detail: string, };

export type EmergencyUseInput = { seq: number, };

export type IntegrityStatus = { ok: boolean, checkedAt: string, 
/**
 * Audit rows verified.
 */
rows: number, 
/**
 * The last audit row's sequence number and hash (the chain's head).
 */
headSeq: number, headHash: string, 
/**
 * The first audit row that does not verify, when the chain is broken.
 */
firstBadSeq: number | null, 
/**
 * What is wrong, for the administrator (no patient data).
 */
problem: string | null, };

export type BackupInfo = { 
/**
 * The file's name inside the backup folder.
 */
file: string, createdAt: string, bytes: number, 
/**
 * The chain head written beside the backup when it was verified.
 */
headHash: string | null, 
/**
 * Why the backup did not verify when it was made (the database it copies was already
 * damaged or altered), or `None` for a verified backup. Such a backup is kept, never
 * restored from the app.
 */
unverified: string | null, };

export type BackupSettings = { folder: string, intervalMinutes: number, keep: number, };

export type BackupSettingsEdit = { folder: string, intervalMinutes: number, keep: number, };

export type PapersKeptEdit = { days: number, };

export type RestoreInput = { file: string, };

export type CheckPurpose = "baseline" | "observation";

export type Symptom = "lightheaded" | "spinning" | "blurred_vision" | "nausea" | "near_faint";

export type OxygenSupport = "room_air" | "oxygen";

export type VitalsInput = { systolic?: number | null, diastolic?: number | null, heartRate?: number | null, spo2?: number | null, 
/**
 * `room_air` or `oxygen`; required when `spo2` is given.
 */
oxygen: string, respiratoryRate?: number | null, 
/**
 * Degrees Celsius; one decimal is usual.
 */
temperatureC?: number | null, };

export type OrthostaticMethod = "sit_to_stand" | "lie_to_stand" | "not_done";

export type OrthostaticInput = { 
/**
 * `sit_to_stand`, `lie_to_stand` or `not_done`.
 */
method: string, 
/**
 * Required for `not_done` (3-200 characters), ignored otherwise.
 */
notDoneReason: string, baselineSystolic?: number | null, baselineDiastolic?: number | null, standingSystolic?: number | null, standingDiastolic?: number | null, standing1Systolic?: number | null, standing1Diastolic?: number | null, standing3Systolic?: number | null, standing3Diastolic?: number | null, symptomsOnStanding: boolean, 
/**
 * Sitting (sit-to-stand) or lying (lie-to-stand) heart rate, bpm.
 */
baselineHeartRate?: number | null, 
/**
 * Sit-to-stand: standing heart rate.
 */
standingHeartRate?: number | null, 
/**
 * Lie-to-stand: heart rate at 1 min standing.
 */
standing1HeartRate?: number | null, 
/**
 * Lie-to-stand: heart rate at 3 min standing.
 */
standing3HeartRate?: number | null, };

export type CheckInput = { sessionId?: number | null, 
/**
 * `baseline` (pre-dose) or `observation`.
 */
purpose: string, 
/**
 * Local time `YYYY-MM-DD HH:MM[:SS]`; empty means now.
 */
observedAt: string, 
/**
 * Required (10-500 characters) when the check is entered late.
 */
lateReason: string, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe. Required.
 */
symptomGrade?: number | null, 
/**
 * Any of `lightheaded`, `spinning`, `blurred_vision`, `nausea`, `near_faint`, each once;
 * at least one when the grade is above 0, none when it is 0.
 */
symptoms: Array<string>, severeHeadache: boolean, chestPain: boolean, shortnessOfBreath: boolean, orthostatic?: OrthostaticInput | null, 
/**
 * 2 steady, 1 needs help, 0 unable or dizzy.
 */
gait?: number | null, vitals?: VitalsInput | null, 
/**
 * MOAA/S 0-5.
 */
moaas?: number | null, 
/**
 * CADSS-6: exactly six items, each 0-4.
 */
cadss?: Array<number | null> | null, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe.
 */
nausea?: number | null, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe (for the discharge score).
 */
pain?: number | null, 
/**
 * At most 2000 characters; line breaks allowed.
 */
note: string, };

export type CorrectionInput = { originalCheckId?: number | null, 
/**
 * 10-500 characters, one line.
 */
reason: string, check: CheckInput, };

export type BloodPressure = { systolic: number, diastolic: number, };

export type Vitals = { bp: BloodPressure | null, heartRate: number | null, spo2: number | null, oxygen: OxygenSupport | null, respiratoryRate: number | null, temperatureC: number | null, };

export type OrthostaticReadings = { baselineSystolic: number | null, baselineDiastolic: number | null, standingSystolic: number | null, standingDiastolic: number | null, standing1Systolic: number | null, standing1Diastolic: number | null, standing3Systolic: number | null, standing3Diastolic: number | null, symptomsOnStanding: boolean, baselineHeartRate: number | null, standingHeartRate: number | null, standing1HeartRate: number | null, standing3HeartRate: number | null, };

export type Orthostatic = { method: OrthostaticMethod, notDoneReason: string | null, readings: OrthostaticReadings, 
/**
 * The heart-rate rise flag threshold in force when the test was recorded (absent in
 * checks stored before heart rates were: the default then applies).
 */
hrRiseFlagAt: number | null, };

export type OrthostaticOutcome = "positive" | "negative" | "incomplete" | "not_done";

export type OrthostaticResult = { outcome: OrthostaticOutcome, reasons: Array<string>, 
/**
 * The heart-rate change on standing, once a sitting/lying and a standing rate are in.
 */
heartRate: HeartRateRise | null, };

export type HeartRateRise = { 
/**
 * The highest standing rate minus the sitting or lying rate, bpm (negative: it fell).
 */
rise: number, 
/**
 * The threshold in force: a rise at or above it is flagged.
 */
flagAt: number, 
/**
 * `rise >= flag_at`.
 */
flagged: boolean, };

export type NoteInput = { sessionId?: number | null, 
/**
 * Local time `YYYY-MM-DD HH:MM[:SS]`; empty means now.
 */
observedAt: string, 
/**
 * Required (10-500 characters) when the note is entered late.
 */
lateReason: string, 
/**
 * 1-2000 characters; line breaks allowed.
 */
text: string, };

export type NoteSaved = { noteId: number, };

export type Cadss = { items: Array<number>, total: number, };

export type Check = { sessionId: number, purpose: CheckPurpose, 
/**
 * The clinical time of the check (never after it was recorded).
 */
observedAt: string, 
/**
 * Why the check was entered late; present for late entries, optional otherwise.
 */
lateReason: string | null, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe; symptoms are listed when above 0.
 */
symptomGrade: number, symptoms: Array<Symptom>, severeHeadache: boolean, chestPain: boolean, shortnessOfBreath: boolean, orthostatic: Orthostatic | null, 
/**
 * Modified PADSS ambulation: 2 steady, 1 needs help, 0 unable or dizzy.
 */
gait: number | null, vitals: Vitals | null, 
/**
 * MOAA/S, 0-5 (5 alert).
 */
moaas: number | null, cadss: Cadss | null, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe (nausea or vomiting).
 */
nausea: number | null, 
/**
 * 0 none, 1 mild, 2 moderate, 3 severe.
 */
pain: number | null, note: string, };

export type ThresholdSettings = { 
/**
 * Critical alert at systolic >= this (default 180).
 */
criticalSystolic: number, 
/**
 * Critical alert at diastolic >= this (default 110).
 */
criticalDiastolic: number, 
/**
 * Warning at a systolic rise over the pre-dose baseline >= this (default 40).
 */
riseSystolic: number, 
/**
 * Warning at a diastolic rise over the pre-dose baseline >= this (default 25).
 */
riseDiastolic: number, 
/**
 * Warning at SpO2 below this on room air (default 92).
 */
lowSpo2: number, 
/**
 * Warning at heart rate below this (default 50).
 */
heartRateLow: number, 
/**
 * Warning at heart rate above this (default 120).
 */
heartRateHigh: number, 
/**
 * Warning at respiratory rate below this (default 10).
 */
respiratoryRateLow: number, 
/**
 * Warning at respiratory rate above this (default 24).
 */
respiratoryRateHigh: number, 
/**
 * "High" blood pressure, systolic at or above (default 160): the discharge limit, and
 * what turns a severe headache, chest pain or shortness of breath into an emergency.
 */
highSystolic: number, 
/**
 * "High" blood pressure, diastolic at or above (default 100).
 */
highDiastolic: number, 
/**
 * Minutes until a blood pressure re-check after a critical reading (default 5).
 */
criticalRecheckMinutes: number, 
/**
 * Pre-dose blood pressure "above 140/90" (SPRAVATO label 5.6): a baseline systolic
 * strictly above this (default 140) needs the prescriber's decision before dosing.
 */
predoseSystolic: number, 
/**
 * Likewise a baseline diastolic strictly above this (default 90).
 */
predoseDiastolic: number, 
/**
 * Orthostatic test: a heart-rate rise on standing at or above this (default 30 bpm,
 * Freeman 2011) is flagged; it makes the check positive only with symptoms.
 */
orthostaticHrRise: number, };

export type ThresholdSettingsEdit = { criticalSystolic: number | null, criticalDiastolic: number | null, riseSystolic: number | null, riseDiastolic: number | null, lowSpo2: number | null, heartRateLow: number | null, heartRateHigh: number | null, respiratoryRateLow: number | null, respiratoryRateHigh: number | null, highSystolic: number | null, highDiastolic: number | null, criticalRecheckMinutes: number | null, predoseSystolic: number | null, predoseDiastolic: number | null, orthostaticHrRise: number | null, };

export type ClinicalAlertKind = "emergency" | "critical_bp" | "bp_rise" | "low_spo2" | "heart_rate" | "respiratory_rate";

export type AlertSeverity = "warning" | "critical";

export type ClinicalAlert = { kind: ClinicalAlertKind, severity: AlertSeverity, 
/**
 * For the nurse: values and limits, no names.
 */
message: string, 
/**
 * The clinical time of the check that raised it.
 */
observedAt: string, 
/**
 * Critical blood pressure: when the re-check is due.
 */
recheckAt: string | null, };

export type Baseline = { bp: BloodPressure | null, heartRate: number | null, moaas: number | null, };

export type PadssItemKind = "vital_signs" | "ambulation" | "nausea_vomiting" | "pain" | "bleeding";

export type PadssItem = { item: PadssItemKind, score: number | null, detail: string, };

export type Padss = { items: Array<PadssItem>, total: number, 
/**
 * Every item assessed.
 */
complete: boolean, 
/**
 * `total >= 9`, only when complete.
 */
fit: boolean | null, };

export type PlannedCheckKind = "vitals" | "bp" | "sedation_dissociation" | "lightheadedness";

export type PlannedCheckStatus = "upcoming" | "due" | "overdue" | "done";

export type PlannedCheck = { 
/**
 * Stable within the session: `iv:vitals:+15`, `spravato:bp:+40`,
 * `recheck:lightheadedness:<check id>`, `recheck:bp:<check id>`. One overdue alert fires
 * per (session, key).
 */
key: string, kind: PlannedCheckKind, 
/**
 * For the nurse, e.g. "Vitals at +15 min", "Blood pressure re-check (critical reading)".
 */
label: string, plannedAt: string, overdueAt: string, status: PlannedCheckStatus, 
/**
 * The check that did it (the earliest that counts).
 */
doneBy: number | null, doneAt: string | null, };

export type CheckSchedule = { items: Array<PlannedCheck>, };

export type TimelineKind = "admission" | "check" | "correction" | "alert" | "acknowledgement" | "resolution" | "confirmation" | "predose_decision" | "readiness" | "note";

export type TimelineEntry = { 
/**
 * Unique across the kinds of one session's timeline (`"resolution-3"`): the UI's key.
 * Private: only [`TimelineEntry::new`] sets it.
 */
key: string, kind: TimelineKind, 
/**
 * The id of the record in its own table (check, alert firing, ...).
 */
recordId: number, 
/**
 * The clinical time.
 */
at: string, 
/**
 * When the app recorded it; never editable.
 */
recordedAt: string, 
/**
 * The nurse label ("Ana Ruiz, RN"); `None` for the app itself (alerts) or old records.
 */
who: string | null, 
/**
 * One line without patient names.
 */
summary: string, 
/**
 * Why it was entered late, when it was.
 */
lateReason: string | null, 
/**
 * Corrected: shown struck through.
 */
struck: boolean, 
/**
 * The record that corrected this one.
 */
correctedBy: number | null, 
/**
 * The record this one corrects.
 */
corrects: number | null, };

export type CheckStatus = { schedule: CheckSchedule, 
/**
 * The earliest planned check not yet done.
 */
nextCheck: PlannedCheck | null, padss: Padss, baseline: Baseline | null, 
/**
 * The pre-dose blood pressure when it is above the clinic's limit, with the prescriber's
 * decision once recorded (the store attaches it); `None` when no decision is needed.
 */
predose: PredoseStanding | null, };

export type CheckRecord = { id: number, check: Check, corrected: boolean, };

export type SessionDetail = { sessionId: number, bay: string, patientName: string, protocol: Protocol, minimumMinutes: number, clockStartedAt: string, endsAt: string, status: CheckStatus, 
/**
 * The discharge gates now: `gates.missing` is the one "not ready" list, the same the
 * board and the discharge dialog show.
 */
gates: DischargeGates, checks: Array<CheckRecord>, timeline: Array<TimelineEntry>, 
/**
 * The latest time a nurse confirmed the Modified PADSS.
 */
padssConfirmation: PadssConfirmation | null, 
/**
 * BP, heart rate and SpO2 over the recovery, with the threshold lines.
 */
trends: TrendChart, };

export type CheckSaved = { checkId: number, 
/**
 * The clinical alerts the check raised (already recorded and raised).
 */
alerts: Array<ClinicalAlert>, };

export type PadssConfirmInput = { sessionId: number, total: number, };

export type PadssConfirmation = { total: number, confirmedAt: string, who: string | null, };

export type PredoseChoice = "proceed" | "do_not_dose";

export type PredoseDecisionInput = { sessionId?: number | null, 
/**
 * The baseline check whose blood pressure is above the limit.
 */
checkId?: number | null, 
/**
 * `proceed` or `do_not_dose`.
 */
decision: string, 
/**
 * "Dr Test Prescriber": who decided (told by phone, or in person).
 */
prescriber: string, 
/**
 * Local time `YYYY-MM-DD HH:MM[:SS]` of the decision.
 */
decidedAt: string, 
/**
 * Optional, at most 2000 characters.
 */
note: string, };

export type PredoseDecision = { checkId: number, decision: PredoseChoice, prescriber: string, decidedAt: string, note: string, 
/**
 * The reading and the limit as they stood when the decision was made.
 */
bp: BloodPressure, threshold: BloodPressure, };

export type RecordedPredoseDecision = { id: number, decision: PredoseDecision, recordedAt: string, 
/**
 * The nurse label ("Ana Ruiz, RN").
 */
who: string | null, 
/**
 * [`LATE_DECISION`] when the decision time is after the dose started (see
 * [`PredoseDecision::lateness`]), shown with the decision wherever it appears.
 */
late?: string | null, };

export type PredoseStanding = { 
/**
 * The baseline check that gave the reading.
 */
checkId: number, observedAt: string, bp: BloodPressure, threshold: BloodPressure, 
/**
 * "Pre-dose BP 150/95 above 140/90".
 */
headline: string, decision: RecordedPredoseDecision | null, };

export type CheckPlanSettings = { 
/**
 * IV ketamine: vitals every this many minutes after the infusion (default 15).
 */
ivVitalsEveryMinutes: number, 
/**
 * Spravato: BP and sedation/dissociation this many minutes after the first device, the
 * expected peak (default 40).
 */
spravatoPeakMinutes: number, 
/**
 * A positive lightheadedness check is re-checked this many minutes later (default 15).
 */
positiveRecheckMinutes: number, 
/**
 * A planned check is overdue this many minutes after it is due (default 5).
 */
graceMinutes: number, 
/**
 * A check up to this many minutes before the planned time counts for it (default 5).
 */
earlyMinutes: number, };

export type CheckPlanSettingsEdit = { ivVitalsEveryMinutes: number | null, spravatoPeakMinutes: number | null, positiveRecheckMinutes: number | null, graceMinutes: number | null, earlyMinutes: number | null, };

export type DischargePolicy = { 
/**
 * Whether a patient may go home by rideshare without an escort (default no).
 */
allowRideshareAlone: boolean, 
/**
 * Whether a patient may go home by public transport without an escort (default no).
 */
allowPublicTransportAlone: boolean, 
/**
 * Alert when every other gate is green and no escort has arrived this many minutes after
 * the minimum period ended (default 10).
 */
escortLateMinutes: number, 
/**
 * The highest nausea grade (0-3) a patient may leave with (default 1).
 */
maxNausea: number, 
/**
 * A REMS form is "due soon" from this day after the treatment day (1-7, default 5).
 * Policies stored before this setting existed load with the default.
 */
remsWarnFromDay: number, };

export type DischargePolicyEdit = { allowRideshareAlone: boolean, allowPublicTransportAlone: boolean, escortLateMinutes: number, maxNausea: number, remsWarnFromDay: number, };

export type Transport = "escort_drives" | "escort_with_rideshare" | "rideshare_alone" | "public_transport_alone";

export type EscortStatus = "expected" | "en_route" | "arrived";

export type EscortInput = { sessionId: number, fullName: string, relationship: string, phone: string, adultAttested: boolean, 
/**
 * `escort_drives`, `escort_with_rideshare`, `rideshare_alone` or `public_transport_alone`.
 */
transport: string, 
/**
 * `expected`, `en_route` or `arrived` (ignored when going alone).
 */
status: string, 
/**
 * Local time, optional ("" = none); only for expected or en route.
 */
eta: string, 
/**
 * Local time; "" with status arrived means now.
 */
arrivedAt: string, knownToStaff: boolean, nameConfirmed: boolean, photoId: boolean, };

export type Escort = { fullName: string, relationship: string, phone: string, adultAttested: boolean, transport: Transport, status: EscortStatus, eta: string | null, arrivedAt: string | null, knownToStaff: boolean, nameConfirmed: boolean, photoId: boolean, };

export type GateKey = "minimum" | "escort" | "blood_pressure" | "spo2" | "sedation" | "dissociation" | "lightheadedness" | "nausea" | "padss" | "critical_alert" | "planned_checks";

export type Gate = { key: GateKey, hard: boolean, passed: boolean, label: string, detail: string, };

export type Readiness = "ready" | "ready_awaiting_escort" | "not_ready";

export type DischargeGates = { readiness: Readiness, 
/**
 * All eleven gates, in [`GateKey::ALL`] order.
 */
gates: Array<Gate>, 
/**
 * "<label>: <detail>" of every failed gate, in order.
 */
missing: Array<string>, 
/**
 * Minutes until the minimum period ends, rounded up; 0 once reached.
 */
minutesLeft: number, 
/**
 * When the minimum period ends.
 */
endsAt: string, };

export type SessionPhase = "observing" | "cleared" | "departed" | "left_against_advice" | "transferred";

export type OverrideInput = { 
/**
 * The key of a failed soft gate (`blood_pressure`, `nausea`, ...).
 */
gate: string, 
/**
 * 10-500 characters, one line.
 */
reason: string, 
/**
 * The prescriber's name, 2-100 characters.
 */
prescriber: string, };

export type DischargeInput = { sessionId: number, 
/**
 * Checked by the shell (`Pin::parse(.., "pin")`), not here.
 */
pin: string, 
/**
 * The escort is present and identified (ignored when going home alone under policy).
 */
escortConfirmed: boolean, 
/**
 * No driving or machinery until the next day after a restful sleep.
 */
instructionsNoDriving: boolean, 
/**
 * Someone drives them home.
 */
instructionsRideHome: boolean, 
/**
 * The emergency number was given.
 */
instructionsEmergency: boolean, acknowledgedByPatient: boolean, 
/**
 * Not required when going home alone under policy.
 */
acknowledgedByEscort: boolean, overrides: Array<OverrideInput>, };

export type GateOverride = { gate: GateKey, reason: string, prescriber: string, };

export type Instructions = { noDriving: boolean, rideHome: boolean, emergency: boolean, acknowledgedByPatient: boolean, acknowledgedByEscort: boolean, };

export type DischargeSnapshot = { gates: DischargeGates, overrides: Array<GateOverride>, escort: Escort | null, instructions: Instructions, };

export type WillDrive = "yes" | "no" | "unknown";

export type AgainstAdviceInput = { sessionId: number, risksExplained: boolean, prescriberNotified: boolean, 
/**
 * Required (2-100 characters) when notified.
 */
prescriber: string, 
/**
 * Local time; required when notified.
 */
notifiedAt: string, 
/**
 * `yes`, `no` or `unknown`.
 */
willDrive: string, escortPresent: boolean, 
/**
 * Required, at most 2000 characters; line breaks allowed.
 */
actionsTaken: string, signatureRefused: boolean, 
/**
 * Required (2-100 characters) when the signature was refused, else optional.
 */
witness: string, 
/**
 * Local time; "" means now.
 */
leftAt: string, };

export type AgainstAdvice = { risksExplained: boolean, prescriberNotified: boolean, 
/**
 * Present when the prescriber was notified.
 */
prescriber: string | null, 
/**
 * Present when the prescriber was notified.
 */
notifiedAt: string | null, willDrive: WillDrive, escortPresent: boolean, actionsTaken: string, signatureRefused: boolean, witness: string | null, leftAt: string, gates: DischargeGates, };

export type TransferInput = { sessionId: number, 
/**
 * Where the patient went ("St Example ED by ambulance"): 2-200 characters on one line.
 */
destination: string, 
/**
 * The person or role who took over ("Paramedic crew lead"): 2-100 characters.
 */
handedOverTo: string, 
/**
 * `yes` or `no`; required.
 */
emergencyServicesCalled: string, 
/**
 * Local time; "" means now.
 */
transferredAt: string, 
/**
 * Optional, at most 2000 characters; line breaks allowed.
 */
note: string, };

export type Transfer = { transferredAt: string, destination: string, handedOverTo: string, emergencyServicesCalled: boolean, note: string | null, gates: DischargeGates, };

export type Paper = { title: string, subtitle: string, sections: Array<PaperSection>, footer: string, };

export type PaperSection = { heading: string, rows: Array<PaperRow>, chart: TrendChart | null, };

export type PaperRow = { label: string, value: string, };

export type TrendChart = { panels: Array<TrendPanel>, };

export type TrendPanel = { title: string, unit: string, series: Array<TrendSeries>, limits: Array<TrendLimit>, };

export type TrendSeries = { name: string, points: Array<TrendPoint>, };

export type TrendPoint = { minute: number, value: number, };

export type TrendLimit = { label: string, value: number, };

export type Table = { columns: Array<string>, rows: Array<Array<string>>, };

export type AboutInfo = { 
/**
 * The app's version ("0.1.0").
 */
appVersion: string, 
/**
 * The schema version the database is brought to.
 */
schemaVersion: number, 
/**
 * The SQLite library inside the app ("3.50.4").
 */
sqliteVersion: string, 
/**
 * The SQLCipher that encrypts the records, or why it is unknown.
 */
sqlcipherVersion: string, 
/**
 * The data directory: the database, its logs, backups by default.
 */
dataDir: string, };

export type CloseReason = "window" | "trayQuit";

export type CloseRequest = { reason: CloseReason, 
/**
 * Patients on the board (in recovery, not yet departed), or null when they could not be
 * counted (the records could not be read): the page then says so and offers no quit.
 */
patientsInRecovery: number | null, 
/**
 * Alerts raised and not yet acknowledged (0 when the patients could not be counted).
 */
openAlerts: number, 
/**
 * Whether a tray icon is shown (a panel that hosts status icons is running); without one,
 * "keep running" hides the window and the menu's Vigil entry or an alert brings it back.
 */
trayAvailable: boolean, };

export type QuitInput = { patientsInRecovery: number, };

export type AutostartStatus = { 
/**
 * The clinic's setting (on by default), changed by administrators.
 */
enabled: boolean, 
/**
 * Whether the desktop session will start Vigil, read back from the autostart files.
 */
effective: boolean, 
/**
 * The autostart file that decides it (the package's system entry, or the user's own entry
 * or override), or null when there is none.
 */
entry: string | null, 
/**
 * Why the setting and the effect differ, or null when they agree.
 */
problem: string | null, };

export type AutostartEdit = { enabled: boolean, };

export type DayReport = { 
/**
 * "Day report, 2026-07-01" or "Night shift, 2026-07-01 (19:00, 12 h)".
 */
title: string, 
/**
 * The local day the report is for.
 */
day: string, startsAt: string, 
/**
 * Exclusive end; never shown as a date.
 */
endsAt: string, patients: Array<ReportPatient>, alerts: AlertSummary, lateChecks: Array<LateCheck>, remsDue: Array<RemsDue>, };

export type ReportPatient = { sessionId: number, bay: string, patientName: string, protocol: Protocol, clockStartedAt: string, minimumMinutes: number, 
/**
 * Whole minutes from the clock start to the first Ready; `None` if never ready.
 */
minutesUntilReady: number | null, 
/**
 * Whole minutes from the clock start to the departure; `None` while still here.
 */
minutesUntilDeparture: number | null, left: LeftHow, leftAt: string | null, };

export type LeftHow = "discharged" | "against_advice" | "transferred" | "still_here";

export type AlertSummary = { total: number, 
/**
 * By kind, in the kind's name order.
 */
byKind: Array<AlertKindCount>, 
/**
 * Per acknowledging nurse, by label.
 */
perNurse: Array<NurseAckTimes>, unacknowledged: Array<UnacknowledgedAlert>, };

export type AlertKindCount = { kind: string, count: number, };

export type NurseAckTimes = { nurse: string, count: number, medianSeconds: number, longestSeconds: number, };

export type UnacknowledgedAlert = { firingId: number, sessionId: number, bay: string, kind: string, raisedAt: string, };

export type LateCheck = { sessionId: number, bay: string, patientName: string, kind: LateKind, 
/**
 * Observed (late entry) or due-alert raised (overdue).
 */
at: string, 
/**
 * Minutes between observation and entry (late entry); `None` for overdue.
 */
minutesLate: number | null, 
/**
 * Who entered it (late entry).
 */
nurse: string | null, };

export type LateKind = "late_entry" | "overdue";

export type RemsDue = { sessionId: number, bay: string, patientName: string, treatedOn: string, lastDay: string, };

export type ReportInput = { 
/**
 * "YYYY-MM-DD".
 */
day: string, 
/**
 * A shift's name; `None` (or empty) for the whole day.
 */
shift: string | null, };

export type Shift = { name: string, 
/**
 * Local start, "HH:MM".
 */
start: string, 
/**
 * Length in whole hours, 1-24.
 */
hours: number, };

export type ShiftsEdit = { shifts: Array<Shift>, };

export type HistoryQuery = { 
/**
 * Name or chart number, or the start of each of their words.
 */
text: string, 
/**
 * First local day (YYYY-MM-DD) the clock started on, if any.
 */
from: string | null, 
/**
 * Last local day (YYYY-MM-DD, included) the clock started on, if any.
 */
to: string | null, protocol: Protocol | null, left: HistoryLeft | null, };

export type HistoryLeft = "discharged" | "against_advice" | "transferred" | "still_here";

export type HistoryRow = { sessionId: number, patientName: string, chartNumber: string | null, bay: string, protocol: Protocol, clockStartedAt: string, leftAt: string | null, how: DepartureHow | null, };

export type HistoryPage = { rows: Array<HistoryRow>, 
/**
 * More sessions matched than were returned: narrow the search.
 */
more: boolean, };

export type CsvExportInput = { 
/**
 * The first day, `YYYY-MM-DD`.
 */
from: string, 
/**
 * The last day, `YYYY-MM-DD` (included).
 */
to: string, folder: string, };

export type AuditFilter = { 
/**
 * First local day, `YYYY-MM-DD`.
 */
from: string | null, 
/**
 * Last local day (included), `YYYY-MM-DD`.
 */
to: string | null, nurseId: number | null, 
/**
 * One of the audit trail's action names, e.g. `sign_in`.
 */
action: string | null, 
/**
 * The patient: every entry about this session or one of its records.
 */
sessionId: number | null, 
/**
 * Paging: only entries older than this sequence number.
 */
beforeSeq: number | null, };

export type AuditRow = { seq: number, at: string, 
/**
 * "Ana Ruiz, RN", or "system" for Vigil itself.
 */
nurse: string, action: string, 
/**
 * The records it wrote, `table:id` joined by ", " (e.g. "checks:12").
 */
records: string, detail: string, 
/**
 * The emergency access it was done under, if any.
 */
emergencyUse: number | null, };

export type AuditPage = { rows: Array<AuditRow>, more: boolean, };

export type AuditChoices = { actions: Array<string>, nurses: Array<Nurse>, };

export type DischargeView = { sessionId: number, bay: string, patientName: string, protocol: Protocol, phase: SessionPhase, 
/**
 * The gates now (while observed) or as they stood when the patient was cleared.
 */
gates: DischargeGates, escort: Escort | null, policy: DischargePolicy, clearedAt: string | null, 
/**
 * "Ana Ruiz, RN".
 */
clearedBy: string | null, departedAt: string | null, 
/**
 * Spravato: whole minutes from the first device to the first time every soft gate passed.
 */
readyWithoutMinimumMinutes: number | null, };

export type DepartureHow = "discharged" | "against_advice" | "transferred";

export type DepartedRow = { sessionId: number, bay: string, patientName: string, protocol: Protocol, leftAt: string, how: DepartureHow, };

export type Sex = "female" | "male" | "other";

export type RemsDetailsInput = { sessionId: number, dateOfBirth: string, sex: string, doseMg: string, lot: string, benzodiazepines: boolean, nonBenzodiazepineSedatives: boolean, psychostimulants: boolean, maois: boolean, opioids: boolean, seriousAdverseEvents: string, };

export type RemsDetails = { 
/**
 * Overrides the admission's date of birth when given.
 */
dateOfBirth: string | null, sex: Sex | null, 
/**
 * Overrides the admission's dose when given.
 */
doseMg: number | null, lot: string, benzodiazepines: boolean, nonBenzodiazepineSedatives: boolean, psychostimulants: boolean, maois: boolean, opioids: boolean, 
/**
 * "None" or what happened.
 */
seriousAdverseEvents: string, };

export type FormSubmittedInput = { sessionId: number, 
/**
 * `portal`, `fax` or `phone`.
 */
channel: string, reference: string, };

export type SubmissionChannel = "portal" | "fax" | "phone";

export type FormStatus = "due" | "due_soon" | "last_day" | "overdue" | "submitted";

export type FormDue = { sessionId: number, bay: string, patientName: string, 
/**
 * When the clock started (the first device); orders the list.
 */
treatedAt: string, 
/**
 * Day D, local.
 */
treatedOn: string, 
/**
 * D+7, local: the last day the form is on time ("Due by" shows this day).
 */
lastDay: string, status: FormStatus, submittedAt: string | null, submittedBy: string | null, reference: string | null, 
/**
 * How it was sent; `None` on forms marked before the channel was recorded.
 */
channel: SubmissionChannel | null, };

export type StartupProblem = { 
/**
 * Which screen this is: a damaged or unreadable file, the first start, or a key problem.
 */
kind: StartupKind, 
/**
 * The reason, as the database or the file system gave it, or a sentence naming the way
 * out (never patient data, never the key).
 */
reason: string, 
/**
 * The database file that could not be opened.
 */
database: string, 
/**
 * The folder whose backups are listed: the default one beside the data directory (the
 * clinic's chosen folder is stored in the database that cannot be read).
 */
backupFolder: string, 
/**
 * The backups in that folder, newest first.
 */
backups: Array<BackupInfo>, 
/**
 * The file itself is damaged. When not (a newer Vigil's schema, a folder that cannot be
 * written), fixing the cause and starting again is the way; the ways out stay a last resort.
 * Always `kind == damaged`.
 */
damaged: boolean, 
/**
 * The records have no key yet: the first start, or plain records of an earlier Vigil
 * still to be encrypted (kind `no_keystore` when no keystore answered). Then
 * `start_new_records` makes the key (and, for plain records, encrypts them, keeping every
 * record), with "Keep the key in a file (weaker)" as its key-file choice; the recovery key
 * form does not apply. False in every other state.
 */
needsKey: boolean, };

export type RecoveryOutcome = { 
/**
 * The new path of the damaged database file (its `-wal` and `-shm` beside it); none when
 * there was no file to move.
 */
keptAs: string | null, 
/**
 * The backup file restored, or none for a fresh start.
 */
restoredFrom: string | null, };

export type RecoveryRestoreInput = { file: string, };

export type StartupKind = "damaged" | "unreadable" | "first_start" | "no_keystore" | "no_key_entry" | "wrong_key" | "key_file";

export type KeyHome = "keystore" | "key_file";

export type NewRecordsInput = { keepIn: KeyHome, };

export type NewRecordsOutcome = { 
/**
 * 14 groups of 4 characters joined by `-`.
 */
recoveryKey: string, keyHome: KeyHome, 
/**
 * The key file's path when the key is kept in a file.
 */
keyFile: string | null, 
/**
 * Which records the key belongs to: their data directory (printed on the card).
 */
records: string, 
/**
 * When the key was issued.
 */
issuedAt: string, };

export type RecoveryKeyInput = { recoveryKey: string, file: string | null, keepIn: KeyHome, };

export type EncryptionInfo = { 
/**
 * SQLCipher's version (`PRAGMA cipher_version`).
 */
cipherVersion: string, keyHome: KeyHome, 
/**
 * The key file's path when the key is kept in a file.
 */
keyFile: string | null, 
/**
 * Backups (full paths) that are still not encrypted.
 */
plainBackups: Array<string>, 
/**
 * Whether someone said the newest recovery key was kept safe (a `recovery_key_kept` entry
 * newer than the key's newest issuance). False after plain records were encrypted at the
 * first start of this version (nobody saw a key then), or when a key shown was never
 * confirmed as kept: the page then warns and offers "Issue a new recovery key".
 */
recoveryKeyShown: boolean, };

export type ReissuedKey = { recoveryKey: string, 
/**
 * Backups in the clinic's backup folder now encrypted with the new key.
 */
backupsReencrypted: number, 
/**
 * Backups left as they were (still opened by the old recovery key only): full paths.
 */
backupsNotReencrypted: Array<string>, 
/**
 * Which records the key belongs to: their data directory (printed on the card).
 */
records: string, 
/**
 * When the key was issued.
 */
issuedAt: string, };
