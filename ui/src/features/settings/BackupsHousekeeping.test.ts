import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { Role } from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import { showSettings } from '../../test/settingsScreen';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

const show = (role: Role = 'admin') => showSettings(role);

describe('an unverified backup', () => {
  it('is listed with its reason and offers no restore', async () => {
    const file = 'vigil-20261127-1300.sqlite3';
    ipc.backups = [
      ...ipc.backups,
      {
        file,
        createdAt: new Date().toISOString(),
        bytes: 102_400,
        headHash: 'abcdefabcdefabcdef',
        unverified: 'audit entry 7: hash mismatch',
      },
    ];
    show();
    const table = await screen.findByRole('table', { name: /Backups/ });
    const row = within(table).getByRole('rowheader', { name: file }).closest('tr')!;
    expect(within(row).getByText('Unverified: audit entry 7: hash mismatch')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: `Restore ${file}` })).toBeNull();
    const good = within(table).getByRole('rowheader', { name: 'vigil-20261127-1400.sqlite3' }).closest('tr')!;
    expect(within(good).getByText('Verified')).toBeTruthy();
  });
});

describe('drafts kept', () => {
  it('saves the days typed', async () => {
    const user = userEvent.setup();
    const props = show();
    const field = screen.getByLabelText('Keep unsaved drafts (days)') as HTMLInputElement;
    expect(field.value).toBe('30');
    await user.clear(field);
    await user.type(field, '14');
    await user.click(screen.getByRole('button', { name: 'Save drafts kept' }));
    expect(api.updatePapersKept).toHaveBeenCalledWith({ days: 14 });
    expect(props.onChanged).toHaveBeenCalledWith(expect.objectContaining({ papersKeptDays: 14 }));
  });

  it('shows a refusal beside the field', async () => {
    const user = userEvent.setup();
    show();
    const field = screen.getByLabelText('Keep unsaved drafts (days)') as HTMLInputElement;
    await user.clear(field);
    await user.type(field, '0');
    await user.click(screen.getByRole('button', { name: 'Save drafts kept' }));
    expect(await screen.findByText(/from 1 to 3650/)).toBeTruthy();
    expect(document.activeElement).toBe(field);
  });

  it('is for administrators only', () => {
    show('nurse');
    expect((screen.getByLabelText('Keep unsaved drafts (days)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save drafts kept' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
