//! The pre-dose blood pressure decision in the real app (issue 11, feature 8): a baseline of
//! 150/95 (above 140/90) makes the app ask for the prescriber's decision; "proceed" with the
//! prescriber's name is recorded with the nurse, shown in the timeline, and printed on the
//! discharge sheet once the patient is cleared. Real window, real SQLite file, fictional people.

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

fn local(at: chrono::DateTime<Local>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn choose(app: &Session, label: &str, option: &str) {
    app.click(&app.find(&By::option(label, option)));
}

fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

fn tick(app: &Session, label: &str) {
    app.click(&app.find(&By::label(label)));
}

fn vitals(app: &Session, systolic: &str, diastolic: &str) {
    for (label, value) in
        [("Systolic", systolic), ("Diastolic", diastolic), ("Heart rate", "72"), ("SpO2", "98")]
    {
        type_in(app, label, value);
    }
    choose(app, "Oxygen", "Room air");
}

/// A pre-dose baseline of 150/95 taken 10 minutes before the clock start, typed now.
fn high_baseline(app: &Session, bay: &str, clock_start: chrono::DateTime<Local>) {
    app.click(&app.find(&By::button(&format!("Record check for {bay}"))));
    choose(app, "Purpose", "Pre-dose baseline");
    type_in(app, "Observed at", &local(clock_start - Span::minutes(10)));
    type_in(app, "Reason for late entry", "Pre-dose vitals taken on paper, typed after admission");
    choose(app, "Symptom grade", "0 None");
    vitals(app, "150", "95");
    choose(app, "MOAA/S", "5 Responds readily to name");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {bay}")));
}

/// A recovery check in which every soft gate passes.
fn all_clear_check(app: &Session, bay: &str) {
    app.click(&app.find(&By::button(&format!("Record check for {bay}"))));
    choose(app, "Symptom grade", "0 None");
    choose(app, "Orthostatic method", "Sit to stand");
    for (label, value) in [
        ("Sitting systolic", "132"),
        ("Sitting diastolic", "84"),
        ("Standing systolic", "130"),
        ("Standing diastolic", "84"),
    ] {
        type_in(app, label, value);
    }
    choose(app, "Gait", "2 Steady, no dizziness");
    vitals(app, "132", "84");
    choose(app, "MOAA/S", "5 Responds readily to name");
    for i in 1..=6 {
        choose(app, &format!("CADSS item {i}"), "0 Not at all");
    }
    choose(app, "Nausea or vomiting", "0 None");
    choose(app, "Pain", "0 None");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {bay}")));
}

/// The escort arrived and identified.
fn escort_arrived(app: &Session, bay: &str) {
    app.row_action(bay, &format!("Escort for {bay}"));
    type_in(app, "Escort's full name", "Pat Example-Escort");
    type_in(app, "Relationship", "Sibling");
    type_in(app, "Phone", "555-0100");
    tick(app, "Escort is an adult (18 or over)");
    choose(app, "Transport", "Escort drives");
    choose(app, "Escort status", "Arrived");
    tick(app, "Name confirmed");
    tick(app, "Photo ID checked");
    app.click(&app.find(&By::button("Save escort")));
    wait_for("the escort form to close", Duration::from_secs(10), || {
        app.try_find(&By::button("Save escort")).is_none().then_some(())
    });
}

/// Clears `bay` for discharge, signed with the test PIN.
fn clear(app: &Session, bay: &str) {
    app.row_action(bay, &format!("Discharge {bay}"));
    app.find(&By::heading(&format!("Discharge {bay}")));
    for label in [
        "Escort present and identified",
        "No driving or machinery until the next day after sleep",
        "Someone drives them home",
        "Emergency number given",
        "Acknowledged by the patient",
        "Acknowledged by the escort",
    ] {
        tick(app, label);
    }
    type_in(app, "PIN", vigil_e2e::nurse::ADMIN_PIN);
    app.click(&app.find(&By::button("Sign discharge")));
    app.find(&By::containing(&format!("{bay} cleared for discharge")));
}

#[test]
fn a_high_pre_dose_bp_asks_for_the_prescriber_and_the_decision_is_kept_and_printed() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let clock_start = Local::now() - Span::minutes(61);
    AdmitForm::iv("Bay 4", &local(clock_start)).submit(&app);
    app.find(&By::row("Bay 4"));
    // The minimum is already reached: acknowledge its alert so its banner covers nothing.
    let ack = By::button("Acknowledge alert for Bay 4");
    app.click(&wait_for("the minimum's alert", Duration::from_secs(15), || app.try_find(&ack)));
    wait_for("the banner to go", Duration::from_secs(10), || {
        app.try_find(&ack).is_none().then_some(())
    });
    high_baseline(&app, "Bay 4", clock_start);

    // The app asks at once, naming the reading and the limit.
    app.find(&By::heading("Pre-dose blood pressure: prescriber's decision"));
    app.find(&By::containing("Pre-dose BP 150/95 above 140/90"));
    desktop.screenshot("predose-asked");
    let decided_at = Local::now() - Span::minutes(1);
    let clock = decided_at.format("%H:%M").to_string();
    choose(&app, "Decision", "Proceed with the dose");
    type_in(&app, "Prescriber name", "Dr Test Prescriber");
    type_in(&app, "Decided at", &local(decided_at));
    app.click(&app.find(&By::button("Save decision")));
    app.find(&By::containing("Prescriber's decision recorded for Bay 4"));
    let line = format!(
        "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at {clock}"
    );
    wait_for("the board row to show the decision", Duration::from_secs(10), || {
        app.row_detail("Bay 4", "Pre-dose").contains(&line).then_some(())
    });
    assert!(app.try_find(&By::button("Prescriber decision needed for Bay 4")).is_none());

    let c = desktop.open_records();
    let (decision, prescriber, nurse): (String, String, String) = c
        .query_row(
            "SELECT p.decision, p.prescriber, n.display_name FROM predose_decisions p
             JOIN nurses n ON n.id = p.recorded_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the decision row");
    assert_eq!(
        (decision.as_str(), prescriber.as_str(), nurse.as_str()),
        ("proceed", "Dr Test Prescriber", "Test Admin")
    );
    let audited: i64 = c
        .query_row("SELECT count(*) FROM audit_events WHERE action = 'predose_decision'", [], |r| {
            r.get(0)
        })
        .expect("audit");
    assert_eq!(audited, 1);

    app.click(&app.find(&By::button("Open Bay 4")));
    let entry = By::xpath(
        "//ol[@aria-labelledby='timeline-title']/li[contains(normalize-space(), \
         \"prescriber's decision: proceed (Dr Test Prescriber)\")]",
    );
    let shown = wait_for("the timeline entry", Duration::from_secs(10), || app.try_find(&entry));
    let shown = app.text(&shown);
    assert!(shown.contains("Test Admin, RN") && shown.contains(&clock), "{shown}");
    desktop.screenshot("predose-timeline");
    app.click(&app.find(&By::button("Back to the board")));

    all_clear_check(&app, "Bay 4");
    escort_arrived(&app, "Bay 4");
    clear(&app, "Bay 4");
    app.row_action("Bay 4", "Discharge sheet for Bay 4");
    app.find(&By::heading("Discharge sheet"));
    let paper = By::xpath("//section[@aria-label='Discharge sheet for Bay 4']");
    // The papers give times with their date, as every time on them.
    let line = format!(
        "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at {}",
        local(decided_at)
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let sheet = loop {
        let text = app.try_find(&paper).map(|el| app.text(&el)).unwrap_or_default();
        if text.contains(&line) || std::time::Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    desktop.screenshot("predose-discharge-sheet");
    assert!(sheet.contains(&line) && sheet.contains("Before the dose"), "{line:?} in:\n{sheet}");
}
