// The About panel's and the autostart switch's part of the in-memory IPC fake (fakeIpc.ts
// merges it): `ipc.about` is what load_about answers (any nurse); `ipc.autostart` the status
// load_autostart answers (administrators), which update_autostart changes. A test sets
// `ipc.autostartWriteFails` to the problem a file that cannot be written gives: the setting is
// still saved (as the backend does) and the status says why.
import { vi } from 'vitest';
import type { AboutInfo, AutostartEdit, AutostartStatus, Nurse, VigilError } from '../lib/ipc';
import { administratorsOnly } from './backendMessages';

export const SYSTEM_ENTRY = '/etc/xdg/autostart/vigil.desktop';
export const USER_ENTRY = '/home/test/.config/autostart/vigil.desktop';

export function freshDesktopSettings() {
  return {
    about: {
      appVersion: '0.1.0',
      schemaVersion: 20,
      sqliteVersion: '3.50.4',
      sqlcipherVersion: '4.10.0 community',
      dataDir: '/home/test/.local/share/app.vigil.recovery',
    } as AboutInfo,
    autostart: { enabled: true, effective: true, entry: SYSTEM_ENTRY, problem: null } as AutostartStatus,
    autostartEdits: [] as AutostartEdit[],
    autostartWriteFails: null as string | null,
  };
}

type State = ReturnType<typeof freshDesktopSettings> & { auth: { nurse: Nurse | null } };
type Fail = (error: VigilError) => never;

export function desktopSettingsFakes(ipc: State, fail: Fail) {
  const admin = () => {
    if (ipc.auth.nurse?.role !== 'admin') fail(administratorsOnly);
  };
  return {
    loadAbout: vi.fn(async () => ({ ...ipc.about })),
    loadAutostart: vi.fn(async () => {
      admin();
      return { ...ipc.autostart };
    }),
    updateAutostart: vi.fn(async (edit: AutostartEdit) => {
      admin();
      ipc.autostartEdits.push({ ...edit });
      const problem = ipc.autostartWriteFails;
      ipc.autostart = problem
        ? { enabled: edit.enabled, effective: !edit.enabled, entry: SYSTEM_ENTRY, problem }
        : { enabled: edit.enabled, effective: edit.enabled, entry: edit.enabled ? SYSTEM_ENTRY : USER_ENTRY, problem: null };
      return { ...ipc.autostart };
    }),
  };
}
