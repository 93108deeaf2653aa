//! The emergency prompt in the real app (issue 11, feature 9): a check with chest pain and a BP
//! of 190/110 typed into the check form raises the critical alert, a desktop notification
//! (dunst) and a modal dialog that says what to do now; its Transfer button opens the transfer
//! form, and saving it takes the patient off the board with their alert into "Left in the last
//! 24 hours" as transferred, recorded in the database with the nurse. Real window, real SQLite
//! file, fictional people only.
//!
//! Emergency access (issue 12, item 1): as an administrator account it reaches neither People
//! nor a settings change, in the page or by a direct IPC call; what is done under it is stamped
//! in the audit trail, and the next administrator to sign in with a PIN reviews it.

use chrono::{Duration as Span, Local};
use rusqlite::Connection;
use std::time::Duration;
use vigil_e2e::nurse::{sign_in, wait_signed_in, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

const DIALOG: &str = "//*[@role='alertdialog'][@aria-modal='true']";

fn db(desktop: &Desktop) -> Connection {
    desktop.open_records()
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

const EMERGENCY_REASON: &str = "PIN pad broken, patient in Bay 4 needs a check";

/// Calls command `command` with `args` (JSON) straight through the page's IPC, as a script in
/// the window could; returns `{"ok": ...}` or `{"err": {code, message}}`.
fn invoke_directly(app: &Session, command: &str, args: &str) -> serde_json::Value {
    app.execute(&format!(
        "window.__vigilProbe = null;
         window.__TAURI_INTERNALS__.invoke('{command}', {args}).then(
           (v) => {{ window.__vigilProbe = {{ ok: v === undefined ? null : v }}; }},
           (e) => {{ window.__vigilProbe = {{ err: e }}; }});
         return true;"
    ));
    wait_for(&format!("the answer to {command}"), Duration::from_secs(10), || {
        let v = app.execute("return window.__vigilProbe;");
        (!v.is_null()).then_some(v)
    })
}

fn use_emergency_access(app: &Session) {
    app.click(&app.find(&By::label(ADMIN_LABEL)));
    app.click(&app.find(&By::button("Emergency access")));
    type_in(app, "Reason for emergency access", EMERGENCY_REASON);
    app.click(&app.find(&By::button("Use emergency access")));
    wait_signed_in(app, ADMIN_LABEL);
}

#[test]
fn emergency_access_as_an_administrator_gives_clinical_work_only_and_is_reviewed_after() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Sign out")));
    use_emergency_access(&app);
    let banner = app.find(&By::xpath("//*[@role='region'][@aria-label='Emergency access']"));
    let said = app.text(&banner);
    assert!(said.contains("Emergency access in use by Test Admin, RN"), "{said}");
    assert!(said.contains("Locks in 29:") || said.contains("Locks in 30:00"), "{said}");
    assert!(app.try_find(&By::button("People")).is_none(), "no People screen");
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::text("Emergency access allows clinical work only: settings cannot be changed."));
    let keep = app.find(&By::label("Backups kept"));
    assert!(app.attribute(&keep, "disabled").is_some(), "backups kept cannot be changed");
    desktop.screenshot("emergency-access-settings");

    let calls = [
        ("reset_pin", "{ input: { nurseId: 1, pin: '13572468', pinAgain: '13572468' } }"),
        (
            "create_account",
            "{ input: { displayName: 'Test Intruder', credentials: 'RN', role: 'admin', \
             pin: '86421357', pinAgain: '86421357' } }",
        ),
        ("load_accounts", "{}"),
        ("restore_backup", "{ input: { file: 'vigil-20260101-0000.sqlite3' } }"),
        ("update_idle_lock", "{ edit: { seconds: 3600 } }"),
    ];
    for (command, args) in calls {
        let answer = invoke_directly(&app, command, args);
        assert_eq!(answer["err"]["code"], "forbidden", "{command}: {answer}");
        let message = answer["err"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("clinical work only"), "{command}: {message}");
    }
    let folder = desktop.data_dir().join("backups").display().to_string();
    let keep_one = format!("{{ edit: {{ folder: '{folder}', intervalMinutes: 60, keep: 1 }} }}");
    let answer = invoke_directly(&app, "update_backup_settings", &keep_one);
    assert_eq!(answer["err"]["code"], "forbidden", "keep 1 backup: {answer}");

    app.click(&app.find(&By::button("Back to the board")));
    let started = (Local::now() - Span::minutes(5)).format("%Y-%m-%d %H:%M:%S").to_string();
    AdmitForm::iv("Bay 4", &started).submit(&app);
    app.find(&By::row("Bay 4"));
    app.click(&app.find(&By::button("Sign out")));

    sign_in(&app, ADMIN_LABEL, ADMIN_PIN);
    let panel = app.find(&By::xpath("//section[@aria-labelledby='emergency-reviews-title']"));
    let listed = app.text(&panel);
    assert!(listed.contains(EMERGENCY_REASON), "{listed}");
    assert!(listed.contains("Test Admin, RN used emergency access"), "{listed}");
    desktop.screenshot("emergency-review");
    let mark = By::xpath(
        "//button[starts-with(@aria-label, 'Mark reviewed: emergency access by Test Admin, RN')]",
    );
    app.click(&app.find(&mark));
    app.find(&By::containing("Reviewed: emergency access by Test Admin, RN"));
    assert!(app.try_find(&mark).is_none());

    let conn = db(&desktop);
    let use_seq: i64 = conn
        .query_row("SELECT seq FROM audit_events WHERE action = 'emergency_access'", [], |r| {
            r.get(0)
        })
        .expect("the use");
    let stamped: Vec<String> = conn
        .prepare("SELECT action FROM audit_events WHERE emergency_use = ?1 ORDER BY seq")
        .and_then(|mut s| s.query_map([use_seq], |r| r.get(0))?.collect())
        .expect("stamped");
    assert!(stamped.contains(&"admit".to_string()), "{stamped:?}");
    let reviewed: String = conn
        .query_row("SELECT detail FROM audit_events WHERE action = 'emergency_review'", [], |r| {
            r.get(0)
        })
        .expect("the review entry");
    assert!(reviewed.contains(&format!("#{use_seq}")), "{reviewed}");
    let (accounts, pins): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM nurses), (SELECT count(*) FROM nurse_pins)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    assert_eq!((accounts, pins), (1, 1), "no account and no PIN was added");
}
