// What a board row can ask for: one callback per action, each given the row.
import type { BoardRow } from '../../../lib/ipc';

export interface RowActions {
  onRecordCheck: (row: BoardRow) => void;
  /** Opens the note form for the row's patient. */
  onNote: (row: BoardRow) => void;
  /** Opens the patient's record. */
  onOpen: (row: BoardRow) => void;
  /** Discharge: the escort form, the escort's arrival, the discharge and against-advice forms. */
  onEscort: (row: BoardRow) => void;
  onEscortArrived: (row: BoardRow) => void;
  onDischarge: (row: BoardRow) => void;
  onAgainstAdvice: (row: BoardRow) => void;
  /** The transfer form (any patient still here, cleared or not). */
  onTransfer: (row: BoardRow) => void;
  /** A cleared patient left; the discharge sheet of a cleared patient. */
  onDepart: (row: BoardRow) => void;
  onSheet: (row: BoardRow) => void;
  /** Opens the pre-dose decision form of a row whose pre-dose BP is above the limit. */
  onPredose: (row: BoardRow) => void;
}

/** The escort is expected or on the way: "Escort arrived" is offered. */
export const awaited = (row: BoardRow) => row.escortStatus === 'expected' || row.escortStatus === 'en_route';

/** A session's bay, or its record id when even the bay cannot be read. */
export const bayOf = (u: { bay: string | null; sessionId: number }) => u.bay ?? `Session #${u.sessionId}`;

/** What the board says of a record that cannot be read (ids and table names, never names). */
export const unreadableText = (bay: string, sessionId: number, reason: string) =>
  `The record of ${bay} cannot be read (session #${sessionId}): ${reason}. Check this patient by hand and tell the administrator.`;

/** The board's columns when signed in (the detail row spans them all). */
export const COLUMNS = 8;

/** One entry of a row's "More actions" menu. */
export interface MenuItem {
  /** The accessible name, naming the bay ("Discharge Bay 7"). */
  name: string;
  /** What the menu shows. */
  text: string;
  disabled?: boolean;
  danger?: boolean;
  run: () => void;
}
