//! Nurse notes on a real database file: the row and its audit entry in one transaction, the
//! chain verifying with it, read back in clinical-time order, append-only rows, and no note
//! once the patient left.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use vigil_core::notes::Note;
use vigil_core::ErrorCode;
use vigil_store::{audit, notes, sessions, Store, StoreError};

fn admit(store: &Store) -> i64 {
    let admission = iv_admission("Bay 4", 30);
    store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit")
}

fn note(session_id: i64, minutes_ago: i64, text: &str) -> Note {
    Note {
        session_id,
        observed_at: now() - Duration::minutes(minutes_ago),
        late_reason: None,
        text: text.into(),
    }
}

#[test]
fn a_note_is_one_row_one_audit_entry_read_back_in_clinical_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store);
    let entries = store.with_conn(audit::count).expect("count");
    let later = store.with_tx(|tx| notes::add(tx, &note(id, 2, "Calm"), NURSE, now())).expect("1");
    let earlier = Note { late_reason: Some("Busy with Bay 2".into()), ..note(id, 20, "Pale") };
    let first = store.with_tx(|tx| notes::add(tx, &earlier, NURSE, now())).expect("2");
    assert_eq!(store.with_conn(audit::count).expect("count"), entries + 2);
    let report = store.with_conn(|c| audit::verify(c, true)).expect("verify");
    assert!(report.first_bad.is_none(), "{report:?}");
    let stored = store.with_conn(|c| notes::for_session(c, id)).expect("notes");
    let ids: Vec<i64> = stored.iter().map(|n| n.id).collect();
    assert_eq!(ids, [first, later]);
    assert_eq!(stored[0].note, earlier);
    assert_eq!((stored[0].recorded_at, stored[0].who.as_deref()), (now(), Some("Test Nurse, RN")));
}

#[test]
fn notes_cannot_be_updated_or_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store);
    store.with_tx(|tx| notes::add(tx, &note(id, 1, "Calm"), NURSE, now())).expect("added");
    for sql in ["UPDATE notes SET text = 'Agitated'", "DELETE FROM notes"] {
        let err = store.with_tx(|tx| Ok(tx.execute(sql, [])?)).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    let stored = store.with_conn(|c| notes::for_session(c, id)).expect("notes");
    assert_eq!(stored[0].note.text, "Calm");
}

#[test]
fn no_note_once_the_patient_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store);
    store
        .with_conn(|c| {
            c.execute(
                "INSERT INTO session_departures (session_id, how, left_at_ms, recorded_at_ms,
                     recorded_by, against_advice)
                 VALUES (?1, 'against_advice', ?2, ?2, ?3, '{}')",
                rusqlite::params![id, now().timestamp_millis(), NURSE],
            )?;
            Ok(())
        })
        .expect("left");
    let entries = store.with_conn(audit::count).expect("count");
    let err = store
        .with_tx(|tx| notes::add(tx, &note(id, 1, "Came back"), NURSE, now()))
        .expect_err("left");
    match err {
        StoreError::Rule(e) => assert_eq!(e.code, ErrorCode::Conflict),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.with_conn(audit::count).expect("count"), entries);
    assert!(store.with_conn(|c| notes::for_session(c, id)).expect("notes").is_empty());
}
