//! The patient's record and the alerts of one reading in the real app (issue 11):
//! - bug 1: after an acknowledged alert and a correction that resolves another, "Open Bay N"
//!   opens the record, with the acknowledgements and the resolution each labelled as what it is;
//! - bug 6: a blood pressure that is critical and also a rise over the pre-dose baseline gives
//!   one banner and one desktop notification (dunst) naming both reasons.
//!
//! Real window, real SQLite file, fictional patient.

use chrono::{Duration as Span, Local};
use rusqlite::Connection;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

fn db(desktop: &Desktop) -> Connection {
    desktop.open_records()
}

fn count(desktop: &Desktop, sql: &str) -> i64 {
    db(desktop).query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// Admits an IV ketamine patient (60-minute minimum) to `bay` whose infusion ended `ago`.
fn admit(app: &Session, bay: &str, ago: Span) -> chrono::DateTime<Local> {
    let started = Local::now() - ago;
    AdmitForm::iv(bay, &started.format("%Y-%m-%d %H:%M:%S").to_string()).submit(app);
    app.find(&By::row(bay));
    started
}

fn choose(app: &Session, label: &str, option: &str) {
    app.click(&app.find(&By::option(label, option)));
}

fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

fn vitals(app: &Session, systolic: &str, diastolic: &str) {
    for (label, value) in
        [("Systolic", systolic), ("Diastolic", diastolic), ("Heart rate", "74"), ("SpO2", "97")]
    {
        type_in(app, label, value);
    }
    choose(app, "Oxygen", "Room air");
}

/// Records an observation with blood pressure `systolic/diastolic` through the check form.
fn observation(app: &Session, bay: &str, systolic: &str, diastolic: &str) {
    app.click(&app.find(&By::button(&format!("Record check for {bay}"))));
    choose(app, "Symptom grade", "0 None");
    vitals(app, systolic, diastolic);
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {bay}")));
}

/// The acknowledge buttons of the clinical alerts of `bay` (their names carry the message).
fn clinical_acks(bay: &str) -> By {
    By::xpath(format!("//button[starts-with(@aria-label, 'Acknowledge alert for {bay}: ')]"))
}

fn wait_gone(app: &Session, what: &str, by: &By) {
    wait_for(what, Duration::from_secs(10), || app.try_find(by).is_none().then_some(()));
}

#[test]
fn the_record_opens_after_an_acknowledged_alert_and_a_correction_that_resolved_one() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app, "Bay 5", Span::minutes(61));
    let minimum = By::button("Acknowledge alert for Bay 5");
    wait_for("the minimum alert", Duration::from_secs(30), || app.try_find(&minimum));
    app.click(&app.find(&minimum));
    wait_gone(&app, "the minimum alert to go", &minimum);

    // 185/100 typed by mistake: the critical alert, acknowledged, then the check corrected.
    observation(&app, "Bay 5", "185", "100");
    let critical = clinical_acks("Bay 5");
    wait_for("the critical alert", Duration::from_secs(10), || app.try_find(&critical));
    app.click(&app.find(&critical));
    wait_gone(&app, "the critical alert to go", &critical);
    let wrong: i64 = db(&desktop)
        .query_row("SELECT max(id) FROM checks", [], |r| r.get(0))
        .expect("the check row");
    app.click(&app.find(&By::button("Open Bay 5")));
    app.click(&app.find(&By::button(&format!("Correct entry #{wrong}"))));
    type_in(&app, "Systolic", "128");
    type_in(&app, "Diastolic", "82");
    type_in(&app, "Reason for correction", "Typed 185/100 for 128/82 by mistake");
    app.click(&app.find(&By::button("Save correction")));
    let resolved = "SELECT count(*) FROM alert_resolutions WHERE how = 'correction'";
    wait_for("the resolution", Duration::from_secs(10), || {
        (count(&desktop, resolved) == 1).then_some(())
    });
    assert_eq!(count(&desktop, "SELECT count(*) FROM alert_acknowledgements"), 2);
    assert_eq!(count(&desktop, "SELECT min(id) FROM alert_resolutions"), 1, "collides with ack 1");

    app.click(&app.find(&By::button("Back to the board")));
    app.click(&app.find(&By::button("Open Bay 5")));
    app.find(&By::heading("Bay 5: Testy McTestface"));
    let label = |kind: &str| {
        By::xpath(format!(
            "//ol[@aria-labelledby='timeline-title']/li//strong[normalize-space()='{kind}']"
        ))
    };
    let acks = wait_for("the timeline", Duration::from_secs(10), || {
        let n = app.count(&label("Acknowledgement"));
        (n > 0).then_some(n)
    });
    assert_eq!(acks, 2, "the minimum's and the critical alert's acknowledgements");
    assert_eq!(app.count(&label("Resolution")), 1);
    let resolution = app.find(&By::xpath(
        "//ol[@aria-labelledby='timeline-title']/li[.//strong[normalize-space()='Resolution']]",
    ));
    assert!(app.text(&resolution).contains("resolved by correction"), "{}", app.text(&resolution));
    assert!(app.try_find(&By::containing("could not be shown")).is_none());
    assert!(app.try_find(&By::containing("Loading")).is_none());
    app.execute("document.getElementById('timeline-title').scrollIntoView()");
    desktop.screenshot("timeline-ack-and-resolution");
}

