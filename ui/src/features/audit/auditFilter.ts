// The audit trail review's filter as typed on the page, and the filter the commands take.
// Empty fields mean "any"; the session number is the one the board and History show
// ("Session #12"): choosing the patient by session number keeps this screen free of names.
import type { AuditFilter } from '../../lib/ipc';

export interface AuditFields {
  from: string;
  to: string;
  /** A nurse's id as text, '' for any. */
  nurse: string;
  /** An action name, '' for any. */
  action: string;
  session: string;
}

export const emptyFields = (): AuditFields => ({ from: '', to: '', nurse: '', action: '', session: '' });

/** A typed number as the command takes it: '' is none (the screen checks the rest first). */
function numberOrNone(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

export function toFilter(f: AuditFields, beforeSeq: number | null = null): AuditFilter {
  return {
    from: f.from.trim() || null,
    to: f.to.trim() || null,
    nurseId: f.nurse === '' ? null : Number(f.nurse),
    action: f.action || null,
    sessionId: numberOrNone(f.session),
    beforeSeq,
  };
}

/** "sign_in" as "sign in". */
export const actionText = (action: string) => action.replaceAll('_', ' ');
