import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { Role } from '../../lib/ipc';
import { graceOutOfRange } from '../../test/backendMessages';
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

describe('the idle lock', () => {
  it('saves the seconds typed', async () => {
    const user = userEvent.setup();
    const props = show();
    const field = screen.getByLabelText('Lock after idle (seconds)') as HTMLInputElement;
    expect(field.value).toBe('120');
    await user.clear(field);
    await user.type(field, '300');
    await user.click(screen.getByRole('button', { name: 'Save idle lock' }));
    expect(api.updateIdleLock).toHaveBeenCalledWith({ seconds: 300 });
    expect(props.onChanged).toHaveBeenCalled();
  });

  it('shows a refusal beside the field', async () => {
    const user = userEvent.setup();
    show();
    const field = screen.getByLabelText('Lock after idle (seconds)');
    await user.clear(field);
    await user.type(field, '5{Enter}');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('setting-idleLock-error')?.textContent).toContain('20 to 3600');
  });
});

describe('clinical alert thresholds', () => {
  const LABELS = [
    'Critical systolic (mmHg)',
    'Critical diastolic (mmHg)',
    'Rise over baseline, systolic (mmHg)',
    'Rise over baseline, diastolic (mmHg)',
    'SpO2 alert below (%)',
    'Heart rate low',
    'Heart rate high',
    'Respiratory rate low',
    'Respiratory rate high',
    'High systolic for emergency prompt',
    'High diastolic for emergency prompt',
    'Critical BP re-check (minutes)',
  ];

  it('shows the limits in force and saves what was typed', async () => {
    const user = userEvent.setup();
    const props = show();
    expect(screen.getByRole('heading', { name: 'Clinical alert thresholds' })).toBeTruthy();
    expect(LABELS.map((l) => (screen.getByLabelText(l) as HTMLInputElement).value)).toEqual([
      '180', '110', '40', '25', '92', '50', '120', '10', '24', '160', '100', '5',
    ]);
    const low = screen.getByLabelText('Heart rate low');
    await user.clear(low);
    await user.type(low, '45');
    await user.click(screen.getByRole('button', { name: 'Save thresholds' }));
    expect(api.updateThresholds).toHaveBeenCalledWith({ ...ipc.settings.thresholds, heartRateLow: 45 });
    expect(props.onChanged).toHaveBeenCalled();
  });

  it('shows a refusal beside its field and keeps what was typed', async () => {
    const user = userEvent.setup();
    show();
    const critical = screen.getByLabelText('Critical systolic (mmHg)') as HTMLInputElement;
    await user.clear(critical);
    await user.type(critical, '120{Enter}');
    expect(critical.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('threshold-criticalSystolic-error')?.textContent).toContain('140 to 260');
    expect(document.activeElement).toBe(critical);
    expect(critical.value).toBe('120');
  });

  it('refuses text that is not a number before sending', async () => {
    const user = userEvent.setup();
    show();
    const spo2 = screen.getByLabelText('SpO2 alert below (%)');
    await user.clear(spo2);
    await user.type(spo2, 'low');
    await user.click(screen.getByRole('button', { name: 'Save thresholds' }));
    expect(api.updateThresholds).not.toHaveBeenCalled();
    expect(spo2.getAttribute('aria-invalid')).toBe('true');
  });

  it('is read-only for someone who is not an administrator', () => {
    show('nurse');
    for (const label of LABELS) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled, label).toBe(true);
    }
    expect((screen.getByRole('button', { name: 'Save thresholds' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the check schedule', () => {
  it('shows the timings in force, saves an edit and puts a refusal beside its field', async () => {
    const user = userEvent.setup();
    const props = show();
    expect(screen.getByRole('heading', { name: 'Check schedule' })).toBeTruthy();
    const every = screen.getByLabelText('IV ketamine: vitals every (minutes)') as HTMLInputElement;
    expect(every.value).toBe('15');
    await user.clear(every);
    await user.type(every, '10');
    await user.click(screen.getByRole('button', { name: 'Save check schedule' }));
    expect(api.updateCheckPlan).toHaveBeenCalledWith({
      ivVitalsEveryMinutes: 10,
      spravatoPeakMinutes: 40,
      positiveRecheckMinutes: 15,
      graceMinutes: 5,
      earlyMinutes: 5,
    });
    expect(props.onChanged).toHaveBeenCalled();
    const grace = screen.getByLabelText('Overdue after (minutes past due)');
    await user.clear(grace);
    await user.type(grace, '0');
    await user.click(screen.getByRole('button', { name: 'Save check schedule' }));
    expect(await screen.findByText(graceOutOfRange.message)).toBeTruthy();
    expect(document.activeElement).toBe(grace);
  });
});

describe('backups', () => {
  it('saves the backup settings', async () => {
    const user = userEvent.setup();
    show();
    const every = screen.getByLabelText('Backup every (minutes)');
    await user.clear(every);
    await user.type(every, '30');
    await user.click(screen.getByRole('button', { name: 'Save backup settings' }));
    expect(api.updateBackupSettings).toHaveBeenCalledWith({
      folder: '/srv/vigil-backups',
      intervalMinutes: 30,
      keep: 24,
    });
  });

  it('backs up now and lists the new backup', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table', { name: /Backups/ });
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(api.backUpNow).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('rowheader', { name: 'vigil-20261127-1500.sqlite3' })).toBeTruthy();
  });

  it('restores only after the confirmation', async () => {
    const user = userEvent.setup();
    const props = show();
    const file = 'vigil-20261127-1400.sqlite3';
    const table = await screen.findByRole('table', { name: /Backups/ });
    const row = within(table).getByRole('rowheader', { name: file }).closest('tr')!;
    expect(within(row).getByText('200 KiB')).toBeTruthy();
    expect(within(row).getByText('fedcba987654')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: `Restore ${file}` }));
    expect(api.restoreBackup).not.toHaveBeenCalled();
    const confirm = within(row).getByRole('button', { name: `Confirm restore of ${file}` });
    expect(document.activeElement).toBe(confirm);

    await user.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(api.restoreBackup).not.toHaveBeenCalled();

    await user.click(within(row).getByRole('button', { name: `Restore ${file}` }));
    await user.click(within(row).getByRole('button', { name: `Confirm restore of ${file}` }));
    expect(api.restoreBackup).toHaveBeenCalledWith({ file });
    expect(props.onIntegrity).toHaveBeenCalledWith(ipc.integrity);
    expect(props.onRestored).toHaveBeenCalled();
    expect(screen.getByText(/^Restored vigil-20261127-1400\.sqlite3\. Verified: 42 audit entries/)).toBeTruthy();
  });
});

