// The display-and-sound part of the in-memory IPC fake (fakeIpc.ts merges it): the settings
// load_display_settings answers, and update_display_settings with the core's rules.
import { vi } from 'vitest';
import type { DisplaySettings, DisplaySettingsEdit, VigilError } from '../lib/ipc';

export function freshDisplay() {
  return {
    display: { theme: 'light', dimFrom: '20:00', dimUntil: '07:00', volume: 40, escalateAfterMinutes: 5 } as DisplaySettings,
    displayEdits: [] as DisplaySettingsEdit[],
  };
}

type State = ReturnType<typeof freshDisplay> & { auth: { nurse: unknown; locked: boolean } };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** The first refused field of `edit`, as display.rs refuses it. */
function refusal(edit: DisplaySettingsEdit): VigilError | null {
  const bad = (field: string, message: string): VigilError => ({ code: 'validation', message, field });
  if (!['light', 'dim', 'system', 'scheduled'].includes(edit.theme)) return bad('theme', 'Choose a theme.');
  if (!TIME.test(edit.dimFrom)) return bad('dimFrom', 'Enter a time as HH:MM, from 00:00 to 23:59.');
  if (!TIME.test(edit.dimUntil)) return bad('dimUntil', 'Enter a time as HH:MM, from 00:00 to 23:59.');
  if (edit.theme === 'scheduled' && edit.dimFrom === edit.dimUntil) {
    return bad('dimUntil', 'The dim hours must end at another time than they start.');
  }
  if (!whole(edit.volume, 0, 100)) return bad('volume', 'The volume is a whole percent 0-100.');
  if (!whole(edit.escalateAfterMinutes, 1, 60)) {
    return bad('escalateAfterMinutes', 'Escalation comes after a whole number of minutes from 1 to 60.');
  }
  return null;
}

export function displayFakes(ipc: State, fail: (error: VigilError) => never) {
  return {
    loadDisplaySettings: vi.fn(async () => ({ ...ipc.display })),
    updateDisplaySettings: vi.fn(async (edit: DisplaySettingsEdit) => {
      if (ipc.auth.nurse === null || ipc.auth.locked) fail({ code: 'forbidden', message: 'Sign in first.' });
      const refused = refusal(edit);
      if (refused) fail(refused);
      ipc.displayEdits.push(edit);
      ipc.display = { ...edit, theme: edit.theme as DisplaySettings['theme'] };
      return { ...ipc.display };
    }),
  };
}
