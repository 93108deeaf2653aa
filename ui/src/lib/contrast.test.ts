// Measures the colour tokens of both themes as written in app.css (parsed, not copied): WCAG AA
// contrast for every text/background pair the app can show, 3:1 for the focus ring and control
// borders, a dark dim theme without white, and alert colours that stay apart. Prints the ratios.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE, luminance, parseHex, simulate, tokensOf, type Rgb } from './contrast';

const SRC = resolve(import.meta.dirname, '..');
const css = readFileSync(join(SRC, 'app.css'), 'utf8');
const light = tokensOf(css, ':root');
const dim = tokensOf(css, ":root[data-theme='dim']");
const themes = { light, dim: { ...light, ...dim } };

// Any text colour can sit on any background: a due time in an alerting row, a muted hint in the
// selected row, a danger word in the alert strip. So the whole matrix must pass, not a sample.
const TEXTS = ['text', 'text-muted', 'accent', 'ok', 'warn', 'danger', 'info'];
const BACKGROUNDS = ['bg', 'surface', 'surface-2', 'selected', 'ok-bg', 'warn-bg', 'danger-bg', 'info-bg'];
// Text on a coloured fill: primary buttons, the header, danger buttons and banners.
const FILLS: Array<[string, string]> = [
  ['on-accent', 'accent'],
  ['on-header', 'header-bg'],
  ['on-danger', 'danger'],
];
// Non-text (WCAG 1.4.11, 3:1): the focus ring on every background (on the header it takes
// --on-header, checked above at 4.5:1), and the borders of inputs against what they sit on.
const NON_TEXT: Array<[string, string]> = [
  ...BACKGROUNDS.map((bg): [string, string] => ['focus', bg]),
  ['border-strong', 'surface'],
  ['border-strong', 'surface-2'],
  ['border-strong', 'bg'],
];
// The alert kinds: critical (clinical), overdue / escort late, minimum reached, information.
const ALERTS = ['danger', 'warn', 'ok', 'info'];
/** CIE76 ΔE between alert text/border colours: 20 is two clearly different colour names. */
const ALERT_MIN_DELTA_E = 20;
/** The same under simulated protanopia / deuteranopia: 10 is still plainly visible side by side
 *  (the strip also says "Critical:" / "check overdue" / "minimum ... reached" in words). */
const ALERT_MIN_DELTA_E_CVD = 10;

function rgb(theme: Record<string, string>, token: string): Rgb {
  const value = parseHex(theme[token] ?? '');
  if (!value) throw new Error(`--${token} is not a #hex colour: ${theme[token]}`);
  return value;
}

function ratio(theme: Record<string, string>, fg: string, bg: string): number {
  return contrastRatio(rgb(theme, fg), rgb(theme, bg));
}

function printTable(): void {
  const lines = ['Contrast ratios (WCAG 2.x), light | dim; text needs 4.5, focus/borders 3.0'];
  const cell = (fg: string, bg: string) =>
    `${ratio(themes.light, fg, bg).toFixed(2).padStart(5)} | ${ratio(themes.dim, fg, bg).toFixed(2).padEnd(5)}`;
  lines.push(`${'text \\ background'.padEnd(18)}${BACKGROUNDS.map((b) => b.padStart(14)).join('')}`);
  for (const fg of TEXTS) lines.push(`${fg.padEnd(18)}${BACKGROUNDS.map((bg) => ` ${cell(fg, bg)}`).join('')}`);
  for (const [fg, bg] of [...FILLS, ...NON_TEXT]) lines.push(`${`${fg} on ${bg}`.padEnd(28)} ${cell(fg, bg)}`);
  for (const [name, theme] of Object.entries(themes)) {
    const pairs = ALERTS.flatMap((a, i) => ALERTS.slice(i + 1).map((b): [string, string] => [a, b]));
    const de = pairs.map(([a, b]) => {
      const [ca, cb] = [rgb(theme, a), rgb(theme, b)];
      const seen = (kind: 'protan' | 'deutan') => deltaE(simulate(ca, kind), simulate(cb, kind)).toFixed(0);
      return `${a}/${b} ${deltaE(ca, cb).toFixed(0)} (protan ${seen('protan')}, deutan ${seen('deutan')})`;
    });
    lines.push(`alert colours ΔE76 (${name}): ${de.join(', ')}`);
  }
  lines.push(`luminance of --bg: light ${luminance(rgb(light, 'bg')).toFixed(3)}, dim ${luminance(rgb(themes.dim, 'bg')).toFixed(4)}`);
  console.log(lines.join('\n'));
}

