// Countdown arithmetic and formatting for the board. Pure functions of (instant, now).
import type { Protocol } from './ipc';

/** Milliseconds from `nowMs` until `endsAt` (an RFC 3339 instant); negative once passed. */
export function remainingMs(endsAt: string, nowMs: number): number {
  return Date.parse(endsAt) - nowMs;
}

/** Whole seconds left, rounded up, so "00:00" shows only once the minimum is reached. */
export function formatCountdown(ms: number): string {
  return formatSeconds(Math.ceil(ms / 1000));
}

/** Whole seconds elapsed, rounded down. */
export function formatElapsed(ms: number): string {
  return formatSeconds(Math.floor(ms / 1000));
}

function formatSeconds(seconds: number): string {
  const total = Math.max(0, seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** A local `YYYY-MM-DD HH:MM` value for the clock-start field. */
export function toLocalInput(date: Date, withSeconds = false): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    ` ${two(date.getHours())}:${two(date.getMinutes())}` +
    (withSeconds ? `:${two(date.getSeconds())}` : '')
  );
}

/** A local clock time, e.g. "14:05", for display. */
export function formatClock(instant: string): string {
  const d = new Date(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

export interface ProtocolInfo {
  label: string;
  clockStartLabel: string;
}

/** Display labels for the protocols. Their minimums are settings, loaded from the app. */
export const PROTOCOLS: Record<Protocol, ProtocolInfo> = {
  iv_ketamine: { label: 'IV ketamine', clockStartLabel: 'Infusion ended at' },
  spravato: { label: 'Spravato (esketamine)', clockStartLabel: 'First spray at' },
  im_ketamine: { label: 'IM ketamine', clockStartLabel: 'Injection at' },
};

/** A number typed in a text field: `null` when empty, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return t === '' ? null : Number(t);
}

/** An instant as a local `YYYY-MM-DD HH:MM`, as time fields are typed. */
export function toDateTimeInput(instant: string): string {
  return toLocalInput(new Date(instant));
}

/** A local date and time, e.g. "2026-11-27 14:05", for display. */
export function formatDateTime(instant: string): string {
  return toLocalInput(new Date(instant));
}

/** A local date, e.g. "2026-11-27", for display. */
export function formatDate(instant: string): string {
  return toLocalInput(new Date(instant)).slice(0, 10);
}

/**
 * A calendar day the app already gives as a local date ("2026-11-27"), shown like
 * `formatDate`. Never read as an instant: `new Date("2026-11-27")` is UTC midnight, the day
 * before west of Greenwich.
 */
export function formatDay(day: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) return day;
  return toLocalInput(new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))).slice(0, 10);
}
