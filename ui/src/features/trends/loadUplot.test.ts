// Loading uPlot under a language Intl refuses (WebKitGTK's "C" under LANG=C): without the
// stand-in language uPlot throws a RangeError as it loads and no chart is ever drawn. jsdom has
// no canvas, so this test lends it the two browser features uPlot needs to load.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadUplot, usableLanguage } from './loadUplot';

afterEach(() => {
  Reflect.deleteProperty(navigator, 'language');
  vi.unstubAllGlobals();
});

describe('loading uPlot', () => {
  it('knows a language Intl refuses', () => {
    expect(usableLanguage('C')).toBe(false);
    expect(usableLanguage('en-US')).toBe(true);
    expect(usableLanguage('vi-VN')).toBe(true);
  });

  it('draws nothing where there is no canvas', async () => {
    expect(await loadUplot()).toBeNull();
  });

  it('loads under the POSIX language "C" and leaves the language as it was', async () => {
    vi.stubGlobal('CanvasRenderingContext2D', class {});
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
    Object.defineProperty(navigator, 'language', { value: 'C', configurable: true });
    const Plot = await loadUplot();
    expect(typeof Plot).toBe('function');
    expect(Plot?.pxRatio).toBeGreaterThan(0);
    expect(navigator.language).toBe('C');
  });
});