describe('colour tokens', () => {
  it('prints the ratios', () => {
    printTable();
  });

  it('the dim theme redefines every colour token of the light theme', () => {
    expect(Object.keys(light).length).toBeGreaterThan(20);
    expect(Object.keys(dim).sort()).toEqual(Object.keys(light).sort());
  });

  for (const [name, theme] of Object.entries(themes)) {
    it(`${name}: every text colour on every background reaches 4.5:1`, () => {
      const failing = TEXTS.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg, ratio(theme, fg, bg)] as const)).filter(
        ([, , r]) => r < 4.5,
      );
      expect(failing).toEqual([]);
    });

    it(`${name}: text on accent, header and danger fills reaches 4.5:1`, () => {
      for (const [fg, bg] of FILLS) expect(ratio(theme, fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    });

    it(`${name}: the focus ring and input borders reach 3:1`, () => {
      for (const [fg, bg] of NON_TEXT) expect(ratio(theme, fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    });

    it(`${name}: alert colours are pairwise distinguishable, also with red-green colour blindness`, () => {
      for (const [i, a] of ALERTS.entries()) {
        for (const b of ALERTS.slice(i + 1)) {
          const [ca, cb] = [rgb(theme, a), rgb(theme, b)];
          expect(deltaE(ca, cb), `${a}/${b}`).toBeGreaterThanOrEqual(ALERT_MIN_DELTA_E);
          for (const kind of ['protan', 'deutan'] as const) {
            const seen = deltaE(simulate(ca, kind), simulate(cb, kind));
            expect(seen, `${a}/${b} ${kind}`).toBeGreaterThanOrEqual(ALERT_MIN_DELTA_E_CVD);
          }
        }
      }
    });
  }

  it('dim is dark: no white token, a page background of luminance under 0.02, surfaces under 0.05', () => {
    const colours = Object.entries(themes.dim).filter(([, v]) => parseHex(v));
    for (const [token] of colours) {
      expect(luminance(rgb(themes.dim, token)), `--${token}`).toBeLessThan(0.9);
    }
    expect(luminance(rgb(themes.dim, 'bg'))).toBeLessThan(0.02);
    for (const surface of ['surface', 'surface-2', 'selected', 'header-bg', ...BACKGROUNDS]) {
      expect(luminance(rgb(themes.dim, surface)), `--${surface}`).toBeLessThan(0.05);
    }
  });

  it('reads real values: the light page is light and its white surface is found', () => {
    expect(parseHex(light.surface ?? '')).toEqual([255, 255, 255]);
    expect(luminance(rgb(light, 'bg'))).toBeGreaterThan(0.8);
  });
});

/** A colour written out instead of a token: #hex, rgb()/hsl() or a plain colour name. */
const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|(?<![-\w])(?:white|black|red|green|blue|gr[ae]y|orange|yellow)(?![-\w])/i;

function styledFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return styledFiles(path);
    return /\.(svelte|css)$/.test(entry.name) && path !== join(SRC, 'app.css') ? [path] : [];
  });
}

describe('no literal colours', () => {
  it('app.css outside the two token rules, every other stylesheet and every component style use tokens only', () => {
    const tokenRules = /(?:^|\n):root \{[^}]*\}|:root\[data-theme='dim'\]\s*\{[^}]*\}/g;
    const sources: Array<[string, string]> = [['app.css', css.replace(tokenRules, '')]];
    for (const file of styledFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.css')) {
        sources.push([file.slice(SRC.length + 1), text]);
        continue;
      }
      const styles = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/g)];
      sources.push([file.slice(SRC.length + 1), styles.map((m) => m[1] ?? m[2] ?? '').join('\n')]);
    }
    const offending = sources.flatMap(([name, text]) =>
      text.split('\n').flatMap((line, i) => (LITERAL_COLOUR.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(sources.length).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
