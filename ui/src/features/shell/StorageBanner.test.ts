// The red "Records cannot be saved" banner (issue 12, item 2), and forms that keep what the
// nurse typed when a save fails because storage refuses it, so Save can be pressed again.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipc, lockAs, resetIpc, row } from '../../test/fakeIpc';
import { diskFull } from '../../test/backendMessages';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

const FULL = { fault: 'the disk is full', since: '2026-07-01T12:00:00Z', unsavedAlerts: 1 };
const STORAGE = diskFull;

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
  ipc.board.rows = [row(5, 'Bay 5', 'Testy McTestface')];
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const banner = () => screen.queryByText(/Records cannot be saved/)?.closest('[role="alert"]') ?? null;

describe('the storage banner', () => {
  it('shows above everything while records cannot be saved, and goes when they can', async () => {
    ipc.storage = { ...FULL };
    render(App);
    const shown = await screen.findByText('Records cannot be saved: the disk is full.');
    const alert = banner();
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('1 alert is not saved yet');
    const header = screen.getAllByRole('banner')[0] ?? document.querySelector('header');
    expect(header).toBeTruthy();
    // Before the header in document order: the first thing on the screen.
    expect(shown.compareDocumentPosition(header!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    ipc.storage = { fault: null, since: null, unsavedAlerts: 0 };
    ipc.storageListeners.forEach((fire) => fire());
    await vi.waitFor(() => expect(banner()).toBeNull());
  });

  it('shows on the locked screen too', async () => {
    lockAs(ipc.auth.nurse);
    ipc.storage = { ...FULL, fault: 'the database is read-only' };
    render(App);
    expect(await screen.findByText('Records cannot be saved: the database is read-only.')).toBeTruthy();
  });

  it('is absent while records are saved', async () => {
    render(App);
    await screen.findByRole('button', { name: 'Record check for Bay 5' });
    expect(banner()).toBeNull();
  });
});

describe('a save that storage refuses keeps what was typed', () => {
  it('in the check form, and Save again sends it', async () => {
    ipc.checkError = STORAGE;
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Record check for Bay 5' }));
    await user.type(field('Systolic'), '128');
    await user.type(field('Diastolic'), '80');
    await user.type(field('SpO2'), '97');
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    expect(await screen.findByText(/the disk is full/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Check for Bay 5 (Testy McTestface)' })).toBeTruthy();
    expect([field('Systolic').value, field('Diastolic').value, field('SpO2').value]).toEqual(['128', '80', '97']);
    expect(ipc.checks).toHaveLength(0);

    ipc.checkError = null;
    await user.click(screen.getByRole('button', { name: 'Save check' }));
    await vi.waitFor(() => expect(ipc.checks).toHaveLength(1));
    expect(ipc.checks[0]).toMatchObject({ sessionId: 5 });
  });

  it('in the admission form, and Admit again sends it', async () => {
    ipc.admitError = STORAGE;
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Admit patient' }));
    await user.type(field('Patient name'), 'Testy McTestface');
    await user.type(field('Bay'), '3');
    await user.click(screen.getByRole('button', { name: 'Admit' }));
    expect(await screen.findByText(/the disk is full/)).toBeTruthy();
    expect(field('Patient name').value).toBe('Testy McTestface');
    expect(field('Bay').value).toBe('3');
    expect(ipc.admitted).toHaveLength(0);

    ipc.admitError = null;
    await user.click(screen.getByRole('button', { name: 'Admit' }));
    await vi.waitFor(() => expect(ipc.admitted).toHaveLength(1));
    expect(ipc.admitted[0]).toMatchObject({ patientName: 'Testy McTestface', bay: '3' });
  });

  it('in the note form, and Save again sends it', async () => {
    ipc.noteError = STORAGE;
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Add note for Bay 5');
    await user.type(field('Note'), 'Resting comfortably.');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText(/the disk is full/)).toBeTruthy();
    expect(field('Note').value).toBe('Resting comfortably.');

    ipc.noteError = null;
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await vi.waitFor(() => expect(ipc.notes).toHaveLength(1));
    expect(ipc.notes[0]).toMatchObject({ text: 'Resting comfortably.' });
  });
});
