//! Checks in the real app: a positive sit-to-stand check typed into the form makes the patient
//! "not ready" with a re-check scheduled; a correction keeps both values in the timeline; an
//! overdue check raises the in-app alert and a desktop notification (dunst), and entering it
//! clears the alert. Real window, real SQLite file, fictional patient.

use chrono::{Duration as Span, Local};
use rusqlite::Connection;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

fn db(desktop: &Desktop) -> Connection {
    desktop.open_records()
}

fn admit(app: &Session, bay: &str, ago: Span) {
    let started = (Local::now() - ago).format("%Y-%m-%d %H:%M:%S").to_string();
    AdmitForm::iv(bay, &started).submit(app);
    app.find(&By::row(bay));
}

fn choose(app: &Session, label: &str, option: &str) {
    app.click(&app.find(&By::option(label, option)));
}

fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

fn cell(app: &Session, bay: &str, column: &str) -> String {
    app.text(&app.find(&By::cell(bay, column)))
}

#[test]
fn a_positive_check_makes_the_patient_not_ready_and_a_correction_keeps_both_values() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app, "Bay 5", Span::minutes(61));

    app.click(&app.find(&By::button("Record check for Bay 5")));
    choose(&app, "Symptom grade", "0 None");
    choose(&app, "Orthostatic method", "Sit to stand");
    type_in(&app, "Sitting systolic", "120");
    type_in(&app, "Sitting diastolic", "80");
    type_in(&app, "Standing systolic", "104");
    type_in(&app, "Standing diastolic", "78");
    let verdict = By::xpath("//*[@aria-label='Orthostatic result']");
    wait_for("the live orthostatic verdict", Duration::from_secs(10), || {
        let text = app.text(&app.find(&verdict));
        text.contains("Positive").then_some(text)
    });
    choose(&app, "Gait", "1 Needs assistance");
    // The vitals of the end of the minimum (they also count for the planned ones before it).
    for (label, value) in
        [("Systolic", "118"), ("Diastolic", "76"), ("Heart rate", "74"), ("SpO2", "97")]
    {
        type_in(&app, label, value);
    }
    choose(&app, "Oxygen", "Room air");
    desktop.screenshot("check-form");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing("Check saved for Bay 5"));

    let readiness = cell(&app, "Bay 5", "Readiness");
    assert!(readiness.starts_with("Not ready ("), "the count and the first reason: {readiness}");
    let reasons = app.row_detail("Bay 5", "Not ready");
    assert!(reasons.contains("Lightheadedness and gait: Check positive"), "{reasons}");
    let next = cell(&app, "Bay 5", "Next check");
    assert!(next.to_lowercase().contains("re-check"), "a re-check is scheduled: {next}");
    desktop.screenshot("board-not-ready");

    let (id, who, data): (i64, String, String) = db(&desktop)
        .query_row(
            "SELECT c.id, n.display_name, c.data FROM checks c JOIN nurses n ON n.id = c.recorded_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the check row");
    assert_eq!(who, "Test Admin");
    assert!(data.contains("\"standingSystolic\":104"), "{data}");

    // The standing systolic was 110, not 104: corrected, never edited.
    app.click(&app.find(&By::button("Open Bay 5")));
    app.click(&app.find(&By::button(&format!("Correct entry #{id}"))));
    type_in(&app, "Standing systolic", "110");
    type_in(&app, "Reason for correction", "Standing systolic misread from the monitor");
    app.click(&app.find(&By::button("Save correction")));
    let struck = By::xpath("//del[contains(normalize-space(), 'standing 104/78')]");
    let struck = wait_for("the struck original", Duration::from_secs(10), || app.try_find(&struck));
    assert!(app.text(&struck).contains("104"));
    app.find(&By::xpath("//li[contains(normalize-space(), 'standing 110/78')][not(.//del)]"));
    desktop.screenshot("timeline-correction");
    let rows: Vec<(i64, Option<i64>)> = {
        let c = db(&desktop);
        let mut stmt =
            c.prepare("SELECT id, corrects_id FROM checks ORDER BY id").expect("prepare");
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query");
        rows.collect::<Result<_, _>>().expect("rows")
    };
    assert_eq!(rows.len(), 2, "the original is kept");
    assert_eq!(rows[1].1, Some(id), "the second row corrects the first");
}

#[test]
fn an_overdue_check_alerts_in_the_app_and_on_the_desktop_until_it_is_entered() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // IV vitals are planned 15 min after the infusion ended and overdue 5 min later: in ~12 s.
    admit(&app, "Bay 8", Span::seconds(20 * 60 - 12));
    let banner = By::xpath("//*[contains(normalize-space(), 'Check overdue') and contains(normalize-space(), 'Bay 8')][not(*[contains(normalize-space(), 'Check overdue')])]");
    wait_for("the overdue alert", Duration::from_secs(45), || app.try_find(&banner));
    let notified = wait_for("the desktop notification", Duration::from_secs(10), || {
        desktop
            .notifications()
            .into_iter()
            .find(|args| args.iter().any(|a| a.contains("Bay 8") && a.contains("overdue")))
    });
    assert!(!notified.iter().any(|a| a.contains("Testy")), "initials only: {notified:?}");
    desktop.screenshot("check-overdue");
    let fired: i64 = db(&desktop)
        .query_row("SELECT count(*) FROM alert_firings WHERE kind = 'check_overdue'", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(fired, 1);

    app.click(&app.find(&By::button("Record check for Bay 8")));
    choose(&app, "Symptom grade", "0 None");
    for (label, value) in
        [("Systolic", "124"), ("Diastolic", "80"), ("Heart rate", "72"), ("SpO2", "97")]
    {
        type_in(&app, label, value);
    }
    choose(&app, "Oxygen", "Room air");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing("Check saved for Bay 8"));
    wait_for("the alert to clear", Duration::from_secs(10), || {
        app.try_find(&banner).is_none().then_some(())
    });
    let resolved: String = db(&desktop)
        .query_row("SELECT how FROM alert_resolutions", [], |r| r.get(0))
        .expect("resolution");
    assert_eq!(resolved, "check_entered");
}
