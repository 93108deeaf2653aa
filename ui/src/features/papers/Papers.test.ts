// Papers in place of the board (discharge sheet, REMS form) and the REMS forms due.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { departed, dischargeView, ipc, resetIpc, row } from '../../test/fakeIpc';
import { DATA_DIR } from '../../test/fakePapers';
import { rowAction } from '../../test/board';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import App from '../../App.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

describe('the paper view', () => {
  it('renders the discharge sheet in place of the board, prints it and saves it as PDF', async () => {
    ipc.board.rows = [{ ...row(4, 'Bay 4', 'Testy McTestface'), phase: 'cleared', readiness: 'ready', missing: [] }];
    const user = userEvent.setup();
    render(App);
    await rowAction(user, 'Discharge sheet for Bay 4');
    expect(await screen.findByRole('heading', { level: 2, name: 'Discharge sheet' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Patients in recovery' })).toBeNull();
    expect(screen.getByText('Bay 4 · Fictional Clinic')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Patient' })).toBeTruthy();
    const instructions = screen.getByRole('heading', { level: 3, name: 'Instructions' });
    expect(instructions.nextElementSibling?.tagName).toBe('P');
    expect(screen.getByText('Left at').tagName).toBe('DT');
    expect(screen.getByText('15:40').tagName).toBe('DD');
    expect(screen.getByText('Signed Ana Ruiz, RN')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save REMS details' })).toBeNull();
    // No navigation away while a paper is open, but back to the board.
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(ipc.prints).toEqual([{ sessionId: 4, paper: 'discharge' }]);
    const folder = screen.getByLabelText('Save in folder') as HTMLInputElement;
    await vi.waitFor(() => expect(folder.value).toBe('/home/nurse/Documents'));
    const save = screen.getByRole('button', { name: 'Save as PDF' });
    expect(save.getAttribute('aria-describedby')).toBe('pdf-warning');
    expect(document.getElementById('pdf-warning')?.textContent?.trim()).toBe(
      'The PDF holds patient data in plain text: keep it only where the clinic allows.',
    );
    expect(ipc.savedPdfs).toEqual([]);
    await user.click(save);
    const path = '/home/nurse/Documents/discharge-sheet-session-4-20260701T120000Z.pdf';
    const saved = await screen.findByText(`Saved as PDF: ${path}`);
    // Announced: the live region was on screen, empty, before the text came.
    expect(saved.parentElement?.getAttribute('role')).toBe('status');
    expect(vi.mocked(api.saveDischargePdf)).toHaveBeenCalledWith(4, '/home/nurse/Documents');
    expect(ipc.savedPdfs).toEqual([path]);

    await user.click(screen.getByRole('button', { name: 'Back to board' }));
    expect(await screen.findByRole('table', { name: 'Patients in recovery' })).toBeTruthy();
  });

  it('saves the REMS details and loads the form again', async () => {
    ipc.recent = [departed(8, 'Spravato Patient', { protocol: 'spravato' })];
    ipc.discharges[8] = dischargeView(8, 'Bay 8', 'Spravato Patient');
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'REMS form for Bay 8' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'REMS Patient Monitoring Form' })).toBeTruthy();
    await user.type(screen.getByLabelText('Date of birth'), '1980-04-02');
    await user.selectOptions(screen.getByLabelText('Sex'), 'Female');
    expect(screen.queryByLabelText('Other dose (mg)')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Dose'), 'Other');
    await user.type(screen.getByLabelText('Other dose (mg)'), 'x');
    await user.type(screen.getByLabelText('Lot number'), 'LOT-42');
    await user.click(screen.getByLabelText('Benzodiazepines'));
    await user.click(screen.getByLabelText('Opioids'));
    await user.type(screen.getByLabelText('Serious adverse events (or none)'), 'None');
    await user.click(screen.getByRole('button', { name: 'Save REMS details' }));
    const other = screen.getByLabelText('Other dose (mg)');
    expect(other.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(other);

    await user.clear(other);
    await user.type(other, '28');
    const loads = vi.mocked(api.loadRemsForm).mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Save REMS details' }));
    expect(ipc.remsDetails).toEqual([
      {
        sessionId: 8,
        dateOfBirth: '1980-04-02',
        sex: 'female',
        doseMg: '28',
        lot: 'LOT-42',
        benzodiazepines: true,
        nonBenzodiazepineSedatives: false,
        psychostimulants: false,
        maois: false,
        opioids: true,
        seriousAdverseEvents: 'None',
      },
    ]);
    await vi.waitFor(() => expect(vi.mocked(api.loadRemsForm).mock.calls.length).toBe(loads + 1));
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(
      await screen.findByText('Saved as PDF: /home/nurse/Documents/rems-form-session-8-20260701T120000Z.pdf'),
    ).toBeTruthy();
  });

  it('refuses the data directory beside the folder field and saves where the nurse then chooses', async () => {
    ipc.recent = [departed(8, 'Spravato Patient', { protocol: 'spravato' })];
    ipc.discharges[8] = dischargeView(8, 'Bay 8', 'Spravato Patient');
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Discharge sheet for Bay 8' }));
    const folder = (await screen.findByLabelText('Save in folder')) as HTMLInputElement;
    await vi.waitFor(() => expect(folder.value).toBe('/home/nurse/Documents'));
    await user.clear(folder);
    await user.type(folder, `${DATA_DIR}/papers`);
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText(/never saved in Vigil's data directory/)).toBeTruthy();
    expect(folder.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(folder);
    expect(screen.queryByText(/Saved as PDF:/)).toBeNull();
    expect(ipc.savedPdfs).toEqual([]);

    await user.clear(folder);
    await user.type(folder, '/media/usb');
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(
      await screen.findByText('Saved as PDF: /media/usb/discharge-sheet-session-8-20260701T120000Z.pdf'),
    ).toBeTruthy();
    expect(folder.getAttribute('aria-invalid')).toBeNull();
    // The sheet itself prints; the export form is no part of it.
    expect(folder.closest('form')?.getAttribute('aria-label')).toBe('Save as PDF');
  });
});

describe('saving a paper as PDF', () => {
  it('announces the result in a live region already on screen, and focuses a refusal', async () => {
    ipc.recent = [departed(8, 'Spravato Patient', { protocol: 'spravato' })];
    ipc.discharges[8] = dischargeView(8, 'Bay 8', 'Spravato Patient');
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Discharge sheet for Bay 8' }));
    const form = await screen.findByRole('form', { name: 'Save as PDF' });
    const region = form.querySelector('[role="status"]');
    expect(region?.textContent?.trim()).toBe('');
    vi.mocked(api.saveDischargePdf).mockRejectedValueOnce(new api.IpcError({ code: 'storage', message: 'The disk is full.' }));
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toBe('The PDF could not be saved: The disk is full.');
    expect(document.activeElement).toBe(failed);
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await vi.waitFor(() => expect(region?.textContent).toContain('Saved as PDF: /home/nurse/Documents/'));
    expect(form.querySelector('[role="status"]')).toBe(region);
  });
});

describe('forms due', () => {
  it('starts the REMS details from what was saved before', async () => {
    ipc.recent = [departed(8, 'Spravato Patient', { protocol: 'spravato' })];
    ipc.discharges[8] = dischargeView(8, 'Bay 8', 'Spravato Patient');
    ipc.savedRems[8] = {
      dateOfBirth: null,
      sex: 'male',
      doseMg: 70,
      lot: 'LOT-7',
      benzodiazepines: false,
      nonBenzodiazepineSedatives: false,
      psychostimulants: false,
      maois: true,
      opioids: false,
      seriousAdverseEvents: 'None',
    };
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'REMS form for Bay 8' }));
    const lot = (await screen.findByLabelText('Lot number')) as HTMLInputElement;
    expect(lot.value).toBe('LOT-7');
    expect((screen.getByLabelText('Sex') as HTMLSelectElement).value).toBe('male');
    expect((screen.getByLabelText('Dose') as HTMLSelectElement).value).toBe('other');
    expect((screen.getByLabelText('Other dose (mg)') as HTMLInputElement).value).toBe('70');
    expect((screen.getByLabelText('MAOIs') as HTMLInputElement).checked).toBe(true);
    expect(ipc.drafts.rems_details).toBeUndefined();
  });
});
