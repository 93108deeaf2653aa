// The display-and-sound part of the in-memory IPC fake (fakeIpc.ts merges it): the settings
// load_display_settings answers, and update_display_settings with the core's rules.
import { vi } from 'vitest';
import type { DisplaySettings, DisplaySettingsEdit, VigilError } from '../lib/ipc';
import { dimFromNotATime, dimHoursSameTime, dimUntilNotATime, escalationOutOfRange, signInFirst, themeUnknown, volumeOutOfRange } from './backendMessages';

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
  if (!['light', 'dim', 'system', 'scheduled'].includes(edit.theme)) return themeUnknown;
  if (!TIME.test(edit.dimFrom)) return dimFromNotATime;
  if (!TIME.test(edit.dimUntil)) return dimUntilNotATime;
  if (edit.theme === 'scheduled' && edit.dimFrom === edit.dimUntil) {
    return dimHoursSameTime;
  }
  if (!whole(edit.volume, 0, 100)) return volumeOutOfRange;
  if (!whole(edit.escalateAfterMinutes, 1, 60)) {
    return escalationOutOfRange;
  }
  return null;
}

export function displayFakes(ipc: State, fail: (error: VigilError) => never) {
  return {
    loadDisplaySettings: vi.fn(async () => ({ ...ipc.display })),
    updateDisplaySettings: vi.fn(async (edit: DisplaySettingsEdit) => {
      if (ipc.auth.nurse === null || ipc.auth.locked) fail(signInFirst);
      const refused = refusal(edit);
      if (refused) fail(refused);
      ipc.displayEdits.push(edit);
      ipc.display = { ...edit, theme: edit.theme as DisplaySettings['theme'] };
      return { ...ipc.display };
    }),
  };
}
