// The shared frame of a form: named by its heading, focus on open, the refusal for the whole
// form, Restored, the buttons, and Escape to cancel.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Harness from './ShellHarness.test.svelte';

describe('FormShell', () => {
  it('is a region named by its heading, focuses the first field and submits', async () => {
    const onsubmit = vi.fn((e: SubmitEvent) => e.preventDefault());
    render(Harness, { onCancel: vi.fn(), onsubmit });
    expect(screen.getByRole('region', { name: 'Note for Bay 5' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Note for Bay 5' })).toBeTruthy();
    expect(screen.getByText('About Bay 5.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Note'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save note' }));
    expect(onsubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Clear form' })).toBeTruthy();
  });

  it('shows the refusal for the whole form and that it was restored', () => {
    render(Harness, { onCancel: vi.fn(), onsubmit: vi.fn(), restored: true, formError: 'Refused.' });
    expect(screen.getByRole('alert').textContent).toBe('Refused.');
    expect(screen.getByRole('status').textContent).toBe('Restored what was typed');
  });

  it('cancels with Cancel and with Escape', async () => {
    const onCancel = vi.fn();
    render(Harness, { onCancel, onsubmit: vi.fn() });
    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});
