//! Odd stored values never panic (issue 12, item 16): rows written behind the app's back with
//! extreme instants (i64 extremes in ms, chrono's limits, far past and future), minimums out of
//! range, unknown protocols, checks and escorts with instants near chrono's limits, and a
//! discharge snapshot missing gates (as older Vigils stored them, or damaged) go through every
//! reading path: the board, the alert sweep, readiness history, the patient's detail and the
//! papers. Each either reads or reports the one record as unreadable; a normal patient admitted
//! beside them always keeps a normal row and their alert.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{board, iv_admission, now, NURSE};
use proptest::prelude::*;
use vigil_core::discharge::{DischargeSnapshot, GateKey, Instructions};
use vigil_core::papers::sheets;
use vigil_core::DeadlineKind;
use vigil_store::{alerts, discharge, papers, readiness, session_detail, sessions, Store};

/// An instant in ms: the i64 extremes, chrono's and Vigil's limits, near now, or anything.
fn millis() -> impl Strategy<Value = i64> {
    let now = now().timestamp_millis();
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(DateTime::<Utc>::MIN_UTC.timestamp_millis()),
        Just(DateTime::<Utc>::MAX_UTC.timestamp_millis()),
        Just(vigil_core::instant::latest().timestamp_millis()),
        Just(vigil_core::instant::earliest().timestamp_millis()),
        (now - 3_600_000..now + 3_600_000),
        any::<i64>(),
    ]
}

/// One odd thing written into the file.
#[derive(Debug, Clone)]
enum Odd {
    Session {
        protocol: String,
        minimum: i64,
        clock_ms: i64,
        recorded_ms: i64,
    },
    CheckAt(i64),
    EscortEta(i64),
    FiringDue(i64),
    /// A snapshot of a cleared patient without the gates at these indexes.
    SnapshotWithout(Vec<usize>),
}

fn odd() -> impl Strategy<Value = Odd> {
    let protocol =
        prop_oneof![Just("iv_ketamine".to_owned()), Just("spravato".to_owned()), "[a-z_]{0,12}"];
    let minimum = prop_oneof![Just(60i64), any::<i64>(), 0i64..100_000];
    prop_oneof![
        (protocol, minimum, millis(), millis()).prop_map(
            |(protocol, minimum, clock_ms, recorded_ms)| {
                Odd::Session { protocol, minimum, clock_ms, recorded_ms }
            }
        ),
        millis().prop_map(Odd::CheckAt),
        millis().prop_map(Odd::EscortEta),
        millis().prop_map(Odd::FiringDue),
        proptest::collection::vec(0usize..11, 0..11).prop_map(Odd::SnapshotWithout),
    ]
}

/// The instant `ms` as chrono writes it in JSON, clamped to chrono's range.
fn json_instant(ms: i64) -> String {
    let at = DateTime::from_timestamp_millis(ms).unwrap_or(if ms < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    });
    serde_json::to_string(&at).expect("encodes")
}

fn exec(store: &Store, sql: &str, params: impl rusqlite::Params) {
    store
        .with_conn(|c| {
            c.execute_batch("PRAGMA ignore_check_constraints = ON")?;
            c.execute(sql, params)?;
            c.execute_batch("PRAGMA ignore_check_constraints = OFF")?;
            Ok(())
        })
        .expect("inject");
}

/// A patient admitted the normal way, whose minimum is due at [`now`].
fn admit(store: &Store, bay: &str) -> i64 {
    store.with_tx(|tx| sessions::insert(tx, &iv_admission(bay, 70), NURSE, now())).expect("admit")
}

