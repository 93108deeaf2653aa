//! The recovery board in the real app: a real window in Xvfb driven through WebDriver, with a
//! real SQLite file that the tests read back.

use chrono::{Duration as Minutes, Local};
use std::time::Duration;
use vigil_e2e::{AdmitForm, By, Desktop, Session, NAME};

type SessionRow = (String, String, String, i64, i64, String, f64, f64);

fn sessions_in_db(desktop: &Desktop) -> Vec<SessionRow> {
    let db = desktop.open_records();
    let mut stmt = db
        .prepare(
            "SELECT patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, \
             chart_number, dose_mg, weight_kg FROM recovery_sessions ORDER BY id",
        )
        .expect("prepare");
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

fn local_input(minutes_from_now: i64) -> String {
    (Local::now() + Minutes::minutes(minutes_from_now)).format("%Y-%m-%d %H:%M").to_string()
}

/// Seconds shown by a countdown of the form `MM:SS` or `H:MM:SS`.
fn countdown_seconds(text: &str) -> i64 {
    text.split(':')
        .try_fold(0, |acc, part| part.parse::<i64>().map(|n| acc * 60 + n))
        .unwrap_or_else(|_| panic!("not a countdown: {text:?}"))
}

#[test]
fn empty_board_shows_its_empty_state_and_the_admit_action() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    assert_eq!(app.title(), "Vigil");
    app.find(&By::heading("No patients in recovery"));
    app.find(&By::button("Admit patient"));
    assert!(desktop.database().is_file(), "database created on first start");
    desktop.screenshot("empty-board");
}

#[test]
fn admitting_puts_the_patient_on_the_board_with_a_running_countdown_and_in_sqlite() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let started = local_input(-10);
    AdmitForm::iv("Bay 7", &started).submit(&app);

    app.find(&By::row("Bay 7"));
    assert_eq!(app.text(&app.find(&By::cell("Bay 7", "Patient"))), NAME);
    assert_eq!(app.text(&app.find(&By::cell("Bay 7", "Protocol"))), "IV 60 min");
    let countdown = By::cell("Bay 7", "Time left");
    let first = countdown_seconds(&app.text(&app.find(&countdown)));
    // 60 min from a start typed to the minute, 10 min ago: between 49 and 50 minutes left.
    assert!((49 * 60..=50 * 60).contains(&first), "time left {first} s");
    std::thread::sleep(Duration::from_millis(2_500));
    let second = countdown_seconds(&app.text(&app.find(&countdown)));
    assert!((1..=4).contains(&(first - second)), "the countdown ticks: {first} s then {second} s");
    assert_eq!(app.row_detail("Bay 7", "State"), "Recovering");
    assert_eq!(app.row_detail("Bay 7", "Admitted by"), vigil_e2e::nurse::ADMIN_LABEL);

    let rows = sessions_in_db(&desktop);
    assert_eq!(rows.len(), 1, "one row in {}", desktop.database().display());
    let (name, bay, protocol, minutes, started_ms, chart, dose, weight) = &rows[0];
    assert_eq!(
        (name.as_str(), bay.as_str(), protocol.as_str(), *minutes),
        (NAME, "Bay 7", "iv_ketamine", 60)
    );
    assert_eq!((chart.as_str(), *dose, *weight), ("TEST-0001", 35.0, 70.0));
    let typed = chrono::NaiveDateTime::parse_from_str(&started, "%Y-%m-%d %H:%M")
        .expect("typed time")
        .and_local_timezone(Local)
        .single()
        .expect("unambiguous");
    assert_eq!(*started_ms, typed.timestamp_millis(), "the typed clinical time, in UTC");
    desktop.screenshot("board-with-patient");
}

#[test]
fn a_bad_admission_shows_the_error_beside_the_field_and_writes_nothing() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let form = AdmitForm { name: String::new(), ..AdmitForm::iv("Bay 2", &local_input(-5)) };
    form.submit(&app);
    expect_field_error(&app, "Patient name", "Patient name is required.");

    app.type_into(&app.find(&By::label("Patient name")), NAME);
    app.type_into(&app.find(&By::label("Infusion ended at")), &local_input(10));
    app.click(&app.find(&By::button("Admit")));
    expect_field_error(
        &app,
        "Infusion ended at",
        "The time the infusion ended cannot be in the future.",
    );
    assert_eq!(
        app.attribute(&app.find(&By::label("Patient name")), "aria-invalid"),
        None,
        "the corrected field is no longer marked"
    );
    desktop.screenshot("admit-error");

    assert!(sessions_in_db(&desktop).is_empty(), "nothing was written");
    assert_eq!(app.count(&By::row("Bay 2")), 0);
    app.find(&By::heading("Admit a patient"));
}

