// The trend chart's data as the page needs it (issue 16): one panel's readings as rows (one per
// minute; a second reading in the same minute gets its own row), the same rows as uPlot's
// columns, the value range that keeps every threshold line in view, and the words a screen
// reader hears for the chart. Pure: the chart itself is drawn in TrendPanel.svelte.
import type { TrendPanel, TrendPoint } from '../../lib/ipc';

/** One row of a panel's readings: the minute and each line's value (null: no reading). */
export type TrendRow = { minute: number; values: (number | null)[] };

/** The panel's readings by minute, in time order. */
export function trendRows(panel: TrendPanel): TrendRow[] {
  const minutes = [...new Set(panel.series.flatMap((s) => s.points.map((p) => p.minute)))].sort((a, b) => a - b);
  const rows: TrendRow[] = [];
  for (const minute of minutes) {
    const at = panel.series.map((s) => s.points.filter((p) => p.minute === minute).map((p) => p.value));
    const depth = Math.max(...at.map((values) => values.length));
    for (let i = 0; i < depth; i++) rows.push({ minute, values: at.map((values) => values[i] ?? null) });
  }
  return rows;
}

/** uPlot's data: the minutes, then one column per line. */
export function uplotData(rows: TrendRow[], lines: number): [number[], ...(number | null)[][]] {
  const columns = Array.from({ length: lines }, (_, i) => rows.map((r) => r.values[i] ?? null));
  return [rows.map((r) => r.minute), ...columns];
}

/** The value axis' range: every reading and every threshold line, with a margin. */
export function valueRange(panel: TrendPanel): [number, number] {
  const values = [...panel.series.flatMap((s) => s.points.map((p) => p.value)), ...panel.limits.map((l) => l.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = Math.max(5, Math.round((high - low) * 0.08));
  return [low - margin, high + margin];
}

/** A minute as the table shows it: "−10" before the clock start (a real minus sign), "15". */
export function minuteText(minute: number): string {
  return minute < 0 ? `−${-minute}` : String(minute);
}

/** What a screen reader hears for one panel: the lines (first and last reading) and the limits. */
export function panelSummary(panel: TrendPanel): string {
  const lines = panel.series.map((s) => {
    const at = (p: TrendPoint) => `${p.value} at minute ${minuteText(p.minute)}`;
    const [first, last] = [s.points[0], s.points[s.points.length - 1]];
    if (!first || !last) return `${s.name}: no reading`;
    const span = first === last ? `1 reading, ${at(first)}` : `${s.points.length} readings, from ${at(first)} to ${at(last)}`;
    return `${s.name}: ${span}`;
  });
  const limits = panel.limits.length > 0 ? `; threshold lines: ${panel.limits.map((l) => l.label).join(', ')}` : '';
  return `${panel.title} (${panel.unit}) over minutes after the clock start. ${lines.join('; ')}${limits}.`;
}
