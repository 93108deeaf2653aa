//! Display and sound settings in the real app: Dim chosen in Settings applies at once, stays
//! after a restart and on the sign-in screen; dim between set hours follows the local clock;
//! "Play test sound" plays the soft then the urgent tone (through a fake Web Audio that records
//! the notes), or says there is no audio output; an impossible span is refused beside its field and
//! changes nothing (no setting row, the theme as it was).

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::display::{applied_theme, FAKE_AUDIO};
use vigil_e2e::process::wait_for;
use vigil_e2e::{By, Desktop, Session};

const SAVE: &str = "Save display and sound";

/// The radio button inside the `<label>` reading `label`.
fn radio(label: &str) -> By {
    By::xpath(format!("//input[@type='radio'][parent::label[normalize-space()='{label}']]"))
}

fn wait_theme(app: &Session, theme: &str) {
    wait_for(&format!("the {theme} theme"), Duration::from_secs(10), || {
        (applied_theme(app) == theme).then_some(())
    });
}

/// Local "HH:MM" `minutes` from now.
fn clock(minutes: i64) -> String {
    (Local::now() + Span::minutes(minutes)).format("%H:%M").to_string()
}

/// Opens Settings at the "Display and sound" panel.
fn open_panel(app: &Session) {
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Display and sound"));
}

/// Chooses dim between `from` and `until` and saves.
fn save_hours(app: &Session, from: &str, until: &str) {
    app.click(&app.find(&radio("Dim between set hours")));
    app.type_into(&app.find(&By::label("Dim from (HH:MM)")), from);
    app.type_into(&app.find(&By::label("Dim until (HH:MM)")), until);
    app.click(&app.find(&By::button(SAVE)));
}

/// Rows of `setting_changes` for the display and sound keys.
fn display_rows(desktop: &Desktop) -> i64 {
    let db = desktop.open_records();
    db.query_row(
        "SELECT count(*) FROM setting_changes WHERE key LIKE 'display_%' OR key LIKE 'sound_%'",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

#[test]
fn dim_chosen_in_settings_stays_after_a_restart_and_on_the_sign_in_screen() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    assert_eq!(applied_theme(&app), "light", "light until a nurse chooses");
    open_panel(&app);
    app.click(&app.find(&radio("Dim")));
    app.click(&app.find(&By::button(SAVE)));
    app.find(&By::xpath("//*[@role='status'][normalize-space()='Saved.']"));
    wait_theme(&app, "dim");
    assert_eq!(display_rows(&desktop), 1, "the theme alone was written");

    assert_eq!(desktop.kill_app(), 1, "the app was running");
    drop(app);
    let app = desktop.launch_app_signed_out();
    app.find(&By::heading("Sign in"));
    wait_theme(&app, "dim");
    desktop.screenshot("display-dim-sign-in");
}

#[test]
fn dim_between_set_hours_follows_the_clock() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    open_panel(&app);
    save_hours(&app, &clock(-60), &clock(60));
    app.find(&By::xpath("//*[@role='status'][normalize-space()='Saved.']"));
    wait_theme(&app, "dim");

    save_hours(&app, &clock(60), &clock(120));
    wait_theme(&app, "light");
}

/// Makes the page's Web Audio refuse, as with no audio output.
const NO_AUDIO: &str =
    "window.AudioContext = class { constructor() { throw new Error('no audio output'); } };";

/// Clicks "Play test sound" and returns the text of the outcome matching `outcome`.
fn play_test_sound(app: &Session, outcome: &By) -> String {
    app.click(&app.find(&By::button("Play test sound")));
    wait_for("the test sound's outcome", Duration::from_secs(10), || {
        app.try_find(outcome).map(|el| app.text(&el))
    })
}

#[test]
fn play_test_sound_plays_the_soft_then_the_urgent_tone() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    open_panel(&app);
    app.execute(FAKE_AUDIO);
    let played = By::xpath("//*[@role='status'][starts-with(normalize-space(), 'Played ')]");
    let text = play_test_sound(&app, &played);
    assert_eq!(text, "Played the soft tone at 40 %, then the urgent tone at 40 %.");
    let calls = app.execute("return window.__tones;");
    let calls: Vec<&str> = calls
        .as_array()
        .unwrap_or_else(|| panic!("recorded calls: {calls}"))
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    let started: Vec<&str> = calls.iter().copied().filter(|c| c.starts_with("start")).collect();
    let urgent = ["start triangle 880", "start triangle 1175"].repeat(3);
    let expected: Vec<&str> = std::iter::once("start sine 392").chain(urgent).collect();
    assert_eq!(started, expected, "the soft note, then the urgent two-tone three times");
    let count = |what: &str| calls.iter().filter(|c| **c == what).count();
    assert_eq!((count("oscillator"), count("gain")), (7, 7), "{calls:?}");
}

#[test]
fn play_test_sound_says_when_there_is_no_audio_output() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    open_panel(&app);
    app.execute(NO_AUDIO);
    let none = By::xpath("//*[@role='alert'][starts-with(normalize-space(), 'No audio output')]");
    let text = play_test_sound(&app, &none);
    assert_eq!(
        text,
        "No audio output is available: alerts still show in the strip, the window title and desktop notifications."
    );
    desktop.screenshot("display-test-sound-no-audio");
}

#[test]
fn an_impossible_span_is_refused_beside_its_field_and_changes_nothing() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    open_panel(&app);
    save_hours(&app, "22:00", "22:00");
    let until = app.find(&By::label("Dim until (HH:MM)"));
    wait_for("the refusal", Duration::from_secs(10), || {
        (app.attribute(&until, "aria-invalid").as_deref() == Some("true")).then_some(())
    });
    let error = app.find(&By::xpath("//*[@id='display-dimUntil-error']"));
    assert_eq!(app.text(&error), "The dim hours must end at another time than they start.");
    save_hours(&app, "25:00", "07:00");
    let from = app.find(&By::label("Dim from (HH:MM)"));
    wait_for("the refusal of 25:00", Duration::from_secs(10), || {
        (app.attribute(&from, "aria-invalid").as_deref() == Some("true")).then_some(())
    });
    assert_eq!(applied_theme(&app), "light");
    assert_eq!(display_rows(&desktop), 0, "nothing written");
    desktop.screenshot("display-refused-span");
}
