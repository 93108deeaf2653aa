// Colour arithmetic for the theme tests: reading the colour tokens out of app.css, WCAG 2.x
// relative luminance and contrast ratio, CIELAB distance (CIE76 ΔE) and a simulation of
// red-green colour blindness. Used by contrast.test.ts only; the app never computes colours.

export type Rgb = [number, number, number];
export type Tokens = Record<string, string>;

/** The custom properties (`--name: value;`) of the first rule whose selector is exactly `selector`. */
export function tokensOf(css: string, selector: string): Tokens {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`(?:^|[\\s}])${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!block) throw new Error(`no rule for ${selector}`);
  const tokens: Tokens = {};
  for (const [, name, value] of (block[1] ?? '').matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) {
    if (name && value) tokens[name] = value.trim();
  }
  return tokens;
}

/** `#rgb` or `#rrggbb` as 0-255 channels; null for anything else (rgb() shadows, etc.). */
export function parseHex(value: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  const digits = m?.[1];
  if (!digits) return null;
  const hex = digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits;
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.x contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function toLab(linearRgb: [number, number, number]): [number, number, number] {
  const [r, g, b] = linearRgb;
  // sRGB (D65) to XYZ, normalised by the D65 white point.
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference (Euclidean distance in CIELAB); about 2.3 is just noticeable. */
export function deltaE(a: Rgb, b: Rgb): number {
  const la = toLab([linear(a[0]), linear(a[1]), linear(a[2])]);
  const lb = toLab([linear(b[0]), linear(b[1]), linear(b[2])]);
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

type Matrix = [Rgb, Rgb, Rgb];

/** Viénot, Brettel & Mollon (1999) simulation of protanopia or deuteranopia, on linear RGB. */
const DICHROMAT: Record<'protan' | 'deutan', Matrix> = {
  protan: [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ],
  deutan: [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ],
};

/** `colour` as seen with protanopia or deuteranopia (sRGB 0-255). */
export function simulate(colour: Rgb, kind: 'protan' | 'deutan'): Rgb {
  const [r, g, b] = [linear(colour[0]), linear(colour[1]), linear(colour[2])];
  const toSrgb = ([mr, mg, mb]: Rgb) => {
    const v = Math.min(1, Math.max(0, mr * r + mg * g + mb * b));
    return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
  };
  const [m0, m1, m2] = DICHROMAT[kind];
  return [toSrgb(m0), toSrgb(m1), toSrgb(m2)];
}
