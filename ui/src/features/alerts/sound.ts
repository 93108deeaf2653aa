// Which alert sound plays, how loud, and when: the soft tone for routine alerts, the urgent
// one for urgent alerts, escalation when an alert stays unacknowledged. Sound is a second
// channel: the pinned strip, the window title and the desktop notification carry every alert
// whatever happens here, and a failure to play never hides anything.
//
// Urgent: a clinical alert of severity critical, or an emergency prompt. Everything else
// (minimum reached, check due/overdue, escort late, a clinical warning) is routine.
// Volume (Settings, 0-100 %): routine tones play at it, so 0 silences them. Urgent tones never
// play below URGENT_FLOOR (30 %), whatever the setting.
// Escalation: an alert unacknowledged for `escalateAfterMinutes` since it fired is escalated:
// the urgent tone plays at once, ESCALATION_BOOST (30) points louder than an urgent tone
// (so at least 60 %, at most 100 %), and again at every repeat (`alertRepeatMinutes`) until it
// is acknowledged; `escalatedAlerts` tells the strip which alerts are escalated.
import type { ActiveAlert, DisplaySettings } from '../../lib/ipc';
import { playTone, type Tone } from './tones';

export type { Tone } from './tones';
export { playTestSound } from './tones';

/** Urgent tones never play quieter than this (percent). */
export const URGENT_FLOOR = 30;
/** An escalated alert's tone is this many points louder than an urgent one. */
export const ESCALATION_BOOST = 30;

/** Until the settings are loaded: the defaults of the core (`display.rs`). */
export const DEFAULT_SOUND = { volume: 40, escalateAfterMinutes: 5 } as const;

type SoundSettings = Pick<DisplaySettings, 'volume' | 'escalateAfterMinutes'>;

/** What to play: a tone at a volume (percent), and whether it is an escalation. */
export type SoundPlan = { tone: Tone; volume: number; escalated: boolean };

/** Whether an alert is urgent: a critical clinical alert or an emergency prompt. */
export function isUrgent(alert: Pick<ActiveAlert, 'kind' | 'severity' | 'emergency'>): boolean {
  return alert.emergency || (alert.kind === 'clinical' && alert.severity === 'critical');
}

/** The tone of one alert. */
export function toneFor(alert: Pick<ActiveAlert, 'kind' | 'severity' | 'emergency'>): Tone {
  return isUrgent(alert) ? 'urgent' : 'soft';
}

/** The volume a tone plays at, from the setting. */
export function volumeFor(tone: Tone, volume: number, escalated = false): number {
  const urgent = Math.max(volume, URGENT_FLOOR);
  if (escalated) return Math.min(100, urgent + ESCALATION_BOOST);
  return tone === 'urgent' ? urgent : Math.max(0, volume);
}

/** The firing ids of the alerts unacknowledged for at least `minutes` since they fired. */
export function escalatedAlerts(
  alerts: readonly Pick<ActiveAlert, 'firingId' | 'firedAt'>[],
  nowMs: number,
  minutes: number,
): number[] {
  const limit = nowMs - minutes * 60_000;
  return alerts.filter((a) => Date.parse(a.firedAt) <= limit).map((a) => a.firingId);
}

/** What to play for the open `alerts` at `nowMs`: the most urgent need wins. Null with no
 *  alert, or for routine alerts only at volume 0. */
export function planFor(alerts: readonly ActiveAlert[], nowMs: number, settings: SoundSettings | null): SoundPlan | null {
  if (alerts.length === 0) return null;
  const s = settings ?? DEFAULT_SOUND;
  const escalated = escalatedAlerts(alerts, nowMs, s.escalateAfterMinutes).length > 0;
  const tone: Tone = escalated || alerts.some(isUrgent) ? 'urgent' : 'soft';
  const volume = volumeFor(tone, s.volume, escalated);
  return volume > 0 ? { tone, volume, escalated } : null;
}

/** Plays a plan with Web Audio. */
export function playPlan(plan: SoundPlan): void {
  playTone(plan.tone, plan.volume);
}

/** Decides when to sound: at once for an alert not heard before and for one that has just
 *  escalated; otherwise again every `repeatMinutes` while any alert is open. Holds only the
 *  ids of the open alerts (nothing grows over a day). */
export class AlertSounder {
  #lastAt = -Infinity;
  #heard = new Set<number>();
  #escalated = new Set<number>();

  constructor(private readonly play: (plan: SoundPlan) => void = playPlan) {}

  /** Call with the open alerts after each load and every tick. Returns what it played. */
  update(alerts: readonly ActiveAlert[], nowMs: number, settings: SoundSettings | null, repeatMinutes: number): SoundPlan | null {
    const minutes = (settings ?? DEFAULT_SOUND).escalateAfterMinutes;
    const escalated = escalatedAlerts(alerts, nowMs, minutes);
    const fresh = alerts.some((a) => !this.#heard.has(a.firingId));
    const newlyEscalated = escalated.some((id) => !this.#escalated.has(id));
    this.#heard = new Set(alerts.map((a) => a.firingId));
    this.#escalated = new Set(escalated);
    if (alerts.length === 0) return null;
    if (!fresh && !newlyEscalated && nowMs - this.#lastAt < repeatMinutes * 60_000) return null;
    this.#lastAt = nowMs;
    const plan = planFor(alerts, nowMs, settings);
    if (plan) this.play(plan);
    return plan;
  }

  /** An alert was raised but the alerts could not be read: the urgent tone, to be safe. */
  unknown(nowMs: number, settings: SoundSettings | null): SoundPlan {
    this.#lastAt = nowMs;
    const plan = { tone: 'urgent' as const, volume: volumeFor('urgent', (settings ?? DEFAULT_SOUND).volume), escalated: false };
    this.play(plan);
    return plan;
  }
}
