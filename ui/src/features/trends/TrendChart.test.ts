// The vital-signs trend chart: the rows and words built from the backend's chart, the chart
// region (role img, its summary) and the readings table on the record and the discharge sheet.
// jsdom has no canvas: uPlot draws nothing here, so these tests read the label and the table.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrendChart as Chart, TrendPanel } from '../../lib/ipc';
import { ipc, paper, resetIpc, sessionDetail } from '../../test/fakeIpc';
import { minuteText, panelSummary, trendRows, uplotData, valueRange } from './trendModel';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import PaperView from '../papers/PaperView.svelte';
import SessionDetail from '../board/SessionDetail.svelte';
import TrendChart from './TrendChart.svelte';

const bp: TrendPanel = {
  title: 'Blood pressure',
  unit: 'mmHg',
  series: [
    { name: 'Systolic', points: [{ minute: -10, value: 122 }, { minute: 15, value: 150 }, { minute: 15, value: 148 }, { minute: 45, value: 132 }] },
    { name: 'Diastolic', points: [{ minute: -10, value: 80 }, { minute: 15, value: 92 }, { minute: 45, value: 84 }] },
  ],
  limits: [
    { label: 'Systolic critical at 180', value: 180 },
    { label: 'Systolic rise alert at 162 (baseline 122 + 40)', value: 162 },
  ],
};
const heart: TrendPanel = {
  title: 'Heart rate',
  unit: 'beats/min',
  series: [{ name: 'Heart rate', points: [{ minute: 30, value: 88 }] }],
  limits: [{ label: 'Alert below 50', value: 50 }, { label: 'Alert above 120', value: 120 }],
};
const chart: Chart = { panels: [bp, heart] };

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

describe('the trend model', () => {
  it('puts a second reading in the same minute on its own row', () => {
    expect(trendRows(bp)).toEqual([
      { minute: -10, values: [122, 80] },
      { minute: 15, values: [150, 92] },
      { minute: 15, values: [148, null] },
      { minute: 45, values: [132, 84] },
    ]);
    expect(uplotData(trendRows(bp), 2)).toEqual([
      [-10, 15, 15, 45],
      [122, 150, 148, 132],
      [80, 92, null, 84],
    ]);
  });

  it('keeps every threshold line in the value range', () => {
    const [low, high] = valueRange(bp);
    expect(low).toBeLessThan(80);
    expect(high).toBeGreaterThan(180);
    const [hrLow, hrHigh] = valueRange(heart);
    expect(hrLow).toBeLessThan(50);
    expect(hrHigh).toBeGreaterThan(120);
  });

  it('says each line and the threshold lines in words', () => {
    expect(minuteText(-10)).toBe('−10');
    expect(panelSummary(heart)).toBe(
      'Heart rate (beats/min) over minutes after the clock start. Heart rate: 1 reading, 88 at minute 30; ' +
        'threshold lines: Alert below 50, Alert above 120.',
    );
    expect(panelSummary(bp)).toContain('Systolic: 4 readings, from 122 at minute −10 to 132 at minute 45');
  });
});

describe('the trend chart', () => {
  it('shows each panel as an image with its summary, a key, and the readings as tables', async () => {
    const user = userEvent.setup();
    render(TrendChart, { chart });
    const image = screen.getByRole('img', { name: /^Blood pressure \(mmHg\) over minutes after the clock start/ });
    expect(image.getAttribute('aria-label')).toContain('threshold lines: Systolic critical at 180');
    expect(screen.getByRole('img', { name: /^Heart rate \(beats\/min\)/ })).toBeTruthy();
    const key = screen.getByRole('list', { name: 'Key to the Blood pressure chart' });
    expect(within(key).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Systolic',
      'Diastolic',
      'Systolic critical at 180',
      'Systolic rise alert at 162 (baseline 122 + 40)',
    ]);

    await user.click(screen.getByText('Readings as a table'));
    const table = screen.getByRole('table', { name: 'Blood pressure (mmHg)' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Minute', 'Systolic', 'Diastolic'],
      ['−10', '122', '80'],
      ['15', '150', '92'],
      ['15', '148', '—'],
      ['45', '132', '84'],
    ]);
    const limits = screen.getByRole('list', { name: 'Threshold lines for Heart rate' });
    expect(within(limits).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Alert below 50', 'Alert above 120']);
  });

  it('says so when no vital sign was recorded, and draws nothing', () => {
    render(TrendChart, { chart: { panels: [] } });
    expect(screen.getByText('No vital signs recorded.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('is on the patient record under its heading', async () => {
    ipc.sessions[3] = { ...sessionDetail(3, 'Bay 3', 'Zoë O\'Brien-Müller'), trends: chart };
    const noop = () => {};
    render(SessionDetail, { sessionId: 3, reloadKey: 0, formOpen: false, onRecordCheck: noop, onCorrect: noop, onBack: noop });
    expect(await screen.findByRole('heading', { level: 3, name: 'Vital signs over the recovery' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Blood pressure \(mmHg\)/ })).toBeTruthy();
  });

  it('is on the discharge sheet after the rows of the section that carries it', async () => {
    const sheet = paper('Discharge sheet', 'Bay 3');
    sheet.sections.push({ heading: 'Vital signs over the recovery', rows: [], chart });
    ipc.papers['discharge:3'] = sheet;
    render(PaperView, { sessionId: 3, bay: 'Bay 3', kind: 'discharge', onBack: () => {} });
    const heading = await screen.findByRole('heading', { level: 3, name: 'Vital signs over the recovery' });
    const image = screen.getByRole('img', { name: /^Blood pressure \(mmHg\)/ });
    expect(heading.compareDocumentPosition(image) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Sections without a chart draw none.
    expect(screen.getAllByRole('img')).toHaveLength(2);
  });
});
