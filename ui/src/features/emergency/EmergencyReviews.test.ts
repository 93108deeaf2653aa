// Emergency access in the page (issue 12, item 1): an administrator signed in with a PIN sees
// each unreviewed use with its reason and actions and marks it reviewed by keyboard; under
// emergency access the People screen and the administrator parts of Settings are not offered,
// and the banner counts down to the lock.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { ANA, BEN, ipc, resetIpc } from '../../test/fakeIpc';
import { nurseLabel } from '../../lib/labels';
import { formatDateTime } from '../../lib/time';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

const AT = '2026-07-01T10:05:00Z';
const USE_NAME = `emergency access by ${nurseLabel(BEN)} at ${formatDateTime(AT)}`;

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.emergencyUses = [
    {
      seq: 41,
      nurse: BEN,
      at: AT,
      reason: 'PIN pad broken, patient in Bay 2 waiting',
      actions: 2,
      reviewedBy: null,
      reviewedAt: null,
    },
  ];
  ipc.emergencyActions = {
    41: [
      { seq: 42, at: AT, action: 'record_check', detail: 'check 7' },
      { seq: 43, at: AT, action: 'sign_out', detail: '' },
    ],
  };
});

describe('the review of emergency access', () => {
  it('shows each use with its reason, lists its actions, and marks it reviewed by keyboard', async () => {
    const user = userEvent.setup();
    render(App);
    const panel = await screen.findByRole('region', { name: 'Emergency access to review' });
    const use = within(panel).getByRole('listitem', { name: USE_NAME });
    expect(use.textContent).toContain('“PIN pad broken, patient in Bay 2 waiting”');
    expect(use.textContent).toContain('2 actions under it');

    within(use).getByRole('button', { name: `Show the actions of ${USE_NAME}` }).focus();
    await user.keyboard('{Enter}');
    const list = await within(use).findByRole('list', { name: `Actions of ${USE_NAME}` });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `${formatDateTime(AT)} record check: check 7`,
      `${formatDateTime(AT)} sign out`,
    ]);

    within(use).getByRole('button', { name: `Mark reviewed: ${USE_NAME}` }).focus();
    await user.keyboard('{Enter}');
    expect(api.reviewEmergencyUse).toHaveBeenCalledWith(41);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `Reviewed: ${USE_NAME}.`);
    expect(screen.queryByRole('listitem', { name: USE_NAME })).toBeNull();
    expect(document.activeElement?.id).toBe('emergency-reviews-title');
  });

  it('is not shown to a nurse, nor under emergency access as an administrator', async () => {
    ipc.auth = { ...ipc.auth, nurse: BEN };
    const { unmount } = render(App);
    await screen.findByText('Signed in as Ben Okafor, RN');
    expect(screen.queryByRole('region', { name: 'Emergency access to review' })).toBeNull();
    unmount();

    ipc.auth = { ...ipc.auth, nurse: ANA, emergency: true, emergencyEndsAt: new Date(Date.now() + 600_000).toISOString() };
    render(App);
    await screen.findByText('Signed in as Ana Ruiz, RN');
    expect(screen.queryByRole('region', { name: 'Emergency access to review' })).toBeNull();
    expect(api.loadEmergencyUses).not.toHaveBeenCalled();
  });
});

describe('emergency access as an administrator account', () => {
  it('offers no People screen, no settings change, and shows the time left', async () => {
    const user = userEvent.setup();
    ipc.auth = { ...ipc.auth, nurse: ANA, emergency: true, emergencyEndsAt: new Date(Date.now() + 600_000).toISOString() };
    render(App);
    await screen.findByText('Signed in as Ana Ruiz, RN');
    const banner = screen.getByRole('region', { name: 'Emergency access' });
    expect(banner.textContent).toMatch(/Locks in (10:00|09:59); then a PIN is needed\./);
    expect(screen.queryByRole('button', { name: 'People' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('Emergency access allows clinical work only: settings cannot be changed.')).toBeTruthy();
    expect((screen.getByLabelText('Lock after idle (seconds)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Emergency access lasts (minutes)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save idle lock' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets an administrator with a PIN set how long it lasts, refusing a bad value beside the field', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const field = (await screen.findByLabelText('Emergency access lasts (minutes)')) as HTMLInputElement;
    expect(field.value).toBe('30');
    await user.clear(field);
    await user.type(field, '200');
    await user.click(screen.getByRole('button', { name: 'Save emergency access time' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, '15');
    await user.click(screen.getByRole('button', { name: 'Save emergency access time' }));
    expect(api.updateEmergencyLimit).toHaveBeenLastCalledWith({ minutes: 15 });
    expect(ipc.settings.emergencyMinutes).toBe(15);
  });
});
