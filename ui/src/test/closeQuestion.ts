// The close question asked in the whole app, shared by the close dialog's test files (each
// mocks lib/ipc with the fake IPC first): a request, the counts the dialog shows, the app on a
// screen with the question asked, the shell's record and alert events, and a call held open.
import { render, screen, within } from '@testing-library/svelte';
import { vi } from 'vitest';
import * as api from '../lib/ipc';
import type { CloseRequest } from '../lib/ipc';
import App from '../App.svelte';
import { requestClose } from './fakeIpc';

export const QUIT_MEANS = 'If Vigil quits, no alert or notification reaches you until it is started again.';
export const NO_TRAY = 'Start Vigil again from the applications menu to show it; an alert brings it back.';

/** The window's close with 2 patients and 1 alert (the fake's board in these tests). */
export const asked = (changes: Partial<CloseRequest> = {}): CloseRequest => ({
  reason: 'window',
  patientsInRecovery: 2,
  openAlerts: 1,
  trayAvailable: true,
  ...changes,
});

/** The counts the dialog shows, one per line. */
export const counts = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Right now' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

/** The app on the screen headed `heading` (the board's table when not given), then the shell
    asks with `request`; resolves with the dialog. */
export async function ask(request: CloseRequest, heading?: string) {
  render(App);
  await (heading
    ? screen.findByRole('heading', { name: heading })
    : screen.findByRole('table', { name: 'Patients in recovery' }));
  requestClose(request);
  return screen.findByRole('alertdialog');
}

/** The ids the dialog's description is made of. */
export const describedBy = (dialog: HTMLElement) => (dialog.getAttribute('aria-describedby') ?? '').split(' ');

/** The shell's `records-changed` and `alert-raised`, to every listener the page started. */
export const recordsChanged = () => vi.mocked(api.onRecordsChanged).mock.calls.forEach(([handler]) => handler());
export const alertRaised = () => vi.mocked(api.onAlertRaised).mock.calls.forEach(([handler]) => handler());

/** A promise the test settles by hand (a call on its way to the shell). */
export function held<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}
