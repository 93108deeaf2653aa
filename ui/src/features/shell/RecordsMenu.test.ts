// The header's "Records" menu (History, Reports, Audit trail behind one button, so the header
// fits at 1366 px) and the focus on the heading of a screen opened from the header.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { BEN } from '../../test/fixtures';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

async function start() {
  const user = userEvent.setup();
  render(App);
  const records = await screen.findByRole('button', { name: 'Records' });
  return { user, records, nav: screen.getByRole('navigation', { name: 'Screens' }) };
}

describe('the Records menu', () => {
  it('discloses History, Reports and the Audit trail, and Escape gives the focus back', async () => {
    const { user, records, nav } = await start();
    const list = document.getElementById(records.getAttribute('aria-controls')!)!;
    expect(records.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);
    expect(within(nav).queryByRole('button', { name: 'History' })).toBeNull();

    await user.click(records);
    expect(records.getAttribute('aria-expanded')).toBe('true');
    const names = within(list)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(['History', 'Reports', 'Audit trail']);
    await user.tab();
    expect(document.activeElement).toBe(within(list).getByRole('button', { name: 'History' }));
    await user.keyboard('{Escape}');
    expect(records.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(records);
  });

  it('closes on a press outside it', async () => {
    const { user, records } = await start();
    await user.click(records);
    expect(records.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('heading', { level: 1, name: 'Vigil' }));
    expect(records.getAttribute('aria-expanded')).toBe('false');
  });

  it('has no Audit trail for a nurse who is not an administrator', async () => {
    ipc.auth = { ...ipc.auth, nurse: BEN };
    const { user, records } = await start();
    await user.click(records);
    expect(screen.getByRole('button', { name: 'Reports' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Audit trail' })).toBeNull();
  });
});

describe('a screen opened from the header', () => {
  it.each([
    ['Records', 'Reports', 'Day and shift report'],
    ['Records', 'Audit trail', 'Audit trail'],
    ['Records', 'History', 'History'],
    [null, 'Settings', 'Settings'],
    [null, 'People', 'People'],
    [null, 'Forms due', 'Forms due'],
  ])('has the focus on its heading (%s %s)', async (menu, item, heading) => {
    const { user } = await start();
    if (menu) await user.click(screen.getByRole('button', { name: menu }));
    await user.click(screen.getByRole('button', { name: item }));
    const h2 = await screen.findByRole('heading', { level: 2, name: heading });
    await vi.waitFor(() => expect(document.activeElement).toBe(h2));
    expect(screen.queryByRole('button', { name: 'Records' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Back to the board' }));
    const home = await screen.findByRole('button', { name: 'Records' });
    expect(home).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement?.hasAttribute('data-focus-home')).toBe(true));
  });
});
