// Back from a patient's record: the board comes back with the same patient selected and focused
// (the board is replaced by the record meanwhile; BoardScreen keeps the selection).
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it, vi } from 'vitest';
import { ipc, resetIpc, row, sessionDetail } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface'), row(7, 'Bay 7', 'Test Patient')];
  ipc.sessions[7] = sessionDetail(7, 'Bay 7', 'Test Patient');
});

it('selects and focuses the row of the record it comes back from', async () => {
  const user = userEvent.setup();
  render(App);
  const bay7 = (await screen.findByRole('rowheader', { name: 'Bay 7' })).closest('tr')!;
  bay7.focus();
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('heading', { name: 'Bay 7: Test Patient' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Back to the board' }));
  const back = (await screen.findByRole('rowheader', { name: 'Bay 7' })).closest('tr')!;
  expect(back.getAttribute('aria-selected')).toBe('true');
  expect(document.activeElement).toBe(back);
});
