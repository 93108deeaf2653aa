// The open alerts in words: the window title and the pinned strip's count (no names), and
// each alert's one line in the strip.
import type { ActiveAlert } from '../../lib/ipc';
import { formatClock } from '../../lib/time';

/** "2 open alerts", "1 open alert". */
export function openAlertsText(count: number): string {
  return `${count} open alert${count === 1 ? '' : 's'}`;
}

/** The window title: "Vigil", or "Vigil – 2 open alerts" while any alert is open. */
export function windowTitle(count: number): string {
  return count > 0 ? `Vigil – ${openAlertsText(count)}` : 'Vigil';
}

/** One alert's line in the strip: "Bay 5 · Testy McTestface · Minimum reached 14:32",
    "Critical · Bay 2 · Testy McTestface · SpO2 88 %". The kind is always in words (`lead` or
    `what`) and has its own shape (`marker`): never colour alone. */
export interface AlertLine {
  /** The shape shown before the line (decoration: the words say the same). */
  marker: string;
  /** A clinical alert's severity, before the bay: "Critical", "Warning". */
  lead: string | null;
  bay: string;
  patientName: string;
  /** What happened, kind first: "Minimum reached 14:32", "Check overdue: …". */
  what: string;
}

const MARKERS = { minimum: '◷', overdue: '⚠', escort: '⚑', warning: '⚠', critical: '‼' } as const;

export function alertLine(a: ActiveAlert): AlertLine {
  const line = { lead: null, bay: a.bay, patientName: a.patientName };
  switch (a.kind) {
    case 'minimum_reached':
      return { ...line, marker: MARKERS.minimum, what: `Minimum reached ${formatClock(a.dueAt)}` };
    case 'check_overdue':
      return {
        ...line,
        marker: MARKERS.overdue,
        what: `Check overdue: ${a.detail ?? 'a planned check'} (since ${formatClock(a.dueAt)})`,
      };
    case 'escort_late':
      return { ...line, marker: MARKERS.escort, what: `Escort late${a.detail ? `: ${a.detail}` : ''}` };
    default: {
      const critical = a.severity === 'critical';
      return {
        ...line,
        marker: critical ? MARKERS.critical : MARKERS.warning,
        lead: critical ? 'Critical' : 'Warning',
        what: a.detail ?? 'Clinical alert',
      };
    }
  }
}

/** The line as plain text, as the strip reads (without its marker). */
export function alertText(a: ActiveAlert): string {
  const l = alertLine(a);
  return [l.lead, l.bay, l.patientName, l.what].filter((part) => part !== null).join(' · ');
}
