// The board's keyboard: the selection, single keys, where the focus is, the shortcuts help,
// label in name and the menu's Tab.
import { fireEvent, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { row } from '../../test/fixtures';
import { bayOf, board, cell, cleared, notReady, rowOf, text, third } from '../../test/recoveryBoard';

describe('the keyboard', () => {
  it('moves the selection with the arrows, Home and End, and opens the record with Enter', async () => {
    const user = userEvent.setup();
    const { handlers } = board();
    const selected = () => screen.getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected()).toEqual([rowOf('Bay 5')]);
    expect(rowOf('Bay 5').tabIndex).toBe(0);
    expect(rowOf('Bay 6').tabIndex).toBe(-1);

    await user.tab(); // the shortcuts button, then the selected row
    await user.tab();
    expect(document.activeElement).toBe(rowOf('Bay 5'));
    await user.keyboard('{ArrowDown}');
    expect(selected()).toEqual([rowOf('Bay 6')]);
    expect(document.activeElement).toBe(rowOf('Bay 6'));
    expect([rowOf('Bay 5').tabIndex, rowOf('Bay 6').tabIndex]).toEqual([-1, 0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rowOf('Bay 7'));
    await user.keyboard('{ArrowDown}'); // stays on the last row
    expect(selected()).toEqual([rowOf('Bay 7')]);
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(bayOf(handlers.onOpen)).toEqual(['Bay 6']);
  });

  it('acts on the selected row with c, e, d and n, and admits with a', async () => {
    const user = userEvent.setup();
    const { handlers } = board();
    rowOf('Bay 7').focus();
    await user.keyboard('c');
    await user.keyboard('e');
    await user.keyboard('n');
    await user.keyboard('d');
    expect(bayOf(handlers.onRecordCheck)).toEqual(['Bay 7']);
    expect(bayOf(handlers.onEscort)).toEqual(['Bay 7']);
    expect(bayOf(handlers.onNote)).toEqual(['Bay 7']);
    expect(bayOf(handlers.onDischarge)).toEqual(['Bay 7']);
    // A cleared patient is not discharged again.
    rowOf('Bay 6').focus();
    await user.keyboard('d');
    expect(bayOf(handlers.onDischarge)).toEqual(['Bay 7']);
    await user.keyboard('a');
    expect(handlers.onAdmit).toHaveBeenCalledTimes(1);
  });

  it('ignores keys typed in a field, with a modifier, or while a form is open', async () => {
    const user = userEvent.setup();
    const { handlers, rerender } = board();
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await user.keyboard('cedna?');
    rowOf('Bay 5').focus();
    await user.keyboard('{Control>}c{/Control}{Alt>}e{/Alt}{Shift>}N{/Shift}');
    await rerender({ formOpen: true });
    await user.keyboard('cedn{ArrowDown}');
    const called = Object.values(handlers).filter((fn) => fn.mock.calls.length > 0);
    expect(called).toEqual([]);
    expect(rowOf('Bay 5').getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();
    field.remove();
  });

  it('shows the shortcuts with ? and closes them with Escape, focus back on the row', async () => {
    const user = userEvent.setup();
    const { handlers } = board();
    rowOf('Bay 6').focus();
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['↑ / ↓', 'Enter', 'C', 'E', 'D', 'N', 'A', '?']) {
      expect(within(help).getByRole('rowheader', { name: key })).toBeTruthy();
    }
    await user.keyboard('c'); // keys are not the board's while the help is open
    expect(handlers.onRecordCheck).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(rowOf('Bay 6'));

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the keyboard, where the focus is', () => {
  it('acts with c, e, d, n and Enter only from the board, not from a button elsewhere', async () => {
    const user = userEvent.setup();
    const { handlers } = board();
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Acknowledge alert for Bay 9';
    document.body.append(elsewhere);
    elsewhere.focus();
    await user.keyboard('cedn');
    fireEvent.keyDown(elsewhere, { key: 'Enter' });
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('cedn');
    const called = Object.values(handlers).filter((fn) => fn.mock.calls.length > 0);
    expect(called).toEqual([]);
    // a and ? stay page-wide.
    elsewhere.focus();
    await user.keyboard('a');
    expect(handlers.onAdmit).toHaveBeenCalledTimes(1);
    elsewhere.remove();
  });

  it('takes C, E, D and N typed with Caps Lock (no Shift) as c, e, d and n', () => {
    const { handlers } = board();
    const tr = rowOf('Bay 7');
    tr.focus();
    for (const key of ['C', 'E', 'D', 'N']) fireEvent.keyDown(tr, { key });
    fireEvent.keyDown(tr, { key: 'C', shiftKey: true });
    expect(bayOf(handlers.onRecordCheck)).toEqual(['Bay 7']);
    expect(bayOf(handlers.onEscort)).toEqual(['Bay 7']);
    expect(bayOf(handlers.onDischarge)).toEqual(['Bay 7']);
    expect(bayOf(handlers.onNote)).toEqual(['Bay 7']);
  });

  it('leaves keys pressed in another dialog over the shortcuts to that dialog', async () => {
    const user = userEvent.setup();
    board();
    rowOf('Bay 5').focus();
    await user.keyboard('?');
    const other = document.createElement('div');
    other.setAttribute('role', 'alertdialog');
    const button = document.createElement('button');
    button.textContent = 'Acknowledge';
    other.append(button);
    document.body.append(other);
    button.focus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    await user.tab();
    expect(document.activeElement, 'Tab is not pulled into the shortcuts').not.toBe(
      screen.getByRole('button', { name: 'Close' }),
    );
    other.remove();
  });
});

describe('the selection', () => {
  it('goes to the neighbour when the selected patient leaves, with the focus if it was there', async () => {
    const { rerender } = board();
    screen.getByRole('button', { name: 'Open Bay 6' }).focus();
    await tick();
    expect(rowOf('Bay 6').getAttribute('aria-selected')).toBe('true');
    await rerender({ rows: [notReady, third] });
    expect(rowOf('Bay 7').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(rowOf('Bay 7'));
    // The last row leaves: the one before it now; the focus elsewhere stays where it is.
    const caption = screen.getByText('Patients in recovery');
    caption.focus();
    await rerender({ rows: [notReady] });
    expect(rowOf('Bay 5').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(caption);
  });

  it('comes back with the focus on the row selected before the record was opened', async () => {
    const user = userEvent.setup();
    const first = board({ selectedId: null });
    expect(document.activeElement).toBe(document.body);
    rowOf('Bay 7').focus();
    await user.keyboard('{Enter}');
    expect(bayOf(first.handlers.onOpen)).toEqual(['Bay 7']);
    first.unmount();
    // The parent kept the selection (bound); the board comes back with it.
    board({ selectedId: 7 });
    expect(rowOf('Bay 7').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(rowOf('Bay 7'));
  });
});

describe('label in name', () => {
  it("puts every action's visible words in its accessible name", async () => {
    const user = userEvent.setup();
    board();
    await user.click(screen.getByRole('button', { name: 'More actions for Bay 5' }));
    const controls = [...screen.getAllByRole('button'), ...screen.getAllByRole('menuitem')];
    for (const control of controls) {
      const name = (control.getAttribute('aria-label') ?? control.textContent ?? '').toLowerCase();
      expect(name, name).toContain(text(control)!.toLowerCase());
    }
    expect(text(screen.getByRole('menuitem', { name: 'Escort for Bay 5' }))).toBe('Escort');
    expect(text(screen.getByRole('menuitem', { name: 'Transfer Bay 5 to emergency care' }))).toBe('Transfer');
    expect(text(screen.getByRole('button', { name: 'Show details for Bay 5' }))).toBe('');
  });

  it('gives the focus back to the menu button on Tab, and Tab goes on from it', async () => {
    const user = userEvent.setup();
    board();
    const more = screen.getByRole('button', { name: 'More actions for Bay 5' });
    await user.click(more);
    await user.tab({ shift: true });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show details for Bay 5' }));
    await user.click(more);
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(rowOf('Bay 6').querySelector('button'));
  });
});

describe('the locked board', () => {
  it('marks an open alert with "!" and "alert open", not the colour alone', () => {
    board({ locked: true });
    const alerted = screen.getByRole('rowheader', { name: 'Bay 6' });
    expect(alerted.querySelector('.alert-mark')).not.toBeNull();
    expect(document.getElementById(alerted.getAttribute('aria-describedby')!)?.textContent).toBe('alert open');
    expect(rowOf('Bay 6').classList.contains('reached')).toBe(true);
    expect(screen.getByRole('rowheader', { name: 'Bay 5' }).hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows bay, initials and time left only, and no keys act', async () => {
    const user = userEvent.setup();
    const { handlers } = board({ locked: true });
    expect(screen.getAllByRole('columnheader').map(text)).toEqual(['Bay', 'Patient', 'Time left']);
    expect(text(cell('Bay 5', 'Patient'))).toBe('T. M.');
    expect(screen.queryByText('Testy McTestface')).toBeNull();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(rowOf('Bay 5').hasAttribute('aria-selected')).toBe(false);
    await user.keyboard('c?');
    expect(handlers.onRecordCheck).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
