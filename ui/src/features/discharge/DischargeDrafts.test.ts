// Drafts of the discharge forms: kept as typed, offered after a restart, given back after a
// lock, thrown away by Cancel, never holding the PIN.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { PIN, dischargeView, gates, ipc, resetIpc, row } from '../../test/fakeIpc';
import { willDriveUnknown, wrongSignaturePin } from '../../test/backendMessages';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [{ ...row(3, 'Bay 3', 'Testy McTestface'), readiness: 'ready', missing: [] }];
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stored = (form: string) => JSON.parse(ipc.drafts[form]?.content ?? 'null');
const draftSaves = (form: string) => vi.mocked(api.saveDraft).mock.calls.filter(([f]) => f === form);
const checkbox = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).checked;
const leftOver = (form: string, sessionId: number, bay: string, values: unknown) => {
  ipc.drafts[form] = { content: JSON.stringify({ sessionId, bay, values }), savedAt: new Date().toISOString() };
};

describe('the against-advice form draft', () => {
  it('is saved 300 ms after the last change, without recording anything; a refusal keeps it, a save takes it', async () => {
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Left against advice: Bay 3');
    await user.click(screen.getByLabelText('Risks explained to the patient'));
    await user.type(screen.getByLabelText('Witness'), 'Ben Okafor, RN');
    expect(draftSaves('against_advice'), 'not on every keystroke').toHaveLength(0);

    await vi.waitFor(() => expect(stored('against_advice')).not.toBeNull());
    expect(draftSaves('against_advice')).toHaveLength(1);
    expect(stored('against_advice')).toMatchObject({
      sessionId: 3,
      bay: 'Bay 3',
      values: { risksExplained: true, witness: 'Ben Okafor, RN', willDrive: '' },
    });
    expect(api.recordAgainstAdvice).not.toHaveBeenCalled();

    // Refused (no answer about driving): the draft stays.
    await user.click(screen.getByRole('button', { name: 'Record leaving against advice' }));
    expect(await screen.findByText(willDriveUnknown.message)).toBeTruthy();
    expect(stored('against_advice')?.values.witness).toBe('Ben Okafor, RN');

    await user.selectOptions(screen.getByLabelText('Says they will drive'), 'unknown');
    await user.click(screen.getByRole('button', { name: 'Record leaving against advice' }));
    expect(await screen.findByText('Bay 3 left against advice')).toBeTruthy();
    await sleep(400);
    expect(ipc.drafts.against_advice, 'the save took the draft with it, and nothing brings it back').toBeUndefined();
  });

  it('comes back with what was typed when the same nurse unlocks', async () => {
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Left against advice: Bay 3');
    await user.type(screen.getByLabelText('Witness'), 'Ben Okafor, RN');
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    expect(stored('against_advice')?.values.witness, 'kept before the lock').toBe('Ben Okafor, RN');
    await user.keyboard(`1${PIN}{Enter}`);

    const witness = (await screen.findByLabelText('Witness')) as HTMLInputElement;
    expect(witness.value).toBe('Ben Okafor, RN');
  });
});

