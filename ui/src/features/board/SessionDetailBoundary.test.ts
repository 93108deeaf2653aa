// The patient's record never hangs on "Loading…": a timeline that cannot be rendered (two
// entries with one key, issue 11 bug 1) shows a readable error with a way back and a retry.
// Each kind of entry is labelled as what it is (bug 7).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../lib/ipc';
import { ipc, resetIpc, row, sessionDetail } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function entry(kind: TimelineEntry['kind'], recordId: number, key = `${kind}-${recordId}`): TimelineEntry {
  const at = minutesAgo(10 - recordId);
  return {
    key,
    kind,
    recordId,
    at,
    recordedAt: at,
    who: 'Ana Ruiz, RN',
    summary: `${kind} #${recordId}`,
    lateReason: null,
    struck: false,
    correctedBy: null,
    corrects: null,
  };
}

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface')];
  ipc.sessions[5] = sessionDetail(5, 'Bay 5', 'Testy McTestface');
});

async function open() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Open Bay 5' }));
  return user;
}

describe('a record that cannot be shown', () => {
  it('says why, offers the way back to the board and a retry, and never hangs on Loading', async () => {
    // Two entries with one key: the each block refuses them.
    ipc.sessions[5]!.timeline = [entry('acknowledgement', 1, 'alert-1'), entry('resolution', 1, 'alert-1')];
    const user = await open();
    const error = await screen.findByText(/The patient's record could not be shown: /);
    expect(error.getAttribute('role')).toBe('alert');
    expect(screen.getByRole('heading', { name: 'Patient record' })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();

    // Fixed meanwhile: "Try again" loads and shows it.
    ipc.sessions[5]!.timeline = [entry('acknowledgement', 1), entry('resolution', 1)];
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Bay 5: Testy McTestface' })).toBeTruthy();
    expect(screen.queryByText(/could not be shown/)).toBeNull();
  }, 15_000);

  it('goes back to the board from the error', async () => {
    ipc.sessions[5]!.timeline = [entry('check', 1, 'dup'), entry('note', 2, 'dup')];
    const user = await open();
    await screen.findByText(/The patient's record could not be shown: /);
    await user.click(screen.getByRole('button', { name: 'Back to the board' }));
    expect(await screen.findByRole('button', { name: 'Open Bay 5' })).toBeTruthy();
    expect(screen.queryByText(/could not be shown/)).toBeNull();
  });
});

describe('the timeline labels', () => {
  it('labels an acknowledgement and a resolution of the same id each as what it is', async () => {
    ipc.sessions[5]!.timeline = [entry('alert', 1), entry('acknowledgement', 1), entry('resolution', 1)];
    await open();
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const heads = within(timeline)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('strong')?.textContent);
    expect(heads).toEqual(['Alert', 'Acknowledgement', 'Resolution']);
  });
});
