// What every panel of the clinic's settings is given: the settings in force, whether the nurse
// signed in may change them, and where the settings go once changed.
import type { ClinicSettings } from '../../lib/ipc';

export interface SettingsPanelProps {
  settings: ClinicSettings;
  /** Only an administrator changes the clinic's settings. */
  isAdmin: boolean;
  /** The settings as the backend has them after a change. */
  onChanged: (settings: ClinicSettings) => void;
}
