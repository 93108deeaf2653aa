// The audit trail review (issue 16): the chain's state, the filter sent as typed (days, nurse,
// action, session number), "Show older entries" paging without a gap or a repeat, a bad
// session number refused beside its field, the export of what the filter shows, and a nurse
// refused by the backend; an older, slower answer never overwrites a newer filter's, a Filter
// click during the first load counts, a session given by History is applied, and focus moves to
// the first older entry shown or to a failed export's alert.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { AuditRow } from '../../lib/ipc';
import { administratorsOnly } from '../../test/backendMessages';
import { BEN, ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import AuditScreen from './AuditScreen.svelte';

const row = (seq: number, action: string): AuditRow => ({
  seq,
  at: '2026-07-01T10:05:00Z',
  nurse: 'Ben Okafor, RN',
  action,
  records: action === 'record_check' ? `checks:${seq}` : '',
  detail: `entry ${seq}`,
  emergencyUse: null,
});

const shownSeqs = () =>
  within(screen.getByRole('table', { name: /Audit entries/ }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => Number(within(r).getByRole('rowheader').textContent));

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.auditRows = [1, 2, 3, 4, 5].map((s) => row(s, s % 2 ? 'sign_in' : 'record_check'));
});

describe('the audit trail review', () => {
  it('shows the chain state and the entries newest first, and filters as typed', async () => {
    const user = userEvent.setup();
    render(AuditScreen);
    expect(await screen.findByText(/Verified: 42 audit entries/)).toBeTruthy();
    await screen.findByRole('cell', { name: 'entry 5' });
    expect(shownSeqs()).toEqual([5, 4, 3, 2, 1]);

    await user.type(screen.getByLabelText('From'), '2026-07-01');
    await user.type(screen.getByLabelText('To'), '2026-07-02');
    await user.selectOptions(screen.getByLabelText('Nurse'), String(BEN.id));
    await user.selectOptions(screen.getByLabelText('Action'), 'sign_in');
    await user.type(screen.getByLabelText('Session number'), '12');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(api.loadAuditTrail).toHaveBeenLastCalledWith({
      from: '2026-07-01',
      to: '2026-07-02',
      nurseId: BEN.id,
      action: 'sign_in',
      sessionId: 12,
      beforeSeq: null,
    });
    await vi.waitFor(() => expect(shownSeqs()).toEqual([5, 3, 1]));
  });

  it('pages to older entries without skipping or repeating one', async () => {
    const user = userEvent.setup();
    ipc.auditPageSize = 2;
    render(AuditScreen);
    await screen.findByRole('cell', { name: 'entry 5' });
    expect(shownSeqs()).toEqual([5, 4]);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    await vi.waitFor(() => expect(shownSeqs()).toEqual([5, 4, 3, 2]));
    expect(ipc.auditFilters.at(-1)?.beforeSeq).toBe(4);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    await vi.waitFor(() => expect(shownSeqs()).toEqual([5, 4, 3, 2, 1]));
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
  });

  it('refuses a session number that is not one beside its field, asking nothing', async () => {
    const user = userEvent.setup();
    render(AuditScreen);
    await screen.findByRole('cell', { name: 'entry 5' });
    const calls = vi.mocked(api.loadAuditTrail).mock.calls.length;
    await user.type(screen.getByLabelText('Session number'), 'Testy');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(screen.getByLabelText('Session number').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a session number.')).toBeTruthy();
    expect(vi.mocked(api.loadAuditTrail).mock.calls.length).toBe(calls);
  });

  it('exports what the filter shows, with the patient-data warning', async () => {
    const user = userEvent.setup();
    render(AuditScreen);
    await screen.findByRole('cell', { name: 'entry 5' });
    await user.selectOptions(screen.getByLabelText('Action'), 'record_check');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await vi.waitFor(() => expect(shownSeqs()).toEqual([4, 2]));
    const folder = screen.getByLabelText('Export to folder');
    await user.clear(folder);
    await user.type(folder, '/tmp/exports');
    const button = screen.getByRole('button', { name: 'Export the audit trail (CSV)' });
    expect(button.getAttribute('aria-describedby')).toBe('audit-export-warning');
    expect(screen.getByText(/holds patient data/)).toBeTruthy();
    await user.click(button);
    expect(await screen.findByText('Exported: /tmp/exports/audit-trail-20261201T090000Z.csv')).toBeTruthy();
    expect(ipc.auditExports).toEqual([
      {
        folder: '/tmp/exports',
        filter: { from: null, to: null, nurseId: null, action: 'record_check', sessionId: null, beforeSeq: null },
      },
    ]);
  });

  it('shows the newest filter even when the first, slower answer comes last', async () => {
    const user = userEvent.setup();
    const real = vi.mocked(api.loadAuditTrail).getMockImplementation()!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    vi.mocked(api.loadAuditTrail).mockImplementationOnce(async (f) => {
      await held;
      return real(f);
    });
    render(AuditScreen);
    await user.selectOptions(await screen.findByLabelText('Action'), 'record_check');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await vi.waitFor(() => expect(shownSeqs()).toEqual([4, 2]));
    release();
    await held;
    await new Promise((r) => setTimeout(r, 20));
    expect(shownSeqs()).toEqual([4, 2]);
    await user.click(screen.getByRole('button', { name: 'Export the audit trail (CSV)' }));
    await screen.findByText(/^Exported: /);
    expect(ipc.auditExports[0]!.filter.action).toBe('record_check');
  });

  it('applies the session History asks for', async () => {
    render(AuditScreen, { sessionId: 12 });
    await screen.findByRole('cell', { name: 'entry 5' });
    expect((screen.getByLabelText('Session number') as HTMLInputElement).value).toBe('12');
    expect(ipc.auditFilters).toEqual([
      { from: null, to: null, nurseId: null, action: null, sessionId: 12, beforeSeq: null },
    ]);
  });

  it('focuses the first older entry shown, in a scroll box the keyboard reaches', async () => {
    const user = userEvent.setup();
    ipc.auditPageSize = 2;
    render(AuditScreen);
    await screen.findByRole('cell', { name: 'entry 5' });
    const region = screen.getByRole('region', { name: 'Audit entries' });
    expect(region.getAttribute('tabindex')).toBe('0');
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    const third = () => screen.getByRole('row', { name: /entry 3/ });
    await vi.waitFor(() => expect(document.activeElement).toBe(third()));
  });

  it('focuses the alert when the export fails for another reason', async () => {
    const user = userEvent.setup();
    render(AuditScreen);
    await screen.findByRole('cell', { name: 'entry 5' });
    vi.mocked(api.exportAuditCsv).mockRejectedValueOnce(new Error('disk full'));
    await user.click(screen.getByRole('button', { name: 'Export the audit trail (CSV)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The audit trail could not be exported');
    await vi.waitFor(() => expect(document.activeElement).toBe(alert));
  });

  it('shows the refusal when a nurse reaches it', async () => {
    ipc.auth = { ...ipc.auth, nurse: BEN };
    render(AuditScreen);
    expect((await screen.findByRole('alert')).textContent).toContain(administratorsOnly.message);
  });
});
