// The alert sound: a short two-tone chime made with Web Audio (no file to ship or load).
// Sound is a second channel: a failure to play is logged and never hides the banner.

let context: AudioContext | undefined;

export function playAlertSound(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    [880, 660].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = frequency;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      const start = ctx.currentTime + i * 0.25;
      osc.start(start);
      osc.stop(start + 0.2);
    });
  } catch (e) {
    console.warn('vigil: alert sound unavailable', e);
  }
}
