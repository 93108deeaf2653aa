//! REMS forms on real database files: the forms-due list in local days, the submission's
//! channel (refused by the schema when unknown), and a submission marked before migration
//! 0008 that keeps verifying in the audit trail and reads "channel not recorded".
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use common::{iv_admission, now, verify, NURSE, PIN};
use rusqlite::Connection;
use vigil_core::papers::rems::{FormStatus, FormSubmission, SubmissionChannel};
use vigil_core::people::{NewNurse, Pin};
use vigil_core::{Protocol, Role};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::{migrations, nurses, protocols, rems, sessions, Store};

fn spravato(bay: &str, at: chrono::DateTime<Utc>) -> vigil_core::Admission {
    vigil_core::Admission {
        protocol: Protocol::Spravato,
        minimum_minutes: 120,
        protocol_version_id: 2,
        dose_mg: 84.0,
        weight_kg: None,
        clock_started_at: at,
        ..iv_admission(bay, 0)
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn the_list_counts_local_days_to_the_last_day_and_keeps_the_channel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let new_york = FixedOffset::west_opt(5 * 3600).expect("zone");
    // 23:30 in New York on 31 December is already 1 January in UTC.
    let treated = new_york.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).single().expect("t");
    let treated = treated.with_timezone(&Utc);
    let id = store
        .with_tx(|tx| sessions::insert(tx, &spravato("Bay 5", treated), NURSE, treated))
        .expect("admit");
    let on = |y, m, d, h| {
        let local = new_york.with_ymd_and_hms(y, m, d, h, 0, 0).single().expect("t");
        let due = store.with_conn(|c| rems::forms_due(c, local.with_timezone(&Utc), &new_york, 5));
        let due = due.expect("due");
        assert_eq!((due[0].treated_on, due[0].last_day), (day(2026, 12, 31), day(2027, 1, 7)));
        due[0].status
    };
    assert_eq!(on(2027, 1, 4, 12), FormStatus::Due);
    assert_eq!(on(2027, 1, 5, 0), FormStatus::DueSoon);
    assert_eq!(on(2027, 1, 7, 23), FormStatus::LastDay);
    assert_eq!(on(2027, 1, 8, 0), FormStatus::Overdue);

    let submission = FormSubmission { channel: SubmissionChannel::Phone, reference: "PH-1".into() };
    let at = treated + Duration::days(2);
    store.with_tx(|tx| rems::submit(tx, id, &submission, NURSE, at)).expect("submit");
    let due = store.with_conn(|c| rems::forms_due(c, at, &new_york, 5)).expect("due");
    assert_eq!(due[0].status, FormStatus::Submitted);
    assert_eq!(due[0].channel, Some(SubmissionChannel::Phone));
    assert!(verify(&store).ok);
}

#[test]
fn the_schema_refuses_an_unknown_channel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = store
        .with_tx(|tx| sessions::insert(tx, &spravato("Bay 5", now()), NURSE, now()))
        .expect("admit");
    let insert = format!(
        "INSERT INTO rems_submissions
            (session_id, reference, submitted_at_ms, submitted_by, channel)
         VALUES ({id}, 'R-1', 0, {NURSE}, 'email')"
    );
    let err = store.with_tx(|tx| Ok(tx.execute(&insert, [])?)).expect_err("email");
    assert!(err.to_string().contains("CHECK"), "{err}");
}

#[test]
fn a_form_submitted_before_the_channel_existed_still_verifies_and_reads_not_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v7.sqlite3");
    {
        // A database as Vigil wrote it at schema 7: a Spravato session and its form marked
        // submitted, each with its audit entry (record hashes over the columns of that time).
        let mut conn = Connection::open(&path).expect("open");
        conn.pragma_update(None, "foreign_keys", true).expect("foreign keys");
        migrations::apply_up_to(&mut conn, 7).expect("schema 7");
        let tx = conn.transaction().expect("tx");
        protocols::seed_defaults(&tx, now()).expect("protocols");
        let new = NewNurse {
            display_name: "Test Nurse".into(),
            credentials: "RN".into(),
            role: Role::Admin,
            pin: Pin::parse(PIN, "pin").expect("pin"),
        };
        assert_eq!(nurses::create(&tx, &new, None, now()).expect("nurse"), NURSE);
        let id = sessions::insert(&tx, &spravato("Bay 5", now()), NURSE, now()).expect("admit");
        tx.execute(
            "INSERT INTO rems_submissions (session_id, reference, submitted_at_ms, submitted_by)
             VALUES (?1, 'OLD-REF-1', ?2, ?3)",
            rusqlite::params![id, now().timestamp_millis(), NURSE],
        )
        .expect("old submission");
        let entry = Entry::new(Action::RemsSubmitted, Some(NURSE))
            .record("rems_submissions", tx.last_insert_rowid());
        audit::append(&tx, now(), &entry.detail("session #1")).expect("audit");
        tx.commit().expect("commit");
    }
    let store =
        Store::open_upgrading(&path, &common::key(), now()).expect("upgrade to the latest schema");
    let status = verify(&store);
    assert!(status.ok, "{status:?}");
    let due = store.with_conn(|c| rems::forms_due(c, now(), &Utc, 5)).expect("due");
    assert_eq!(due[0].status, FormStatus::Submitted);
    assert_eq!((due[0].channel, due[0].reference.as_deref()), (None, Some("OLD-REF-1")));
}
