// The pre-dose blood pressure decision: asked for after a baseline above the limit is saved,
// offered on the board row and the patient's record while missing, refusals beside the field.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { ActiveAlert, PredoseStanding } from '../../lib/ipc';
import { activeAlert, ipc, resetIpc, row, sessionDetail } from '../../test/fakeIpc';
import { predosePrescriberMissing } from '../../test/backendMessages';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

/** The baseline check the fake's next recordCheck returns (100 + checks recorded). */
const NEXT_CHECK_ID = 101;

function standing(checkId: number, decided: 'proceed' | 'do_not_dose' | null = null): PredoseStanding {
  const bp = { systolic: 150, diastolic: 95 };
  const threshold = { systolic: 140, diastolic: 90 };
  const decidedAt = new Date(2026, 6, 1, 9, 55).toISOString();
  return {
    checkId,
    observedAt: new Date(2026, 6, 1, 9, 50).toISOString(),
    bp,
    threshold,
    headline: 'Pre-dose BP 150/95 above 140/90',
    decision: decided && {
      id: 1,
      decision: { checkId, decision: decided, prescriber: 'Dr Test Prescriber', decidedAt, note: '', bp, threshold },
      recordedAt: decidedAt,
      who: 'Ana Ruiz, RN',
    },
  };
}

/** The emergency prompt a baseline with a severe headache and high blood pressure raises. */
const emergency = (sessionId: number): ActiveAlert =>
  activeAlert(31, {
    sessionId,
    kind: 'clinical',
    bay: `Bay ${sessionId}`,
    detail: 'Severe headache with blood pressure 190/110: prompt for emergency care now.',
    severity: 'critical',
    emergency: true,
  });

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const form = () =>
  screen.getByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" }).closest('section')!;

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface')];
});

