// The only module that talks to the Tauri runtime. Components import from here, never from
// @tauri-apps/* directly, so IPC can be mocked at this seam in unit tests.
//
// Generated from the Rust side: `bindings.ts` (the IPC types, vigil-core), `commands.ts` (a
// typed wrapper per command) and `events.ts` (an `on...` helper per event), from the command
// registry (src-tauri/src/registry.rs). Below are only the functions whose name or shape on
// the page differs from their command's (a local export takes precedence over `export *`).
import type { UnlistenFn } from '@tauri-apps/api/event';
import type { EmergencyAction, EmergencyUse, Paper } from './bindings';
import * as commands from './commands';
import * as events from './events';

export type * from './bindings';
export { IpcError } from './runtime';
export * from './commands';
export * from './events';

/** What was done under one use of emergency access (administrators). */
export function loadEmergencyActions(seq: number): Promise<EmergencyAction[]> {
  return commands.loadEmergencyActions({ seq });
}

/** Marks one use of emergency access reviewed; resolves with the uses still unreviewed. */
export function reviewEmergencyUse(seq: number): Promise<EmergencyUse[]> {
  return commands.reviewEmergencyUse({ seq });
}

/** The discharge sheet of a session, laid out for display and printing. */
export function loadDischargeSheet(sessionId: number): Promise<Paper> {
  return commands.dischargeSheet(sessionId);
}

/** The REMS Patient Monitoring Form of a Spravato session, pre-filled. */
export function loadRemsForm(sessionId: number): Promise<Paper> {
  return commands.remsForm(sessionId);
}

/** Calls `handler` with the session whose desktop notification was clicked (the window has
    come forward; the page opens that record); resolves with the unsubscribe function. */
export function onOpenSession(handler: (sessionId: number) => void): Promise<UnlistenFn> {
  return events.onOpenSession((payload) => handler(payload.sessionId));
}
