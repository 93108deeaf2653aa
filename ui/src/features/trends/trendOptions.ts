// uPlot's options for one trend panel (issue 16): sizes, axes, the lines' colours from the
// theme's tokens, and no interaction: no hover cursor and no drag selection (uPlot's own CSS
// draws those in literal colours that ignore the theme, and the chart is a picture; the exact
// values are in the table). Pure but for the token lookup it is given; TrendPanel draws.
import type uPlot from 'uplot';
import type { TrendPanel } from '../../lib/ipc';
import { valueRange } from './trendModel';

/** The lines' colour tokens, in order (the legend uses the same, as classes): the first line
    in the accent, the second (a panel's diastolic) in a neutral colour, never a warning's. */
export const LINE_TOKENS = ['--accent', '--text-muted', '--info', '--ok'] as const;
export const HEIGHT = 190;
const MINUTE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 240];

/** The options drawing `panel` `width` px wide, colours read through `token`; `draw` paints
    the threshold lines. */
export function plotOptions(
  panel: TrendPanel,
  width: number,
  token: (name: string) => string,
  draw: (u: uPlot) => void,
): uPlot.Options {
  const text = token('--text');
  const grid = { stroke: token('--border'), width: 1 };
  const axis = { stroke: text, grid, ticks: grid, font: '13px system-ui, sans-serif', labelFont: '14px system-ui, sans-serif' };
  const [low, high] = valueRange(panel);
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false, setScale: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: (_u, min, max) => [Math.min(min, max - 10) - 2, Math.max(max, min + 10) + 2] },
      y: { range: () => [low, high] },
    },
    axes: [
      // Whole minutes only.
      { ...axis, label: 'Minutes after the clock start', incrs: MINUTE_STEPS },
      { ...axis, label: panel.unit, size: 56, labelSize: 24 },
    ],
    series: [
      {},
      ...panel.series.map((s, i) => {
        const colour = token(LINE_TOKENS[i % LINE_TOKENS.length] ?? '--text');
        return { label: s.name, stroke: colour, width: 2, spanGaps: true, points: { show: true, size: 8, fill: colour } };
      }),
    ],
    hooks: { draw: [draw] },
  };
}
