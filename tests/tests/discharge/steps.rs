//! The steps the discharge tests share, done the way a nurse does them: choosing, typing and
//! ticking by label, vitals, the baseline and an all-clear check, the escort, the signature.

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{By, Session};

pub const ESCORT: &str = "Pat Example-Escort";

pub fn local(at: chrono::DateTime<Local>) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

pub fn choose(app: &Session, label: &str, option: &str) {
    app.click(&app.find(&By::option(label, option)));
}

pub fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

pub fn tick(app: &Session, label: &str) {
    app.click(&app.find(&By::label(label)));
}

pub fn readiness(app: &Session, bay: &str) -> String {
    app.text(&app.find(&By::cell(bay, "Readiness")))
}

/// Types the vitals every check of this test has (room air).
pub fn vitals(app: &Session, systolic: &str, diastolic: &str) {
    for (label, value) in
        [("Systolic", systolic), ("Diastolic", diastolic), ("Heart rate", "72"), ("SpO2", "98")]
    {
        type_in(app, label, value);
    }
    choose(app, "Oxygen", "Room air");
}

/// A pre-dose baseline taken 10 minutes before the clock start, typed now (a late entry).
pub fn baseline(app: &Session, bay: &str, clock_start: chrono::DateTime<Local>) {
    app.click(&app.find(&By::button(&format!("Record check for {bay}"))));
    choose(app, "Purpose", "Pre-dose baseline");
    type_in(app, "Observed at", &local(clock_start - Span::minutes(10)));
    type_in(app, "Reason for late entry", "Pre-dose vitals taken on paper, typed after admission");
    choose(app, "Symptom grade", "0 None");
    vitals(app, "120", "80");
    choose(app, "MOAA/S", "5 Responds readily to name");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {bay}")));
}

/// A recovery check in which every soft gate passes.
pub fn all_clear_check(app: &Session, bay: &str) {
    app.click(&app.find(&By::button(&format!("Record check for {bay}"))));
    choose(app, "Symptom grade", "0 None");
    choose(app, "Orthostatic method", "Sit to stand");
    for (label, value) in [
        ("Sitting systolic", "122"),
        ("Sitting diastolic", "78"),
        ("Standing systolic", "120"),
        ("Standing diastolic", "78"),
    ] {
        type_in(app, label, value);
    }
    choose(app, "Gait", "2 Steady, no dizziness");
    vitals(app, "122", "78");
    choose(app, "MOAA/S", "5 Responds readily to name");
    for i in 1..=6 {
        choose(app, &format!("CADSS item {i}"), "0 Not at all");
    }
    choose(app, "Nausea or vomiting", "0 None");
    choose(app, "Pain", "0 None");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {bay}")));
}

/// Opens the escort form of `bay` and records `status` (with the identity checked when arrived).
pub fn escort(app: &Session, bay: &str, status: &str) {
    app.row_action(bay, &format!("Escort for {bay}"));
    let name = app.find(&By::label("Escort's full name"));
    if app.value(&name).is_empty() {
        app.type_into(&name, ESCORT);
        type_in(app, "Relationship", "Sibling");
        type_in(app, "Phone", "555-0100");
        tick(app, "Escort is an adult (18 or over)");
        choose(app, "Transport", "Escort drives");
    }
    choose(app, "Escort status", status);
    if status == "Arrived" {
        tick(app, "Name confirmed");
        tick(app, "Photo ID checked");
    }
    app.click(&app.find(&By::button("Save escort")));
    wait_for("the escort form to close", Duration::from_secs(10), || {
        app.try_find(&By::button("Save escort")).is_none().then_some(())
    });
}

/// Ticks every confirmation of the open discharge dialog and types the PIN.
pub fn sign(app: &Session) {
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
}
