// Generated from the event names in src-tauri/src/events.rs by its tests.
// Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil registry`.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { CloseRequest, OpenSession } from './bindings';

/**
 * Calls `handler` on `records-changed`.
 * The event emitted after any committed write; the UI refetches what it shows.
 * Resolves with the unsubscribe function.
 */
export function onRecordsChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('records-changed', () => handler());
}

/**
 * Calls `handler` on `alert-raised`.
 * The event emitted when an alert fires; the UI sounds it and refetches.
 * Resolves with the unsubscribe function.
 */
export function onAlertRaised(handler: () => void): Promise<UnlistenFn> {
  return listen('alert-raised', () => handler());
}

/**
 * Calls `handler` on `auth-changed`.
 * The event emitted when who is signed in, or whether it is locked, changes.
 * Resolves with the unsubscribe function.
 */
export function onAuthChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('auth-changed', () => handler());
}

/**
 * Calls `handler` on `storage-changed`.
 * The event emitted when records stop being saved (a storage fault) or can be saved again.
 * Resolves with the unsubscribe function.
 */
export function onStorageChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('storage-changed', () => handler());
}

/**
 * Calls `handler` on `open-session`.
 * The event emitted when a desktop notification is clicked: the page opens that record
 * (payload `OpenSession`, the session id only).
 * Resolves with the unsubscribe function.
 */
export function onOpenSession(handler: (payload: OpenSession) => void): Promise<UnlistenFn> {
  return listen<OpenSession>('open-session', (event) => handler(event.payload));
}

/**
 * Calls `handler` on `close-requested`.
 * The event emitted when the window is asked to close, or Quit is chosen in the tray, while
 * the page must ask first (payload `vigil_core::desktop::CloseRequest`).
 * Resolves with the unsubscribe function.
 */
export function onCloseRequested(handler: (payload: CloseRequest) => void): Promise<UnlistenFn> {
  return listen<CloseRequest>('close-requested', (event) => handler(event.payload));
}
