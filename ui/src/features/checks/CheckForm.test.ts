// The quick check form, opened from the board, with IPC faked at lib/ipc.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { BEN, PIN, ipc, resetIpc, row } from '../../test/fakeIpc';
import { checkSessionNotFound, diastolicNotBelowSystolic, symptomsNotTicked } from '../../test/backendMessages';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface')];
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function openCheck() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Record check for Bay 5' }));
  expect(screen.getByRole('heading', { name: 'Check for Bay 5 (Testy McTestface)' })).toBeTruthy();
  return user;
}

describe('the check form', () => {
  it('sends a positive sit-to-stand check typed from the keyboard, with its live verdict', async () => {
    const user = await openCheck();
    expect(document.activeElement).toBe(field('Observed at'));
    await user.tab();
    expect(document.activeElement).toBe(field('Reason for late entry'));
    await user.tab();
    expect(document.activeElement).toBe(field('Purpose'));
    await user.tab();
    expect(document.activeElement).toBe(field('Symptom grade'));
    await user.selectOptions(field('Symptom grade'), '1 Mild');
    await user.tab();
    expect(document.activeElement).toBe(field('Lightheaded'));
    await user.keyboard(' ');
    expect(field('Lightheaded').checked).toBe(true);

    await user.selectOptions(field('Orthostatic method'), 'Sit to stand');
    await user.type(field('Sitting systolic'), '130');
    await user.tab();
    expect(document.activeElement).toBe(field('Sitting diastolic'));
    await user.keyboard('80');
    await user.tab();
    expect(document.activeElement).toBe(field('Sitting heart rate'));
    await user.keyboard('72');
    await user.tab();
    await user.keyboard('114');
    await user.tab();
    expect(document.activeElement).toBe(field('Standing diastolic'));
    await user.keyboard('78');
    await user.tab();
    expect(document.activeElement).toBe(field('Standing heart rate'));
    await user.keyboard('104');
    const result = screen.getByRole('region', { name: 'Orthostatic result' });
    expect(await within(result).findByText('Positive: systolic fell 16 mmHg (≥ 15)')).toBeTruthy();
    expect(await within(result).findByText('Heart rate rose 32 bpm on standing (flag at 30): flagged')).toBeTruthy();
    expect(result.getAttribute('aria-live')).toBe('polite');

    await user.selectOptions(field('Gait'), '1 Needs assistance');
    await user.type(field('Systolic'), '128');
    await user.type(field('Diastolic'), '80');
    await user.type(field('Heart rate'), '74');
    await user.type(field('SpO2'), '97{Enter}');

    expect(api.recordCheck).toHaveBeenCalledTimes(1);
    expect(ipc.checks[0]).toEqual({
      sessionId: 5,
      purpose: 'observation',
      observedAt: '',
      lateReason: '',
      symptomGrade: 1,
      symptoms: ['lightheaded'],
      severeHeadache: false,
      chestPain: false,
      shortnessOfBreath: false,
      orthostatic: {
        method: 'sit_to_stand',
        notDoneReason: '',
        baselineSystolic: 130,
        baselineDiastolic: 80,
        standingSystolic: 114,
        standingDiastolic: 78,
        standing1Systolic: null,
        standing1Diastolic: null,
        standing3Systolic: null,
        standing3Diastolic: null,
        baselineHeartRate: 72,
        standingHeartRate: 104,
        standing1HeartRate: null,
        standing3HeartRate: null,
        symptomsOnStanding: false,
      },
      gait: 1,
      vitals: {
        systolic: 128,
        diastolic: 80,
        heartRate: 74,
        spo2: 97,
        oxygen: 'room_air',
        respiratoryRate: null,
        temperatureC: null,
      },
      moaas: null,
      cadss: null,
      nausea: null,
      pain: null,
      note: '',
    });
    expect(await screen.findByText('Check saved for Bay 5')).toBeTruthy();
    expect(screen.getByText('Check saved for Bay 5').closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Check for Bay 5/ })).toBeNull();
    expect(api.loadBoard).toHaveBeenCalledTimes(2);
  });

  it('shows the lie-to-stand readings and a "not done" reason by method', async () => {
    const user = await openCheck();
    expect(screen.queryByLabelText('Sitting systolic')).toBeNull();
    await user.selectOptions(field('Orthostatic method'), 'Lie to stand');
    for (const label of [
      'Lying systolic',
      'Lying diastolic',
      'Lying heart rate',
      'Standing systolic at 1 min',
      'Standing diastolic at 1 min',
      'Standing heart rate at 1 min',
      'Standing systolic at 3 min',
      'Standing diastolic at 3 min',
      'Standing heart rate at 3 min',
      'Symptoms on standing',
    ]) {
      expect(field(label), label).toBeTruthy();
    }
    expect(screen.queryByLabelText('Standing heart rate')).toBeNull();
    await user.type(field('Lying systolic'), '130');
    const result = screen.getByRole('region', { name: 'Orthostatic result' });
    expect(await within(result).findByText(/^Incomplete/)).toBeTruthy();
    // The rise shows as soon as a lying and a standing rate are in, flagged or not.
    await user.type(field('Lying heart rate'), '70');
    await user.type(field('Standing heart rate at 3 min'), '88');
    expect(await within(result).findByText('Heart rate rose 18 bpm on standing (flag at 30)')).toBeTruthy();
    await user.selectOptions(field('Orthostatic method'), 'Not done');
    expect(field('Reason not done')).toBeTruthy();
    expect(await within(result).findByText('Not done')).toBeTruthy();
  });

  it('puts a refusal beside its field, focuses it and keeps everything typed', async () => {
    ipc.checkError = diastolicNotBelowSystolic;
    const user = await openCheck();
    await user.selectOptions(field('Symptom grade'), '0 None');
    await user.type(field('Systolic'), '120');
    await user.type(field('Diastolic'), '130');
    await user.type(field('Note'), 'Resting comfortably');
    await user.click(screen.getByRole('button', { name: 'Save check' }));

    const diastolic = field('Diastolic');
    expect(diastolic.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(diastolic.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe(diastolicNotBelowSystolic.message);
    expect(document.activeElement).toBe(diastolic);
    expect(diastolic.value).toBe('130');
    expect(field('Systolic').value).toBe('120');
    expect(field('Symptom grade').value).toBe('0');
    expect(field('Note').value).toBe('Resting comfortably');
    expect(field('Systolic').getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses text that is not a number without sending anything', async () => {
    const user = await openCheck();
    await user.type(field('Heart rate'), 'fast');
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    expect(api.recordCheck).not.toHaveBeenCalled();
    const rate = field('Heart rate');
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('check-vitals-heartRate-error')?.textContent).toBe('Enter a number.');
    expect(document.activeElement).toBe(rate);
  });

  it('shows an error about no field of the form at its top', async () => {
    ipc.checkError = checkSessionNotFound;
    const user = await openCheck();
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    const form = screen.getByRole('heading', { name: /^Check for Bay 5/ }).closest('section')!;
    expect(within(form).getByRole('alert').textContent).toBe(checkSessionNotFound.message);
  });

  it('puts a symptoms refusal beside the group', async () => {
    ipc.checkError = symptomsNotTicked;
    const user = await openCheck();
    await user.selectOptions(field('Symptom grade'), '2 Moderate');
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    expect(document.activeElement).toBe(field('Lightheaded'));
    expect(field('Spinning').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('check-symptoms-error')?.textContent).toBe(symptomsNotTicked.message);
  });

  it('totals the CADSS-6 items as they are scored and sends them', async () => {
    const user = await openCheck();
    expect(screen.getByText('CADSS total: not scored')).toBeTruthy();
    await user.selectOptions(field('CADSS item 1'), '2 Moderately');
    await user.selectOptions(field('CADSS item 4'), '1 Slightly');
    expect(screen.getByText('CADSS total: 3 (2 of 6 items)')).toBeTruthy();
    for (const i of [2, 3, 5, 6]) await user.selectOptions(field(`CADSS item ${i}`), '0 Not at all');
    expect(screen.getByText('CADSS total: 3')).toBeTruthy();
    await user.selectOptions(field('Symptom grade'), '0 None');
    await user.selectOptions(field('MOAA/S'), '5');
    await user.selectOptions(field('Nausea or vomiting'), '1');
    await user.selectOptions(field('Pain'), '0');
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    expect(ipc.checks[0]).toMatchObject({ moaas: 5, cadss: [2, 0, 0, 1, 0, 0], nausea: 1, pain: 0, vitals: null });
  });

  it('lists the clinical alerts a saved check raised', async () => {
    ipc.checkAlerts = [
      {
        kind: 'critical_bp',
        severity: 'critical',
        message: 'Blood pressure 186/104: systolic at or above 180. Re-check in 5 min.',
        observedAt: new Date().toISOString(),
        recheckAt: new Date().toISOString(),
      },
    ];
    const user = await openCheck();
    await user.selectOptions(field('Symptom grade'), '0 None');
    await user.type(field('Systolic'), '186');
    await user.type(field('Diastolic'), '104{Enter}');
    const status = (await screen.findByText('Check saved for Bay 5')).closest('[role="status"]')!;
    expect(
      within(status as HTMLElement).getByText(
        'Alert: Blood pressure 186/104: systolic at or above 180. Re-check in 5 min.',
      ),
    ).toBeTruthy();
  });

  it('cancels on Escape and returns to the row button', async () => {
    const user = await openCheck();
    await user.type(field('Systolic'), '120');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: /^Check for Bay 5/ })).toBeNull();
    expect(api.recordCheck).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Record check for Bay 5' }));
  });

  it('keeps what was typed while the same nurse locks the screen; another nurse closes it', async () => {
    const user = await openCheck();
    await user.type(field('Systolic'), '132');
    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    expect(screen.queryByLabelText('Systolic')).toBeNull();
    await user.keyboard(`1${PIN}{Enter}`); // 1 picks Ana again, then her PIN
    expect((await screen.findByLabelText('Systolic') as HTMLInputElement).value).toBe('132');

    await user.keyboard('{Control>}l{/Control}');
    await screen.findByRole('heading', { name: 'Locked' });
    await user.keyboard(`2${PIN}{Enter}`); // 2 picks Ben
    expect(await screen.findByText(`Signed in as ${BEN.displayName}, RN`)).toBeTruthy();
    expect(screen.queryByLabelText('Systolic')).toBeNull();
  });
});

describe('the check form draft', () => {
  it('keeps what is typed across a restart, offers it back, and Cancel throws it away', async () => {
    const user = await openCheck();
    await user.type(field('Systolic'), '130');
    await vi.waitFor(() => expect(ipc.checkDraft?.content ?? '').toContain('130'));
    const saved = JSON.parse(ipc.checkDraft?.content ?? '{}');
    expect(saved.target).toMatchObject({ sessionId: 5, bay: 'Bay 5' });

    // The app is closed (or killed) and started again: the check is offered back.
    document.body.innerHTML = '';
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Resume check for Bay 5' }));
    expect(screen.getByRole('heading', { name: 'Check for Bay 5 (Testy McTestface)' })).toBeTruthy();
    expect(field('Systolic').value).toBe('130');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(ipc.checkDraft).toBeNull());
    expect(api.clearDraft).toHaveBeenCalledWith('check');
  });
});
