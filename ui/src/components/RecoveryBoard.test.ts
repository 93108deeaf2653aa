// The board as one line per patient: compact cells, the details row, the row menu and the
// board's keyboard.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { BoardRow } from '../lib/ipc';
import { row } from '../test/fixtures';
import RecoveryBoard from './RecoveryBoard.svelte';

const two = (n: number) => String(n).padStart(2, '0');
const clock = (ms: number) => `${two(new Date(ms).getHours())}:${two(new Date(ms).getMinutes())}`;
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();

function cell(bay: string, column: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Patients in recovery' });
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
  const tr = within(table).getByRole('rowheader', { name: bay }).closest('tr')!;
  return tr.children[headers.indexOf(column)] as HTMLElement;
}
const rowOf = (bay: string) => screen.getByRole('rowheader', { name: bay }).closest('tr')!;

const planned = Date.now() - 20 * 60_000;
const notReady: BoardRow = {
  ...row(5, 'Bay 5', 'Testy McTestface'),
  nextCheck: {
    key: 'iv:vitals:+15',
    kind: 'vitals',
    label: 'Vitals at +15 min',
    plannedAt: new Date(planned).toISOString(),
    overdueAt: new Date(planned + 5 * 60_000).toISOString(),
    status: 'overdue',
    doneBy: null,
    doneAt: null,
  },
  missing: ['Lightheadedness and gait: Check positive (systolic fell 16 mmHg)', 'Planned checks: 1 check overdue'],
  padssTotal: 7,
  escortStatus: 'expected',
};
const cleared: BoardRow = {
  ...row(6, 'Bay 6', 'Test Patient', -60_000),
  protocol: 'spravato',
  minimumMinutes: 120,
  readiness: 'ready',
  missing: [],
  phase: 'cleared',
  escortStatus: 'arrived',
  alertActive: true,
};
const third: BoardRow = { ...row(7, 'Bay 7', 'Other Patient'), readiness: 'ready_awaiting_escort', missing: ['Escort'] };

function board(props: Record<string, unknown> = {}) {
  const handlers = {
    onAdmit: vi.fn(),
    onRecordCheck: vi.fn(),
    onNote: vi.fn(),
    onOpen: vi.fn(),
    onEscort: vi.fn(),
    onEscortArrived: vi.fn(),
    onDischarge: vi.fn(),
    onAgainstAdvice: vi.fn(),
    onTransfer: vi.fn(),
    onDepart: vi.fn(),
    onSheet: vi.fn(),
  };
  const view = render(RecoveryBoard, {
    rows: [notReady, cleared, third],
    now: Date.now(),
    canAdmit: true,
    ...handlers,
    ...props,
  });
  return { ...view, handlers };
}
const bayOf = (fn: ReturnType<typeof vi.fn>) => fn.mock.calls.map(([r]) => (r as BoardRow).bay);

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
