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
alertActive: boolean, };

export type RecoveryBoard = { generatedAt: string, rows: Array<BoardRow>, };

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
protocols: Array<ProtocolVersion>, alertRepeatMinutes: number, };

export type AlertRepeatEdit = { minutes: number, };

export type Draft = { content: string, savedAt: string, };
