import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { BEN, ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import PeopleScreen from './PeopleScreen.svelte';
import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

describe('the People screen', () => {
  it('lists every account with its role and status', async () => {
    ipc.accounts = [ipc.accounts[0]!, { ...BEN, active: false }];
    render(PeopleScreen);
    const table = await screen.findByRole('table', { name: 'Accounts' });
    const ben = within(table).getByRole('rowheader', { name: 'Ben Okafor' }).closest('tr')!;
    expect(within(ben).getByText('Nurse')).toBeTruthy();
    expect(within(ben).getByText('Deactivated')).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Reactivate Ben Okafor, RN' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Deactivate Ana Ruiz, RN' })).toBeTruthy();
  });

  it('adds an account, then clears the form and says so', async () => {
    const user = userEvent.setup();
    render(PeopleScreen);
    await screen.findByRole('table', { name: 'Accounts' });
    await user.type(screen.getByLabelText('Name'), 'Dee Lopez');
    await user.type(screen.getByLabelText('Credentials'), 'MD');
    await user.selectOptions(screen.getByLabelText('Role'), 'Prescriber');
    await user.type(screen.getByLabelText('PIN'), '9753');
    await user.type(screen.getByLabelText('PIN again'), '9753');
    await user.click(screen.getByRole('button', { name: 'Add account' }));

    expect(api.createAccount).toHaveBeenCalledWith({
      displayName: 'Dee Lopez',
      credentials: 'MD',
      role: 'prescriber',
      pin: '9753',
      pinAgain: '9753',
    });
    expect((await screen.findByRole('status')).textContent).toBe('Account added.');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('rowheader', { name: 'Dee Lopez' })).toBeTruthy();
  });

  it('shows a refused field beside it', async () => {
    const user = userEvent.setup();
    render(PeopleScreen);
    await user.type(await screen.findByLabelText('PIN'), '9753');
    await user.type(screen.getByLabelText('PIN again'), '9754');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    const again = screen.getByLabelText('PIN again');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(again);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it("explains the PIN length by role and refuses a 4-digit administrator's PIN", async () => {
    const user = userEvent.setup();
    render(PeopleScreen);
    await screen.findByRole('table', { name: 'Accounts' });
    const hint = () => document.getElementById('account-pin-hint')?.textContent;
    expect(hint()).toBe('4 to 8 digits (6 to 8 for an administrator)');
    await user.selectOptions(screen.getByLabelText('Role'), 'Admin');
    expect(hint()).toBe('6 to 8 digits for an administrator');
    await user.type(screen.getByLabelText('Name'), 'Dee Lopez');
    await user.type(screen.getByLabelText('Credentials'), 'RN');
    await user.type(screen.getByLabelText('PIN'), '9753');
    await user.type(screen.getByLabelText('PIN again'), '9753');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    const pin = screen.getByLabelText('PIN');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('account-pin-error')?.textContent).toBe("An administrator's PIN is 6 to 8 digits.");
    expect(screen.queryByRole('rowheader', { name: 'Dee Lopez' })).toBeNull();
  });

  it("asks 6 digits for an administrator's new PIN", async () => {
    const user = userEvent.setup();
    render(PeopleScreen);
    await user.click(await screen.findByRole('button', { name: 'Reset PIN for Ana Ruiz, RN' }));
    const form = screen.getByRole('form', { name: 'New PIN for Ana Ruiz, RN' });
    expect(document.getElementById('reset-pin-hint')?.textContent).toBe('6 to 8 digits for an administrator');
    await user.keyboard('1122');
    await user.type(within(form).getByLabelText('New PIN again'), '1122');
    await user.click(within(form).getByRole('button', { name: 'Save new PIN' }));
    expect(within(form).getByLabelText('New PIN').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('reset-pin-error')?.textContent).toBe("An administrator's PIN is 6 to 8 digits.");
  });

  it('deactivates an account and keeps the focus on its button', async () => {
    const user = userEvent.setup();
    render(PeopleScreen);
    const button = await screen.findByRole('button', { name: 'Deactivate Ben Okafor, RN' });
    await user.click(button);
    expect(api.setAccountActive).toHaveBeenCalledWith({ nurseId: BEN.id, active: false });
    expect(await screen.findByRole('button', { name: 'Reactivate Ben Okafor, RN' })).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(screen.getByRole('status').textContent).toBe('Ben Okafor, RN deactivated.');
  });

  it('resets a PIN, typed twice', async () => {
    const user = userEvent.setup();
    render(PeopleScreen);
    await user.click(await screen.findByRole('button', { name: 'Reset PIN for Ben Okafor, RN' }));
    const form = screen.getByRole('form', { name: 'New PIN for Ben Okafor, RN' });
    expect(document.activeElement).toBe(within(form).getByLabelText('New PIN'));
    await user.keyboard('1122');
    await user.type(within(form).getByLabelText('New PIN again'), '1122');
    await user.click(within(form).getByRole('button', { name: 'Save new PIN' }));
    expect(api.resetPin).toHaveBeenCalledWith({ nurseId: BEN.id, pin: '1122', pinAgain: '1122' });
    expect(screen.queryByRole('form', { name: 'New PIN for Ben Okafor, RN' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('New PIN saved for Ben Okafor, RN.');
  });
});

describe('the People button', () => {
  it('is there for an administrator and leads back to the board', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'People' }));
    expect(screen.getByRole('heading', { name: 'People' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to the board' }));
    expect(await screen.findByRole('heading', { name: 'No patients in recovery' })).toBeTruthy();
  });

  it('is not there for a nurse', async () => {
    ipc.auth = { ...ipc.auth, nurse: BEN };
    render(App);
    expect(await screen.findByText('Signed in as Ben Okafor, RN')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'People' })).toBeNull();
  });
});
