//! Choosing the theme the way a nurse does: Settings, the "Display and sound" panel, a theme
//! radio button, then back to the board; reading which theme the page applies; and a fake Web
//! Audio that records the notes the page plays.

use std::time::Duration;

use crate::process::wait_for;
use crate::{By, Session};

/// The radio button whose label reads `label` (a `<label for>` or a wrapping `<label>`).
fn radio(label: &str) -> By {
    By::xpath(format!(
        "//input[@type='radio'][@id=//label[normalize-space()='{label}']/@for \
         or parent::label[normalize-space()='{label}']]"
    ))
}

/// The `data-theme` the page has now (`light` when absent).
pub fn applied_theme(app: &Session) -> String {
    let v = app.execute("return document.documentElement.getAttribute('data-theme');");
    v.as_str().unwrap_or("light").to_owned()
}

/// Opens Settings, picks the theme `label` ("Light", "Dim", ...) in the "Display and sound"
/// panel, saves it ("Save display and sound"), waits until the page applies `applies`
/// ("light" or "dim"), and goes back to the board.
pub fn choose_theme(app: &Session, label: &str, applies: &str) {
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Display and sound"));
    app.click(&app.find(&radio(label)));
    app.click(&app.find(&By::button("Save display and sound")));
    app.find(&By::xpath("//*[@role='status'][normalize-space()='Saved.']"));
    wait_for(&format!("the {applies} theme"), Duration::from_secs(10), || {
        (applied_theme(app) == applies).then_some(())
    });
    app.click(&app.find(&By::button("Back to the board")));
    app.find(&By::xpath("//table[caption[normalize-space()='Patients in recovery']]"));
}

/// Replaces the page's Web Audio with a fake that records, on `window.__tones`, each oscillator
/// made (its wave and frequency), each gain node made and each note started. The page makes
/// its audio context on first use, and the test sound is the first use.
pub const FAKE_AUDIO: &str = r#"
window.__tones = [];
const log = (...call) => window.__tones.push(call.join(' '));
const param = () => ({ value: 0, setValueAtTime() {}, linearRampToValueAtTime() {},
  exponentialRampToValueAtTime() {} });
window.AudioContext = class {
  constructor() { this.state = 'running'; this.currentTime = 0; this.destination = {}; }
  resume() { this.state = 'running'; return Promise.resolve(); }
  suspend() { this.state = 'suspended'; return Promise.resolve(); }
  createOscillator() {
    const osc = { type: 'sine', frequency: param(), connect: (node) => node,
      start: () => log('start', osc.type, osc.frequency.value), stop() {} };
    log('oscillator');
    return osc;
  }
  createGain() { log('gain'); return { gain: param(), connect: (node) => node }; }
};
"#;

/// The notes started so far through [`FAKE_AUDIO`] ("start triangle 880"), in order.
pub fn tones_started(app: &Session) -> Vec<String> {
    let calls = app.execute("return window.__tones ?? [];");
    let calls = calls.as_array().unwrap_or_else(|| panic!("recorded calls: {calls}"));
    calls
        .iter()
        .filter_map(|c| c.as_str())
        .filter(|c| c.starts_with("start"))
        .map(str::to_owned)
        .collect()
}
