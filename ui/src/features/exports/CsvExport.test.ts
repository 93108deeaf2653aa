// The CSV export form (administrators): the warning, the days (today by default) and the
// folder offered, the saved path announced, and each refusal shown beside its field.
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { toLocalInput } from '../../lib/time';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { DATA_DIR, DOCUMENTS } from '../../test/fakePapers';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import CsvExport from './CsvExport.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

const today = () => toLocalInput(new Date()).slice(0, 10);

async function open() {
  const user = userEvent.setup();
  render(CsvExport);
  const folder = screen.getByLabelText('Export to folder') as HTMLInputElement;
  await vi.waitFor(() => expect(folder.value).toBe(DOCUMENTS));
  return { user, folder };
}

describe('CSV export', () => {
  it('warns of patient data and exports the sessions of today into the folder offered', async () => {
    const { user } = await open();
    expect(screen.getByRole('heading', { name: 'Export sessions and checks (CSV)' })).toBeTruthy();
    expect(screen.getByText(/hold patient data .* in plain\s+text/)).toBeTruthy();
    expect((screen.getByLabelText('Export from') as HTMLInputElement).value).toBe(today());
    expect((screen.getByLabelText('Export to') as HTMLInputElement).value).toBe(today());
    const button = screen.getByRole('button', { name: 'Export sessions (CSV)' });
    expect(button.getAttribute('aria-describedby')).toBe('csv-warning');
    await user.click(button);
    const saved = ipc.csvExports[0]!;
    expect(saved).toEqual({
      table: 'sessions',
      input: { from: today(), to: today(), folder: DOCUMENTS },
      path: expect.stringContaining(`${DOCUMENTS}/vigil-sessions-`),
    });
    expect(await screen.findByText(`Sessions saved as CSV: ${saved.path}`)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(saved.path);
  });

  it('keeps a folder typed before the offer arrives, and sends today after midnight', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2026, 10, 30, 23, 59));
      let answer!: (folder: string) => void;
      vi.mocked(api.defaultExportFolder).mockImplementationOnce(() => new Promise((r) => (answer = r)));
      const user = userEvent.setup();
      render(CsvExport);
      expect((screen.getByLabelText('Export from') as HTMLInputElement).value).toBe('2026-11-30');
      const folder = screen.getByLabelText('Export to folder') as HTMLInputElement;
      await user.type(folder, '/tmp/mine');
      answer(DOCUMENTS);
      await Promise.resolve();
      expect(folder.value).toBe('/tmp/mine');
      vi.setSystemTime(new Date(2026, 11, 1, 0, 1));
      await user.click(screen.getByRole('button', { name: 'Export sessions (CSV)' }));
      expect(ipc.csvExports.map((e) => e.input)).toEqual([{ from: '2026-12-01', to: '2026-12-01', folder: '/tmp/mine' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('exports the checks of the days typed', async () => {
    const { user } = await open();
    await fireEvent.input(screen.getByLabelText('Export from'), { target: { value: '2026-11-01' } });
    await fireEvent.input(screen.getByLabelText('Export to'), { target: { value: '2026-11-30' } });
    await user.click(screen.getByRole('button', { name: 'Export checks (CSV)' }));
    expect(ipc.csvExports.map((e) => [e.table, e.input.from, e.input.to])).toEqual([
      ['checks', '2026-11-01', '2026-11-30'],
    ]);
    expect(await screen.findByText(/^Checks saved as CSV: /)).toBeTruthy();
  });

  it('shows a last day before the first beside "Export to", focused, and saves nothing', async () => {
    const { user } = await open();
    await fireEvent.input(screen.getByLabelText('Export from'), { target: { value: '2026-11-02' } });
    await fireEvent.input(screen.getByLabelText('Export to'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: 'Export sessions (CSV)' }));
    const to = screen.getByLabelText('Export to');
    await vi.waitFor(() => expect(document.activeElement).toBe(to));
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The last day is before the first day.')).toBeTruthy();
    expect(ipc.csvExports).toEqual([]);
  });

  it('refuses the data directory beside the folder', async () => {
    const { user, folder } = await open();
    await user.clear(folder);
    await user.type(folder, DATA_DIR);
    await user.click(screen.getByRole('button', { name: 'Export checks (CSV)' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(folder));
    expect(screen.getByText(/never saved in Vigil's data directory/)).toBeTruthy();
    expect(ipc.csvExports).toEqual([]);
  });

  it('says so when the export is refused for another reason', async () => {
    const { user } = await open();
    ipc.auth = { ...ipc.auth, nurse: ipc.auth.nurse && { ...ipc.auth.nurse, role: 'nurse' } };
    await user.click(screen.getByRole('button', { name: 'Export sessions (CSV)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The CSV file could not be saved');
    expect(ipc.csvExports).toEqual([]);
  });
});
