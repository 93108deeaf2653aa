// What drives the app state from outside the page's own controls: the shell's events (records,
// sign-in, storage, an alert raised, a clicked desktop notification, the window asked to
// close, whose counts are read again on a record change or an alert), the alert sound and its
// repeat on the clock, the idle lock's activity pings and the Ctrl+L lock.
import { untrack } from 'svelte';
import {
  noteActivity,
  onAlertRaised,
  onAuthChanged,
  onCloseRequested,
  onOpenSession,
  onRecordsChanged,
  onStorageChanged,
  type AuthStatus,
} from '../lib/ipc';
import { AlertSounder } from '../features/alerts/sound';
import type { AppState } from './appState.svelte';

/** noteActivity is sent at most this often while someone is working. */
const ACTIVITY_EVERY_MS = 5_000;
/** An alert raised whose reload has not come back in this long gets the urgent tone anyway. */
const ALERT_LOAD_WAIT_MS = 3_000;
/** A notification clicked while locked or signed out opens its record only this long after. */
const ASKED_EXPIRES_MS = 2 * 60_000;

export class AppWiring {
  /** Which tone, how loud and when (new alerts, escalation, the repeat): see features/alerts/sound. */
  readonly #sounder = new AlertSounder();
  #lastActivity = -Infinity;
  /** A desktop notification clicked while locked or signed out: its patient's record opens
      once a nurse signs in, only if the click is under ASKED_EXPIRES_MS old and the patient is
      still on the board. Signing out forgets it. */
  #askedWhileLocked: { sessionId: number; at: number } | null = null;
  /** A notification's patient asked for while a form is open: never shown under the form, it
      opens once no form is open (a line says so). */
  askedDuringForm = $state<{ sessionId: number; bay: string | null } | null>(null);
  readonly #app: AppState;

  constructor(app: AppState) {
    this.#app = app;
    app.afterAuth = (status, isOpen) => this.#afterAuth(status, isOpen);
  }

  #afterAuth(status: AuthStatus, isOpen: boolean) {
    const app = this.#app;
    if (!isOpen) {
      this.#lastActivity = -Infinity;
      this.askedDuringForm = null;
      if (status.nurse === null) this.#askedWhileLocked = null; // signed out
      return;
    }
    const asked = this.#askedWhileLocked;
    this.#askedWhileLocked = null;
    const onBoard = (id: number) => app.board?.rows.some((r) => r.sessionId === id) ?? false;
    if (asked && Date.now() - asked.at < ASKED_EXPIRES_MS && onBoard(asked.sessionId)) {
      this.openFromNotification(asked.sessionId);
    }
  }

  /** A clicked desktop notification (the shell brought the window forward): the board with
      that patient's record; locked or signed out, the sign-in first, then the record. */
  openFromNotification = (sessionId: number) => {
    const app = this.#app;
    if (!app.open) this.#askedWhileLocked = { sessionId, at: Date.now() };
    else if (app.formOpen) this.askedDuringForm = { sessionId, bay: this.#bayOf(sessionId) };
    else app.showRecord(sessionId);
  };

  #bayOf(sessionId: number) {
    const { board, alerts } = this.#app;
    return (
      board?.rows.find((r) => r.sessionId === sessionId)?.bay ??
      alerts.find((a) => a.sessionId === sessionId)?.bay ??
      null
    );
  }

  /** For an `$effect`: the record asked for during a form opens once no form is open (saved,
      cancelled or closed). */
  openWhenNoForm() {
    if (this.askedDuringForm === null || !this.#app.open || this.#app.formOpen) return;
    const { sessionId } = this.askedDuringForm;
    this.askedDuringForm = null;
    untrack(() => this.#app.showRecord(sessionId));
  }

  /** Someone is at the keyboard: postpone the idle lock (at most every 5 s; errors ignored). */
  activity = () => {
    if (!this.#app.open) return;
    // The monotonic clock: with the wall clock set back, Date.now() would hold activity off.
    const t = performance.now();
    if (t - this.#lastActivity < ACTIVITY_EVERY_MS) return;
    this.#lastActivity = t;
    Promise.resolve()
      .then(noteActivity)
      .catch(() => {});
  };

  onKeydown = (event: KeyboardEvent) => {
    const ctrl = event.ctrlKey || event.metaKey;
    if (this.#app.open && ctrl && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      this.#app.lock();
      return;
    }
    this.activity();
  };

  /** Sounds what the open alerts need now: a new one at once, an escalated one at once and
      louder, otherwise the repeat at the clinic's interval (features/alerts/sound). */
  #sound = () => {
    const app = this.#app;
    this.#sounder.update(app.alerts, Date.now(), app.display, app.settings?.alertRepeatMinutes ?? 3);
  };

  /** After the reload, so the tone fits the alert; unreadable alerts get the urgent tone, and
      so does one whose reload has not come back within ALERT_LOAD_WAIT_MS. */
  #alertRaised = () => {
    const app = this.#app;
    void app.close.reload(); // an alert raised while the close question is shown is counted there
    let played = false;
    const slow = setTimeout(() => {
      played = true;
      this.#sounder.unknown(Date.now(), app.display);
    }, ALERT_LOAD_WAIT_MS);
    void app.refresh().then(() => {
      clearTimeout(slow);
      if (!app.loadError) this.#sound();
      else if (!played) this.#sounder.unknown(Date.now(), app.display);
    });
  };

  /** For `onMount`: listens to the shell, starts the clock, loads; returns the teardown. */
  connect(): () => void {
    const app = this.#app;
    // Every second: the countdowns (while shown), and, hidden or not, the sound's repeat
    // while anything is unacknowledged and escalation of one left unacknowledged (with no
    // alert open there is nothing to play, repeat or escalate, so the tick skips it).
    const stopTicking = app.clock.start(() => {
      if (app.alerts.length > 0) this.#sound();
    });
    const stops: (() => void)[] = [];
    let disposed = false;
    const keep = (stop: () => void) => (disposed ? stop() : stops.push(stop));
    void onRecordsChanged(() => {
      void app.refresh();
      void app.close.reload(); // the close question's counts, while it is shown
    }).then(keep);
    void onAuthChanged(() => void app.refresh()).then(keep);
    void onStorageChanged(app.refreshStorage).then(keep);
    void onAlertRaised(this.#alertRaised).then(keep);
    void onOpenSession(this.openFromNotification).then(keep);
    // Shown at once, then read again (which tells the shell the page answered); asked again
    // while shown: the same dialog, with the new counts.
    void onCloseRequested(app.close.asked).then(keep);
    void app.refresh().then(this.#sound);
    return () => {
      disposed = true;
      void app.discharge.drafts.flush(); // a change still waiting for its delay is kept
      stopTicking();
      stops.forEach((stop) => stop());
    };
  }
}
