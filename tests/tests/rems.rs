//! REMS forms in the real app on the days that matter. A Spravato patient is admitted today
//! (day D); the forms list says "Due by D+7". The app is then quit and started again under
//! Debian's libfaketime (only the app's processes see the shifted clock) at noon on D+5, D+7
//! and D+8: "Due soon", a red "Last day", a red "Overdue", each with the header's count. On
//! D+8 the form is marked submitted by fax with its reference. Fictional people only.

use chrono::{Days, Local, NaiveDate, TimeZone};
use rusqlite::Connection;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{By, Desktop, Session};

const BAY: &str = "Bay 5";
const FORMS: &str = "//table[caption[normalize-space()='REMS Patient Monitoring Forms']]";

fn local(at: chrono::DateTime<Local>) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

fn db(desktop: &Desktop) -> Connection {
    desktop.open_records()
}

/// Admits a Spravato patient in `BAY`, first spray 5 minutes ago; returns the day of it.
fn admit_spravato(app: &Session) -> NaiveDate {
    let first_spray = Local::now() - chrono::Duration::minutes(5);
    app.click(&app.find(&By::button("Admit patient")));
    app.click(&app.find(&By::option("Protocol", "Spravato (esketamine)")));
    for (label, value) in [
        ("Patient name", "Testy McTestface"),
        ("Chart number", "TEST-0005"),
        ("Date of birth", "1980-02-29"),
        ("Bay", BAY),
        ("Dose (mg)", "84"),
        ("First spray at", &local(first_spray)),
    ] {
        app.type_into(&app.find(&By::label(label)), value);
    }
    app.click(&app.find(&By::button("Admit")));
    app.find(&By::row(BAY));
    first_spray.date_naive()
}

/// The app started with its clock at noon on `day` (local), still ticking: libfaketime's
/// relative offset from now, in seconds. The monotonic clock stays real (WebKit's timers).
fn launch_on(desktop: &mut Desktop, day: NaiveDate) -> Session {
    let library = vigil_e2e::faketime::library();
    let noon = Local
        .from_local_datetime(&day.and_hms_opt(12, 0, 0).expect("noon"))
        .earliest()
        .expect("noon exists");
    let offset = (noon - Local::now()).num_seconds();
    let faketime = format!("{offset:+}");
    desktop.launch_app_with_env(&[
        ("LD_PRELOAD", library.to_str().expect("a UTF-8 path")),
        ("FAKETIME", &faketime),
        ("FAKETIME_DONT_FAKE_MONOTONIC", "1"),
    ])
}

/// The text of `column` in the forms list's row of `BAY`, and that cell's class.
fn forms_cell(app: &Session, column: &str) -> (String, String) {
    let row = format!("{FORMS}//tr[th[@scope='row'][normalize-space()='{BAY}']]");
    let cell = By::xpath(format!(
        "{row}/td[count({FORMS}//thead//th[normalize-space()='{column}']/preceding-sibling::th)]"
    ));
    let el = app.find(&cell);
    (app.text(&el), app.attribute(&el, "class").unwrap_or_default())
}

/// Opens the forms list and checks the row: due by `last_day`, status `status` (its class too).
fn check_forms(app: &Session, last_day: NaiveDate, status: &str, class: &str) {
    app.find(&By::xpath(FORMS));
    let due = format!("Due by {}", last_day.format("%Y-%m-%d"));
    wait_for(&format!("{BAY}: {due}, {status}"), Duration::from_secs(15), || {
        let (due_by, _) = forms_cell(app, "Due by");
        let (shown, classes) = forms_cell(app, "Status");
        (due_by == due && shown.ends_with(status) && classes.split(' ').any(|c| c == class))
            .then_some(())
    });
}

/// The header's count, which opens the forms list.
fn open_from_header(app: &Session, name: &str) {
    let count = app.find(&By::button(name));
    app.click(&count);
}

/// Quits the app the ordinary way (the WebDriver session ends, and the window with it) and
/// waits until it has let go of its database (the single-writer lock is free).
fn quit(desktop: &Desktop, app: Session) {
    drop(app);
    let lock = vigil_store::lock_path(&desktop.database());
    wait_for("the app to quit", Duration::from_secs(20), || {
        let file = std::fs::OpenOptions::new().read(true).write(true).open(&lock).ok()?;
        file.try_lock().ok()
    });
}

/// The local day of the app's last audit entry (the sign-in): the clock it ran with.
fn app_day(desktop: &Desktop) -> NaiveDate {
    let ms: i64 = db(desktop)
        .query_row("SELECT at_ms FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| r.get(0))
        .expect("audit");
    Local.timestamp_millis_opt(ms).single().expect("instant").date_naive()
}

#[test]
fn the_forms_list_counts_to_the_last_day_under_a_shifted_clock() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let d = admit_spravato(&app);
    let plus = |n: u64| d.checked_add_days(Days::new(n)).expect("day");
    app.click(&app.find(&By::button("Forms due")));
    check_forms(&app, plus(7), "Due", "due");
    assert!(app.try_find(&By::xpath("//button[contains(., 'REMS forms:')]")).is_none());
    quit(&desktop, app);

    let app = launch_on(&mut desktop, plus(5));
    assert_eq!(app_day(&desktop), plus(5), "the app ran on D+5");
    open_from_header(&app, "REMS forms: 1 needs attention");
    check_forms(&app, plus(7), "Due soon", "due_soon");
    desktop.screenshot("rems-forms-d5");
    quit(&desktop, app);

    let app = launch_on(&mut desktop, plus(7));
    assert_eq!(app_day(&desktop), plus(7), "the app ran on D+7");
    open_from_header(&app, "REMS forms: 1 needs attention (1 on the last day or overdue)");
    check_forms(&app, plus(7), "Last day", "last_day");
    quit(&desktop, app);

    let app = launch_on(&mut desktop, plus(8));
    assert_eq!(app_day(&desktop), plus(8), "the app ran on D+8");
    open_from_header(&app, "REMS forms: 1 needs attention (1 on the last day or overdue)");
    check_forms(&app, plus(7), "Overdue", "overdue");
    desktop.screenshot("rems-forms-d8");

    let channel = app.find(&By::xpath(format!(
        "//select[@aria-label='Submission channel for {BAY}']/option[normalize-space()='Fax']"
    )));
    app.click(&channel);
    let reference =
        app.find(&By::xpath(format!("//input[@aria-label='Submission reference for {BAY}']")));
    app.type_into(&reference, "FAX-E2E-0001");
    app.click(&app.find(&By::button(&format!("Mark submitted for {BAY}"))));
    app.find(&By::text("Channel: Fax · Reference: FAX-E2E-0001"));
    assert!(app.try_find(&By::xpath("//button[contains(., 'REMS forms:')]")).is_none());
    let (channel, submitted_ms): (String, i64) = db(&desktop)
        .query_row("SELECT channel, submitted_at_ms FROM rems_submissions", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("the submission");
    let submitted_on = Local.timestamp_millis_opt(submitted_ms).single().expect("t").date_naive();
    assert_eq!((channel.as_str(), submitted_on), ("fax", plus(8)));
}