describe('record integrity', () => {
  it('shows the verified head and verifies on request', async () => {
    const user = userEvent.setup();
    const props = show();
    expect(screen.getByText('Verified: 42 audit entries, head 0123456789ab')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Verify records now' }));
    expect(api.verifyRecords).toHaveBeenCalledTimes(1);
    expect(props.onIntegrity).toHaveBeenCalledWith(ipc.integrity);
  });
});

describe('for someone who is not an administrator', () => {
  it('disables every change and verification but keeps the test notification', async () => {
    const user = userEvent.setup();
    const props = show('nurse');
    expect(screen.getByText('Only an administrator can change settings.')).toBeTruthy();
    for (const label of [
      'Minimum minutes, IV ketamine',
      'Repeat an unacknowledged alert every (minutes)',
      'Lock after idle (seconds)',
      'Backup folder',
      'Backup every (minutes)',
      'Backups kept',
    ]) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled, label).toBe(true);
    }
    for (const name of ['Save IV ketamine', 'Save alert repeat', 'Save idle lock', 'Save backup settings', 'Back up now']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled, name).toBe(true);
    }
    expect(api.loadBackups).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(props.onTestNotification).toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Verify records now' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the discharge policy', () => {
  it('shows the policy in force, saves an edit and puts a refusal beside its field', async () => {
    const user = userEvent.setup();
    const props = show();
    const rideshare = screen.getByLabelText('Allow going home by rideshare alone') as HTMLInputElement;
    expect(rideshare.checked).toBe(false);
    expect((screen.getByLabelText('Escort late alert after (minutes)') as HTMLInputElement).value).toBe('10');
    const nausea = screen.getByLabelText('Highest nausea score for discharge (0-3)') as HTMLInputElement;
    expect(nausea.value).toBe('1');

    await user.click(rideshare);
    await user.clear(nausea);
    await user.type(nausea, '5');
    await user.click(screen.getByRole('button', { name: 'Save discharge policy' }));
    expect(nausea.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(nausea);

    await user.clear(nausea);
    await user.type(nausea, '2');
    await user.click(screen.getByRole('button', { name: 'Save discharge policy' }));
    expect(ipc.policyEdits).toEqual([
      {
        allowRideshareAlone: true,
        allowPublicTransportAlone: false,
        escortLateMinutes: 10,
        maxNausea: 2,
        remsWarnFromDay: 5,
      },
    ]);
    expect(props.onChanged).toHaveBeenCalledWith(expect.objectContaining({ discharge: ipc.policyEdits[0] }));
  });

  it('sets the day REMS forms become due soon, refusing a day outside 1-7 beside its field', async () => {
    const user = userEvent.setup();
    show();
    const warn = screen.getByLabelText('REMS form due soon from day (1-7)') as HTMLInputElement;
    expect(warn.value).toBe('5');
    await user.clear(warn);
    await user.type(warn, '8');
    await user.click(screen.getByRole('button', { name: 'Save discharge policy' }));
    expect(warn.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(warn);
    expect(ipc.policyEdits).toEqual([]);

    await user.clear(warn);
    await user.type(warn, '4');
    await user.click(screen.getByRole('button', { name: 'Save discharge policy' }));
    expect(ipc.policyEdits.map((e) => e.remsWarnFromDay)).toEqual([4]);
  });

  it('is read-only for someone who is not an administrator', () => {
    show('nurse');
    expect((screen.getByLabelText('Allow going home by public transport alone') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save discharge policy' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
