//! History in the real app: a patient admitted three days ago (the app run under Debian's
//! libfaketime at noon that day) who left against advice is, after a restart at the real time,
//! found by a partial, accent-free search ("nguyen thi" for "Nguyễn Thị Ánh"), opened
//! read-only, and their discharge sheet shows the name exactly as typed. Fictional people only.

use chrono::{DateTime, Days, Local, TimeZone};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

#[path = "discharge/steps.rs"]
#[allow(dead_code)] // the discharge steps this test does not take
mod steps;

use steps::{choose, local, tick, type_in};

const NAME: &str = "Nguyễn Thị Ánh";
const BAY: &str = "Bay 6";

/// Noon (local) three days before today.
fn three_days_ago_noon() -> DateTime<Local> {
    let day = Local::now().date_naive().checked_sub_days(Days::new(3)).expect("day");
    Local
        .from_local_datetime(&day.and_hms_opt(12, 0, 0).expect("noon"))
        .earliest()
        .expect("noon exists")
}

/// The app started with its clock at `at`, still ticking (libfaketime's relative offset).
fn launch_at(desktop: &mut Desktop, at: DateTime<Local>) -> Session {
    let library = vigil_e2e::faketime::library();
    let faketime = format!("{:+}", (at - Local::now()).num_seconds());
    desktop.launch_app_with_env(&[
        ("LD_PRELOAD", library.to_str().expect("a UTF-8 path")),
        ("FAKETIME", &faketime),
        ("FAKETIME_DONT_FAKE_MONOTONIC", "1"),
    ])
}

/// Quits the app and waits until it has let go of its database.
fn quit(desktop: &Desktop, app: Session) {
    drop(app);
    let lock = vigil_store::lock_path(&desktop.database());
    wait_for("the app to quit", Duration::from_secs(20), || {
        let file = std::fs::OpenOptions::new().read(true).write(true).open(&lock).ok()?;
        file.try_lock().ok()
    });
}

/// Admits the patient (IV, infusion ended 20 minutes before `noon`) and records that they
/// left against advice.
fn admit_and_leave(app: &Session, noon: DateTime<Local>) {
    let mut form = AdmitForm::iv(BAY, &local(noon - chrono::Duration::minutes(20)));
    form.name = NAME.into();
    form.chart_number = "HIST-0003".into();
    form.submit(app);
    app.find(&By::row(BAY));
    app.row_action(BAY, &format!("Left against advice: {BAY}"));
    app.find(&By::heading(&format!("Leaving against advice: {BAY}")));
    tick(app, "Risks explained to the patient");
    choose(app, "Says they will drive", "Unknown");
    type_in(app, "Actions taken", "Explained the risks; offered to call a taxi.");
    tick(app, "Patient refused to sign");
    type_in(app, "Witness", "Test Witness, RN");
    app.click(&app.find(&By::button("Record leaving against advice")));
    wait_for("the patient to leave the board", Duration::from_secs(10), || {
        app.try_find(&By::button(&format!("Record check for {BAY}"))).is_none().then_some(())
    });
}

#[test]
fn a_patient_who_left_three_days_ago_is_found_by_a_partial_accent_free_search() {
    let mut desktop = Desktop::start();
    let noon = three_days_ago_noon();
    let app = launch_at(&mut desktop, noon);
    admit_and_leave(&app, noon);
    quit(&desktop, app);

    let app = desktop.launch_app();
    app.open_records_view("History");
    app.find(&By::heading("History"));
    type_in(&app, "Name or chart number", "nguyen thi");
    app.click(&app.find(&By::button("Search")));
    let row = app.find(&By::row(NAME));
    let row_text = app.text(&row);
    assert!(row_text.contains("Against advice"), "how they left: {row_text}");
    let day = noon.format("%Y-%m-%d").to_string();
    assert!(row_text.contains(&day), "the clock-start day {day}: {row_text}");
    desktop.screenshot("history-results");

    // The clock started when the infusion ended, 20 minutes before noon.
    let started = (noon - chrono::Duration::minutes(20)).format("%Y-%m-%d %H:%M");
    let open = By::button(&format!("Open {BAY} {started} ({NAME})"));
    app.click(&app.find(&open));
    app.find(&By::heading(NAME));
    // The record has loaded (its timeline and an entry in it) before looking for what is not
    // there: a correction button on an entry.
    app.find(&By::xpath("//h4[normalize-space()='Timeline']"));
    app.find(&By::xpath("//ol[@aria-labelledby='timeline-title']/li"));
    assert!(app
        .try_find(&By::xpath("//button[starts-with(normalize-space(), 'Correct entry')]"))
        .is_none());
    app.click(&app.find(&By::button("Discharge sheet")));
    let sheet = By::region(&format!("Discharge sheet for {BAY}"));
    app.find(&By::inside(&sheet, &By::xpath("//h2[normalize-space()='Discharge sheet']")));
    let name = app.find(&By::inside(&sheet, &By::text(NAME)));
    assert_eq!(app.text(&name), NAME, "the name exactly as typed");
    desktop.screenshot("history-discharge-sheet");
    app.click(&app.find(&By::button("Back to the record")));
    app.click(&app.find(&By::button("Back to the results")));
    app.find(&By::row(NAME));
    // Back on the results with the search as typed and the focus on the row's button.
    assert_eq!(app.value(&app.find(&By::label("Name or chart number"))), "nguyen thi");
    let focused = app.attribute(&app.active_element(), "aria-label");
    assert_eq!(focused, app.attribute(&app.find(&open), "aria-label"), "the focus");
}
