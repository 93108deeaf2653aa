// The patient detail: schedule, readiness, PADSS, the timeline and corrections.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { PlannedCheck, TimelineEntry } from '../../lib/ipc';
import { check, gates, ipc, orthostatic, resetIpc, row, sessionDetail } from '../../test/fakeIpc';
import { correctedSystolicOutOfRange } from '../../test/backendMessages';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';
import SessionDetail from './SessionDetail.svelte';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const two = (n: number) => String(n).padStart(2, '0');
const clock = (iso: string) => `${two(new Date(iso).getHours())}:${two(new Date(iso).getMinutes())}`;

function planned(key: string, label: string, at: number, status: PlannedCheck['status']): PlannedCheck {
  return {
    key,
    kind: 'vitals',
    label,
    plannedAt: minutesAgo(at),
    overdueAt: minutesAgo(at - 5),
    status,
    doneBy: status === 'done' ? 12 : null,
    doneAt: status === 'done' ? minutesAgo(at) : null,
  };
}

function entry(kind: TimelineEntry['kind'], recordId: number, at: number, changes: Partial<TimelineEntry> = {}) {
  return {
    kind,
    recordId,
    at: minutesAgo(at),
    recordedAt: minutesAgo(at),
    who: 'Ana Ruiz, RN',
    summary: `${kind} ${recordId}`,
    lateReason: null,
    struck: false,
    correctedBy: null,
    corrects: null,
    ...changes,
    key: changes.key ?? `${kind}-${recordId}`,
  } satisfies TimelineEntry;
}

const original = check(5, 30, {
  symptomGrade: 1,
  symptoms: ['lightheaded'],
  orthostatic: orthostatic(
    'sit_to_stand',
    { baselineSystolic: 130, baselineDiastolic: 80, standingSystolic: 112, standingDiastolic: 78 },
    { hrRiseFlagAt: 30 },
  ),
  gait: 1,
  vitals: { bp: { systolic: 150, diastolic: 90 }, heartRate: 80, spo2: 96, oxygen: 'room_air', respiratoryRate: null, temperatureC: null },
  cadss: { items: [1, 0, 0, 0, 0, 0], total: 1 },
  note: 'Sitting up',
});

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface')];
  const detail = sessionDetail(5, 'Bay 5', 'Testy McTestface', [
    { id: 12, check: check(5, 40), corrected: true },
    { id: 13, check: original, corrected: false },
  ]);
  detail.status.schedule.items = [
    planned('iv:vitals:+15', 'Vitals at +15 min', 45, 'done'),
    planned('iv:vitals:+30', 'Vitals at +30 min', 30, 'overdue'),
    planned('iv:vitals:+45', 'Vitals at +45 min', -15, 'upcoming'),
  ];
  detail.gates.missing = ['Modified PADSS: Not complete', 'Planned checks: 1 check overdue: Vitals at +30 min'];
  detail.status.padss = {
    items: [
      { item: 'vital_signs', score: 2, detail: 'within 20 % of baseline' },
      { item: 'ambulation', score: 1, detail: 'needs assistance' },
      { item: 'nausea_vomiting', score: null, detail: 'no nausea score yet' },
      { item: 'pain', score: 2, detail: 'none' },
      { item: 'bleeding', score: 2, detail: 'not applicable' },
    ],
    total: 7,
    complete: false,
    fit: null,
  };
  detail.timeline = [
    entry('admission', 5, 50, { summary: 'Admitted to Bay 5' }),
    entry('check', 12, 40, { struck: true, correctedBy: 13, summary: 'Observation: BP 105/70' }),
    entry('correction', 13, 40, {
      recordedAt: minutesAgo(25),
      corrects: 12,
      summary: 'Corrects an earlier check (typo). Observation: BP 150/90',
      lateReason: 'Entered after the rounds',
    }),
    entry('alert', 3, 20, { who: null, summary: 'Check overdue: Vitals at +30 min' }),
  ];
  ipc.sessions[5] = detail;
});

async function openDetail() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Open Bay 5' }));
  expect(await screen.findByRole('heading', { name: 'Bay 5: Testy McTestface' })).toBeTruthy();
  expect(api.loadSession).toHaveBeenCalledWith(5);
  return user;
}