#[test]
fn a_second_patient_in_an_occupied_bay_is_refused_beside_the_bay_and_writes_nothing() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    AdmitForm::iv("Bay 3", &local_input(-10)).submit(&app);
    app.find(&By::row("Bay 3"));

    let second =
        AdmitForm { name: "Test Patient".into(), ..AdmitForm::iv("bay 3 ", &local_input(-5)) };
    second.submit(&app);
    expect_field_error(
        &app,
        "Bay",
        "Bay 3 already has a patient (T.M.). Discharge or transfer them first.",
    );
    desktop.screenshot("admit-bay-taken");
    let rows = sessions_in_db(&desktop);
    assert_eq!(rows.len(), 1, "nothing was written");
    assert_eq!(rows[0].1, "Bay 3");
    app.find(&By::heading("Admit a patient"));
}

fn expect_field_error(app: &Session, label: &str, message: &str) {
    let field = app.find(&By::label(label));
    vigil_e2e::process::wait_for(
        &format!("{label} to be marked invalid"),
        Duration::from_secs(10),
        || (app.attribute(&field, "aria-invalid").as_deref() == Some("true")).then_some(()),
    );
    let described = app.attribute(&field, "aria-describedby").expect("described by the error");
    let error_id =
        described.split_whitespace().find(|id| id.ends_with("-error")).expect("an error id");
    let error = app.find(&By::xpath(format!("//*[@id='{error_id}']")));
    assert_eq!(app.text(&error), message);
    assert_eq!(app.active_element(), field, "focus moves to the field in error");
}

/// Admits an IV patient in `bay` whose infusion ended `minutes_ago`, with `recovery` minutes.
fn admit(app: &Session, bay: &str, minutes_ago: i64, recovery: &str) {
    AdmitForm::iv(bay, &local_input(-minutes_ago)).fill(app);
    app.type_into(&app.find(&By::label("Recovery minutes")), recovery);
    app.click(&app.find(&By::button("Admit")));
    app.find(&By::row(bay));
}

/// The bays of the board's rows, top to bottom.
fn board_bays(app: &Session) -> Vec<String> {
    let rows = app.count(&By::xpath("//table[contains(@class, 'board')]/tbody/tr"));
    (1..=rows)
        .map(|i| {
            let th = By::xpath(format!("(//table[contains(@class, 'board')]/tbody/tr)[{i}]/th"));
            app.text(&app.find(&th))
        })
        .collect()
}

#[test]
fn the_patient_who_needs_the_nurse_next_is_on_top_even_when_admitted_last() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // Bay 1: 10 min ago, its +15 vitals due in 5 min; the minimum ends in 50.
    admit(&app, "Bay 1", 10, "60");
    // Bay 2: 5 min ago, vitals due in 10 min; the minimum ends in 55.
    admit(&app, "Bay 2", 5, "60");
    // Bay 3, admitted last: 25 min ago, its +15 vitals already 10 min late, though its
    // 200-minute recovery ends last. (Overdue at admission: shown, no alert.)
    admit(&app, "Bay 3", 25, "200");
    let overdue = app.text(&app.find(&By::cell("Bay 3", "Next check")));
    assert!(overdue.contains("overdue"), "{overdue}");
    assert_eq!(app.count(&By::xpath("//*[@role='alert']")), 0, "no alert is open");
    vigil_e2e::process::wait_for("the board in next-action order", Duration::from_secs(10), || {
        (board_bays(&app) == ["Bay 3", "Bay 1", "Bay 2"]).then_some(())
    });
    desktop.screenshot("board-next-action-order");
}

#[test]
fn open_alerts_stay_pinned_at_the_top_when_the_board_scrolls() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // The page must be taller than the window for this test to mean anything.
    app.set_window_size(1366, 768)
        .unwrap_or_else(|e| panic!("the window could not be sized to 1366x768: {e}"));
    for bay in 1..=5 {
        admit(&app, &format!("Bay {bay}"), 10, "60");
    }
    // Bay 6's minimum passed before it was admitted: its alert opens at once.
    admit(&app, "Bay 6", 61, "60");
    app.find(&By::button("Acknowledge alert for Bay 6"));
    // Six lines fit the window: with every row's details open the board is taller than it.
    for bay in 1..=6 {
        app.row_detail(&format!("Bay {bay}"), "Admitted by");
    }
    vigil_e2e::process::wait_for("the title to count the alert", Duration::from_secs(10), || {
        (app.title() == "Vigil – 1 open alert").then_some(())
    });
    let scrollable = app.execute("return document.body.scrollHeight > window.innerHeight;");
    assert_eq!(scrollable, serde_json::json!(true), "the board is taller than the window");
    app.execute("window.scrollTo(0, document.body.scrollHeight);");
    let at = app.execute(
        "const r = document.querySelector('section.alerts').getBoundingClientRect(); \
         return [r.top, r.bottom, window.innerHeight, window.scrollY];",
    );
    let [top, bottom, height, scrolled] = [0, 1, 2, 3].map(|i| at[i].as_f64().expect("a number"));
    assert!(scrolled > 0.0, "the page scrolled: {at}");
    assert!(top >= 0.0 && bottom <= height, "the strip is in view: {at}");
    desktop.screenshot("alerts-pinned-scrolled");
    app.click(&app.find(&By::button("Acknowledge alert for Bay 6")));
    vigil_e2e::process::wait_for("the title without alerts", Duration::from_secs(10), || {
        (app.title() == "Vigil").then_some(())
    });
}
