// The REMS forms-due screen (the last day on time, the status in words and colour, "Mark
// submitted" with its channel and reference) and the header's count of forms needing attention.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { formatDay } from '../../lib/time';
import { dischargeView, formDue, ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

/** The local calendar day `offset` days from today, as the app gives days. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

async function openForms() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Forms due' }));
  const table = await screen.findByRole('table', { name: 'REMS Patient Monitoring Forms' });
  const tr = (bay: string) => within(table).getByRole('rowheader', { name: bay }).closest('tr')!;
  return { user, table, tr };
}

describe('forms due', () => {
  it('shows the last day on time and each status in words, red from the last day', async () => {
    ipc.formsDue = [
      formDue(1, 'Bay 1', 'Test Patient', 0),
      formDue(5, 'Bay 5', 'Testy McTestface', 5),
      formDue(7, 'Bay 7', 'Test Patient Seven', 7),
      formDue(8, 'Bay 8', 'Test Patient Eight', 8),
    ];
    const { table, tr } = await openForms();
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers.slice(0, 5)).toEqual(['Bay', 'Patient', 'Treatment date', 'Due by', 'Status']);
    // Treated today (D): due by D+7, not D+8.
    expect(within(tr('Bay 1')).getByText(day(0))).toBeTruthy();
    expect(within(tr('Bay 1')).getByText(`Due by ${day(7)}`)).toBeTruthy();
    expect(within(tr('Bay 5')).getByText(`Due by ${day(2)}`)).toBeTruthy();
    expect(within(tr('Bay 7')).getByText(`Due by ${day(0)}`)).toBeTruthy();
    expect(within(tr('Bay 8')).getByText(`Due by ${day(-1)}`)).toBeTruthy();

    const status = (bay: string) => tr(bay).querySelector('td.status') as HTMLElement;
    expect(status('Bay 1').textContent?.trim()).toBe('Due');
    expect(status('Bay 5').textContent).toContain('Due soon');
    expect(status('Bay 7').textContent).toContain('Last day');
    expect(status('Bay 8').textContent).toContain('Overdue');
    // Colour is never alone: each colour has its word, and only the last day and after are red.
    expect(status('Bay 5').classList.contains('due_soon')).toBe(true);
    expect(status('Bay 7').classList.contains('last_day')).toBe(true);
    expect(status('Bay 8').classList.contains('overdue')).toBe(true);
    expect(status('Bay 1').classList.contains('overdue')).toBe(false);
  });

  it('marks a form submitted with its channel and reference, refusing each missing one beside it', async () => {
    ipc.formsDue = [formDue(8, 'Bay 8', 'Spravato Patient', 6), formDue(9, 'Bay 9', 'Late Patient', 9)];
    ipc.discharges[9] = dischargeView(9, 'Bay 9', 'Late Patient', { protocol: 'spravato', phase: 'departed' });
    const { user, tr } = await openForms();
    const channel = screen.getByRole('combobox', { name: 'Submission channel for Bay 8' }) as HTMLSelectElement;
    const options = within(channel).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Channel…', 'Online portal', 'Fax', 'Phone']);

    await user.click(screen.getByRole('button', { name: 'Mark submitted for Bay 8' }));
    expect(channel.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(channel);
    expect(within(tr('Bay 8')).getByRole('alert').textContent).toContain('Choose how the form was submitted');

    await user.selectOptions(channel, 'Fax');
    await user.click(screen.getByRole('button', { name: 'Mark submitted for Bay 8' }));
    const reference = screen.getByLabelText('Submission reference for Bay 8');
    expect(reference.getAttribute('aria-invalid')).toBe('true');
    expect(channel.getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(reference);

    await user.type(reference, 'FAX-123');
    await user.click(screen.getByRole('button', { name: 'Mark submitted for Bay 8' }));
    expect(vi.mocked(api.markFormSubmitted)).toHaveBeenLastCalledWith({
      sessionId: 8,
      channel: 'fax',
      reference: 'FAX-123',
    });
    expect(await within(tr('Bay 8')).findByText(`Submitted ${day(0)} by Ana Ruiz, RN`)).toBeTruthy();
    expect(within(tr('Bay 8')).getByText('Channel: Fax · Reference: FAX-123')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark submitted for Bay 8' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark submitted for Bay 9' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'REMS form for Bay 9' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'REMS Patient Monitoring Form' })).toBeTruthy();
  });

  it('says "not recorded" for a form marked before the channel was kept', async () => {
    ipc.formsDue = [
      {
        ...formDue(3, 'Bay 3', 'Test Patient', 3),
        status: 'submitted',
        submittedAt: new Date().toISOString(),
        submittedBy: 'Ana Ruiz, RN',
        reference: 'OLD-1',
        channel: null,
      },
    ];
    const { tr } = await openForms();
    expect(within(tr('Bay 3')).getByText('Channel: not recorded · Reference: OLD-1')).toBeTruthy();
  });
});

describe('the header count', () => {
  it('counts forms due soon, on the last day or overdue and opens the list', async () => {
    ipc.formsDue = [
      formDue(1, 'Bay 1', 'Test Patient', 1),
      formDue(5, 'Bay 5', 'Testy McTestface', 5),
      formDue(8, 'Bay 8', 'Test Patient Eight', 8),
    ];
    const user = userEvent.setup();
    render(App);
    const count = await screen.findByRole('button', {
      name: 'REMS forms: 2 need attention (1 on the last day or overdue)',
    });
    expect(count.classList.contains('urgent')).toBe(true);
    await user.click(count);
    expect(await screen.findByRole('table', { name: 'REMS Patient Monitoring Forms' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Submission channel for Bay 8' }), 'portal');
    await user.type(screen.getByLabelText('Submission reference for Bay 8'), 'WEB-1');
    await user.click(screen.getByRole('button', { name: 'Mark submitted for Bay 8' }));
    const left = await screen.findByRole('button', { name: 'REMS forms: 1 needs attention' });
    expect(left.classList.contains('urgent')).toBe(false);
  });

  it('shows no count when nothing needs attention', async () => {
    ipc.formsDue = [formDue(1, 'Bay 1', 'Test Patient', 4)];
    render(App);
    expect(await screen.findByRole('button', { name: 'Forms due' })).toBeTruthy();
    await vi.waitFor(() => expect(vi.mocked(api.loadFormsDue)).toHaveBeenCalled());
    await vi.mocked(api.loadFormsDue).mock.results[0]!.value;
    await tick();
    expect(screen.queryByRole('button', { name: /REMS forms:/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Forms due' })).toBeTruthy();
  });
});

describe('formatDay', () => {
  it('shows a calendar day as given, never shifted by the zone', () => {
    expect(formatDay('2026-12-31')).toBe('2026-12-31');
    expect(formatDay('2027-01-07')).toBe('2027-01-07');
  });
});