describe('the patient detail', () => {
  it('shows the planned checks, what stands against discharge and the PADSS items', async () => {
    await openDetail();
    const table = screen.getByRole('table', { name: 'Planned checks' });
    const status = (label: string) =>
      within(within(table).getByRole('rowheader', { name: label }).closest('tr')!).getAllByRole('cell')[1]!
        .textContent;
    expect(status('Vitals at +15 min')).toBe('Done');
    expect(status('Vitals at +30 min')).toBe('Overdue');
    expect(status('Vitals at +45 min')).toBe('Upcoming');
    const notReady = screen.getByRole('list', { name: 'Not ready' });
    expect(within(notReady).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Modified PADSS: Not complete',
      'Planned checks: 1 check overdue: Vitals at +30 min',
    ]);
    expect(screen.getByRole('heading', { name: 'Modified PADSS: 7/10 (incomplete)' })).toBeTruthy();
    expect(screen.getByText('Vital signs: 2')).toBeTruthy();
    expect(screen.getByText('Nausea and vomiting: not assessed: no nausea score yet')).toBeTruthy();
  });

  it('says so when nothing stands against discharge, or only the escort', async () => {
    ipc.sessions[5]!.gates = { ...ipc.sessions[5]!.gates, readiness: 'ready', gates: gates(), missing: [] };
    await openDetail();
    expect(screen.getByText('Ready: every discharge gate is met.')).toBeTruthy();
  });

  it('says when only the escort is missing', async () => {
    ipc.sessions[5]!.gates = {
      ...ipc.sessions[5]!.gates,
      readiness: 'ready_awaiting_escort',
      gates: gates(['escort']),
      missing: ['Escort: Escort expected'],
    };
    await openDetail();
    expect(screen.getByText('Ready – awaiting escort:')).toBeTruthy();
    expect(screen.getByText('Escort: Escort expected')).toBeTruthy();
  });

  it('shows a corrected entry struck through beside its correction, with both times', async () => {
    await openDetail();
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    const [, struck, correction, alert] = items as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(struck.querySelector('del')?.textContent).toContain('Observation: BP 105/70');
    expect(within(struck).getByText('Corrected by entry #13')).toBeTruthy();
    expect(within(struck).queryByRole('button')).toBeNull();
    expect(correction.querySelector('del')).toBeNull();
    expect(within(correction).getByText('Corrects #12')).toBeTruthy();
    expect(
      within(correction).getByText(`at ${clock(minutesAgo(40))}, recorded ${clock(minutesAgo(25))}`),
    ).toBeTruthy();
    expect(within(correction).getByText('Late entry: Entered after the rounds')).toBeTruthy();
    expect(within(correction).getByRole('button', { name: 'Correct entry #13' })).toBeTruthy();
    expect(within(alert).getByText('Vigil')).toBeTruthy();
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('corrects an entry from a form filled with it, sending the original and the reason', async () => {
    const user = await openDetail();
    await user.click(screen.getByRole('button', { name: 'Correct entry #13' }));
    expect(screen.getByRole('heading', { name: 'Correct entry #13 for Bay 5 (Testy McTestface)' })).toBeTruthy();
    const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
    expect(document.activeElement).toBe(field('Reason for correction'));
    expect(field('Symptom grade').value).toBe('1');
    expect(field('Lightheaded').checked).toBe(true);
    expect(field('Orthostatic method').value).toBe('sit_to_stand');
    expect(field('Sitting systolic').value).toBe('130');
    expect(field('Standing systolic').value).toBe('112');
    expect(field('Systolic').value).toBe('150');
    expect(field('SpO2').value).toBe('96');
    expect(field('CADSS item 1').value).toBe('1');
    expect(field('Note').value).toBe('Sitting up');
    expect(field('Gait').value).toBe('1');

    await user.clear(field('Systolic'));
    await user.type(field('Systolic'), '140');
    await user.type(field('Reason for correction'), 'Typed the wrong systolic');
    await user.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(api.correctCheck).toHaveBeenCalledTimes(1);
    const sent = ipc.corrections[0]!;
    expect(sent.originalCheckId).toBe(13);
    expect(sent.reason).toBe('Typed the wrong systolic');
    expect(sent.check).toMatchObject({
      sessionId: 5,
      symptomGrade: 1,
      symptoms: ['lightheaded'],
      gait: 1,
      vitals: { systolic: 140, diastolic: 90, heartRate: 80, spo2: 96, oxygen: 'room_air' },
      orthostatic: { method: 'sit_to_stand', baselineSystolic: 130, standingSystolic: 112 },
      cadss: [1, 0, 0, 0, 0, 0],
      note: 'Sitting up',
    });
    expect(await screen.findByText('Correction saved for Bay 5')).toBeTruthy();
    await vi.waitFor(() => expect(api.loadSession).toHaveBeenCalledTimes(2));
  });

  it('places an error inside the corrected check beside its field', async () => {
    ipc.checkError = correctedSystolicOutOfRange;
    const user = await openDetail();
    await user.click(screen.getByRole('button', { name: 'Correct entry #13' }));
    await user.type(screen.getByLabelText('Reason for correction'), 'Typed the wrong systolic');
    await user.click(screen.getByRole('button', { name: 'Save correction' }));
    const systolic = screen.getByLabelText('Systolic');
    expect(systolic.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(systolic);
    expect(document.getElementById('check-vitals-systolic-error')?.textContent).toBe(
      correctedSystolicOutOfRange.message,
    );
  });

  it('records a new check from the detail and goes back to the board', async () => {
    const user = await openDetail();
    await user.click(screen.getByRole('button', { name: 'Record check' }));
    expect(screen.getByRole('heading', { name: 'Check for Bay 5 (Testy McTestface)' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Symptom grade'), '0');
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    expect(ipc.checks[0]).toMatchObject({ sessionId: 5, symptomGrade: 0 });
    await user.click(screen.getByRole('button', { name: 'Back to the board' }));
    expect(await screen.findByRole('rowheader', { name: 'Bay 5' })).toBeTruthy();
  });
});

describe('PADSS confirmation', () => {
  it('confirms the score shown and shows who confirmed it', async () => {
    const detail = sessionDetail(5, 'Bay 5', 'Testy McTestface');
    detail.status.padss = { items: [], total: 9, complete: true, fit: true };
    ipc.sessions[5] = detail;
    const user = userEvent.setup();
    render(SessionDetail, {
      props: { sessionId: 5, reloadKey: 0, formOpen: false, onRecordCheck: () => {}, onCorrect: () => {}, onBack: () => {} },
    });
    await user.click(await screen.findByRole('button', { name: 'Confirm PADSS 9/10' }));
    expect(api.confirmPadss).toHaveBeenCalledWith({ sessionId: 5, total: 9 });
    expect(await screen.findByText(/Confirmed 9\/10 by Ana Ruiz, RN/)).toBeTruthy();
  });
});
