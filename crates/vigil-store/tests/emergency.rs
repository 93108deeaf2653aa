//! Emergency access in the audit trail (issue 12, item 1), on real files: what a person writes
//! while a use is in force is stamped with it and the stamp is in the chain; entries without a
//! stamp hash exactly as before the column existed (old databases and backups still verify);
//! a use is reviewed once, audited; the time limit is a setting.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use common::{iv_admission, now, NURSE};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use vigil_core::ErrorCode;
use vigil_store::audit::{self, Action, Entry};
use vigil_store::{emergency, migrations, sessions, settings, Store, StoreError};

fn use_emergency(store: &Store, reason: &str) -> i64 {
    let entry = Entry::new(Action::EmergencyAccess, Some(NURSE)).detail(reason);
    let seq = store.with_tx(|tx| audit::append(tx, now(), &entry)).expect("emergency entry");
    store.set_emergency_use(Some(audit::InForce { use_seq: seq, nurse_id: NURSE }));
    seq
}

/// A store whose nurse admitted a patient in Bay 1 under an emergency use still in force;
/// the use's entry seq.
fn admitted_under_a_use(dir: &std::path::Path) -> (Store, i64) {
    let store = common::open_in(dir);
    let use_seq = use_emergency(&store, "PIN pad broken, patient waiting");
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 1", 5), NURSE, now()))
        .expect("admit");
    (store, use_seq)
}

fn stamps(store: &Store) -> Vec<(String, Option<i64>)> {
    store
        .with_conn(|c| {
            let mut s = c.prepare("SELECT action, emergency_use FROM audit_events ORDER BY seq")?;
            let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("read")
}

fn code(err: StoreError) -> ErrorCode {
    match err {
        StoreError::Rule(e) => e.code,
        other => panic!("expected a rule error, got {other}"),
    }
}

#[test]
fn what_a_person_writes_under_a_use_is_stamped_and_the_chain_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, use_seq) = admitted_under_a_use(dir.path());
    let by_vigil = Entry::new(Action::Verify, None).detail("ok");
    store.with_tx(|tx| audit::append(tx, now(), &by_vigil)).expect("by the app");
    store.set_emergency_use(None);
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 2", 5), NURSE, now()))
        .expect("admit after");
    let got = stamps(&store);
    let tail: Vec<(&str, Option<i64>)> =
        got.iter().rev().take(4).rev().map(|(a, u)| (a.as_str(), *u)).collect();
    assert_eq!(
        tail,
        [("emergency_access", None), ("admit", Some(use_seq)), ("verify", None), ("admit", None)]
    );
    let status = common::verify(&store);
    assert!(status.ok, "{status:?}");
}

#[test]
fn only_the_emergency_nurses_entries_are_stamped_unless_the_stamp_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let other = vigil_core::people::NewNurse {
        display_name: "Testy McTestface".into(),
        credentials: "RN".into(),
        role: vigil_core::Role::Nurse,
        pin: vigil_core::people::Pin::parse("1357", "pin").expect("pin"),
    };
    let other = store
        .with_tx(|tx| vigil_store::nurses::create(tx, &other, Some(NURSE), now()))
        .expect("second nurse");
    let use_seq = use_emergency(&store, "PIN pad broken, patient waiting");
    let write = |entry: Entry<'_>| store.with_tx(|tx| audit::append(tx, now(), &entry));
    write(Entry::new(Action::SignInFailed, Some(other)).detail("wrong PIN")).expect("other");
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 1", 5), NURSE, now()))
        .expect("admit");
    write(Entry::new(Action::Lock, Some(NURSE)).stamped(None)).expect("given: none");
    store.set_emergency_use(None);
    write(Entry::new(Action::SignOut, Some(NURSE)).stamped(Some(use_seq))).expect("given: use");
    let got = stamps(&store);
    let tail: Vec<(&str, Option<i64>)> =
        got.iter().rev().take(4).rev().map(|(a, u)| (a.as_str(), *u)).collect();
    assert_eq!(
        tail,
        [
            ("sign_in_failed", None),
            ("admit", Some(use_seq)),
            ("lock", None),
            ("sign_out", Some(use_seq))
        ]
    );
    let status = common::verify(&store);
    assert!(status.ok, "{status:?}");
}

