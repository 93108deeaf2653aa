// Where a refused save's message goes: beside the field the shell named, when that field is on
// screen, else at the top of the form (role=alert).
import { tick } from 'svelte';
import { IpcError } from './ipc';
import { errorText } from './labels';

export interface Refusal {
  /** Field errors by the shell's field name (camelCase, or `overrides.<gate>`). */
  errors: Record<string, string>;
  /** The message when no field on screen matches. */
  formError: string | null;
}

/** Sorts a refusal by field; `idOf` gives the id of the control for a field. */
export function refusal(e: unknown, idOf: (field: string) => string): Refusal {
  const field = e instanceof IpcError ? e.field : undefined;
  if (field && document.getElementById(idOf(field))) return { errors: { [field]: errorText(e) }, formError: null };
  return { errors: {}, formError: errorText(e) };
}

/** Focuses the control of the first field error, once the page shows it. */
export async function focusError(found: Refusal, idOf: (field: string) => string) {
  const first = Object.keys(found.errors)[0];
  if (first === undefined) return;
  await tick();
  document.getElementById(idOf(first))?.focus();
}
