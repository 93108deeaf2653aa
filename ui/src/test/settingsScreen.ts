// The Settings screen rendered with the fake's settings and a spy for each handler: shared by
// the settings test files (each mocks lib/ipc with the fake IPC first).
import { render } from '@testing-library/svelte';
import { vi } from 'vitest';
import type { Role } from '../lib/ipc';
import SettingsScreen from '../features/settings/SettingsScreen.svelte';
import { ipc } from './fakeIpc';

/** The Settings screen as `role`, with `extra` props on top; returns the props given. */
export function showSettings<Extra extends object>(role: Role, extra: Extra = {} as Extra) {
  const props = {
    settings: ipc.settings,
    notification: null,
    role,
    integrity: ipc.integrity,
    onChanged: vi.fn(),
    onTestNotification: vi.fn(),
    onIntegrity: vi.fn(),
    onRestored: vi.fn(),
    ...extra,
  };
  render(SettingsScreen, { props });
  return props;
}
