//! One undecodable stored row affects only its own patient (issue 12, item 2): rows injected
//! behind the app's back (append-only triggers forbid UPDATE and DELETE, not INSERT; the CHECK
//! constraints are set aside with `PRAGMA ignore_check_constraints`) that no longer decode: an
//! unknown protocol, an instant out of range, a malformed check, escort or firing. The board
//! and the alert sweep carry on for every other patient, the board names each unreadable
//! session with its bay, and only the unreadable patient's record fails to open.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use common::{board, iv_admission, now, NURSE};
use std::collections::HashSet;
use vigil_core::DeadlineKind;
use vigil_store::{alerts, readiness, session_detail, sessions, Store};

/// Admits a patient in `bay` whose 60-minute minimum started 70 minutes ago (so it is due),
/// recorded when it started (so its planned checks fell due since).
fn admit(store: &Store, bay: &str) -> i64 {
    let admission = iv_admission(bay, 70);
    let at = admission.clock_started_at;
    store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, at)).expect("admit")
}

/// Runs `sql` on the file as a person with write access could, CHECK constraints off.
fn inject(store: &Store, sql: &str, params: impl rusqlite::Params) -> i64 {
    store
        .with_conn(|c| {
            c.execute_batch("PRAGMA ignore_check_constraints = ON")?;
            c.execute(sql, params)?;
            c.execute_batch("PRAGMA ignore_check_constraints = OFF")?;
            Ok(c.last_insert_rowid())
        })
        .expect("inject")
}

/// A session row whose protocol no Vigil knows (bay `bay`).
fn unknown_protocol(store: &Store, bay: &str) -> i64 {
    let at = now().timestamp_millis() - 70 * 60_000;
    inject(
        store,
        "INSERT INTO recovery_sessions (patient_name, bay, protocol, minimum_minutes,
             clock_started_at_ms, recorded_at_ms, admitted_by)
         VALUES ('Test Patient', ?1, 'laughing_gas', 60, ?2, ?2, 1)",
        rusqlite::params![bay, at],
    )
}

fn minimums_due(store: &Store) -> Vec<i64> {
    let due = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("the sweep reads");
    let mut ids: Vec<i64> = due
        .iter()
        .filter(|d| d.kind == DeadlineKind::MinimumReached)
        .map(|d| d.session_id)
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn an_unknown_protocol_affects_only_its_own_patient() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let good = admit(&store, "Bay 1");
    let bad = unknown_protocol(&store, "Bay 2");
    let other = admit(&store, "Bay 3");

    let b = board(&store, now());
    let rows: Vec<i64> = b.rows.iter().map(|r| r.session_id).collect();
    assert_eq!(rows, [good, other], "the others' rows are normal");
    assert!(b.rows.iter().all(|r| r.unreadable.is_none() && r.readiness.is_some()));
    assert_eq!(b.unreadable.len(), 1);
    assert_eq!(b.unreadable[0].session_id, bad);
    assert_eq!(b.unreadable[0].bay.as_deref(), Some("Bay 2"));
    let reason = &b.unreadable[0].reason;
    assert!(reason.contains(&format!("recovery_sessions#{bad}")) && reason.contains("protocol"));
    assert!(!reason.contains("Test Patient"), "no names in the reason: {reason}");

    assert_eq!(minimums_due(&store), [good, other], "the sweep fires the others' minimums");
    let written = store.with_tx(|tx| readiness::record_changes(tx, now())).expect("readiness");
    assert_eq!(written.len(), 2, "readiness is recorded for the others");

    let opened = |id| store.with_conn(|c| session_detail::load(c, id, now()));
    assert!(opened(good).is_ok() && opened(other).is_ok());
    let err = vigil_core::VigilError::from(opened(bad).expect_err("the bad record says so"));
    assert_eq!(err.code, vigil_core::ErrorCode::Storage);
    assert!(err.message.contains(&format!("recovery_sessions#{bad}")), "{}", err.message);
}

#[test]
fn an_instant_out_of_range_is_unreadable_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let good = admit(&store, "Bay 1");
    // Far in the future: on the board (its clock is after the window's start), and chrono
    // would overflow adding its minimum.
    let bad = inject(
        &store,
        "INSERT INTO recovery_sessions (patient_name, bay, protocol, minimum_minutes,
             clock_started_at_ms, recorded_at_ms, admitted_by)
         VALUES ('Test Patient', 'Bay 2', 'iv_ketamine', 60, ?1, ?1, 1)",
        [i64::MAX - 1],
    );
    let b = board(&store, now());
    assert_eq!(b.rows.iter().map(|r| r.session_id).collect::<Vec<_>>(), [good]);
    assert_eq!(b.unreadable.iter().map(|u| u.session_id).collect::<Vec<_>>(), [bad]);
    assert_eq!(minimums_due(&store), [good]);
}

