// The day and shift report: the day (today by default) and the shift list ("Whole day" and the
// clinic's shifts), the four tables with their captions and figures, the refusals shown on
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
  it('offers today and the whole day or a shift, and shows the four tables', async () => {
    render(DayReport);
    expect(screen.getByRole('heading', { name: 'Day and shift report' })).toBeTruthy();
    expect((screen.getByLabelText('Report day') as HTMLInputElement).value).toBe(toLocalInput(new Date()).slice(0, 10));
    const select = screen.getByLabelText('Shift') as HTMLSelectElement;
    await vi.waitFor(() => expect(select.options.length).toBe(3));
    expect([...select.options].map((o) => o.text)).toEqual(['Whole day', 'Day (07:00, 12 h)', 'Night (19:00, 12 h)']);
  });

  it('lists the patient who left against advice, the alerts, late checks and REMS forms', async () => {
    await shown();
    expect(ipc.reportsAsked).toEqual([{ day: '2026-07-01', shift: null }]);
    expect(screen.getByRole('heading', { name: 'Day report, 2026-07-01' })).toBeTruthy();
    const patients = screen.getByRole('table', { name: 'Patients' });
    const row = within(patients).getByRole('row', { name: /Łukasz Żółć/ });
    expect(within(row).getByText('against advice')).toBeTruthy();
    expect(within(row).getByText('40 min')).toBeTruthy();
    const alerts = screen.getByRole('table', { name: 'Alerts (2 raised)' });
    const nurse = within(alerts).getByRole('row', { name: /Acknowledged by Ana Ruiz, RN/ });
    expect(within(nurse).getAllByText('3 min 05 s')).toHaveLength(2);
    expect(within(alerts).getByText(/Never acknowledged: Bay 2, check overdue/)).toBeTruthy();
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
