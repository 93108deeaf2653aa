import { fireEvent, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import type { Role } from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import { showSettings } from '../../test/settingsScreen';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});
afterEach(() => vi.unstubAllGlobals());

/** The Settings screen as `role` (optionally under emergency access), with display settings. */
function show(role: Role = 'nurse', emergency = false) {
  return showSettings(role, { emergency, display: ipc.display, onDisplayChanged: vi.fn() });
}

const panel = () => screen.getByRole('form', { name: 'Display and sound' });

describe('display and sound', () => {
  it('shows the settings in force', () => {
    show('nurse');
    const form = within(panel());
    expect((form.getByRole('radio', { name: 'Light' }) as HTMLInputElement).checked).toBe(true);
    expect(form.getByRole('radio', { name: 'Follow the system' })).toBeTruthy();
    expect((form.getByLabelText('Alert volume') as HTMLInputElement).value).toBe('40');
    expect(form.getByText('40 %')).toBeTruthy();
    expect(form.queryByLabelText('Dim from (HH:MM)')).toBeNull();
  });

  it('is editable by a plain nurse and under emergency access', () => {
    for (const [role, emergency] of [['nurse', false], ['admin', true]] as const) {
      document.body.innerHTML = '';
      show(role, emergency);
      const form = within(panel());
      expect((form.getByLabelText('Alert volume') as HTMLInputElement).disabled).toBe(false);
      expect((form.getByRole('radio', { name: 'Dim' }) as HTMLInputElement).disabled).toBe(false);
      const save = form.getByRole('button', { name: 'Save display and sound' }) as HTMLButtonElement;
      expect(save.disabled).toBe(false);
    }
  });

  it('saves dim hours, the volume and the escalation, and hands them on', async () => {
    const user = userEvent.setup();
    const props = show('nurse');
    const form = within(panel());
    await user.click(form.getByRole('radio', { name: 'Dim between set hours' }));
    const from = form.getByLabelText('Dim from (HH:MM)');
    await user.clear(from);
    await user.type(from, '21:30');
    await fireEvent.input(form.getByLabelText('Alert volume'), { target: { value: '15' } });
    expect(form.getByText('15 %')).toBeTruthy();
    const escalate = form.getByLabelText('Escalate an unacknowledged alert after (minutes)');
    await user.clear(escalate);
    await user.type(escalate, '8');
    await user.click(form.getByRole('button', { name: 'Save display and sound' }));
    const edit = { theme: 'scheduled', dimFrom: '21:30', dimUntil: '07:00', volume: 15, escalateAfterMinutes: 8 };
    expect(api.updateDisplaySettings).toHaveBeenCalledWith(edit);
    expect(props.onDisplayChanged).toHaveBeenCalledWith(edit);
    expect(await form.findByText('Saved.')).toBeTruthy();
  });

  it('places a refusal beside its field and saves nothing', async () => {
    const user = userEvent.setup();
    const props = show('nurse');
    const form = within(panel());
    await user.click(form.getByRole('radio', { name: 'Dim between set hours' }));
    const until = form.getByLabelText('Dim until (HH:MM)');
    await user.clear(until);
    await user.type(until, '20:00');
    await user.click(form.getByRole('button', { name: 'Save display and sound' }));
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('display-dimUntil-error')?.textContent).toContain('another time');
    expect(document.activeElement).toBe(until);
    expect(ipc.displayEdits).toEqual([]);
    expect(props.onDisplayChanged).not.toHaveBeenCalled();
  });

  it('asks for a number of minutes before sending anything', async () => {
    const user = userEvent.setup();
    show('nurse');
    const form = within(panel());
    const escalate = form.getByLabelText('Escalate an unacknowledged alert after (minutes)');
    await user.clear(escalate);
    await user.click(form.getByRole('button', { name: 'Save display and sound' }));
    expect(document.getElementById('display-escalateAfterMinutes-error')?.textContent).toContain('1 to 60');
    expect(api.updateDisplaySettings).not.toHaveBeenCalled();
  });
});

describe('play test sound', () => {
  it('says clearly when no audio output is available', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('AudioContext', undefined);
    show('nurse');
    await user.click(within(panel()).getByRole('button', { name: 'Play test sound' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No audio output is available');
  });

  it('says it played both tones at the chosen volume', async () => {
    const user = userEvent.setup();
    const started: number[] = [];
    class Ctx {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume = async () => {};
      createOscillator() {
        return { type: '', frequency: { value: 0 }, connect: (g: unknown) => g, start: (t: number) => started.push(t), stop() {} };
      }
      createGain() {
        const ramp = () => {};
        return { gain: { setValueAtTime: ramp, linearRampToValueAtTime: ramp, exponentialRampToValueAtTime: ramp }, connect: () => ({}) };
      }
    }
    vi.stubGlobal('AudioContext', Ctx);
    show('nurse');
    const form = within(panel());
    await fireEvent.input(form.getByLabelText('Alert volume'), { target: { value: '10' } });
    await user.click(form.getByRole('button', { name: 'Play test sound' }));
    const status = await form.findByText(/Played the soft tone/);
    expect(status.textContent).toBe('Played the soft tone at 10 %, then the urgent tone at 30 %.');
    expect(started.length).toBeGreaterThan(1);
  });
});
