// Generated from the Rust types in crates/vigil-core by its `bindings` test.
// Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test bindings`.

export type ErrorCode = "validation" | "not_found" | "conflict" | "forbidden" | "storage" | "internal";

export type VigilError = { code: ErrorCode, message: string, field?: string, };

export type Protocol = "iv_ketamine" | "spravato" | "im_ketamine";

export type RecoveryState = "recovering" | "minimum_reached";

export type AdmitInput = { patientName: string, bay: string, 
/**
 * A protocol name (`iv_ketamine`, `spravato`, `im_ketamine`).
 */
protocol: string, 
/**
 * Minimum observation in minutes; `null` takes the protocol's default.
 */
recoveryMinutes?: number | null, 
/**
 * Local wall-clock time the recovery clock started, `YYYY-MM-DD HH:MM[:SS]` (`T` allowed).
 */
clockStartedAt: string, };

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
