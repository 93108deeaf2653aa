// History: searching past sessions and opening one read-only, with its papers; reached from
// the header's "Records" menu.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryRow } from '../../lib/ipc';
import { ipc, paper, resetIpc, sessionDetail } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

const DAY = 24 * 60 * 60 * 1000;

function past(sessionId: number, patientName: string, daysAgo: number, changes: Partial<HistoryRow> = {}): HistoryRow {
  const started = new Date(Date.now() - daysAgo * DAY);
  return {
    sessionId,
    patientName,
    chartNumber: `MRN-${sessionId}`,
    bay: `Bay ${sessionId}`,
    protocol: 'iv_ketamine',
    clockStartedAt: started.toISOString(),
    leftAt: new Date(started.getTime() + 90 * 60 * 1000).toISOString(),
    how: 'discharged',
    ...changes,
  };
}

async function openHistory() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Records' }));
  await user.click(await screen.findByRole('button', { name: 'History' }));
  await screen.findByRole('heading', { level: 2, name: 'History' });
  return user;
}

/** Searches `text` and opens the found row whose button name matches `open`. */
async function searchAndOpen(user: ReturnType<typeof userEvent.setup>, text: string, open: RegExp) {
  await user.type(screen.getByLabelText('Name or chart number'), text);
  await user.click(screen.getByRole('button', { name: 'Search' }));
  await user.click(await screen.findByRole('button', { name: open }));
}

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.history = [
    past(7, 'Nguyễn Thị Ánh', 3),
    past(8, 'Łukasz Żółć', 5, { how: 'against_advice' }),
    past(9, 'Zoë O\'Brien-Müller', 1, { protocol: 'spravato', how: null, leftAt: null }),
  ];
});

describe('the History screen', () => {
  it('finds a past patient by a partial, accent-free name and lists them with how they left', async () => {
    const user = await openHistory();
    await user.type(screen.getByLabelText('Name or chart number'), 'nguyen thi');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const table = await screen.findByRole('table', { name: 'Past sessions found' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Nguyễn Thị Ánh');
    expect(within(rows[1]!).getByText(/^Discharged /)).toBeTruthy();
    expect(within(rows[1]!).getByText('#7')).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Session' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('1 session found');
    expect(ipc.historyQueries).toEqual([{ text: 'nguyen thi', from: null, to: null, protocol: null, left: null }]);
  });

  it('sends the days, protocol and how they left, and shows a refused day at its field', async () => {
    const user = await openHistory();
    await user.type(screen.getByLabelText('From'), '2026-07-02');
    await user.type(screen.getByLabelText('To'), '2026-07-01');
    await user.selectOptions(screen.getByLabelText('Protocol'), 'spravato');
    await user.selectOptions(screen.getByLabelText('How they left'), 'still_here');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const to = screen.getByLabelText('To');
    expect(await screen.findByText('To must not be before From.')).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement).toBe(to));
    expect(screen.queryByRole('table', { name: 'Past sessions found' })).toBeNull();

    await user.clear(screen.getByLabelText('From'));
    await user.clear(to);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const table = await screen.findByRole('table', { name: 'Past sessions found' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('No departure recorded')).toBeTruthy();
    expect(ipc.historyQueries.at(-1)).toEqual({ text: '', from: null, to: null, protocol: 'spravato', left: 'still_here' });
  });

  it('says when nothing matches', async () => {
    const user = await openHistory();
    await user.type(screen.getByLabelText('Name or chart number'), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('status')).textContent).toContain('No session matches');
  });

  it('opens a record read-only, its discharge sheet, and goes back to the results', async () => {
    const at = new Date(Date.now() - 3 * DAY).toISOString();
    ipc.sessions[7] = {
      ...sessionDetail(7, 'Bay 7', 'Nguyễn Thị Ánh'),
      timeline: [
        {
          key: 'check-1',
          kind: 'check',
          recordId: 1,
          at,
          recordedAt: at,
          who: 'Ana Ruiz, RN',
          summary: 'BP 120/80',
          lateReason: null,
          struck: false,
          correctedBy: null,
          corrects: null,
        },
      ],
    };
    ipc.papers['discharge:7'] = paper('Discharge sheet', 'Bay 7');
    const user = await openHistory();
    await user.type(screen.getByLabelText('Name or chart number'), 'anh');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('button', { name: /^Open Bay 7 .* \(Nguyễn Thị Ánh\)$/ }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Nguyễn Thị Ánh' })).toBeTruthy();
    expect(await screen.findByText('BP 120/80')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Correct entry/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Record check|Add note/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'REMS form' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Discharge sheet' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Discharge sheet' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to the record' }));
    await user.click(await screen.findByRole('button', { name: 'Back to the results' }));
    expect(await screen.findByRole('table', { name: 'Past sessions found' })).toBeTruthy();
  });

  it('comes back to the results with the search as typed and the focus on the opened row', async () => {
    ipc.sessions[8] = sessionDetail(8, 'Bay 8', 'Łukasz Żółć');
    const user = await openHistory();
    await user.selectOptions(screen.getByLabelText('How they left'), 'against_advice');
    await searchAndOpen(user, 'lukasz', /^Open Bay 8 /);
    expect(await screen.findByRole('heading', { level: 3, name: 'Łukasz Żółć' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to the results' }));

    const open = await screen.findByRole('button', { name: /^Open Bay 8 / });
    expect((screen.getByLabelText('Name or chart number') as HTMLInputElement).value).toBe('lukasz');
    expect((screen.getByLabelText('How they left') as HTMLSelectElement).value).toBe('against_advice');
    await vi.waitFor(() => expect(document.activeElement).toBe(open));
  });

  it('shows the session number, sections under the name, and no discharge sheet before a departure', async () => {
    ipc.sessions[9] = sessionDetail(9, 'Bay 9', "Zoë O'Brien-Müller");
    const user = await openHistory();
    await searchAndOpen(user, 'zoe', /^Open Bay 9 /);
    const name = await screen.findByRole('heading', { level: 3, name: "Zoë O'Brien-Müller" });
    expect(name.nextElementSibling?.textContent).toMatch(/^\s*Session #9 · Bay 9 /);
    expect(await screen.findByRole('heading', { level: 4, name: 'Timeline' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Vital signs over the recovery' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Discharge sheet' })).toBeNull();
    expect(screen.getByRole('button', { name: 'REMS form' })).toBeTruthy();
  });

  it('opens the audit trail of the session for an administrator', async () => {
    ipc.sessions[7] = sessionDetail(7, 'Bay 7', 'Nguyễn Thị Ánh');
    const user = await openHistory();
    await searchAndOpen(user, 'anh', /^Open Bay 7 /);
    await user.click(await screen.findByRole('button', { name: 'Audit trail of this session' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Audit trail' });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    expect((screen.getByLabelText('Session number') as HTMLInputElement).value).toBe('7');
  });

  it('offers the REMS form for a Spravato session', async () => {
    ipc.sessions[9] = sessionDetail(9, 'Bay 9', "Zoë O'Brien-Müller");
    ipc.papers['rems:9'] = paper('REMS Patient Monitoring Form', 'Bay 9');
    const user = await openHistory();
    await user.type(screen.getByLabelText('Name or chart number'), 'zoe muller');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('button', { name: /^Open Bay 9 / }));
    await user.click(await screen.findByRole('button', { name: 'REMS form' }));
    expect(await screen.findByRole('button', { name: 'Back to the record' })).toBeTruthy();
  });
});
