// The shifts panel: the clinic's shifts shown with labelled fields, changed by an
// administrator (a refused length shown on its field; focus kept on adding and removing one),
// read-only for a nurse (fields and Save disabled).
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import ShiftsPanel from './ShiftsPanel.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

describe('Shifts panel', () => {
  it('shows the two default shifts and saves a changed one', async () => {
    const user = userEvent.setup();
    render(ShiftsPanel, { isAdmin: true });
    const name = (await screen.findByLabelText('Shift 2 name')) as HTMLInputElement;
    expect(name.value).toBe('Night');
    expect((screen.getByLabelText('Shift 2 starts at (HH:MM)') as HTMLInputElement).value).toBe('19:00');
    await user.clear(name);
    await user.type(name, 'Evening');
    await user.click(screen.getByRole('button', { name: 'Save shifts' }));
    await screen.findByText('Saved.');
    expect(ipc.shifts.map((s) => s.name)).toEqual(['Day', 'Evening']);
  });

  it('shows a refused length on its field and changes nothing', async () => {
    const user = userEvent.setup();
    render(ShiftsPanel, { isAdmin: true });
    const hours = (await screen.findByLabelText('Shift 1 hours')) as HTMLInputElement;
    await user.clear(hours);
    await user.type(hours, '25');
    await user.click(screen.getByRole('button', { name: 'Save shifts' }));
    await vi.waitFor(() => expect(hours.getAttribute('aria-invalid')).toBe('true'));
    expect(ipc.shifts[0]!.hours).toBe(12);
  });

  it('focuses the new shift, and the next one (or "Add a shift") after a removal', async () => {
    const user = userEvent.setup();
    render(ShiftsPanel, { isAdmin: true });
    await screen.findByLabelText('Shift 2 name');
    expect((screen.getByLabelText('Shift 1 name') as HTMLInputElement).disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Add a shift' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Shift 3 name')));
    await user.type(screen.getByLabelText('Shift 3 name'), 'Late');
    await user.click(screen.getByRole('button', { name: 'Remove shift 1' }));
    const next = screen.getByLabelText('Shift 1 name') as HTMLInputElement;
    await vi.waitFor(() => expect(document.activeElement).toBe(next));
    expect(next.value).toBe('Night');
    await user.click(screen.getByRole('button', { name: 'Remove shift 2' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a shift' })));
    expect(screen.queryByLabelText('Shift 2 name')).toBeNull();
  });

  it('is read-only for a nurse', async () => {
    render(ShiftsPanel, { isAdmin: false });
    await screen.findByLabelText('Shift 1 name');
    expect((screen.getByRole('button', { name: 'Save shifts' }) as HTMLButtonElement).disabled).toBe(true);
    for (const label of ['Shift 1 name', 'Shift 1 starts at (HH:MM)', 'Shift 1 hours', 'Shift 2 name']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled, label).toBe(true);
    }
    expect(screen.queryByRole('button', { name: 'Add a shift' })).toBeNull();
  });
});
