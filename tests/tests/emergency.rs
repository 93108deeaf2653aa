//! The emergency prompt in the real app (issue 11, feature 9): a check with chest pain and a BP
//! of 190/110 typed into the check form raises the critical alert, a desktop notification
//! (dunst) and a modal dialog that says what to do now; its Transfer button opens the transfer
//! form, and saving it takes the patient off the board with their alert into "Left in the last
//! 24 hours" as transferred, recorded in the database with the nurse. Real window, real SQLite
//! file, fictional people only.

use chrono::{Duration as Span, Local};
use rusqlite::{Connection, OpenFlags};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

const DIALOG: &str = "//*[@role='alertdialog'][@aria-modal='true']";

fn db(desktop: &Desktop) -> Connection {
    Connection::open_with_flags(desktop.database(), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("the app created its database file")
}

fn choose(app: &Session, label: &str, option: &str) {
    app.click(&app.find(&By::option(label, option)));
}

fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

/// Records a check for `bay` through the check form: chest pain and 190/110.
fn record_emergency_check(app: &Session, bay: &str) {
    app.click(&app.find(&By::button(&format!("Record check for {bay}"))));
    choose(app, "Symptom grade", "0 None");
    app.click(&app.find(&By::label("Chest pain")));
    for (label, value) in
        [("Systolic", "190"), ("Diastolic", "110"), ("Heart rate", "96"), ("SpO2", "97")]
    {
        type_in(app, label, value);
    }
    choose(app, "Oxygen", "Room air");
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {bay}")));
}

#[test]
fn an_emergency_check_prompts_for_emergency_care_and_the_transfer_takes_the_patient_off_the_board()
{
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let started = (Local::now() - Span::minutes(10)).format("%Y-%m-%d %H:%M:%S").to_string();
    AdmitForm::iv("Bay 6", &started).submit(&app);
    app.find(&By::row("Bay 6"));

    record_emergency_check(&app, "Bay 6");
    let dialog = wait_for("the emergency dialog", Duration::from_secs(10), || {
        app.try_find(&By::xpath(DIALOG))
    });
    let said = app.text(&dialog);
    assert!(
        said.contains(
            "Emergency symptoms with high blood pressure at Bay 6. Refer for emergency care now: \
             call emergency services, stay with the patient, repeat the blood pressure."
        ),
        "{said}"
    );
    let transfer = By::xpath(format!(
        "{DIALOG}//button[normalize-space()='Transfer Bay 6 to emergency care']"
    ));
    let transfer = app.find(&transfer);
    wait_for("the focus in the dialog", Duration::from_secs(5), || {
        (app.active_element() == transfer).then_some(())
    });
    let notified = wait_for("the desktop notification", Duration::from_secs(10), || {
        desktop.notifications().into_iter().find(|args| {
            args.iter().any(|a| a.contains("Bay 6") && a.to_lowercase().contains("emergency"))
        })
    });
    assert!(!notified.iter().any(|a| a.contains("Testy")), "initials only: {notified:?}");
    let banner = By::xpath("//button[starts-with(@aria-label, 'Acknowledge alert for Bay 6')]");
    app.find(&banner);
    desktop.screenshot("emergency-dialog");

    app.click(&transfer);
    wait_for("the dialog to close", Duration::from_secs(5), || {
        app.try_find(&By::xpath(DIALOG)).is_none().then_some(())
    });
    app.find(&By::heading("Transfer Bay 6 to emergency care"));
    type_in(&app, "Destination", "Example General Hospital ED");
    type_in(&app, "Handed over to", "Paramedic crew lead");
    desktop.screenshot("transfer-form");
    // The pinned alerts cover the top of the window: bring the choice to the middle first, as
    // a nurse would scroll to it.
    app.execute(
        "document.getElementById('transfer-emergencyServicesCalled')\
         .scrollIntoView({ block: 'center' })",
    );
    choose(&app, "Emergency services called", "Yes");
    app.click(&app.find(&By::button("Record transfer")));
    app.find(&By::containing("Bay 6 transferred to emergency care"));

    wait_for("the patient to leave the board", Duration::from_secs(10), || {
        app.try_find(&By::button("Record check for Bay 6")).is_none().then_some(())
    });
    wait_for("the banner to go", Duration::from_secs(10), || {
        app.try_find(&banner).is_none().then_some(())
    });
    let how = app.text(&app.find(&By::cell("Bay 6", "How")));
    assert_eq!(how, "Transferred to emergency care");
    desktop.screenshot("transferred");

    let (how, by, transfer): (String, String, String) = db(&desktop)
        .query_row(
            "SELECT d.how, n.display_name, d.transfer FROM session_departures d
             JOIN nurses n ON n.id = d.recorded_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the departure row");
    assert_eq!((how.as_str(), by.as_str()), ("transferred", "Test Admin"));
    for expected in [
        "\"destination\":\"Example General Hospital ED\"",
        "\"handedOverTo\":\"Paramedic crew lead\"",
        "\"emergencyServicesCalled\":true",
    ] {
        assert!(transfer.contains(expected), "{expected} in {transfer}");
    }
    let audited: i64 = db(&desktop)
        .query_row(
            "SELECT count(*) FROM audit_events WHERE action = 'transfer' AND nurse_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(audited, 1);
}
