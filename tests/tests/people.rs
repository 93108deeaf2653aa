//! Nurses in the real app: the first-start administrator, accounts, sign-in and switching,
//! every record carrying its nurse, the idle lock hiding names, and a second copy of the app
//! that must not write. Real window, real SQLite file, fictional people.

use rusqlite::Connection;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::{AdmitForm, By, Desktop, Session, NAME};

fn db(desktop: &Desktop) -> Connection {
    desktop.open_records()
}

fn scalar(desktop: &Desktop, sql: &str) -> String {
    db(desktop)
        .query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| format!("{v:?}"))
        .expect(sql)
}

fn local_input(minutes_from_now: i64) -> String {
    (chrono::Local::now() + chrono::Duration::minutes(minutes_from_now))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn admit(app: &Session, bay: &str) {
    AdmitForm::iv(bay, &local_input(-10)).submit(app);
    app.find(&By::row(bay));
}

#[test]
fn first_start_creates_the_admin_and_each_record_carries_its_nurse() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app_signed_out();
    desktop.set_up_first_start(&app);
    desktop.screenshot("signed-in-board");
    admit(&app, "Bay 1");
    assert_eq!(app.row_detail("Bay 1", "Admitted by"), ADMIN_LABEL);

    // The administrator adds a nurse; the nurse signs in at the locked workstation (a switch).
    app.click(&app.find(&By::button("People")));
    app.type_into(&app.find(&By::label("Name")), "Test Nurse Two");
    app.type_into(&app.find(&By::label("Credentials")), "RN");
    app.type_into(&app.find(&By::label("PIN")), "1357");
    app.type_into(&app.find(&By::label("PIN again")), "1357");
    app.click(&app.find(&By::button("Add account")));
    app.find(&By::text("Account added."));
    app.click(&app.find(&By::button("Back to the board")));
    app.click(&app.find(&By::button("Lock")));
    app.find(&By::heading("Locked"));
    nurse::sign_in(&app, "Test Nurse Two, RN", "1357");
    admit(&app, "Bay 2");
    assert_eq!(app.row_detail("Bay 2", "Admitted by"), "Test Nurse Two, RN");

    let by_bay = |bay: &str| {
        scalar(
            &desktop,
            &format!(
                "SELECT n.display_name FROM recovery_sessions s JOIN nurses n ON n.id = s.admitted_by \
                 WHERE s.bay = '{bay}'"
            ),
        )
    };
    assert_eq!(by_bay("Bay 1"), "Text(\"Test Admin\")");
    assert_eq!(by_bay("Bay 2"), "Text(\"Test Nurse Two\")");
    let actions: Vec<(String, Option<String>)> = {
        let c = db(&desktop);
        let mut stmt = c
            .prepare(
                "SELECT a.action, n.display_name FROM audit_events a
                 LEFT JOIN nurses n ON n.id = a.nurse_id
                 WHERE a.action NOT IN ('protocol_seed', 'backup', 'readiness_changed')
                 ORDER BY a.seq",
            )
            .expect("prepare");
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query");
        rows.collect::<Result<_, _>>().expect("rows")
    };
    let admin = Some("Test Admin".to_owned());
    let two = Some("Test Nurse Two".to_owned());
    let want = vec![
        // New records start with where their key is kept (the keystore), by no nurse.
        ("key_home_changed".to_owned(), None),
        // The recovery key card's "I have kept the recovery key safe", before any account.
        ("recovery_key_kept".to_owned(), None),
        ("account_create".to_owned(), None),
        ("admit".to_owned(), admin.clone()),
        ("account_create".to_owned(), admin.clone()),
        ("lock".to_owned(), admin),
        ("switch_nurse".to_owned(), two.clone()),
        ("admit".to_owned(), two),
    ];
    assert_eq!(actions, want);
    // The app's own entries (readiness history, written by the scheduler as it sweeps) carry
    // no nurse: they are left out above because their moment depends on the sweep.
    let app_entries_with_a_nurse = scalar(
        &desktop,
        "SELECT count(*) FROM audit_events WHERE action = 'readiness_changed' AND nurse_id IS NOT NULL",
    );
    assert_eq!(app_entries_with_a_nurse, "Integer(0)");
    let pin_hash = scalar(&desktop, "SELECT pin_hash FROM nurse_pins ORDER BY id DESC LIMIT 1");
    assert!(pin_hash.contains("$argon2id$") && !pin_hash.contains("1357"), "{pin_hash}");
}