/// Writes `odd` (beside its own patient when it needs one) and returns that session's id.
fn inject(store: &Store, odd: &Odd) -> i64 {
    if let Odd::Session { protocol, minimum, clock_ms, recorded_ms } = odd {
        exec(
            store,
            "INSERT INTO recovery_sessions (patient_name, bay, protocol, minimum_minutes,
                 clock_started_at_ms, recorded_at_ms, admitted_by)
             VALUES ('Test Patient', 'Bay 9', ?1, ?2, ?3, ?4, 1)",
            rusqlite::params![protocol, minimum, clock_ms, recorded_ms],
        );
        return store.with_conn(|c| Ok(c.last_insert_rowid())).expect("id");
    }
    let id = admit(store, "Bay 8");
    let at = now().timestamp_millis();
    match odd {
        Odd::CheckAt(ms) => {
            let check = serde_json::json!({"sessionId": id, "purpose": "observation",
                "observedAt": serde_json::from_str::<serde_json::Value>(&json_instant(*ms)).expect("json"),
                "lateReason": null, "symptomGrade": 0, "symptoms": [], "severeHeadache": false,
                "chestPain": false, "shortnessOfBreath": false, "orthostatic": null, "gait": 2,
                "vitals": null, "moaas": 5, "cadss": null, "nausea": 0, "pain": 0, "note": ""});
            exec(
                store,
                "INSERT INTO checks (session_id, purpose, observed_at_ms, recorded_at_ms, recorded_by, data)
                 VALUES (?1, 'observation', ?2, ?2, 1, ?3)",
                rusqlite::params![id, at, check.to_string()],
            );
        }
        Odd::EscortEta(ms) => {
            let escort = format!(
                r#"{{"fullName":"Test Escort","relationship":"friend","phone":"555-0100","adultAttested":true,"transport":"car","status":"en_route","eta":{},"arrivedAt":{},"knownToStaff":false,"nameConfirmed":false,"photoId":false}}"#,
                json_instant(*ms),
                json_instant(ms.wrapping_add(1)),
            );
            exec(
                store,
                "INSERT INTO escort_versions (session_id, data, recorded_at_ms, recorded_by)
                 VALUES (?1, ?2, ?3, 1)",
                rusqlite::params![id, escort, at],
            );
        }
        Odd::FiringDue(ms) => exec(
            store,
            "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms, key)
             VALUES (?1, 'check_overdue', ?2, ?2, 'odd')",
            rusqlite::params![id, ms],
        ),
        Odd::SnapshotWithout(drop) => {
            let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
            let later = now() + Duration::minutes(30);
            let mut gates = store
                .with_conn(|c| discharge::gates(c, std::slice::from_ref(&session), later))
                .expect("gates")
                .remove(&id)
                .expect("assessed");
            let mut index = 0;
            gates.gates.retain(|_| {
                index += 1;
                !drop.contains(&(index - 1))
            });
            let instructions = Instructions {
                no_driving: true,
                ride_home: true,
                emergency: true,
                acknowledged_by_patient: true,
                acknowledged_by_escort: true,
            };
            let snapshot =
                DischargeSnapshot { gates, overrides: Vec::new(), escort: None, instructions };
            store.with_tx(|tx| discharge::clear(tx, id, &snapshot, NURSE, later)).expect("clear");
        }
        Odd::Session { .. } => {}
    }
    id
}

/// Reads `id` through every path that shows one patient; none may panic.
fn read_one(store: &Store, id: i64) {
    let at = now();
    let _ = store.with_conn(|c| session_detail::load(c, id, at));
    if let Ok(record) = store.with_conn(|c| papers::record(c, id)) {
        let when = |t: DateTime<Utc>| t.to_rfc3339();
        let _ = sheets::discharge_sheet(&record, &when);
        let _ = sheets::rems_form(&record, None, Some(45), at.date_naive(), &when);
        if let Some(snapshot) = &record.snapshot {
            let _ = snapshot.gates.passed(GateKey::PlannedChecks);
        }
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    (dir, store)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn odd_stored_values_never_panic_and_touch_only_their_patient(odds in proptest::collection::vec(odd(), 1..4)) {
        // One file for every case (opening one costs a PIN hash): the odd rows pile up, and
        // each case's normal patient must still be normal among all of them.
        static SHARED: std::sync::OnceLock<(tempfile::TempDir, Store)> = std::sync::OnceLock::new();
        let (_, store) = SHARED.get_or_init(store);
        let good = admit(store, "Bay 1");
        let odd_ids: Vec<i64> = odds.iter().map(|o| inject(store, o)).collect();

        let b = board(store, now());
        let row = b.rows.iter().find(|r| r.session_id == good);
        prop_assert!(row.is_some_and(|r| r.unreadable.is_none() && r.readiness.is_some()));
        let due = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("the sweep reads");
        prop_assert!(due.iter().any(|d| d.session_id == good && d.kind == DeadlineKind::MinimumReached));
        store.with_tx(|tx| readiness::record_changes(tx, now())).expect("readiness");
        prop_assert!(store.with_conn(|c| session_detail::load(c, good, now())).is_ok());
        for id in odd_ids {
            read_one(store, id);
        }
    }
}

/// A snapshot stored before the "Planned checks" gate existed (ten gates) still prints, and
/// one missing the gates the papers read prints "unknown" for them instead of panicking (an
/// `expect` in `DischargeGates::gate` once aborted the app here).
#[test]
fn an_old_snapshot_prints_without_panic() {
    let (_dir, store) = store();
    for drop in [vec![10], (0..11).collect()] {
        let id = inject(&store, &Odd::SnapshotWithout(drop));
        let record = store.with_conn(|c| papers::record(c, id)).expect("record");
        let when = |t: DateTime<Utc>| t.to_rfc3339();
        let sheet = sheets::discharge_sheet(&record, &when);
        assert!(!sheet.sections.is_empty());
        let form = sheets::rems_form(&record, None, Some(45), now().date_naive(), &when);
        assert!(!form.sections.is_empty());
        assert!(store.with_conn(|c| session_detail::load(c, id, now())).is_ok());
    }
}
