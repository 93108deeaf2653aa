// An in-memory stand-in for lib/ipc, shared by the component tests. Each test file mocks the
// module with it:
//
//   vi.mock('./lib/ipc', async (importOriginal) =>
//     (await import('./test/fakeIpc')).fakeIpc(await importOriginal()));
//
// and arranges or inspects `ipc` (reset before each test by `resetIpc`). IpcError stays the
// real class, so components branch on it as in the app. Each feature's part lives in its own
// fake*.ts (its state and its commands); this file merges them. Their refusals are the
// backend's real messages, generated into backendMessages.ts.
import type * as Ipc from '../lib/ipc';
import type { Nurse, VigilError } from '../lib/ipc';
import { auditFakes, freshAudit } from './fakeAudit';
import { authFakes, freshAuth, peopleFakes } from './fakeAuth';
import { boardFakes, freshBoard } from './fakeBoard';
import { checkFakes, freshChecks } from './fakeChecks';
import { dischargeFakes, freshDischarge } from './fakeDischarge';
import { desktopSettingsFakes, freshDesktopSettings } from './fakeDesktopSettings';
import { displayFakes, freshDisplay } from './fakeDisplay';
import { draftFakes, freshDrafts } from './fakeDrafts';
import { emergencyFakes, freshEmergency } from './fakeEmergency';
import { encryptionFakes, freshEncryption } from './fakeEncryption';
import { exportsFakes, freshExports } from './fakeExports';
import { freshHistory, historyFakes } from './fakeHistory';
import { freshPapers, papersFakes } from './fakePapers';
import { freshRecords, recordsFakes } from './fakeRecords';
import { freshRecovery, recoveryFakes } from './fakeRecovery';
import { freshReports, reportsFakes } from './fakeReports';
import { freshSettings, settingsFakes } from './fakeSettings';
import { freshStorage, storageFakes } from './fakeStorage';
import { freshTray, trayFakes } from './fakeTray';

export * from './fixtures';
export { clickNotification } from './fakeBoard';
export { requestClose } from './fakeTray';

function fresh() {
  return {
    ...freshAuth(),
    ...freshBoard(),
    ...freshSettings(),
    ...freshChecks(),
    ...freshDrafts(),
    ...freshRecords(),
    ...freshDischarge(),
    ...freshPapers(),
    ...freshEmergency(),
    ...freshRecovery(),
    ...freshEncryption(),
    ...freshStorage(),
    ...freshDisplay(),
    ...freshAudit(),
    ...freshExports(),
    ...freshHistory(),
    ...freshReports(),
    ...freshDesktopSettings(),
    ...freshTray(),
  };
}

export const ipc = fresh();

/** Back to an open administrator (Ana Ruiz, RN), an empty board and default settings. */
export function resetIpc() {
  Object.assign(ipc, fresh());
}

/** The workstation locked with `nurse` signed in (the board and alerts then carry initials). */
export function lockAs(nurse: Nurse | null) {
  ipc.auth = { ...ipc.auth, nurse, locked: true, emergency: false };
}

export function fakeIpc(real: typeof Ipc) {
  const fail = (error: VigilError): never => {
    throw new real.IpcError(error);
  };
  return {
    ...real,
    ...boardFakes(ipc, fail),
    ...draftFakes(ipc),
    ...settingsFakes(ipc, fail),
    ...authFakes(ipc, fail),
    ...peopleFakes(ipc, fail),
    ...recordsFakes(ipc),
    ...checkFakes(ipc, fail),
    ...dischargeFakes(ipc, fail),
    ...papersFakes(ipc, fail),
    ...emergencyFakes(ipc, fail),
    ...recoveryFakes(ipc, fail),
    ...encryptionFakes(ipc, fail),
    ...storageFakes(ipc),
    ...displayFakes(ipc, fail),
    ...auditFakes(ipc, fail),
    ...exportsFakes(ipc, fail),
    ...historyFakes(ipc, fail),
    ...reportsFakes(ipc, fail),
    ...desktopSettingsFakes(ipc, fail),
    ...trayFakes(ipc, fail),
  } satisfies typeof Ipc;
}
