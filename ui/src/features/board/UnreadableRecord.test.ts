// One unreadable stored record affects only its own patient (issue 12, item 2): the board shows
// that row with its bay and why, and every other row as usual, signed in or locked.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { BoardRow, UnreadableSession } from '../../lib/ipc';
import { row } from '../../test/fixtures';
import RecoveryBoard from './RecoveryBoard.svelte';

const lost: UnreadableSession = {
  sessionId: 7,
  bay: 'Bay 7',
  reason: 'stored row recovery_sessions#7 is invalid: protocol',
};
const partly: BoardRow = {
  ...row(8, 'Bay 8', 'Other Patient'),
  readiness: null,
  missing: [],
  unreadable: 'stored row checks#12 is invalid: data',
};

function board(locked: boolean, rows: BoardRow[], unreadable: UnreadableSession[]) {
  return render(RecoveryBoard, {
    props: { rows, unreadable, now: Date.now(), canAdmit: true, onAdmit: () => {}, locked },
  });
}

const rowOf = (bay: string) => screen.getByRole('rowheader', { name: bay }).closest('tr')!;

describe('a record that cannot be read', () => {
  for (const locked of [false, true]) {
    it(`is named with its bay and id, the others unaffected (${locked ? 'locked' : 'signed in'})`, () => {
      board(locked, [row(1, 'Bay 1', 'Testy McTestface'), partly], [lost]);
      const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Bay 7', 'Bay 1', 'Bay 8']);

      expect(within(rowOf('Bay 7')).getByRole('alert').textContent).toBe(
        'The record of Bay 7 cannot be read (session #7): stored row recovery_sessions#7 is invalid: protocol. ' +
          'Check this patient by hand and tell the administrator.',
      );
      expect(rowOf('Bay 7').classList.contains('unreadable')).toBe(true);
      expect(within(rowOf('Bay 8')).getByRole('alert').textContent).toContain(
        'The record of Bay 8 cannot be read (session #8): stored row checks#12 is invalid: data.',
      );
      expect(within(rowOf('Bay 1')).queryByRole('alert')).toBeNull();
      expect(rowOf('Bay 1').classList.contains('unreadable')).toBe(false);
      expect(rowOf('Bay 1').querySelector('.countdown')?.textContent).toMatch(/\d+:\d\d/);
    });
  }

  it('counts as a patient in recovery: the board is not shown empty', () => {
    board(false, [], [{ ...lost, bay: null }]);
    expect(screen.queryByText('No patients in recovery')).toBeNull();
    expect(screen.getByRole('rowheader', { name: 'Session #7' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The record of Session #7 cannot be read (session #7)');
  });

  it('keeps the partly readable row workable: its actions are there', () => {
    board(false, [partly], []);
    expect(within(rowOf('Bay 8')).getByRole('button', { name: 'Open Bay 8' })).toBeTruthy();
  });
});
