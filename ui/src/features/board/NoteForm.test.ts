// Nurse notes: "Add note for Bay N" on the board and in the patient's record, what is sent,
// and a refusal beside its field that keeps what was typed.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc, row, sessionDetail } from '../../test/fakeIpc';
import { lateReasonMissing, nothingMoreAfterLeaving } from '../../test/backendMessages';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface')];
  ipc.sessions[5] = sessionDetail(5, 'Bay 5', 'Testy McTestface', []);
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function openNote() {
  const user = userEvent.setup();
  render(App);
  await rowAction(user, 'Add note for Bay 5');
  expect(screen.getByRole('heading', { name: 'Note for Bay 5' })).toBeTruthy();
  return user;
}

describe('the note form', () => {
  it('opens from the board row with the note focused, and sends the text with its lines', async () => {
    const user = await openNote();
    expect(document.activeElement).toBe(field('Note'));
    expect(field('Observed at').value).toBe('');
    await user.keyboard('Asked for water.{Enter}Drank 200 ml.');
    expect(screen.getByText('30 / 2000')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(api.addNote).toHaveBeenCalledTimes(1);
    expect(ipc.notes[0]).toEqual({
      sessionId: 5,
      observedAt: '',
      lateReason: '',
      text: 'Asked for water.\nDrank 200 ml.',
    });
    expect(await screen.findByText('Note saved for Bay 5')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Note for Bay 5' })).toBeNull();
  });

  it('sends a late time with its reason', async () => {
    const user = await openNote();
    await user.type(field('Note'), 'Pale, settled after water');
    await user.type(field('Observed at'), '2026-11-30 09:10');
    await user.type(field('Reason for late entry'), 'Busy with the Bay 2 emergency');
    await user.keyboard('{Enter}');
    expect(ipc.notes[0]).toMatchObject({
      observedAt: '2026-11-30 09:10',
      lateReason: 'Busy with the Bay 2 emergency',
    });
  });

  it('puts a refusal beside its field, focuses it and keeps what was typed', async () => {
    ipc.noteError = lateReasonMissing;
    const user = await openNote();
    await user.type(field('Note'), 'Vomited once');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    const reason = field('Reason for late entry');
    expect(await screen.findByText(lateReasonMissing.message)).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(field('Note').value).toBe('Vomited once');
    expect(screen.getByRole('heading', { name: 'Note for Bay 5' })).toBeTruthy();
  });

  it('shows a refusal about no field at the top: the patient has left', async () => {
    ipc.noteError = nothingMoreAfterLeaving;
    const user = await openNote();
    await user.type(field('Note'), 'Came back for a coat');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(nothingMoreAfterLeaving.message);
  });

  it('cancels on Escape without sending anything, and gives the focus back to the row menu button', async () => {
    const user = await openNote();
    await user.type(field('Note'), 'Half a thought');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: 'Note for Bay 5' })).toBeNull();
    expect(api.addNote).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'More actions for Bay 5' })),
    );
  });

  it('opens from the patient record too', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Open Bay 5' }));
    await screen.findByRole('heading', { name: 'Bay 5: Testy McTestface' });
    await user.click(screen.getByRole('button', { name: 'Add note for Bay 5' }));
    await user.type(field('Note'), 'Calm');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(ipc.notes[0]).toMatchObject({ sessionId: 5, text: 'Calm' });
    expect(await screen.findByText('Note saved for Bay 5')).toBeTruthy();
  });
});