#[test]
fn a_critical_pressure_risen_over_the_baseline_is_one_banner_and_one_notification() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let started = admit(&app, "Bay 7", Span::minutes(5));
    app.click(&app.find(&By::button("Record check for Bay 7")));
    choose(&app, "Purpose", "Pre-dose baseline");
    type_in(
        &app,
        "Observed at",
        &(started - Span::minutes(10)).format("%Y-%m-%d %H:%M").to_string(),
    );
    type_in(&app, "Reason for late entry", "Pre-dose vitals taken on paper, typed after admission");
    choose(&app, "Symptom grade", "0 None");
    vitals(&app, "135", "80");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing("Check saved for Bay 7"));

    observation(&app, "Bay 7", "185", "100");
    let banner = clinical_acks("Bay 7");
    wait_for("the alert", Duration::from_secs(10), || app.try_find(&banner));
    let notified = wait_for("the desktop notification", Duration::from_secs(10), || {
        desktop.notifications().into_iter().find(|args| args.iter().any(|a| a.contains("Bay 7")))
    });
    let outcome = "SELECT count(*) FROM notification_outcomes o JOIN alert_firings f \
                   ON f.id = o.firing_id WHERE f.kind = 'clinical'";
    wait_for("the notification's outcome", Duration::from_secs(10), || {
        (count(&desktop, outcome) > 0).then_some(())
    });
    desktop.screenshot("one-reading-one-alert");
    assert_eq!(app.count(&banner), 1, "one banner for the reading");
    let label = app.attribute(&app.find(&banner), "aria-label").unwrap_or_default();
    // A later notification through the same queue: anything the reading queued went out before it.
    app.click(&app.find(&By::button("Settings")));
    app.click(&app.find(&By::button("Send test notification")));
    let test_outcome = "SELECT count(*) FROM notification_outcomes WHERE firing_id IS NULL";
    wait_for("the test notification's outcome", Duration::from_secs(10), || {
        (count(&desktop, test_outcome) > 0).then_some(())
    });
    let calls = wait_for("the test notification on the bus", Duration::from_secs(10), || {
        let calls = desktop.notifications();
        calls
            .iter()
            .any(|args| args.iter().any(|a| a.contains("test notification")))
            .then_some(calls)
    });
    let about_bay7: Vec<_> =
        calls.iter().filter(|args| args.iter().any(|a| a.contains("Bay 7"))).collect();
    assert_eq!(about_bay7.len(), 1, "one notification for the reading: {calls:?}");
    assert_eq!(calls.len(), 2, "that one and the test notification: {calls:?}");
    assert_eq!(count(&desktop, outcome), 1, "one outcome for the reading");
    let body = notified.join(" ");
    for reason in
        ["Blood pressure 185/100 is critical", "over the pre-dose baseline, systolic rose 50"]
    {
        assert!(body.contains(reason), "{reason} in the notification: {body}");
        assert!(label.contains(reason), "{reason} in the banner: {label}");
    }
    assert!(!body.contains("Testy"), "initials only: {body}");
    assert_eq!(count(&desktop, "SELECT count(*) FROM alert_firings WHERE kind = 'clinical'"), 1);
}
