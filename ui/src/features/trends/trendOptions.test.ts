// uPlot's options for a trend panel: no hover cursor or drag selection (uPlot's CSS draws them
// in literal colours), and the diastolic line in a neutral colour, not the warning colour.
import { describe, expect, it } from 'vitest';
import type { TrendPanel } from '../../lib/ipc';
import { HEIGHT, plotOptions } from './trendOptions';

const bp: TrendPanel = {
  title: 'Blood pressure',
  unit: 'mmHg',
  series: [
    { name: 'Systolic', points: [{ minute: 0, value: 130 }] },
    { name: 'Diastolic', points: [{ minute: 0, value: 85 }] },
  ],
  limits: [{ label: 'Systolic critical at 180', value: 180 }],
};

/** Each token reads as its own name, so the test sees which token a colour came from. */
const token = (name: string) => `token(${name})`;

describe('the trend panel options', () => {
  it('show no cursor and no selection, and keep the size', () => {
    const o = plotOptions(bp, 400, token, () => {});
    expect(o.cursor?.show).toBe(false);
    expect(o.cursor?.drag).toMatchObject({ x: false, y: false });
    expect(o.select?.show).toBe(false);
    expect(o.legend?.show).toBe(false);
    expect([o.width, o.height]).toEqual([400, HEIGHT]);
  });

  it('draw systolic in the accent and diastolic in a neutral colour, never the warning colour', () => {
    const o = plotOptions(bp, 400, token, () => {});
    const strokes = o.series.slice(1).map((s) => s.stroke);
    expect(strokes).toEqual(['token(--accent)', 'token(--text-muted)']);
    expect(strokes).not.toContain('token(--warn)');
    expect(o.series.map((s) => s.label)).toEqual([undefined, 'Systolic', 'Diastolic']);
  });
});
