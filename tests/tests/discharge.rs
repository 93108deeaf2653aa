//! Discharge in the real app: the whole happy path (admit, a pre-dose and a recovery check, the
//! minimum's notification through dunst, the escort arriving, discharge signed with the PIN,
//! the departure, the patient off the board, the records in the database, the discharge sheet
//! saved as a PDF, refused in the data directory and written in a folder the nurse chose, that
//! `pdftotext` reads back); an early Spravato discharge refused with the
//! minutes left; a departure against advice recorded. Real window, real SQLite file, fictional
//! people only.

use chrono::{Duration as Span, Local};
use rusqlite::Connection;
use std::process::Command;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop};

#[path = "discharge/steps.rs"]
mod steps;

use steps::*;

fn db(desktop: &Desktop) -> Connection {
    desktop.open_records()
}

/// Every `.pdf` file under `dir`, in sub-folders too.
fn pdfs_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read the folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(pdfs_under(&path));
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            found.push(path);
        }
    }
    found
}

#[test]
fn the_whole_happy_path_ends_with_the_patient_gone_the_records_kept_and_a_pdf_sheet() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // IV ketamine, 60-minute minimum, ending about 80 s from now.
    let clock_start = Local::now() + Span::seconds(80) - Span::minutes(60);
    AdmitForm::iv("Bay 3", &local(clock_start)).submit(&app);
    app.find(&By::row("Bay 3"));
    baseline(&app, "Bay 3", clock_start);
    all_clear_check(&app, "Bay 3");
    escort(&app, "Bay 3", "Expected");
    let early = readiness(&app, "Bay 3");
    assert!(early.contains("Not ready") && early.contains("Minimum time"), "{early}");

    wait_for("the minimum's desktop notification", Duration::from_secs(120), || {
        desktop.notifications().into_iter().find(|args| {
            args.iter().any(|a| a.contains("Bay 3") && a.contains("minimum recovery period"))
        })
    });
    let awaiting = wait_for("ready but for the escort", Duration::from_secs(15), || {
        let text = readiness(&app, "Bay 3");
        text.contains("Awaiting escort").then_some(text)
    });
    assert_eq!(awaiting, "Awaiting escort");
    desktop.screenshot("discharge-awaiting-escort");

    escort(&app, "Bay 3", "Arrived");
    wait_for("ready", Duration::from_secs(15), || {
        (readiness(&app, "Bay 3") == "Ready").then_some(())
    });
    app.row_action("Bay 3", "Discharge Bay 3");
    app.find(&By::heading("Discharge Bay 3"));
    let gates = app.text(&app.find(&By::xpath("//*[@aria-label='Discharge gates']")));
    assert!(!gates.contains("Not met"), "every gate is met: {gates}");
    desktop.screenshot("discharge-dialog");
    sign(&app);
    app.find(&By::containing("Bay 3 cleared for discharge"));
    app.click(&app.find(&By::button("Record departure for Bay 3")));
    wait_for("the patient to leave the board", Duration::from_secs(10), || {
        app.try_find(&By::button("Record check for Bay 3")).is_none().then_some(())
    });

    let c = db(&desktop);
    let (signer, snapshot): (String, String) = c
        .query_row(
            "SELECT n.display_name, d.snapshot FROM discharge_clearances d
             JOIN nurses n ON n.id = d.cleared_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the clearance row");
    assert_eq!(signer, "Test Admin");
    assert!(
        snapshot.contains(ESCORT) && snapshot.contains("\"readiness\":\"ready\""),
        "{snapshot}"
    );
    let (how, by): (String, String) = c
        .query_row(
            "SELECT d.how, n.display_name FROM session_departures d
             JOIN nurses n ON n.id = d.recorded_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the departure row");
    assert_eq!((how.as_str(), by.as_str()), ("discharged", "Test Admin"));
    let escort_rows: i64 = c
        .query_row(
            "SELECT count(*) FROM escort_versions WHERE data LIKE ?1",
            [format!("%{ESCORT}%")],
            |r| r.get(0),
        )
        .expect("escort rows");
    assert_eq!(escort_rows, 2, "expected, then arrived: two versions, none overwritten");

    // The sheet, from the "left" list, saved as a PDF where the nurse chose (never in the data
    // directory: refused there) and read back by poppler.
    app.click(&app.find(&By::button("Discharge sheet for Bay 3")));
    app.find(&By::heading("Discharge sheet"));
    app.find(&By::text(
        "The PDF holds patient data in plain text: keep it only where the clinic allows.",
    ));
    type_in(&app, "Save in folder", desktop.data_dir().to_str().expect("utf-8"));
    app.click(&app.find(&By::button("Save as PDF")));
    app.find(&By::containing("never saved in Vigil's data directory"));
    let chosen = tempfile::tempdir().expect("the nurse's folder");
    type_in(&app, "Save in folder", chosen.path().to_str().expect("utf-8"));
    app.click(&app.find(&By::button("Save as PDF")));
    let saved = wait_for("the saved PDF", Duration::from_secs(15), || {
        app.try_find(&By::containing("Saved as PDF:")).map(|el| app.text(&el))
    });
    let path = saved.split("Saved as PDF:").nth(1).expect("a path").trim().to_owned();
    let folder = chosen.path().canonicalize().expect("canonical");
    assert!(path.starts_with(folder.to_str().expect("utf-8")), "{path}");
    assert!(std::path::Path::new(&path).is_file(), "the PDF is where the nurse chose: {path}");
    assert!(!path.contains("Testy"), "no patient name in the file name: {path}");
    let pdfs = pdfs_under(desktop.data_dir());
    assert!(pdfs.is_empty(), "no PDF in the data directory (nor its papers/): {pdfs:?}");
    let text = Command::new("pdftotext").args(["-layout", &path, "-"]).output().expect("pdftotext");
    assert!(
        text.status.success(),
        "poppler reads the PDF: {}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in
        ["Discharge sheet", "Bay 3", ESCORT, "Sibling", "Cleared for discharge", "Test Admin, RN"]
    {
        assert!(text.contains(expected), "the PDF names {expected:?}:\n{text}");
    }
    let started = clock_start.format("%Y-%m-%d %H:%M").to_string();
    assert!(text.contains(&started), "the PDF has the clock start {started}:\n{text}");
    assert!(text.contains("Left with the escort"), "and the departure time:\n{text}");
    let exports: i64 = c
        .query_row("SELECT count(*) FROM audit_events WHERE action = 'export'", [], |r| r.get(0))
        .expect("exports");
    assert_eq!(exports, 1, "the export is in the audit trail");
    desktop.screenshot("discharge-sheet");
}

#[test]
fn an_early_spravato_discharge_is_refused_with_the_minutes_left() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let first_spray = Local::now() - Span::minutes(30);
    app.click(&app.find(&By::button("Admit patient")));
    choose(&app, "Protocol", "Spravato (esketamine)");
    for (label, value) in [
        ("Patient name", "Testy McTestface"),
        ("Chart number", "TEST-0002"),
        ("Date of birth", "1980-02-29"),
        ("Bay", "Bay 4"),
        ("Dose (mg)", "56"),
        ("First spray at", &local(first_spray)),
    ] {
        type_in(&app, label, value);
    }
    app.click(&app.find(&By::button("Admit")));
    app.find(&By::row("Bay 4"));

    app.row_action("Bay 4", "Discharge Bay 4");
    app.find(&By::heading("Discharge Bay 4"));
    sign(&app);
    let refusal = wait_for("the refusal", Duration::from_secs(10), || {
        app.try_find(&By::xpath("//*[@role='alert'][contains(., 'min left')]"))
            .map(|e| app.text(&e))
    });
    let minutes: u32 = refusal
        .split(" min left")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the minutes left are shown: {refusal}"));
    assert!((89..=90).contains(&minutes), "120 − 30 minutes left: {refusal}");
    desktop.screenshot("discharge-refused-early");
    let c = db(&desktop);
    let cleared: i64 =
        c.query_row("SELECT count(*) FROM discharge_clearances", [], |r| r.get(0)).expect("count");
    assert_eq!(cleared, 0, "nothing was recorded");
    app.click(&app.find(&By::button("Cancel")));
    app.find(&By::row("Bay 4"));
}

#[test]
fn a_patient_who_insists_on_leaving_is_recorded_against_advice_never_held() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    AdmitForm::iv("Bay 6", &local(Local::now() - Span::minutes(20))).submit(&app);
    app.find(&By::row("Bay 6"));
    assert!(readiness(&app, "Bay 6").contains("Not ready"));

    app.row_action("Bay 6", "Left against advice: Bay 6");
    app.find(&By::heading("Leaving against advice: Bay 6"));
    tick(&app, "Risks explained to the patient");
    tick(&app, "Prescriber notified");
    type_in(&app, "Prescriber's name", "Dr Test Prescriber");
    type_in(&app, "Notified at", &Local::now().format("%Y-%m-%d %H:%M").to_string());
    choose(&app, "Says they will drive", "Unknown");
    type_in(
        &app,
        "Actions taken",
        "Explained the risks twice; offered to call a taxi; called the emergency contact.",
    );
    tick(&app, "Patient refused to sign");
    type_in(&app, "Witness", "Test Witness, RN");
    desktop.screenshot("against-advice-form");
    app.click(&app.find(&By::button("Record leaving against advice")));
    wait_for("the patient to leave the board", Duration::from_secs(10), || {
        app.try_find(&By::button("Record check for Bay 6")).is_none().then_some(())
    });
    let left = app.text(&app.find(&By::row("Bay 6")));
    assert!(left.contains("Against advice"), "listed as left against advice: {left}");

    let (how, form): (String, String) = db(&desktop)
        .query_row("SELECT how, against_advice FROM session_departures", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("the departure row");
    assert_eq!(how, "against_advice");
    for expected in [
        "\"willDrive\":\"unknown\"",
        "\"signatureRefused\":true",
        "\"witness\":\"Test Witness, RN\"",
        "\"prescriber\":\"Dr Test Prescriber\"",
        "\"readiness\":\"not_ready\"",
    ] {
        assert!(form.contains(expected), "{expected} in {form}");
    }
}

/// Readiness history (issue 11, feature 10): the app records each change of what the board
/// says; the patient's record shows "Became ready at HH:MM" after the earlier "Not ready", and
/// the rows in the database say the same.
#[test]
fn the_record_shows_when_the_patient_became_ready_and_what_the_board_said_before() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let clock_start = Local::now() - Span::minutes(61);
    AdmitForm::iv("Bay 7", &local(clock_start)).submit(&app);
    app.find(&By::row("Bay 7"));
    // The minimum has passed: its alert fires at once; acknowledged, its banner is out of the way.
    let ack = By::button("Acknowledge alert for Bay 7");
    app.click(&wait_for("the minimum's alert", Duration::from_secs(15), || app.try_find(&ack)));
    wait_for("the banner to go", Duration::from_secs(10), || {
        app.try_find(&ack).is_none().then_some(())
    });
    baseline(&app, "Bay 7", clock_start);
    all_clear_check(&app, "Bay 7");
    escort(&app, "Bay 7", "Arrived");
    wait_for("ready", Duration::from_secs(15), || {
        (readiness(&app, "Bay 7") == "Ready").then_some(())
    });
    // The sweep that sees it comes within 2 s of the board.
    let rows = wait_for("the ready row", Duration::from_secs(10), || {
        let rows = readiness_rows(&desktop);
        (rows.last().map(|r| r.0.as_str()) == Some("ready")).then_some(rows)
    });
    assert_eq!(rows[0].0, "not_ready", "the first row, at admission: {rows:?}");
    assert!(rows[0].1.contains("\"key\":\"escort\""), "with its failing gates: {rows:?}");
    assert!(!rows[0].1.contains("Testy"), "no names in the stored gates: {rows:?}");
    let differ =
        |a: &(String, String, i64), b: &(String, String, i64)| (&a.0, &a.1) != (&b.0, &b.1);
    assert!(rows.windows(2).all(|w| differ(&w[0], &w[1])), "consecutive rows differ: {rows:?}");
    let clock = |ms: i64| {
        let at = chrono::DateTime::from_timestamp_millis(ms).expect("instant");
        at.with_timezone(&Local).format("%H:%M").to_string()
    };
    let became = format!("Became ready at {}", clock(rows[rows.len() - 1].2));
    let not_ready_at = format!("at {}", clock(rows[0].2));

    app.click(&app.find(&By::button("Open Bay 7")));
    let timeline = "//ol[@aria-labelledby='timeline-title']/li";
    let entry =
        |text: &str| By::xpath(format!("{timeline}[contains(normalize-space(), '{text}')]"));
    let ready =
        wait_for("the ready entry", Duration::from_secs(10), || app.try_find(&entry(&became)));
    assert!(app.text(&ready).contains("Vigil"), "recorded by the app: {}", app.text(&ready));
    let not_ready = app.text(&app.find(&entry("Not ready: ")));
    assert!(not_ready.contains("Escort") && not_ready.contains(&not_ready_at), "{not_ready}");
    let readiness_entries = format!(
        "{timeline}[contains(normalize-space(), 'Not ready: ') or \
         contains(normalize-space(), 'Ready – awaiting escort') or \
         contains(normalize-space(), 'Became ready at')]"
    );
    let shown = app.count(&By::xpath(readiness_entries));
    assert_eq!(shown, rows.len(), "one timeline entry per stored row: {rows:?}");
    app.execute("document.getElementById('timeline-title').scrollIntoView()");
    desktop.screenshot("readiness-history");
}

/// `(readiness, failing gates JSON, changed_at_ms)` of every readiness row, oldest first.
fn readiness_rows(desktop: &Desktop) -> Vec<(String, String, i64)> {
    let c = db(desktop);
    let mut stmt = c
        .prepare(
            "SELECT readiness, failing_gates, changed_at_ms FROM readiness_changes ORDER BY id",
        )
        .expect("prepare");
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}
