import { describe, expect, it, vi } from 'vitest';
import type { ActiveAlert } from '../../lib/ipc';
import { activeAlert } from '../../test/fixtures';
import {
  AlertSounder,
  escalatedAlerts,
  planFor,
  toneFor,
  volumeFor,
  type SoundPlan,
} from './sound';
import { MAX_GAIN, gainOf, playTestSound, playTone } from './tones';

/** A fake Web Audio context that records every oscillator and its gain envelope. */
class FakeAudioContext {
  currentTime = 10;
  state: AudioContextState = 'running';
  destination = {};
  notes: { type: string; frequency: number; start: number; peak: number }[] = [];
  resume = vi.fn(async () => {});

  createOscillator() {
    const osc = {
      type: 'sine',
      frequency: { value: 0 },
      connect: (gain: { node: { peak: number } }) => {
        note.peak = gain.node.peak;
        return gain;
      },
      start: (t: number) => {
        note.start = t;
        note.type = osc.type;
        note.frequency = osc.frequency.value;
        this.notes.push(note);
      },
      stop: () => {},
    };
    const note = { type: '', frequency: 0, start: 0, peak: 0 };
    return osc;
  }

  createGain() {
    const node = { peak: 0 };
    return {
      node,
      gain: {
        setValueAtTime: () => {},
        linearRampToValueAtTime: (v: number) => (node.peak = v),
        exponentialRampToValueAtTime: () => {},
      },
      connect: () => ({}),
    };
  }
}

const fake = () => new FakeAudioContext();
const asCtx = (f: FakeAudioContext) => f as unknown as AudioContext;

const T0 = Date.parse('2026-07-01T12:00:00Z');
const MIN = 60_000;

function alert(firingId: number, over: Partial<ActiveAlert> = {}): ActiveAlert {
  return activeAlert(firingId, { dueAt: new Date(T0).toISOString(), firedAt: new Date(T0).toISOString(), ...over });
}

const critical = (id: number) => alert(id, { kind: 'clinical', severity: 'critical' });

describe('which tone for which alert', () => {
  it('is soft for routine events and urgent for critical readings and emergencies', () => {
    expect(toneFor(alert(1))).toBe('soft');
    expect(toneFor(alert(1, { kind: 'check_overdue' }))).toBe('soft');
    expect(toneFor(alert(1, { kind: 'escort_late' }))).toBe('soft');
    expect(toneFor(alert(1, { kind: 'clinical', severity: 'warning' }))).toBe('soft');
    expect(toneFor(critical(1))).toBe('urgent');
    expect(toneFor(alert(1, { kind: 'clinical', severity: 'warning', emergency: true }))).toBe('urgent');
  });

  it('makes the two tones differ in pitch, timbre and rhythm', () => {
    const soft = fake();
    const urgent = fake();
    playTone('soft', 50, asCtx(soft));
    playTone('urgent', 50, asCtx(urgent));
    expect(soft.notes).toHaveLength(1);
    expect(soft.notes[0]).toMatchObject({ type: 'sine', frequency: 392 });
    expect(urgent.notes.length).toBeGreaterThanOrEqual(4);
    expect(new Set(urgent.notes.map((n) => n.frequency))).toEqual(new Set([880, 1175]));
    expect(urgent.notes.every((n) => n.type === 'triangle')).toBe(true);
  });

  it('plays the urgent tone when any open alert is urgent', () => {
    const plan = planFor([alert(1), critical(2)], T0, { volume: 40, escalateAfterMinutes: 5 });
    expect(plan).toEqual({ tone: 'urgent', volume: 40, escalated: false });
    expect(planFor([alert(1)], T0, { volume: 40, escalateAfterMinutes: 5 })?.tone).toBe('soft');
    expect(planFor([], T0, null)).toBeNull();
  });
});

describe('volume', () => {
  it('scales the peak gain linearly with the setting', () => {
    for (const volume of [10, 40, 100]) {
      const ctx = fake();
      playTone('soft', volume, asCtx(ctx));
      expect(ctx.notes[0]?.peak).toBeCloseTo((MAX_GAIN * volume) / 100);
    }
    expect(gainOf(140)).toBe(MAX_GAIN);
  });

  it('at 0 silences routine tones but never urgent ones', () => {
    const ctx = fake();
    expect(playTone('soft', volumeFor('soft', 0), asCtx(ctx))).toBe(false);
    expect(ctx.notes).toHaveLength(0);
    expect(planFor([alert(1)], T0, { volume: 0, escalateAfterMinutes: 5 })).toBeNull();
    const urgent = planFor([critical(1)], T0, { volume: 0, escalateAfterMinutes: 5 });
    expect(urgent).toEqual({ tone: 'urgent', volume: 30, escalated: false });
    playTone('urgent', urgent?.volume ?? 0, asCtx(ctx));
    expect(ctx.notes[0]?.peak).toBeCloseTo(gainOf(30));
  });

  it('keeps urgent at the floor of 30 % and follows the setting above it', () => {
    expect(volumeFor('urgent', 10)).toBe(30);
    expect(volumeFor('urgent', 70)).toBe(70);
    expect(volumeFor('soft', 10)).toBe(10);
  });
});

