// Which colour theme applies now (light or dim) and keeping `<html data-theme>` in step with it.
//
// The colours themselves are tokens in `src/app.css`. `effectiveTheme` is pure; `applyTheme`
// writes `document.documentElement.dataset.theme`, re-evaluates at every minute boundary (so a
// scheduled dim period starts on the minute) and when the system's dark preference changes.
//
// Scheduled mode: dim from `dimFrom` (included) until `dimUntil` (excluded), local wall-clock
// time, to the minute. A span whose end is earlier than its start crosses midnight
// (20:00-07:00 is dim from 20:00 in the evening to 06:59 the next morning). Equal from and until
// is an empty span: never dim (dim all day is the `dim` mode). An unreadable time falls back to
// light, today's look.

export type Theme = 'light' | 'dim';

/** Structurally the theme part of `DisplaySettings`. */
export type ThemeChoice = {
  theme: 'light' | 'dim' | 'system' | 'scheduled';
  dimFrom: string;
  dimUntil: string;
};

const DARK_QUERY = '(prefers-color-scheme: dark)';
const MINUTE_MS = 60_000;

/** "HH:MM" (00:00-23:59) as minutes after midnight, or null. */
export function minutesOfDay(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Whether the local time `nowMs` lies in the dim span [from, until). */
export function inDimSpan(dimFrom: string, dimUntil: string, nowMs: number): boolean {
  const from = minutesOfDay(dimFrom);
  const until = minutesOfDay(dimUntil);
  if (from === null || until === null || from === until) return false;
  const now = new Date(nowMs);
  const minute = now.getHours() * 60 + now.getMinutes();
  return from < until ? minute >= from && minute < until : minute >= from || minute < until;
}

/** The theme that applies at `nowMs` for this choice. */
export function effectiveTheme(choice: ThemeChoice | null, nowMs: number, systemPrefersDark: boolean): Theme {
  switch (choice?.theme) {
    case 'dim':
      return 'dim';
    case 'system':
      return systemPrefersDark ? 'dim' : 'light';
    case 'scheduled':
      return inDimSpan(choice.dimFrom, choice.dimUntil, nowMs) ? 'dim' : 'light';
    default:
      return 'light';
  }
}

function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** Applies the choice now and keeps it applied; `null` (settings not loaded) is light.
 *  Returns a function that stops the minute timer and the system listener. */
export function applyTheme(choice: ThemeChoice | null): () => void {
  const query = darkQuery();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    const theme = effectiveTheme(choice, Date.now(), query?.matches ?? false);
    const root = document.documentElement;
    if (root.dataset.theme !== theme) root.dataset.theme = theme;
  };
  const tick = () => {
    apply();
    // The next minute boundary, so 20:00 turns dim at 20:00:00 rather than up to a minute late.
    timer = setTimeout(tick, MINUTE_MS - (Date.now() % MINUTE_MS));
  };
  tick();
  query?.addEventListener('change', apply);
  return () => {
    clearTimeout(timer);
    query?.removeEventListener('change', apply);
  };
}
