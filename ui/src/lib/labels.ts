// Display text shared by the screens: people, roles, hashes, integrity, errors.
import type { IntegrityStatus, Nurse, Role } from './ipc';

/** "Ana Ruiz, RN": how a person is named everywhere (buttons, banners, the sign-in list). */
export function nurseLabel(nurse: Pick<Nurse, 'displayName' | 'credentials'>): string {
  return `${nurse.displayName}, ${nurse.credentials}`;
}

/** The roles, in the order the account form offers them. */
export const ROLES: Record<Role, string> = {
  nurse: 'Nurse',
  prescriber: 'Prescriber',
  admin: 'Admin',
};

/** The start of a hash, enough to compare by eye. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : '—';
}

/** "Verified: 12 audit entries, head 3f9a…", or what is wrong. */
export function integrityLine(status: IntegrityStatus): string {
  if (status.ok) return `Verified: ${status.rows} audit entries, head ${shortHash(status.headHash)}`;
  return status.problem ?? 'The records do not verify.';
}

/** Initials of a name ("Testy McTestface" → "T. M."), for a locked board built from stale data. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0).toUpperCase()}.`)
    .join(' ');
}

/** The message of anything thrown (IpcError carries the backend's). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