#[test]
fn a_malformed_check_escort_or_firing_marks_only_that_patients_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let good = admit(&store, "Bay 1");
    let bad_check = admit(&store, "Bay 2");
    let bad_escort = admit(&store, "Bay 3");
    let bad_firing = admit(&store, "Bay 4");
    let at = now().timestamp_millis();
    let check = inject(
        &store,
        "INSERT INTO checks (session_id, purpose, observed_at_ms, recorded_at_ms, recorded_by, data)
         VALUES (?1, 'observation', ?2, ?2, 1, '{\"not\": \"a check\"}')",
        rusqlite::params![bad_check, at],
    );
    inject(
        &store,
        "INSERT INTO escort_versions (session_id, data, recorded_at_ms, recorded_by)
         VALUES (?1, '[1, 2, 3]', ?2, 1)",
        rusqlite::params![bad_escort, at],
    );
    let firing = inject(
        &store,
        "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms, key)
         VALUES (?1, 'teleport', ?2, ?2, 'x')",
        rusqlite::params![bad_firing, at],
    );

    let b = board(&store, now());
    assert!(b.unreadable.is_empty(), "every session row itself reads");
    let row = |id| b.rows.iter().find(|r| r.session_id == id).expect("on the board");
    assert_eq!(row(good).unreadable, None);
    assert!(row(good).readiness.is_some() && row(good).next_check.is_some());
    let why = |id| row(id).unreadable.clone().unwrap_or_default();
    assert!(why(bad_check).contains(&format!("checks#{check}")), "{}", why(bad_check));
    assert!(why(bad_escort).contains("escort_versions"), "{}", why(bad_escort));
    assert!(why(bad_firing).contains(&format!("alert_firings#{firing}")), "{}", why(bad_firing));
    // The marked rows come right after the alerted ones (none here), before the normal one.
    assert_eq!(b.rows.last().map(|r| r.session_id), Some(good));

    // Every minimum still fires: each session's own row reads.
    assert_eq!(minimums_due(&store), [good, bad_check, bad_escort, bad_firing]);
    let due = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("sweep");
    let overdue: HashSet<i64> =
        due.iter().filter(|d| d.kind == DeadlineKind::CheckOverdue).map(|d| d.session_id).collect();
    assert!(overdue.contains(&good), "the others' planned checks still fall due");
    assert!(!overdue.contains(&bad_check), "unknown checks: no guess about what is overdue");
    store.with_tx(|tx| readiness::record_changes(tx, now())).expect("readiness");

    let opened = |id| store.with_conn(|c| session_detail::load(c, id, now()));
    assert!(opened(good).is_ok());
    assert!(opened(bad_check).is_err() && opened(bad_escort).is_err());
    assert!(store.with_conn(|c| alerts::active(c, now())).is_ok(), "the alert list still loads");
}

#[test]
fn a_malformed_clinic_setting_still_leaves_every_minimum_due() {
    for table in ["discharge_policy_versions", "check_plan_versions", "threshold_versions"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = common::open_in(dir.path());
        let first = admit(&store, "Bay 1");
        let second = admit(&store, "Bay 2");
        let sql = format!(
            "INSERT INTO {table} (data, changed_at_ms, changed_by) VALUES ('[1, 2, 3]', ?1, 1)"
        );
        inject(&store, &sql, [now().timestamp_millis()]);
        assert_eq!(minimums_due(&store), [first, second], "a bad {table} row stops no minimum");
    }
}

#[test]
fn a_malformed_firing_leaves_the_others_to_raise_after_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let good = admit(&store, "Bay 1");
    let bad = admit(&store, "Bay 2");
    let at = now().timestamp_millis();
    for (kind, due) in [("teleport", at), ("minimum_reached", i64::MAX)] {
        inject(
            &store,
            "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![bad, kind, due, at],
        );
    }
    let minimum = vigil_core::Deadline {
        session_id: good,
        kind: DeadlineKind::MinimumReached,
        key: String::new(),
        due_at: now(),
        detail: String::new(),
    };
    let firing = store.with_tx(|tx| alerts::record_firing(tx, &minimum, now())).expect("fire");
    let unraised = store.with_conn(|c| alerts::unraised(c, now(), now())).expect("the others read");
    let ids: Vec<Option<i64>> = unraised.iter().map(|u| Some(u.firing_id)).collect();
    assert_eq!(ids, [firing], "only the good firing, the bad ones skipped");
}