#[test]
fn after_the_idle_time_the_board_shows_no_names_and_a_pin_brings_them_back() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Settings")));
    app.type_into(&app.find(&By::label("Lock after idle (seconds)")), "20");
    app.click(&app.find(&By::button("Save idle lock")));
    app.click(&app.find(&By::button("Back to the board")));
    admit(&app, "Bay 3");
    assert_eq!(app.text(&app.find(&By::cell("Bay 3", "Patient"))), NAME);

    // Nobody touches the keyboard: the app locks itself (a setting, no test-only path).
    let idle_from = Instant::now();
    vigil_e2e::process::wait_for("the idle lock", Duration::from_secs(60), || {
        app.try_find(&By::heading("Locked"))
    });
    let locked_after = idle_from.elapsed();
    assert!(locked_after >= Duration::from_secs(15), "locked after {locked_after:?}");
    desktop.screenshot("locked-board");
    assert_eq!(app.text(&app.find(&By::cell("Bay 3", "Patient"))), "T.M.");
    assert_eq!(app.count(&By::text(NAME)), 0, "no full name anywhere on the locked screen");
    assert_eq!(app.count(&By::xpath("//th[normalize-space()='Readiness']")), 0, "bay, name, time");
    let countdown = By::cell("Bay 3", "Time left");
    let before = app.text(&app.find(&countdown));
    std::thread::sleep(Duration::from_millis(2_200));
    assert_ne!(app.text(&app.find(&countdown)), before, "the countdown runs while locked");
    assert_eq!(
        scalar(&desktop, "SELECT count(*) FROM audit_events WHERE action = 'auto_lock'"),
        "Integer(1)"
    );

    nurse::submit_pin(&app, ADMIN_LABEL, "0000");
    app.find(&By::text("Wrong PIN."));
    assert_eq!(app.count(&By::text(NAME)), 0, "a wrong PIN shows nothing");
    nurse::sign_in(&app, ADMIN_LABEL, ADMIN_PIN);
    assert_eq!(app.text(&app.find(&By::cell("Bay 3", "Patient"))), NAME);
    let tail = {
        let c = db(&desktop);
        let mut stmt = c
            .prepare("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 3")
            .expect("prepare");
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).expect("query");
        rows.collect::<Result<Vec<_>, _>>().expect("rows")
    };
    assert_eq!(tail, ["unlock", "sign_in_failed", "auto_lock"]);
}

/// Row counts of every table and the audit head: what "wrote nothing" is checked against.
fn snapshot(desktop: &Desktop) -> Vec<(String, i64)> {
    let c = db(desktop);
    let tables: Vec<String> = {
        let mut stmt = c
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("prepare");
        let rows = stmt.query_map([], |r| r.get(0)).expect("query");
        rows.collect::<Result<_, _>>().expect("rows")
    };
    let mut counts: Vec<(String, i64)> = tables
        .into_iter()
        .map(|t| {
            let n = c
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("count");
            (t, n)
        })
        .collect();
    let head: (i64, String) = c
        .query_row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("head");
    counts.push((format!("audit head {}", head.1), head.0));
    counts
}

/// Starts a second copy of the app on the same data directory and display; returns its exit
/// code and what it printed.
fn second_copy(desktop: &Desktop, bus: &str) -> (i32, String) {
    let mut child = Command::new(vigil_e2e::app_binary())
        .env("VIGIL_DATA_DIR", desktop.data_dir())
        .env("DISPLAY", &desktop.display)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a second copy");
    let status =
        vigil_e2e::process::wait_for("the second copy to exit", Duration::from_secs(30), || {
            child.try_wait().expect("wait")
        });
    let output = child.wait_with_output().expect("output");
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    (status.code().unwrap_or(-1), text)
}

#[test]
fn a_second_copy_writes_nothing_and_says_why() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app, "Bay 4");
    // The first scheduled backup comes 10 s after start; let it land so the first copy is quiet.
    let backups = desktop.data_dir().join("backups");
    vigil_e2e::process::wait_for("the first scheduled backup", Duration::from_secs(40), || {
        std::fs::read_dir(&backups)
            .ok()?
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".sqlite3"))
            .then_some(())
    });
    std::thread::sleep(Duration::from_millis(500));
    let before = snapshot(&desktop);

    // With the session bus: the single-instance plugin hands over to the running window.
    let (code, said) = second_copy(&desktop, &desktop.bus_address.clone());
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("Vigil is already running"), "{said}");
    // Without a bus (another session, or none): the database lock alone refuses it.
    let (code, said) = second_copy(&desktop, "unix:path=/nonexistent/vigil-test-bus");
    assert_eq!(code, 3, "{said}");
    assert!(said.contains("Vigil is already running") && said.contains("wrote nothing"), "{said}");

    assert_eq!(snapshot(&desktop), before, "row counts and audit head unchanged");
    app.find(&By::row("Bay 4"));
    assert_eq!(app.text(&app.find(&By::cell("Bay 4", "Patient"))), NAME, "the first copy runs on");

    // The headless check works beside the running app, reading only.
    let verify = Command::new(vigil_e2e::app_binary())
        .arg("verify")
        .env("VIGIL_DATA_DIR", desktop.data_dir())
        // The key is in this desktop's keystore.
        .env("DBUS_SESSION_BUS_ADDRESS", &desktop.bus_address)
        .output()
        .expect("vigil verify");
    let printed = String::from_utf8_lossy(&verify.stdout);
    assert!(verify.status.success() && printed.starts_with("ok "), "{printed}");
    assert!(printed.contains(&before.last().expect("head").0["audit head ".len()..]), "{printed}");
}
