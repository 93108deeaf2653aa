import { describe, expect, it } from 'vitest';
import { formatCountdown, formatElapsed, remainingMs, toLocalInput } from './time';

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatCountdown(59 * 60_000 + 59_000)).toBe('59:59');
  });
  it('shows hours past an hour', () => {
    expect(formatCountdown(2 * 3_600_000)).toBe('2:00:00');
  });
  it('rounds partial seconds up so zero means reached', () => {
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
  });
});

describe('remainingMs', () => {
  it('counts down to the instant', () => {
    const now = Date.parse('2026-07-01T12:00:00Z');
    expect(remainingMs('2026-07-01T12:01:00Z', now)).toBe(60_000);
    expect(remainingMs('2026-07-01T11:59:00Z', now)).toBe(-60_000);
  });
});

describe('toLocalInput', () => {
  it('formats local time to the minute', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3, 59))).toBe('2026-01-05 07:03');
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3, 59), true)).toBe('2026-01-05 07:03:59');
  });
});

describe('formatElapsed', () => {
  it('rounds partial seconds down', () => {
    expect(formatElapsed(999)).toBe('00:00');
    expect(formatElapsed(61_500)).toBe('01:01');
    expect(formatElapsed(3_600_000)).toBe('1:00:00');
  });
});
