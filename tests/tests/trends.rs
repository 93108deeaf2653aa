//! The vital-signs chart in the real app (issue 16): a pre-dose baseline and two checks with
//! different blood pressures, then the patient's record shows the chart (an image named by its summary, drawn
//! by uPlot on a canvas under the app's CSP) and its readings table lists both systolic values
//! and the threshold; once cleared, the discharge sheet shows the same chart. No sideways scroll. At 1366x768. Screenshots in
//! target/e2e-artifacts/. Real window, real SQLite file, fictional patient.

use chrono::{Duration as Span, Local, Timelike};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{layout, AdmitForm, By, Desktop, Session};

fn choose(app: &Session, label: &str, option: &str) {
    app.click(&app.find(&By::option(label, option)));
}

fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

fn tick(app: &Session, label: &str) {
    app.click(&app.find(&By::label(label)));
}

fn local(at: chrono::DateTime<Local>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn vitals(app: &Session, bp: (&str, &str)) {
    for (label, value) in [("Systolic", bp.0), ("Diastolic", bp.1), ("Heart rate", "76")] {
        type_in(app, label, value);
    }
    type_in(app, "SpO2", "97");
    choose(app, "Oxygen", "Room air");
}

fn save_check(app: &Session) {
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing("Check saved for Bay 6"));
}

/// The pre-dose baseline 10 minutes before the clock start, typed now.
fn baseline(app: &Session, clock_start: chrono::DateTime<Local>) {
    app.click(&app.find(&By::button("Record check for Bay 6")));
    choose(app, "Purpose", "Pre-dose baseline");
    type_in(app, "Observed at", &local(clock_start - Span::minutes(10)));
    type_in(app, "Reason for late entry", "Pre-dose vitals taken on paper, typed after admission");
    choose(app, "Symptom grade", "0 None");
    vitals(app, ("128", "80"));
    choose(app, "MOAA/S", "5 Responds readily to name");
    save_check(app);
}

/// An observation with blood pressure `bp` observed at `at`.
fn observation(app: &Session, at: chrono::DateTime<Local>, bp: (&str, &str)) {
    app.click(&app.find(&By::button("Record check for Bay 6")));
    type_in(app, "Observed at", &local(at));
    choose(app, "Symptom grade", "0 None");
    vitals(app, bp);
    save_check(app);
}

/// A check now in which every soft gate passes, with blood pressure `bp`.
fn all_clear(app: &Session, bp: (&str, &str)) {
    app.click(&app.find(&By::button("Record check for Bay 6")));
    choose(app, "Symptom grade", "0 None");
    choose(app, "Orthostatic method", "Sit to stand");
    for (label, value) in [
        ("Sitting systolic", bp.0),
        ("Sitting diastolic", bp.1),
        ("Standing systolic", bp.0),
        ("Standing diastolic", bp.1),
    ] {
        type_in(app, label, value);
    }
    choose(app, "Gait", "2 Steady, no dizziness");
    vitals(app, bp);
    choose(app, "MOAA/S", "5 Responds readily to name");
    for i in 1..=6 {
        choose(app, &format!("CADSS item {i}"), "0 Not at all");
    }
    choose(app, "Nausea or vomiting", "0 None");
    choose(app, "Pain", "0 None");
    save_check(app);
}

/// The escort arrived and identified, and Bay 6 cleared for discharge (the test PIN).
fn escort_and_clearance(app: &Session) {
    app.row_action("Bay 6", "Escort for Bay 6");
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
    app.row_action("Bay 6", "Discharge Bay 6");
    app.find(&By::heading("Discharge Bay 6"));
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
    app.find(&By::containing("Bay 6 cleared for discharge"));
}

/// No sideways scroll: the page is no wider than the window.
fn fits_the_width(app: &Session) {
    let v = app.execute("return [document.documentElement.scrollWidth, window.innerWidth];");
    let (scroll, inner) = (v[0].as_i64().unwrap_or(i64::MAX), v[1].as_i64().unwrap_or(0));
    assert!(scroll <= inner, "the page is {scroll} px wide in a {inner} px window");
}