#[test]
fn a_changed_stamp_is_found_at_its_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, use_seq) = admitted_under_a_use(dir.path());
    store.set_emergency_use(None);
    let (head, _) = store.with_conn(audit::head).expect("head");
    store
        .with_conn(|c| {
            Ok(c.execute_batch(&format!(
                "DROP TRIGGER audit_events_no_update;
                 UPDATE audit_events SET emergency_use = NULL WHERE seq = {head};"
            ))?)
        })
        .expect("tamper");
    let report = store.with_conn(|c| audit::verify(c, true)).expect("verify");
    assert_eq!(report.first_bad.map(|(seq, _)| seq), Some(head), "use {use_seq}");
}

/// The chain hash of an entry as written before schema 13 (seven columns, no stamp).
fn old_hash(prev: &str, row: (i64, i64, Option<i64>, &str, &str, Option<&str>, &str)) -> String {
    let canonical = serde_json::to_string(&row).expect("json");
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn entries_from_before_the_stamp_verify_before_and_after_the_upgrade() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("schema12.sqlite3");
    {
        let mut conn = Connection::open(&path).expect("open");
        migrations::apply_up_to(&mut conn, 12).expect("schema 12");
        let first = old_hash(audit::GENESIS, (1, 1000, None, "verify", "[]", None, "ok"));
        let second = old_hash(&first, (2, 2000, None, "backup", "[]", None, "made"));
        conn.execute_batch(&format!(
            "INSERT INTO audit_events
                 (seq, at_ms, nurse_id, action, records, record_hash, detail, prev_hash, hash)
             VALUES (1, 1000, NULL, 'verify', '[]', NULL, 'ok', '{}', '{first}'),
                    (2, 2000, NULL, 'backup', '[]', NULL, 'made', '{first}', '{second}');",
            audit::GENESIS
        ))
        .expect("old entries");
        let report = audit::verify(&conn, true).expect("verify the old file as it is");
        assert_eq!((report.rows, report.first_bad), (2, None));
    }
    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
    let report = store.with_conn(|c| audit::verify(c, true)).expect("verify");
    assert!(report.first_bad.is_none() && report.rows >= 2, "{report:?}");
}

#[test]
fn a_use_is_reviewed_once_with_its_audit_entry_and_lists_its_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, use_seq) = admitted_under_a_use(dir.path());
    store.set_emergency_use(None);

    let open = store.with_conn(|c| emergency::uses(c, true)).expect("uses");
    assert_eq!(open.len(), 1);
    assert_eq!(
        (open[0].seq, open[0].actions, open[0].reason.as_str()),
        (use_seq, 1, "PIN pad broken, patient waiting")
    );
    let done = store.with_conn(|c| emergency::actions(c, use_seq)).expect("actions");
    assert_eq!(done.iter().map(|a| a.action.as_str()).collect::<Vec<_>>(), ["admit"]);

    store.with_tx(|tx| emergency::review(tx, use_seq, NURSE, now())).expect("review");
    assert!(store.with_conn(|c| emergency::uses(c, true)).expect("uses").is_empty());
    let all = store.with_conn(|c| emergency::uses(c, false)).expect("all");
    assert_eq!(all[0].reviewed_by.as_ref().map(|n| n.id), Some(NURSE));
    let last = stamps(&store).pop().expect("an entry");
    assert_eq!(last, ("emergency_review".to_string(), None));

    let again = store.with_tx(|tx| emergency::review(tx, use_seq, NURSE, now())).unwrap_err();
    assert_eq!(code(again), ErrorCode::Conflict);
    let not_a_use = store.with_tx(|tx| emergency::review(tx, 1, NURSE, now())).unwrap_err();
    assert_eq!(code(not_a_use), ErrorCode::NotFound);
    let status = common::verify(&store);
    assert!(status.ok, "{status:?}");
}

#[test]
fn the_limit_is_a_setting_defaulting_to_30_minutes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    assert_eq!(store.with_conn(settings::emergency_minutes).expect("read"), 30);
    store.with_tx(|tx| settings::set_emergency_minutes(tx, 10, NURSE, now())).expect("set");
    assert_eq!(store.with_conn(settings::emergency_minutes).expect("read"), 10);
    let last = stamps(&store).pop().expect("an entry");
    assert_eq!(last.0, "setting_change");
}