describe('a discharge draft left from before', () => {
  const overridesOf = { nausea: { reason: 'Settled with fluids', prescriber: 'Dr Chloe Park' } };

  beforeEach(() => {
    ipc.discharges[3] = dischargeView(3, 'Bay 3', 'Testy McTestface', {
      gates: { readiness: 'not_ready', gates: gates(['nausea']), missing: [], minutesLeft: 0, endsAt: '' },
    });
    leftOver('discharge', 3, 'Bay 3', {
      confirmed: { escortConfirmed: true, instructionsNoDriving: true },
      overrides: overridesOf,
    });
  });

  it('is offered on the board and resumed with its values and no PIN', async () => {
    const user = userEvent.setup();
    render(App);
    const panel = await screen.findByRole('region', { name: 'Unsaved discharge' });
    expect(within(panel).getByText('An unsaved discharge for Bay 3 was kept from before.')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Resume discharge for Bay 3' }));

    const dialog = screen.getByRole('region', { name: 'Discharge Bay 3' });
    expect(within(dialog).getByRole('status').textContent).toBe('Restored what was typed');
    expect(screen.queryByRole('region', { name: 'Unsaved discharge' })).toBeNull();
    expect(checkbox('Escort present and identified')).toBe(true);
    expect(checkbox('No driving or machinery until the next day after sleep')).toBe(true);
    expect(checkbox('Someone drives them home')).toBe(false);
    const reason = (await screen.findByLabelText('Override reason for Nausea 1 or less')) as HTMLInputElement;
    expect(reason.value).toBe('Settled with fluids');
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
  });

  it('is thrown away by Cancel once resumed, or by "Discard it"', async () => {
    const user = userEvent.setup();
    const { unmount } = render(App);
    await user.click(await screen.findByRole('button', { name: 'Resume discharge for Bay 3' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(ipc.drafts.discharge).toBeUndefined());
    expect(api.clearDraft).toHaveBeenCalledWith('discharge');
    unmount();

    leftOver('escort', 3, 'Bay 3', { fullName: 'Sam Carter' });
    render(App);
    const panel = await screen.findByRole('region', { name: 'Unsaved escort form' });
    expect(within(panel).getByRole('button', { name: 'Resume escort form for Bay 3' })).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Discard it' }));
    await vi.waitFor(() => expect(ipc.drafts.escort).toBeUndefined());
    expect(screen.queryByRole('region', { name: 'Unsaved escort form' })).toBeNull();
  });
});

describe('the discharge dialog draft', () => {
  it('is thrown away by Cancel', async () => {
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Discharge Bay 3');
    await user.click(screen.getByLabelText('Escort present and identified'));
    await vi.waitFor(() => expect(stored('discharge')?.values.confirmed.escortConfirmed).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(ipc.drafts.discharge).toBeUndefined());
    await sleep(400);
    expect(ipc.drafts.discharge).toBeUndefined();
  });

  it('never holds the PIN, through a refused and a successful signature', async () => {
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Discharge Bay 3');
    await user.click(screen.getByLabelText('Escort present and identified'));
    await user.type(screen.getByLabelText('PIN'), '1357');
    await sleep(400);
    await user.click(screen.getByRole('button', { name: 'Sign discharge' }));
    expect(await screen.findByText(wrongSignaturePin.message)).toBeTruthy();
    expect(stored('discharge')?.values.confirmed.escortConfirmed, 'a refusal keeps the draft').toBe(true);

    await user.click(screen.getByLabelText('Acknowledged by the escort'));
    await user.type(screen.getByLabelText('PIN'), PIN);
    await sleep(400);
    await user.click(screen.getByRole('button', { name: 'Sign discharge' }));
    expect(await screen.findByText('Bay 3 cleared for discharge')).toBeTruthy();
    expect(ipc.drafts.discharge).toBeUndefined();

    const contents = vi.mocked(api.saveDraft).mock.calls.map(([, content]) => content);
    expect(contents.length).toBeGreaterThan(0);
    for (const content of contents) {
      expect(content).not.toContain('1357');
      expect(content).not.toContain(PIN);
      expect(content.toLowerCase()).not.toContain('pin');
    }
  });
});

describe('the REMS details draft', () => {
  it('is offered on the board, resumed in the REMS form, and offered again when left unsaved', async () => {
    ipc.board.rows = [];
    ipc.discharges[8] = dischargeView(8, 'Bay 8', 'Spravato Patient');
    leftOver('rems_details', 8, 'Bay 8', { values: { lot: 'LOT-42', opioids: true }, otherDose: '' });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Resume REMS details for Bay 8' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'REMS Patient Monitoring Form' })).toBeTruthy();
    expect((screen.getByLabelText('Lot number') as HTMLInputElement).value).toBe('LOT-42');
    expect(checkbox('Opioids')).toBe(true);
    expect(screen.getByText('Restored what was typed').getAttribute('role')).toBe('status');

    await user.click(screen.getByRole('button', { name: 'Back to board' }));
    expect(await screen.findByText('An unsaved REMS details for Bay 8 was kept from before.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume REMS details for Bay 8' }));
    await user.type(await screen.findByLabelText('Serious adverse events (or none)'), 'None');
    await user.click(screen.getByRole('button', { name: 'Save REMS details' }));
    expect(await screen.findByText('REMS details saved.')).toBeTruthy();
    expect(ipc.remsDetails[0]).toMatchObject({ sessionId: 8, lot: 'LOT-42', seriousAdverseEvents: 'None' });
    await sleep(400);
    expect(ipc.drafts.rems_details).toBeUndefined();
    expect(screen.queryByText('Restored what was typed')).toBeNull();
  });
});