/// The blood-pressure chart: its image, once uPlot has drawn on its canvas (the number of
/// painted pixels, so a blank or missing canvas fails).
fn drawn_bp_chart(app: &Session) -> vigil_e2e::webdriver::Element {
    let image = By::xpath("//*[@role='img'][starts-with(@aria-label, 'Blood pressure (mmHg)')]");
    let image = app.find(&image);
    let painted = "const c = arguments[0].querySelector('canvas'); if (!c || !c.width) return 0; \
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
                   let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;";
    let drawn = wait_for("the chart drawn on its canvas", Duration::from_secs(10), || {
        let n = app.execute_on(painted, &image).as_u64().unwrap_or(0);
        (n > 500).then_some(n)
    });
    println!("{drawn} painted pixels");
    app.execute_on("arguments[0].scrollIntoView({block: 'center'});", &image);
    image
}

#[test]
fn the_record_and_the_discharge_sheet_chart_the_blood_pressure_with_its_threshold() {
    let mut desktop = Desktop::start_with_screen(1366, 768);
    let app = desktop.launch_app();
    layout::resize(&app, 1366, 768);
    // On a whole minute, so the typed times (to the minute) fall on whole minutes after it.
    let started = (Local::now() - Span::minutes(61))
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .expect("a whole minute");
    AdmitForm::iv("Bay 6", &started.format("%Y-%m-%d %H:%M:%S").to_string()).submit(&app);
    app.find(&By::row("Bay 6"));
    // The minimum is already reached: acknowledge its alert so its banner covers nothing.
    let ack = By::button("Acknowledge alert for Bay 6");
    app.click(&wait_for("the minimum's alert", Duration::from_secs(15), || app.try_find(&ack)));
    baseline(&app, started);
    observation(&app, Local::now() - Span::minutes(10), ("148", "92"));
    all_clear(&app, ("126", "82"));

    app.click(&app.find(&By::button("Open Bay 6")));
    app.find(&By::heading("Vital signs over the recovery"));
    let image = drawn_bp_chart(&app);
    let label = app.attribute(&image, "aria-label").unwrap_or_default();
    assert!(label.contains("Systolic: 3 readings, from 128 at minute −10 to 126"), "{label}");
    assert!(label.contains("Systolic rise alert at 168 (baseline 128 + 40)"), "{label}");
    fits_the_width(&app);
    desktop.screenshot("trends-record");

    app.click(&app.find(&By::summary("Readings as a table")));
    let table = app.find(&By::table("Blood pressure (mmHg)"));
    let rows = app.text(&table);
    assert!(rows.contains("148") && rows.contains("126"), "both systolic values in:\n{rows}");
    let limits = app.find(&By::xpath("//ul[@aria-label='Threshold lines for Blood pressure']"));
    assert!(app.text(&limits).contains("Systolic critical at 180"), "{}", app.text(&limits));
    app.execute_on("arguments[0].scrollIntoView({block: 'center'});", &table);
    desktop.screenshot("trends-record-table");
    app.click(&app.find(&By::button("Back to the board")));

    escort_and_clearance(&app);
    app.row_action("Bay 6", "Discharge sheet for Bay 6");
    app.find(&By::heading("Discharge sheet"));
    let section = "//section[@aria-label='Discharge sheet for Bay 6']";
    app.find(&By::xpath(format!(
        "{section}//h3[normalize-space()='Vital signs over the recovery']"
    )));
    let image = drawn_bp_chart(&app);
    let label = app.attribute(&image, "aria-label").unwrap_or_default();
    assert!(label.contains("from 128 at minute −10 to 126"), "the same chart: {label}");
    fits_the_width(&app);
    desktop.screenshot("trends-discharge-sheet");
}
