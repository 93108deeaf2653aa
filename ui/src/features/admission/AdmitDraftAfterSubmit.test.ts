// The admit form's draft is never saved once the admission was sent (or the form cleared): a
// save still waiting for its delay is dropped, so it cannot land after the clear that follows
// and offer an admitted patient back the next time "Admit a patient" opens.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  // Fake time only: the draft's 300 ms delay passes exactly when a test says so. It starts at
  // the top of a minute, so the form's clock-start default stays the same throughout.
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 2, 2, 10, 0, 0, 200));
});

afterEach(() => vi.useRealTimers());

const later = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const admitSaves = () => vi.mocked(api.saveDraft).mock.calls.filter(([form]) => form === 'admit');

/** The clear takes a moment, as a real IPC round trip may; a save sent meanwhile lands first. */
function slowClear() {
  const realClear = vi.mocked(api.clearDraft).getMockImplementation()!;
  vi.mocked(api.clearDraft).mockImplementation(async (form) => {
    await new Promise((r) => setTimeout(r, 350));
    return realClear(form);
  });
}

/** Opens the admit form and types a name and a bay; the draft's delay has not passed. */
async function openAndType() {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
  await screen.findByRole('heading', { name: 'Admit a patient' });
  await later(0); // the left-over draft has been looked for: typing is saved from now on
  await user.type(screen.getByLabelText('Patient name'), 'Testy McTestface');
  await user.type(screen.getByLabelText('Bay'), '3');
  return user;
}

it('saves no admit draft once the admission was sent, even with its save still waiting', async () => {
  slowClear();
  const realAdmit = vi.mocked(api.admitPatient).getMockImplementation()!;
  let savesBeforeAdmit = -1;
  vi.mocked(api.admitPatient).mockImplementation(async (input) => {
    savesBeforeAdmit = admitSaves().length;
    return realAdmit(input);
  });
  const user = await openAndType();
  // Within the draft's 300 ms delay of the last keystroke: its save is still waiting.
  await user.click(screen.getByRole('button', { name: 'Admit' }));
  await later(1_000); // past the delay and the slow clear
  expect(ipc.admitted).toHaveLength(1);
  expect(savesBeforeAdmit).toBeGreaterThanOrEqual(0);
  expect(admitSaves().slice(savesBeforeAdmit)).toEqual([]);
  expect(ipc.draft).toBeNull();
});

it('saves no admit draft once the form was cleared, even with its save still waiting', async () => {
  slowClear();
  const user = await openAndType();
  await later(400); // what was typed is kept as a draft
  expect(admitSaves().length).toBeGreaterThan(0);
  // Typed and erased within the delay: the form is as "Clear form" leaves it, so nothing on
  // the page changes when it is cleared, and the save of the erased text is still waiting.
  await user.clear(screen.getByLabelText('Patient name'));
  await user.clear(screen.getByLabelText('Bay'));
  const savesBeforeClear = admitSaves().length;
  await user.click(screen.getByRole('button', { name: 'Clear form' }));
  await later(1_000); // past the delay and the slow clear
  expect(admitSaves().slice(savesBeforeClear)).toEqual([]);
  expect(ipc.draft).toBeNull();
  expect((screen.getByLabelText('Patient name') as HTMLInputElement).value).toBe('');
});
