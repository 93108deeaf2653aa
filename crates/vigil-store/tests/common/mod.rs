//! Fixtures shared by the store's integration tests (fictional data only).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use std::path::Path;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::{Admission, Protocol, Role};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{alerts, nurses, sessions, Store};

mod records;
#[allow(unused_imports)] // each test file compiles this module; not all of them build records
pub use records::{bare_check, observation, transfer};

/// The account every store test writes as (created by [`open_in`]).
pub const NURSE: i64 = 1;

/// The PIN of [`NURSE`] (an administrator: 6 digits at least).
pub const PIN: &str = "246813";

/// The key every store test's database is encrypted with.
pub fn key() -> vigil_store::DbKey {
    vigil_store::DbKey::from_bytes([7; 32])
}

/// Opens the store in `dir` and makes sure the test account exists (an admin, "Test Nurse, RN").
/// PINs are hashed at the cheapest cost in these tests (`nurses::use_test_pin_cost`).
pub fn open_in(dir: &Path) -> Store {
    nurses::use_test_pin_cost();
    let store = Store::open_in(dir, &key()).expect("open");
    let exists = store.with_conn(nurses::any).expect("read");
    if !exists {
        let new = NewNurse {
            display_name: "Test Nurse".into(),
            credentials: "RN".into(),
            role: Role::Admin,
            pin: Pin::parse(PIN, "pin").expect("pin"),
        };
        let id = store.with_tx(|tx| nurses::create(tx, &new, None, now())).expect("nurse");
        assert_eq!(id, NURSE);
    }
    store
}

/// The fixed "now" of every store test.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

/// A valid IV ketamine admission (version 1, 60 min) whose clock started `minutes_ago`.
pub fn iv_admission(bay: &str, minutes_ago: i64) -> Admission {
    Admission {
        patient_name: "Testy McTestface".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29).expect("date"),
        bay: bay.into(),
        protocol: Protocol::IvKetamine,
        protocol_version_id: 1,
        minimum_minutes: 60,
        dose_mg: 35.0,
        weight_kg: Some(70.0),
        clock_started_at: now() - Duration::minutes(minutes_ago),
        device_times: Vec::new(),
        note: String::new(),
    }
}

/// A database file at `path` left at schema `version`, holding one session (Bay 9, clock
/// started 10 minutes before [`now`]) as an older Vigil would have written it.
#[allow(dead_code)] // each test file compiles this module; not all of them upgrade one
pub fn old_database(path: &Path, version: i64) {
    let mut conn = rusqlite::Connection::open(path).expect("fixture");
    vigil_store::migrations::apply_up_to(&mut conn, version).expect("old schema");
    conn.execute(
        "INSERT INTO recovery_sessions
            (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms)
         VALUES ('Testy McTestface', 'Bay 9', 'iv_ketamine', 60, ?1, ?1)",
        [(now() - Duration::minutes(10)).timestamp_millis()],
    )
    .expect("old row");
}

/// The board at `at` as the shell builds it (`commands::sessions::board`): a record that does
/// not decode marks only its own session.
#[allow(dead_code)] // each test file compiles this module; not all of them read the board
pub fn board(store: &Store, at: DateTime<Utc>) -> vigil_core::RecoveryBoard {
    use vigil_store::{alerts, checks, discharge, predose, sessions, unreadable::Unreadable};
    store
        .with_conn(|c| {
            let mut unreadable = Unreadable::default();
            let u = &mut unreadable;
            let alerted: std::collections::HashSet<i64> =
                alerts::active_each(c, at, u)?.into_iter().map(|a| a.session_id).collect();
            let rows = sessions::on_board_each(c, at, u)?;
            let mut statuses = checks::statuses_each(c, &rows, at, u)?;
            predose::attach_each(c, &mut statuses, u)?;
            let standing = discharge::board(c, &rows, at, u)?;
            let (reasons, lost) = unreadable.for_board();
            Ok(vigil_core::RecoveryBoard::build(&rows, &alerted, &statuses, at)
                .with_discharge(&standing)
                .with_unreadable(&reasons, lost))
        })
        .expect("the board loads")
}

/// A store with an account, two admissions, a firing and its acknowledgement: entries 1-3 are
/// the protocol seeds, 4 the account, 5-6 the admissions, 7 the firing, 8 the acknowledgement.
#[allow(dead_code)] // each test file compiles this module; not all of them need the history
pub fn populated(dir: &Path) -> Store {
    let store = open_in(dir);
    let first = store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 1", 70), NURSE, now()))
        .expect("admit");
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 2", 10), NURSE, now()))
        .expect("admit");
    let deadline = store
        .with_conn(|c| alerts::unfired_deadlines(c, now()))
        .expect("deadlines")
        .into_iter()
        .find(|d| d.session_id == first)
        .expect("deadline");
    let firing = store
        .with_tx(|tx| alerts::record_firing(tx, &deadline, now()))
        .expect("fire")
        .expect("new");
    store.with_tx(|tx| alerts::acknowledge(tx, firing, NURSE, now())).expect("ack");
    store
}

/// The full integrity check (records included) at [`now`].
#[allow(dead_code)] // each test file compiles this module; not all of them verify
pub fn verify(store: &Store) -> vigil_core::IntegrityStatus {
    store.with_conn(|c| integrity::verify(c, FileCheck::Full, now())).expect("verify")
}

/// Runs `sql` on the store's connection as it is (for tampering in tests).
#[allow(dead_code)] // each test file compiles this module; not all of them tamper
pub fn raw(store: &Store, sql: &str) {
    store.with_conn(|c| Ok(c.execute_batch(sql)?)).expect(sql);
}
