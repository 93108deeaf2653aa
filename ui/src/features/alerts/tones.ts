// The two alert tones, made with Web Audio (no file to ship or load), and the test sound.
//
// SOFT (routine: minimum reached, check due or overdue, escort late): one low sine note
// (392 Hz, G4), a gentle 60 ms attack and a 0.7 s decay. URGENT (a critical reading, an
// emergency prompt, any escalated alert): a higher triangle two-tone (880 / 1175 Hz) played
// three times, short attacks: unlike the soft tone in pitch, timbre and rhythm.
//
// Loudness: a volume in percent maps linearly to the peak gain, 100 % = MAX_GAIN (0.5, which
// leaves headroom when tones overlap). Which tone plays at what volume is decided in `sound.ts`.

export type Tone = 'soft' | 'urgent';

/** The peak gain at 100 %. */
export const MAX_GAIN = 0.5;
/** Gain envelopes start and end here (an exponential ramp cannot reach 0). */
const SILENT = 0.0001;

/** The peak gain of a tone at `volume` percent (clamped to 0-100). */
export function gainOf(volume: number): number {
  return (MAX_GAIN * Math.min(100, Math.max(0, volume))) / 100;
}

type Note = { frequency: number; at: number; attack: number; length: number; wave: OscillatorType };

const SOFT: Note[] = [{ frequency: 392, at: 0, attack: 0.06, length: 0.7, wave: 'sine' }];
const URGENT: Note[] = [0, 1, 2].flatMap((i) => [
  { frequency: 880, at: i * 0.45, attack: 0.01, length: 0.18, wave: 'triangle' as const },
  { frequency: 1175, at: i * 0.45 + 0.2, attack: 0.01, length: 0.18, wave: 'triangle' as const },
]);

/** The notes of a tone, each offset from its start, in seconds. */
export function notesOf(tone: Tone): readonly Note[] {
  return tone === 'soft' ? SOFT : URGENT;
}

/** Seconds from a tone's start to its end. */
export function lengthOf(tone: Tone): number {
  return Math.max(...notesOf(tone).map((n) => n.at + n.length));
}

let shared: AudioContext | undefined;
/** When the last scheduled note ends (context time), and the timer that then suspends the
 *  context: a running context renders silence and costs CPU all day. */
let busyUntil = 0;
let suspendTimer: ReturnType<typeof setTimeout> | undefined;
/** A suspend asked for and not yet done: the state still says 'running', but a tone scheduled
 *  now would not sound unless the context is resumed after it. */
let suspending = false;

function suspendAfter(ctx: AudioContext, endsAt: number): void {
  busyUntil = Math.max(busyUntil, endsAt);
  clearTimeout(suspendTimer);
  suspendTimer = setTimeout(
    () => {
      if (ctx.currentTime < busyUntil - 0.05 || !ctx.suspend) return;
      suspending = true;
      void ctx
        .suspend()
        .catch(() => {})
        .finally(() => (suspending = false));
    },
    Math.max(0, busyUntil - ctx.currentTime) * 1000 + 250,
  );
}

/** Before scheduling a tone: no suspend may come after it, and the context must run (resumed
 *  unless it runs with no suspend in flight; resume after suspend is applied in order). */
function wake(ctx: AudioContext): void {
  clearTimeout(suspendTimer);
  suspendTimer = undefined;
  if (ctx.state !== 'running' || suspending) void ctx.resume().catch(() => {});
}

/** The page's one audio context, made on first use; undefined when Web Audio is missing or
 *  refuses (no audio output). */
export function audio(): AudioContext | undefined {
  const available = typeof AudioContext === 'function';
  if (available && shared instanceof AudioContext && shared.state !== 'closed') return shared;
  try {
    shared = available ? new AudioContext() : undefined;
    busyUntil = 0;
  } catch (e) {
    console.warn('vigil: no audio output', e);
    shared = undefined;
  }
  return shared;
}

/** Plays `tone` at `volume` percent, `delay` seconds from now. Returns whether it was scheduled
 *  (false at volume 0, with no audio context, or when Web Audio throws; never throws). */
export function playTone(tone: Tone, volume: number, ctx = audio(), delay = 0): boolean {
  const peak = gainOf(volume);
  if (!ctx || peak <= 0) return false;
  try {
    wake(ctx);
    const start = ctx.currentTime + delay;
    for (const note of notesOf(tone)) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = note.wave;
      osc.frequency.value = note.frequency;
      const t = start + note.at;
      gain.gain.setValueAtTime(SILENT, t);
      gain.gain.linearRampToValueAtTime(peak, t + note.attack);
      gain.gain.exponentialRampToValueAtTime(SILENT, t + note.length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + note.length + 0.02);
    }
    suspendAfter(ctx, start + lengthOf(tone) + 0.05);
    return true;
  } catch (e) {
    console.warn('vigil: alert sound unavailable', e);
    return false;
  }
}

/** Waits up to `ms` for a suspended context to run. */
async function running(ctx: AudioContext, ms: number): Promise<boolean> {
  if (ctx.state === 'running') return true;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, ms));
  await Promise.race([ctx.resume().catch(() => {}), timeout]);
  return (ctx.state as AudioContextState) === 'running';
}

/** "Play test sound": the soft tone, then the urgent one, at these volumes. Resolves to
 *  'played', or 'unavailable' when there is no audio output (no Web Audio, or it never runs). */
export async function playTestSound(
  softVolume: number,
  urgentVolume: number,
  ctx = audio(),
): Promise<'played' | 'unavailable'> {
  if (!ctx || !(await running(ctx, 1000))) return 'unavailable';
  const soft = playTone('soft', softVolume, ctx);
  const urgent = playTone('urgent', urgentVolume, ctx, lengthOf('soft') + 0.3);
  return soft || urgent ? 'played' : 'unavailable';
}
