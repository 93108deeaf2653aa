// Loading uPlot, the chart library, only where there is a canvas to draw on. uPlot formats
// numbers with `new Intl.NumberFormat(navigator.language)` as it loads, which throws when the
// language is not a BCP 47 tag: WebKitGTK reports "C" under the POSIX locale (LANG=C, as on the
// end-to-end desktop and on many kiosk set-ups), and the chart would never draw. For the moment
// uPlot loads, such a language reads as "en-US" (uPlot's own choice outside a browser); the
// page's own language is left as it was.
import type uPlot from 'uplot';

/** Whether `language` is a tag Intl accepts. */
export function usableLanguage(language: string): boolean {
  try {
    return Intl.getCanonicalLocales(language).length > 0;
  } catch {
    return false;
  }
}

/** uPlot, or null where nothing can be drawn (no canvas, as under jsdom). */
export async function loadUplot(): Promise<typeof uPlot | null> {
  if (typeof CanvasRenderingContext2D === 'undefined') return null;
  if (usableLanguage(navigator.language)) return (await import('uplot')).default;
  const own = Object.getOwnPropertyDescriptor(navigator, 'language');
  Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
  try {
    return (await import('uplot')).default;
  } finally {
    if (own) Object.defineProperty(navigator, 'language', own);
    else Reflect.deleteProperty(navigator, 'language');
  }
}
