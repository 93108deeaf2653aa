// The call into the Tauri runtime every generated command wrapper (commands.ts) goes through,
// and the error it raises. Components import from './index', never from here.
import { invoke } from '@tauri-apps/api/core';
import type { VigilError } from './bindings';

/** Raised by every IPC call that fails; `code` is what the UI branches on. */
export class IpcError extends Error {
  readonly code: VigilError['code'];
  readonly field: string | undefined;

  constructor(error: VigilError) {
    super(error.message);
    this.name = 'IpcError';
    this.code = error.code;
    this.field = error.field;
  }
}

function isVigilError(value: unknown): value is VigilError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as VigilError).code === 'string' &&
    typeof (value as VigilError).message === 'string'
  );
}

/** Calls `command`; a failure is an `IpcError` (the backend's, or `internal` when it did not answer). */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (isVigilError(raw)) throw new IpcError(raw);
    throw new IpcError({ code: 'internal', message: `The app did not answer: ${String(raw)}` });
  }
}