describe('escalation', () => {
  const settings = { volume: 20, escalateAfterMinutes: 5 };

  it('marks alerts unacknowledged for the set minutes since they fired', () => {
    const early = alert(1, { firedAt: new Date(T0 - 6 * MIN).toISOString() });
    const late = alert(2, { firedAt: new Date(T0 - 4 * MIN).toISOString() });
    expect(escalatedAlerts([early, late], T0, 5)).toEqual([1]);
    expect(escalatedAlerts([early, late], T0 + MIN, 5)).toEqual([1, 2]);
    expect(escalatedAlerts([early, late], T0, 10)).toEqual([]);
  });

  it('turns a routine alert urgent and louder, even at volume 0', () => {
    const old = [alert(1, { firedAt: new Date(T0 - 5 * MIN).toISOString() })];
    expect(planFor(old, T0, settings)).toEqual({ tone: 'urgent', volume: 60, escalated: true });
    expect(planFor(old, T0, { ...settings, volume: 0 })).toEqual({ tone: 'urgent', volume: 60, escalated: true });
    expect(planFor(old, T0, { ...settings, volume: 90 })?.volume).toBe(100);
  });

  it('sounds at once for a new alert, at the moment it escalates, and at the repeat interval', () => {
    const played: [number, SoundPlan][] = [];
    let now = T0;
    const sounder = new AlertSounder((plan) => played.push([now, plan]));
    const alerts = [alert(1)];
    const tick = (at: number) => {
      now = at;
      sounder.update(alerts, now, settings, 3);
    };
    tick(T0); // new: soft at once
    for (let s = 1; s <= 6 * 60; s += 1) tick(T0 + s * 1000);
    expect(played.map(([at, p]) => [(at - T0) / 1000, p.tone, p.volume])).toEqual([
      [0, 'soft', 20],
      [180, 'soft', 20], // the repeat, 3 minutes later
      [300, 'urgent', 60], // escalated after 5 minutes: at once, not at the next repeat
    ]);
    tick(T0 + 300 * 1000 + 3 * MIN);
    expect(played.at(-1)).toEqual([T0 + 480 * 1000, { tone: 'urgent', volume: 60, escalated: true }]);
  });

  it('sounds a second alert at once and stops once everything is acknowledged', () => {
    const played: SoundPlan[] = [];
    const sounder = new AlertSounder((plan) => played.push(plan));
    sounder.update([alert(1)], T0, settings, 3);
    sounder.update([alert(1), critical(2)], T0 + 1000, settings, 3);
    expect(played.map((p) => p.tone)).toEqual(['soft', 'urgent']);
    expect(sounder.update([], T0 + 10 * MIN, settings, 3)).toBeNull();
    expect(played).toHaveLength(2);
  });
});

describe('between alerts', () => {
  it('suspends the audio context once the tone has played (no rendering of silence all day)', () => {
    vi.useFakeTimers();
    const ctx = Object.assign(fake(), { suspend: vi.fn(async () => {}) });
    playTone('urgent', 40, asCtx(ctx));
    vi.advanceTimersByTime(500);
    expect(ctx.suspend).not.toHaveBeenCalled();
    ctx.currentTime += 5;
    vi.advanceTimersByTime(5_000);
    vi.useRealTimers();
    expect(ctx.suspend).toHaveBeenCalledTimes(1);
  });
});

describe('waking the audio context', () => {
  it('resumes it for a tone scheduled while a suspend is in flight', async () => {
    vi.useFakeTimers();
    let suspended = () => {};
    const ctx = Object.assign(fake(), {
      suspend: vi.fn(() => new Promise<void>((resolve) => (suspended = resolve))),
    });
    playTone('soft', 40, asCtx(ctx));
    expect(ctx.resume, 'running, nothing pending: no resume').not.toHaveBeenCalled();
    ctx.currentTime += 5;
    vi.advanceTimersByTime(5_000);
    expect(ctx.suspend).toHaveBeenCalledTimes(1);
    expect(ctx.state, 'the suspend has not taken effect yet').toBe('running');
    playTone('urgent', 40, asCtx(ctx));
    expect(ctx.resume).toHaveBeenCalledTimes(1);
    suspended();
    await vi.advanceTimersByTimeAsync(0);
    vi.useRealTimers();
  });

  it('cancels the pending suspend when a new tone starts, and resumes any state but running', () => {
    vi.useFakeTimers();
    const ctx = Object.assign(fake(), { suspend: vi.fn(async () => {}) });
    playTone('soft', 40, asCtx(ctx));
    ctx.currentTime += 0.9;
    vi.advanceTimersByTime(900);
    playTone('urgent', 40, asCtx(ctx));
    vi.advanceTimersByTime(400);
    expect(ctx.suspend, 'not in the middle of the second tone').not.toHaveBeenCalled();
    ctx.state = 'interrupted' as AudioContextState;
    playTone('soft', 40, asCtx(ctx));
    vi.useRealTimers();
    expect(ctx.resume).toHaveBeenCalledTimes(1);
  });
});

describe('the test sound', () => {
  it('plays the soft tone then the urgent one', async () => {
    const ctx = fake();
    await expect(playTestSound(40, 40, asCtx(ctx))).resolves.toBe('played');
    expect(ctx.notes[0]?.type).toBe('sine');
    const firstUrgent = ctx.notes.find((n) => n.type === 'triangle');
    expect(firstUrgent?.start).toBeGreaterThan(ctx.notes[0]?.start ?? Infinity);
  });

  it('says when there is no audio output', async () => {
    await expect(playTestSound(40, 40, undefined)).resolves.toBe('unavailable');
    const stuck = fake();
    stuck.state = 'suspended';
    vi.useFakeTimers();
    const outcome = playTestSound(40, 40, asCtx(stuck));
    await vi.advanceTimersByTimeAsync(1100);
    vi.useRealTimers();
    await expect(outcome).resolves.toBe('unavailable');
    expect(stuck.notes).toHaveLength(0);
  });
});
