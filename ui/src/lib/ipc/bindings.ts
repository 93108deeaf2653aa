// Generated from the Rust types in crates/vigil-core by its `bindings` test.
// Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test bindings`.

export type ErrorCode = "validation" | "not_found" | "conflict" | "forbidden" | "storage" | "internal";

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
admittedBy: string | null, };

export type RecoveryBoard = { generatedAt: string, 
/**
 * The workstation is locked (or nobody is signed in): names are initials, and the UI
 * shows only bay, initials and countdown.
 */
locked: boolean, rows: Array<BoardRow>, };

export type DeadlineKind = "minimum_reached";

export type ActiveAlert = { firingId: number, sessionId: number, kind: DeadlineKind, bay: string, patientName: string, dueAt: string, firedAt: string, };

export type NotificationOutcome = { delivered: boolean, 
/**
 * What happened, without patient data (e.g. "no notification service on the bus").
 */
detail: string, at: string, };

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
idleLockSeconds: number, backup: BackupSettings, };

export type AlertRepeatEdit = { minutes: number, };

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
 * Active accounts, for the sign-in list.
 */
accounts: Array<Nurse>, idleLockSeconds: number, };

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
headHash: string | null, };

export type BackupSettings = { folder: string, intervalMinutes: number, keep: number, };

export type BackupSettingsEdit = { folder: string, intervalMinutes: number, keep: number, };

export type RestoreInput = { file: string, };
