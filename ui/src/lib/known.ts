/**
 * A restored draft over a form's defaults, keeping only the fields the form has: the backend
 * refuses unknown fields, and a draft saved by an older version may hold keys that no longer
 * exist (or have another type). Whatever is dropped was never a field of this form.
 */
export function withKnown<T extends object>(defaults: T, restored: unknown): T {
  if (typeof restored !== 'object' || restored === null) return { ...defaults };
  const known = defaults as Record<string, unknown>;
  const out: Record<string, unknown> = { ...known };
  for (const [key, value] of Object.entries(restored)) {
    if (!Object.hasOwn(known, key)) continue;
    const want = typeof known[key];
    if (typeof value === want) out[key] = value;
  }
  return out as T;
}
