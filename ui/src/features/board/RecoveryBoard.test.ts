// The board as one line per patient: compact cells, the details row and the row menu (the
// keyboard and the selection: RecoveryBoardKeys.test.ts).
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { row } from '../../test/fixtures';
import { bayOf, board, cell, cleared, clock, notReady, planned, rowOf, text } from '../../test/recoveryBoard';


describe('one line per patient', () => {
  it('shows compact cells: protocol, readiness with its count and first reason, next check, escort', () => {
    board();
    expect(text(cell('Bay 5', 'Protocol'))).toBe('IV 60 min');
    expect(text(cell('Bay 6', 'Protocol'))).toBe('Spravato 120 min');
    expect(text(cell('Bay 5', 'Readiness'))).toBe('Not ready (2): Gait');
    expect(within(rowOf('Bay 5')).queryAllByRole('listitem')).toEqual([]);
    expect(text(cell('Bay 6', 'Readiness'))).toBe('Cleared');
    expect(text(cell('Bay 7', 'Readiness'))).toBe('Awaiting escort');
    const next = cell('Bay 5', 'Next check');
    expect(text(next)).toBe(`Vitals ${clock(planned)} overdue`);
    expect(next.classList.contains('overdue')).toBe(true);
    expect(text(cell('Bay 7', 'Next check'))).toBe('—');
    expect(text(cell('Bay 5', 'Escort'))).toBe('expected');
    expect(text(cell('Bay 5', 'Patient'))).toBe('Testy McTestface');
  });

  it('shows the countdown, "Reached" once the minimum is reached, and marks an open alert', async () => {
    const { rerender } = board({ now: Date.parse(notReady.endsAt) - 600_000 });
    expect(text(cell('Bay 5', 'Time left'))).toBe('10:00');
    expect(rowOf('Bay 5').classList.contains('reached')).toBe(false);
    expect(text(cell('Bay 6', 'Time left'))).toBe(`Reached since ${clock(Date.parse(cleared.endsAt))}`);
    expect(rowOf('Bay 6').classList.contains('reached')).toBe(true);
    const alerted = screen.getByRole('rowheader', { name: 'Bay 6' });
    expect(document.getElementById(alerted.getAttribute('aria-describedby')!)?.textContent).toBe('alert open');
    expect(alerted.querySelector('.alert-mark')).not.toBeNull();
    expect(screen.getByRole('rowheader', { name: 'Bay 5' }).hasAttribute('aria-describedby')).toBe(false);

    await rerender({ now: Date.parse(notReady.endsAt) - 61_000 });
    expect(text(cell('Bay 5', 'Time left'))).toBe('01:01');
    await rerender({ now: Date.parse(notReady.endsAt) + 1 });
    expect(text(cell('Bay 5', 'Time left'))).toMatch(/^Reached since/);
    expect(rowOf('Bay 5').classList.contains('reached')).toBe(true);
  });

  it('expands a row to every failing gate, the PADSS, the clock and who admitted', async () => {
    const user = userEvent.setup();
    board();
    const toggle = screen.getByRole('button', { name: 'Show details for Bay 5' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(details.tagName).toBe('TR');
    expect(details.previousElementSibling).toBe(rowOf('Bay 5'));
    expect(within(details).getAllByRole('listitem').map(text)).toEqual(notReady.missing);
    const term = (name: string) => text(within(details).getByText(name).nextElementSibling!);
    expect(term('PADSS')).toBe('7/10 (incomplete)');
    expect(term('Admitted by')).toBe('Ana Ruiz, RN');
    expect(term('State')).toBe('Recovering');
    expect(term('Protocol')).toBe('IV ketamine, 60 min');
    await user.click(toggle);
    expect(document.getElementById(details.id)).toBeNull();
  });
});

describe('row actions', () => {
  it('shows Check and Open, departure when cleared, and the rest in a menu naming the bay', async () => {
    const user = userEvent.setup();
    const { handlers } = board();
    expect(screen.getByRole('button', { name: 'Record check for Bay 5' }).textContent).toBe('Check');
    expect(screen.getByRole('button', { name: 'Open Bay 5' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record departure for Bay 5' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Record departure for Bay 6' })).toBeTruthy();
    expect(screen.queryByRole('menuitem')).toBeNull();

    const more = screen.getByRole('button', { name: 'More actions for Bay 5' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'More actions for Bay 5' });
    expect(within(menu).getAllByRole('menuitem').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Add note for Bay 5',
      'Escort for Bay 5',
      'Escort arrived for Bay 5',
      'Discharge Bay 5',
      'Left against advice: Bay 5',
      'Transfer Bay 5 to emergency care',
    ]);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Add note for Bay 5');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Escort for Bay 5');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Transfer Bay 5 to emergency care');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);

    await user.click(more);
    await user.click(screen.getByRole('menuitem', { name: 'Discharge Bay 5' }));
    expect(bayOf(handlers.onDischarge)).toEqual(['Bay 5']);
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'More actions for Bay 6' }));
    const clearedMenu = screen.getByRole('menu', { name: 'More actions for Bay 6' });
    expect(within(clearedMenu).getAllByRole('menuitem').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Add note for Bay 6',
      'Escort for Bay 6',
      'Discharge sheet for Bay 6',
      'Transfer Bay 6 to emergency care',
    ]);
    await user.click(screen.getByText('Patients in recovery'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('disables the actions that open a form while a form is open', async () => {
    const user = userEvent.setup();
    board({ formOpen: true });
    expect((screen.getByRole('button', { name: 'Record check for Bay 5' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Open Bay 5' }) as HTMLButtonElement).disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'More actions for Bay 5' }));
    const item = (name: string) => screen.getByRole('menuitem', { name }) as HTMLButtonElement;
    expect(item('Discharge Bay 5').disabled).toBe(true);
    expect(item('Escort arrived for Bay 5').disabled).toBe(false);
    expect(document.activeElement).toBe(item('Escort arrived for Bay 5'));
  });
});
