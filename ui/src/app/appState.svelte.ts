// The app's state: who is signed in, the board, alerts, settings, which screen is shown and
// what is open, with the loads and actions that change them. The screens read it
// (`Screens.svelte`); the events, the alert sound and a clicked notification drive it
// (`appWiring.svelte.ts`).
import {
  acknowledgeAlert,
  loadAlerts,
  loadAuth,
  loadBoard,
  loadDisplaySettings,
  loadIntegrity,
  loadNotificationStatus,
  loadSettings,
  loadStorageStatus,
  lockScreen,
  sendTestNotification,
  signOut,
  type ActiveAlert,
  type AuthStatus,
  type ClinicSettings,
  type DisplaySettings,
  type IntegrityStatus,
  type NotificationOutcome,
  type StorageStatus,
  type RecoveryBoard as Board,
} from '../lib/ipc';
import { PatientWork } from '../features/board/patientWork.svelte';
import { DischargeWork } from '../features/discharge/dischargeWork.svelte';
import { CloseQuestion } from '../features/shell/closeQuestion.svelte';
import type { View } from '../features/shell/AppHeader.svelte';
import { errorText, initials } from '../lib/labels';
import { Ticker } from '../lib/ticker.svelte';
import { integrityProblem, screenTitle } from './screens';

export class AppState {
  auth = $state<AuthStatus | null>(null);
  board = $state<Board | null>(null);
  settings = $state<ClinicSettings | null>(null);
  integrity = $state<IntegrityStatus | null>(null);
  #view = $state<View>('board');
  /** The session whose audit trail was opened from its History record; any other view clears it. */
  auditSession = $state<number | null>(null);
  /** Theme, volume, escalation: loaded signed out and locked too (the sign-in screen is dim). */
  display = $state.raw<DisplaySettings | null>(null);
  alerts = $state<ActiveAlert[]>([]);
  notification = $state<NotificationOutcome | null>(null);
  /** Whether records can be saved (the red banner while they cannot). */
  storage = $state<StorageStatus | null>(null);
  loadError = $state<string | null>(null);
  integrityError = $state<string | null>(null);
  actionError = $state<string | null>(null);
  admitting = $state(false);
  /** A check being typed, a patient's detail: kept while the same nurse has the screen locked. */
  readonly work = new PatientWork();
  /** A discharge form or a paper open: kept like `work`. */
  readonly discharge = new DischargeWork();
  /** Locked from this keyboard (Ctrl+L or Lock): the sign-in panel starts on the nurse choice. */
  lockedHere = $state(false);
  /** The countdowns' clock: once a second, on the second, standing still while the window is
      hidden (lib/ticker). Only countdown text should read it. */
  readonly clock = new Ticker();
  readonly now = $derived(this.clock.now);
  /** BoardScreen's own note or pre-dose form is open. */
  boardFormOpen = $state(false);
  /** Emergency prompts whose dialog was closed (or answered); their banners stay. */
  emergenciesSeen = $state<number[]>([]);
  /** The shell asked before closing the window or quitting (`close-requested`): the close
      dialog asks the nurse while its request is set, with counts kept fresh. */
  readonly close = new CloseQuestion();
  /** Told every sign-in state taken, after the app's own changes (a clicked notification). */
  afterAuth: (status: AuthStatus, isOpen: boolean) => void = () => {};
  #loads = 0;

  /** A form is open (admit, check, discharge, note, pre-dose): nothing replaces what is under it. */
  readonly formOpen = $derived(
    this.admitting || this.work.form !== null || this.discharge.form !== null || this.boardFormOpen,
  );
  /** Signed in and unlocked: names, actions and screens are available. */
  readonly open = $derived(!!this.auth && !this.auth.setupNeeded && this.auth.nurse !== null && !this.auth.locked);
  readonly nurse = $derived(this.open ? (this.auth?.nurse ?? null) : null);
  /** Emergency access gives clinical work only, whatever the account's role. */
  readonly emergencyAccess = $derived(this.open && !!this.auth?.emergency);
  readonly isAdmin = $derived(this.nurse?.role === 'admin' && !this.emergencyAccess);
  // Data loaded while open still carries full names until the next load after locking.
  readonly staleNames = $derived(!this.open && this.board !== null && !this.board.locked);
  readonly shownAlerts = $derived(
    this.staleNames ? this.alerts.map((a) => ({ ...a, patientName: initials(a.patientName) })) : this.alerts,
  );
  /** An emergency prompt not yet shown and closed: its dialog says what to do now. */
  readonly emergency = $derived(
    this.open ? (this.alerts.find((a) => a.emergency && !this.emergenciesSeen.includes(a.firingId)) ?? null) : null,
  );
  /** A modal dialog is shown (the emergency first, then the close question): the header and
      the page are inert. */
  readonly modalOpen = $derived(this.emergency !== null || this.close.request !== null);
  readonly integrityAlert = $derived(integrityProblem(this.integrity));
  readonly subtitle = $derived(screenTitle(this.auth, this.view, this.open));

