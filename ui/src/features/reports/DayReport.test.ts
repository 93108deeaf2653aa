// The day and shift report: the day (today by default) and the shift list ("Whole day" and the
// clinic's shifts), the tables with their captions (the alerts in three) and figures, the refusals shown on
// their field, and saving as PDF and CSV into the folder offered (a refusal of the folder on
// its field).
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toLocalInput } from '../../lib/time';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { DATA_DIR, DOCUMENTS } from '../../test/fakePapers';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import DayReport from './DayReport.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

async function shown(shift = '') {
  const user = userEvent.setup();
  render(DayReport);
  const select = screen.getByLabelText('Shift') as HTMLSelectElement;
  await vi.waitFor(() => expect(select.options.length).toBe(3));
  await fireEvent.input(screen.getByLabelText('Report day'), { target: { value: '2026-07-01' } });
  if (shift) await user.selectOptions(select, shift);
  await user.click(screen.getByRole('button', { name: 'Show the report' }));
  await screen.findByRole('table', { name: 'Patients' });
  return user;
}

describe('Day report', () => {
  it('offers today and the whole day or a shift, and shows the tables', async () => {
    render(DayReport);
    expect(screen.getByRole('heading', { name: 'Day and shift report' })).toBeTruthy();
    expect((screen.getByLabelText('Report day') as HTMLInputElement).value).toBe(toLocalInput(new Date()).slice(0, 10));
    const select = screen.getByLabelText('Shift') as HTMLSelectElement;
    await vi.waitFor(() => expect(select.options.length).toBe(3));
    expect([...select.options].map((o) => o.text)).toEqual(['Whole day', 'Day (07:00, 12 h)', 'Night (19:00, 12 h)']);
  });

  it('asks for today when the day was left untouched past midnight', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2026, 10, 30, 23, 59));
      const user = userEvent.setup();
      render(DayReport);
      const day = screen.getByLabelText('Report day') as HTMLInputElement;
      expect(day.value).toBe('2026-11-30');
      expect(day.getAttribute('aria-describedby')).toBe('report-day-hint');
      vi.setSystemTime(new Date(2026, 11, 1, 0, 1));
      await user.click(screen.getByRole('button', { name: 'Show the report' }));
      await screen.findByRole('table', { name: 'Patients' });
      expect(ipc.reportsAsked).toEqual([{ day: '2026-12-01', shift: null }]);
      expect(day.value).toBe('2026-12-01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a day typed as text', async () => {
    const user = userEvent.setup();
    render(DayReport);
    const day = screen.getByLabelText('Report day');
    await user.clear(day);
    await user.type(day, '2026-07-01');
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    await screen.findByRole('table', { name: 'Patients' });
    expect(ipc.reportsAsked).toEqual([{ day: '2026-07-01', shift: null }]);
  });

  it('lists the patient who left against advice, the alerts, late checks and REMS forms', async () => {
    await shown();
    expect(ipc.reportsAsked).toEqual([{ day: '2026-07-01', shift: null }]);
    expect(screen.getByRole('heading', { name: 'Day report, 2026-07-01' })).toBeTruthy();
    const patients = screen.getByRole('table', { name: 'Patients' });
    const row = within(patients).getByRole('row', { name: /Łukasz Żółć/ });
    expect(within(row).getByText('against advice')).toBeTruthy();
    expect(within(row).getByText('40 min')).toBeTruthy();
    const byKind = screen.getByRole('table', { name: 'Alerts by kind (2 raised)' });
    const overdue = within(byKind).getByRole('row', { name: /check overdue/ });
    expect(within(overdue).getByRole('rowheader').textContent).toBe('check overdue');
    expect(within(overdue).getByRole('cell').textContent).toBe('1');
    const perNurse = screen.getByRole('table', { name: 'Time to acknowledge, per nurse' });
    const nurse = within(perNurse).getByRole('row', { name: /Ana Ruiz, RN/ });
    expect(within(nurse).getByRole('rowheader').textContent).toBe('Ana Ruiz, RN');
    expect(within(nurse).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '3 min 05 s', '3 min 05 s']);
    const never = screen.getByRole('table', { name: 'Alerts never acknowledged' });
    const unacked = within(never).getByRole('row', { name: /Bay 2/ });
    expect(within(unacked).getByRole('rowheader').textContent).toBe('Bay 2');
    expect(within(unacked).getAllByRole('cell')[0]!.textContent).toBe('check overdue');
    const late = screen.getByRole('table', { name: 'Late and overdue checks' });
    expect(within(late).getByText('overdue')).toBeTruthy();
    const rems = screen.getByRole('table', { name: 'REMS forms due' });
    expect(within(rems).getByRole('row', { name: /李小龍 2026-07-01 2026-07-08/ })).toBeTruthy();
  });

  it('asks for the shift chosen', async () => {
    await shown('Night (19:00, 12 h)');
    expect(ipc.reportsAsked).toEqual([{ day: '2026-07-01', shift: 'Night' }]);
    expect(screen.getByRole('heading', { name: 'Night shift, 2026-07-01 (19:00, 12 h)' })).toBeTruthy();
  });

  it('shows a refused day on its field', async () => {
    const user = userEvent.setup();
    render(DayReport);
    await fireEvent.input(screen.getByLabelText('Report day'), { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    const day = screen.getByLabelText('Report day');
    await vi.waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Give the day as YYYY-MM-DD.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Patients' })).toBeNull();
  });

  it('saves the report as PDF and CSV with the warning, and refuses the data directory', async () => {
    const user = await shown();
    const folder = screen.getByLabelText('Save the report in folder') as HTMLInputElement;
    await vi.waitFor(() => expect(folder.value).toBe(DOCUMENTS));
    expect(screen.getByText(/holds patient data .* in plain text/)).toBeTruthy();
    const pdf = screen.getByRole('button', { name: 'Save the report as PDF' });
    expect(pdf.getAttribute('aria-describedby')).toBe('report-warning');
    await user.click(pdf);
    await screen.findByText(`The report was saved as PDF: ${DOCUMENTS}/day-report-2026-07-01.pdf`);
    await user.click(screen.getByRole('button', { name: 'Save the report as CSV' }));
    await screen.findByText(`The report was saved as CSV: ${DOCUMENTS}/day-report-2026-07-01.csv`);
    expect(ipc.reportFiles.map((f) => f.kind)).toEqual(['pdf', 'csv']);
    await user.clear(folder);
    await user.type(folder, DATA_DIR);
    await user.click(screen.getByRole('button', { name: 'Save the report as CSV' }));
    await vi.waitFor(() => expect(folder.getAttribute('aria-invalid')).toBe('true'));
    expect(ipc.reportFiles).toHaveLength(2);
  });
});
