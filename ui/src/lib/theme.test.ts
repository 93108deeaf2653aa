import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, effectiveTheme, inDimSpan, minutesOfDay, type ThemeChoice } from './theme';

/** Local wall-clock time on a fixed day (tests run in the machine's time zone, like the app). */
function at(hours: number, minutes: number, seconds = 0): number {
  return new Date(2026, 0, 5, hours, minutes, seconds).getTime();
}

const scheduled = (dimFrom: string, dimUntil: string): ThemeChoice => ({ theme: 'scheduled', dimFrom, dimUntil });

describe('effectiveTheme', () => {
  it('light and dim are fixed whatever the clock or system', () => {
    for (const dark of [false, true]) {
      expect(effectiveTheme({ theme: 'light', dimFrom: '00:00', dimUntil: '23:59' }, at(3, 0), dark)).toBe('light');
      expect(effectiveTheme({ theme: 'dim', dimFrom: '08:00', dimUntil: '09:00' }, at(12, 0), dark)).toBe('dim');
    }
  });

  it('system follows the dark preference', () => {
    const choice: ThemeChoice = { theme: 'system', dimFrom: '20:00', dimUntil: '07:00' };
    expect(effectiveTheme(choice, at(12, 0), true)).toBe('dim');
    expect(effectiveTheme(choice, at(22, 0), false)).toBe('light');
  });

  it('no settings yet is light', () => {
    expect(effectiveTheme(null, at(23, 0), true)).toBe('light');
  });

  it('a span across midnight is dim late in the evening and early in the morning', () => {
    const choice = scheduled('20:00', '07:00');
    expect(effectiveTheme(choice, at(19, 59, 59), false)).toBe('light');
    expect(effectiveTheme(choice, at(20, 0), false)).toBe('dim');
    expect(effectiveTheme(choice, at(23, 59, 59), false)).toBe('dim');
    expect(effectiveTheme(choice, at(0, 0), false)).toBe('dim');
    expect(effectiveTheme(choice, at(6, 59, 59), false)).toBe('dim');
    expect(effectiveTheme(choice, at(7, 0), false)).toBe('light');
    expect(effectiveTheme(choice, at(12, 0), false)).toBe('light');
  });

  it('a span within one day includes dimFrom and excludes dimUntil', () => {
    const choice = scheduled('13:30', '15:00');
    expect(effectiveTheme(choice, at(13, 29, 59), true)).toBe('light');
    expect(effectiveTheme(choice, at(13, 30), true)).toBe('dim');
    expect(effectiveTheme(choice, at(14, 59, 59), true)).toBe('dim');
    expect(effectiveTheme(choice, at(15, 0), true)).toBe('light');
  });

  it('a span that starts at midnight or ends at midnight', () => {
    expect(inDimSpan('00:00', '06:00', at(0, 0))).toBe(true);
    expect(inDimSpan('00:00', '06:00', at(23, 59))).toBe(false);
    expect(inDimSpan('22:00', '00:00', at(23, 59))).toBe(true);
    expect(inDimSpan('22:00', '00:00', at(0, 0))).toBe(false);
  });

  it('equal from and until is never dim', () => {
    for (const [h, m] of [[0, 0], [8, 0], [8, 1], [20, 0]] as const) {
      expect(effectiveTheme(scheduled('08:00', '08:00'), at(h, m), true)).toBe('light');
    }
  });

  it('an unreadable time is light', () => {
    expect(minutesOfDay('24:00')).toBeNull();
    expect(minutesOfDay('7:00')).toBeNull();
    expect(minutesOfDay('07:60')).toBeNull();
    expect(minutesOfDay('23:59')).toBe(23 * 60 + 59);
    expect(effectiveTheme(scheduled('nonsense', '07:00'), at(3, 0), true)).toBe('light');
  });
});

describe('applyTheme', () => {
  let listeners: Array<() => void>;
  let prefersDark: boolean;

  beforeEach(() => {
    vi.useFakeTimers();
    listeners = [];
    prefersDark = false;
    delete document.documentElement.dataset.theme;
    window.matchMedia = vi.fn().mockImplementation((query: string) => ({
      media: query,
      get matches() {
        return query === '(prefers-color-scheme: dark)' && prefersDark;
      },
      addEventListener: (_: string, fn: () => void) => listeners.push(fn),
      removeEventListener: (_: string, fn: () => void) => {
        listeners = listeners.filter((l) => l !== fn);
      },
    }));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const theme = () => document.documentElement.dataset.theme;

  it('sets the attribute now, and light without settings', () => {
    vi.setSystemTime(at(12, 0));
    applyTheme({ theme: 'dim', dimFrom: '20:00', dimUntil: '07:00' })();
    expect(theme()).toBe('dim');
    applyTheme(null)();
    expect(theme()).toBe('light');
  });

  it('turns dim on the minute the schedule starts and light when it ends', () => {
    vi.setSystemTime(at(19, 58, 30));
    const stop = applyTheme(scheduled('20:00', '07:00'));
    expect(theme()).toBe('light');
    vi.advanceTimersByTime(60_000); // 19:59:30
    expect(theme()).toBe('light');
    vi.advanceTimersByTime(30_000); // 20:00:00
    expect(theme()).toBe('dim');
    vi.setSystemTime(at(6, 59, 0));
    vi.advanceTimersByTime(60_000); // 07:00:00
    expect(theme()).toBe('light');
    stop();
  });

  it('follows a change of the system preference, and stops listening when stopped', () => {
    vi.setSystemTime(at(12, 0));
    const stop = applyTheme({ theme: 'system', dimFrom: '20:00', dimUntil: '07:00' });
    expect(theme()).toBe('light');
    prefersDark = true;
    listeners.forEach((l) => l());
    expect(theme()).toBe('dim');
    stop();
    expect(listeners).toHaveLength(0);
    prefersDark = false;
    vi.advanceTimersByTime(10 * 60_000);
    expect(theme()).toBe('dim');
    expect(vi.getTimerCount()).toBe(0);
  });
});