  /** Which screen is shown under the header. */
  get view(): View {
    return this.#view;
  }
  set view(next: View) {
    if (next !== 'audit') this.auditSession = null;
    this.#view = next;
  }

  /** The audit trail of one session (from its History record; administrators only). */
  showAuditOf(sessionId: number) {
    this.view = 'audit';
    this.auditSession = sessionId;
  }

  /** Takes a sign-in state (from a load or an action); leaving the open state closes screens. */
  applyAuth(status: AuthStatus) {
    this.auth = status;
    this.work.ownedBy(status.nurse?.id ?? null);
    this.discharge.ownedBy(status.nurse?.id ?? null);
    const isOpen = !status.setupNeeded && status.nurse !== null && !status.locked;
    if (!isOpen) {
      this.view = 'board';
      this.actionError = null;
      this.admitting = false;
    } else {
      this.lockedHere = false;
      const adminView = this.view === 'people' || this.view === 'audit';
      if (adminView && (status.nurse?.role !== 'admin' || status.emergency)) this.view = 'board';
      void this.work.lookForDraft();
      void this.discharge.drafts.look();
    }
    this.afterAuth(status, isOpen);
  }

  /** The board with one patient's record open. */
  showRecord(sessionId: number) {
    this.discharge.closePaper();
    this.view = 'board';
    this.work.openDetail(sessionId);
  }

  /** Reads whether records can be saved; a failure keeps the last known status. */
  refreshStorage = () => {
    loadStorageStatus()
      .then((status) => (this.storage = status))
      .catch(() => {});
  };

  /** Reads the display settings; only a change re-applies the theme. A failure keeps them. */
  refreshDisplay() {
    loadDisplaySettings()
      .then((d) => {
        if (JSON.stringify(d) !== JSON.stringify(this.display)) this.display = d;
      })
      .catch(() => {});
  }

  refresh = async () => {
    const load = ++this.#loads;
    this.refreshStorage();
    this.refreshDisplay();
    void loadIntegrity()
      .then((status) => {
        if (load !== this.#loads) return;
        this.integrity = status;
        this.integrityError = null;
      })
      .catch((e) => {
        if (load === this.#loads) this.integrityError = `The records could not be verified: ${errorText(e)}`;
      });
    try {
      const [auth, board, alerts, notification, settings] = await Promise.all([
        loadAuth(),
        loadBoard(),
        loadAlerts(),
        loadNotificationStatus(),
        loadSettings(),
      ]);
      if (load !== this.#loads) return; // a newer load is on its way
      this.applyAuth(auth);
      [this.board, this.alerts, this.notification, this.settings] = [board, alerts, notification, settings];
      this.clock.sync(); // so a just-fired alert and its row's state agree at once
      this.loadError = null;
    } catch (e) {
      if (load === this.#loads) this.loadError = `The board could not be loaded: ${errorText(e)}`;
    }
  };

  /** After a sign-in action: use its status at once, then reload what it unlocks or hides. */
  signedIn = (status: AuthStatus) => {
    this.applyAuth(status);
    void this.refresh();
  };

  async act(what: string, action: () => Promise<void>) {
    this.actionError = null;
    try {
      await action();
    } catch (e) {
      this.actionError = `${what}: ${errorText(e)}`;
    }
  }

  async acknowledge(firingId: number) {
    await this.act('The alert could not be acknowledged', () => acknowledgeAlert(firingId));
    await this.refresh();
  }

  /** The emergency dialog's Transfer: the board, with the transfer form of that patient. */
  transferFromEmergency(alert: ActiveAlert) {
    this.emergenciesSeen = [...this.emergenciesSeen, alert.firingId];
    this.discharge.closePaper();
    this.view = 'board';
    this.discharge.open('transfer', { sessionId: alert.sessionId, bay: alert.bay });
  }

  lock = () => {
    this.lockedHere = true;
    void this.act('The screen could not be locked', async () => {
      await this.discharge.drafts.flush(); // what was just typed is kept before the lock
      this.signedIn(await lockScreen());
    });
  };

  signOutNow = () => {
    void this.act('Signing out failed', async () => {
      await this.discharge.drafts.flush();
      this.signedIn(await signOut());
    });
  };

  testNotification = () => {
    void this.act('The test notification could not be sent', () => sendTestNotification());
  };
}