describe('the pre-dose decision', () => {
  it('is asked for once a baseline above the limit is saved, and is sent as typed', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record check for Bay 5' }));
    await user.selectOptions(field('Purpose'), 'Pre-dose baseline');
    await user.selectOptions(field('Symptom grade'), '0 None');
    await user.type(field('Systolic'), '150');
    await user.type(field('Diastolic'), '95');
    // What the app answers after the save: the row now needs the decision on that check.
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: standing(NEXT_CHECK_ID) }];
    await user.click(screen.getByRole('button', { name: 'Save check' }));

    await screen.findByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" });
    expect(within(form()).getByText(/Bay 5: Pre-dose BP 150\/95 above 140\/90/)).toBeTruthy();
    expect(document.activeElement).toBe(field('Decision'));
    await user.selectOptions(field('Decision'), 'Proceed with the dose');
    await user.type(field('Prescriber name'), 'Dr Test Prescriber');
    await user.clear(field('Decided at'));
    await user.type(field('Decided at'), '2026-07-01 09:55');
    await user.type(field('Note'), 'Recheck before the dose');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));

    expect(api.recordPredoseDecision).toHaveBeenCalledWith({
      sessionId: 5,
      checkId: NEXT_CHECK_ID,
      decision: 'proceed',
      prescriber: 'Dr Test Prescriber',
      decidedAt: '2026-07-01 09:55',
      note: 'Recheck before the dose',
    });
    expect(await screen.findByText("Prescriber's decision recorded for Bay 5")).toBeTruthy();
    expect(screen.queryByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" })).toBeNull();
  });

  it.each([
    [
      'another check still waits for its decision',
      standing(7),
      () => screen.getAllByRole('button', { name: 'Prescriber decision needed for Bay 5' }),
    ],
    [
      'this check is already decided',
      standing(NEXT_CHECK_ID, 'proceed'),
      () => screen.getAllByText(/proceed, decided by Dr Test Prescriber/),
    ],
  ])('is not asked for when %s', async (_, answer, shown) => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record check for Bay 5' }));
    await user.selectOptions(field('Purpose'), 'Pre-dose baseline');
    await user.selectOptions(field('Symptom grade'), '0 None');
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: answer }];
    // The row's details show the decision once the board has it.
    await user.click(screen.getByRole('button', { name: 'Show details for Bay 5' }));
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    expect(await screen.findByText('Check saved for Bay 5')).toBeTruthy();
    // The board has loaded the row's standing: the app had what it needs to ask.
    await waitFor(() => expect(shown().length).toBeGreaterThan(0));
    expect(screen.queryByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" })).toBeNull();
  });

  it('waits for the emergency dialog to close before asking, and leaves the focus in it', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record check for Bay 5' }));
    await user.selectOptions(field('Purpose'), 'Pre-dose baseline');
    await user.selectOptions(field('Symptom grade'), '0 None');
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: standing(NEXT_CHECK_ID) }];
    ipc.alerts = [emergency(5)];
    await user.click(screen.getByRole('button', { name: 'Save check' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Emergency at Bay 5' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getAllByRole('button')[0]));
    expect(screen.getByRole('button', { name: 'Prescriber decision needed for Bay 5' }), 'rows loaded').toBeTruthy();
    expect(screen.queryByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" })).toBeNull();

    await user.click(close);
    await screen.findByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" });
    await waitFor(() => expect(document.activeElement).toBe(field('Decision')));
  });

  it('gives the focus back to the row button when cancelled', async () => {
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: standing(7) }];
    const user = userEvent.setup();
    render(App);
    const ask = await screen.findByRole('button', { name: 'Prescriber decision needed for Bay 5' });
    await user.click(ask);
    expect(document.activeElement).toBe(field('Decision'));
    await user.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(ask));
  });

  it('is offered on the board row while missing, and a refusal stands beside its field', async () => {
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: standing(7) }];
    ipc.predoseError = predosePrescriberMissing;
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Show details for Bay 5' }));
    expect(screen.getByText("Pre-dose BP 150/95 above 140/90: prescriber's decision needed")).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Prescriber decision needed for Bay 5' }));
    await user.selectOptions(field('Decision'), 'Do not dose');
    await user.type(field('Note'), 'Kept as typed');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));

    const prescriber = field('Prescriber name');
    expect(prescriber.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById('predose-prescriber-error');
    expect(described?.textContent).toContain(predosePrescriberMissing.message);
    expect(document.activeElement).toBe(prescriber);
    expect(field('Decision').value).toBe('do_not_dose');
    expect(field('Note').value).toBe('Kept as typed');
    expect(form().querySelector('.error-banner')).toBeNull();
  });

  it('shows a recorded "do not dose" plainly on the board and the record, without a button', async () => {
    const decided = standing(7, 'do_not_dose');
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: decided }];
    const detail = sessionDetail(5, 'Bay 5', 'Testy McTestface');
    detail.status.predose = decided;
    ipc.sessions[5] = detail;
    const user = userEvent.setup();
    render(App);
    const line = /Pre-dose BP 150\/95 above 140\/90: do not dose, decided by Dr Test Prescriber at 09:55/;
    const tr = (await screen.findByRole('rowheader', { name: 'Bay 5' })).closest('tr')!;
    expect(within(tr).getByText('Do not dose.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show details for Bay 5' }));
    expect(screen.getByText(line)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Prescriber decision needed for Bay 5' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open Bay 5' }));
    await screen.findByRole('heading', { name: 'Before the dose' });
    expect(screen.getAllByText(line).length).toBeGreaterThan(0);
  });

  it('is offered on the patient record while missing', async () => {
    ipc.board.rows = [{ ...row(5, 'Bay 5', 'Testy McTestface'), predose: standing(7) }];
    const detail = sessionDetail(5, 'Bay 5', 'Testy McTestface');
    detail.status.predose = standing(7);
    ipc.sessions[5] = detail;
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Open Bay 5' }));
    await screen.findByRole('heading', { name: 'Before the dose' });
    await user.click(screen.getByRole('button', { name: 'Prescriber decision needed for Bay 5' }));
    expect(screen.getByRole('heading', { name: "Pre-dose blood pressure: prescriber's decision" })).toBeTruthy();
  });
});
