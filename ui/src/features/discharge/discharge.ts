// Display text and form values of the discharge screens: readiness, escort, transport.
import type { BoardRow, Escort, EscortInput, EscortStatus, Transport } from '../../lib/ipc';
import { toDateTimeInput } from '../../lib/time';

/** What the board's Readiness column says for a row; '' on a locked board. */
export function readinessText(row: Pick<BoardRow, 'phase' | 'readiness' | 'missing'>): string {
  if (row.phase === 'cleared') return 'Cleared for discharge';
  switch (row.readiness) {
    case 'ready':
      return 'Ready';
    case 'ready_awaiting_escort':
      return 'Ready – awaiting escort';
    case 'not_ready':
      return `Not ready: ${row.missing.join('; ')}`;
    default:
      return '';
  }
}

export const ESCORT_STATUSES: readonly (readonly [EscortStatus, string])[] = [
  ['expected', 'Expected'],
  ['en_route', 'En route'],
  ['arrived', 'Arrived'],
];

/** "Escort: en route", or "Escort: none". */
export function escortLine(status: EscortStatus | null): string {
  const text = ESCORT_STATUSES.find(([s]) => s === status)?.[1].toLowerCase() ?? 'none';
  return text;
}

export const TRANSPORTS: readonly (readonly [Transport, string])[] = [
  ['escort_drives', 'Escort drives'],
  ['escort_with_rideshare', 'Escort with rideshare'],
  ['rideshare_alone', 'Rideshare alone'],
  ['public_transport_alone', 'Public transport alone'],
];

/** What the escort fields hold (the input without its session). */
export type EscortValues = Omit<EscortInput, 'sessionId'>;

/** Nothing typed yet; the admit form starts with no transport chosen (`''`). */
export function emptyEscort(transport = 'escort_drives'): EscortValues {
  return {
    fullName: '',
    relationship: '',
    phone: '',
    adultAttested: false,
    transport,
    status: 'expected',
    eta: '',
    arrivedAt: '',
    knownToStaff: false,
    nameConfirmed: false,
    photoId: false,
  };
}

/** The fields prefilled from a saved escort. */
export function escortValues(escort: Escort | null): EscortValues {
  if (!escort) return emptyEscort();
  // Field by field, not a spread: the backend refuses unknown fields, so a field added to the
  // stored escort must never ride along into the input.
  return {
    fullName: escort.fullName,
    relationship: escort.relationship,
    phone: escort.phone,
    adultAttested: escort.adultAttested,
    transport: escort.transport,
    status: escort.status,
    eta: escort.eta ? toDateTimeInput(escort.eta) : '',
    arrivedAt: escort.arrivedAt ? toDateTimeInput(escort.arrivedAt) : '',
    knownToStaff: escort.knownToStaff,
    nameConfirmed: escort.nameConfirmed,
    photoId: escort.photoId,
  };
}

/** The input to save: the ETA only while expected or en route, the arrival only once arrived. */
export function toEscortInput(values: EscortValues, sessionId: number): EscortInput {
  const arrived = values.status === 'arrived';
  return {
    sessionId,
    fullName: values.fullName,
    relationship: values.relationship,
    phone: values.phone,
    adultAttested: values.adultAttested,
    transport: values.transport,
    status: values.status,
    eta: arrived ? '' : values.eta,
    arrivedAt: arrived ? values.arrivedAt : '',
    knownToStaff: values.knownToStaff,
    nameConfirmed: values.nameConfirmed,
    photoId: values.photoId,
  };
}

/** The optional escort section of the admit form was filled (a name or a transport). */
export function escortTyped(values: EscortValues): boolean {
  return values.fullName.trim() !== '' || values.transport !== '';
}
