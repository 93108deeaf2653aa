//! The versioned-settings helper (`vigil_store::versioned`) on a real database file: the
//! defaults until a version is saved, the newest in force, every version in order, one audit
//! entry per save naming its row, and a row that does not decode reported by table and id.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use rusqlite::params;
use vigil_core::checks::{CheckPlanSettings, ThresholdSettings};
use vigil_core::discharge::DischargePolicy;
use vigil_store::audit::{Action, Entry};
use vigil_store::{plans, sessions, versioned, Store, StoreError};

/// The newest audit entry: its action, nurse, records and detail.
fn last_entry(store: &Store) -> (String, Option<i64>, String, String) {
    store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, nurse_id, records, detail FROM audit_events
                 ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?)
        })
        .expect("entry")
}

fn entries(store: &Store) -> i64 {
    store.with_conn(vigil_store::audit::count).expect("count")
}

#[test]
fn the_defaults_are_in_force_until_a_version_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let thresholds: ThresholdSettings = store.with_conn(versioned::latest).expect("thresholds");
    let plan: CheckPlanSettings = store.with_conn(versioned::latest).expect("plan");
    let policy: DischargePolicy = store.with_conn(versioned::latest).expect("policy");
    assert_eq!(thresholds, ThresholdSettings::default());
    assert_eq!(plan, CheckPlanSettings::default());
    assert_eq!(policy, DischargePolicy::default());
    let history = store.with_conn(versioned::history::<CheckPlanSettings>).expect("history");
    assert!(history.is_empty());
}

#[test]
fn the_newest_version_is_in_force_and_history_keeps_every_one_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let first = CheckPlanSettings { iv_vitals_every_minutes: 10, ..CheckPlanSettings::default() };
    let second = CheckPlanSettings { iv_vitals_every_minutes: 20, ..CheckPlanSettings::default() };
    let later = now() + Duration::minutes(5);
    store.with_tx(|tx| versioned::save(tx, &first, NURSE, now())).expect("first");
    let admitted = now() + Duration::minutes(1);
    let admission = iv_admission("Bay 1", 0);
    store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, admitted)).expect("admit");
    store.with_tx(|tx| versioned::save(tx, &second, NURSE, later)).expect("second");
    let plans = store.with_conn(plans::history).expect("plans");
    assert_eq!(
        plans.for_admission(admitted),
        first,
        "a session keeps the plan it was admitted under"
    );
    let latest: CheckPlanSettings = store.with_conn(versioned::latest).expect("latest");
    assert_eq!(latest, second);
    let history = store.with_conn(versioned::history::<CheckPlanSettings>).expect("history");
    assert_eq!(history, vec![(now(), first), (later, second)]);
    let policy: DischargePolicy = store.with_conn(versioned::latest).expect("policy");
    assert_eq!(policy, DischargePolicy::default(), "each setting has its own table");
}

#[test]
fn each_save_appends_one_audit_entry_naming_its_row_by_the_admin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let before = entries(&store);
    let policy = DischargePolicy { escort_late_minutes: 25, ..DischargePolicy::default() };
    let id = store.with_tx(|tx| versioned::save(tx, &policy, NURSE, now())).expect("save");
    assert_eq!(entries(&store), before + 1);
    let (action, nurse, records, detail) = last_entry(&store);
    assert_eq!(action, Action::DischargePolicyChange.as_str());
    assert_eq!(nurse, Some(NURSE));
    assert!(records.contains("discharge_policy_versions") && records.contains(&id.to_string()));
    assert_eq!(detail, "");
}

#[test]
fn a_latest_row_that_does_not_decode_names_its_table_and_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = store
        .with_tx(|tx| {
            tx.execute(
                "INSERT INTO threshold_versions (data, changed_at_ms, changed_by)
                 VALUES ('[1, 2]', ?1, ?2)",
                params![now().timestamp_millis(), NURSE],
            )?;
            Ok(tx.last_insert_rowid())
        })
        .expect("raw row");
    let err = store.with_conn(versioned::latest::<ThresholdSettings>).expect_err("corrupt");
    assert!(
        matches!(&err, StoreError::Corrupt { table: "threshold_versions", id: got, what }
            if *got == id && what == "data"),
        "{err:?}"
    );
}

#[test]
fn insert_audited_writes_the_row_and_its_entry_or_neither() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let before = entries(&store);
    let sql =
        "INSERT INTO threshold_versions (data, changed_at_ms, changed_by) VALUES (?1, ?2, ?3)";
    let entry = || Entry::new(Action::ThresholdChange, Some(NURSE)).detail("test");
    let failed = store.with_tx(|tx| {
        let bad = params!["{}", now().timestamp_millis(), 999_999];
        versioned::insert_audited(tx, "threshold_versions", entry(), now(), sql, bad)
    });
    assert!(failed.is_err(), "an unknown nurse breaks the foreign key");
    assert_eq!(entries(&store), before, "no entry without its row");
    let id = store
        .with_tx(|tx| {
            let data = serde_json::to_string(&ThresholdSettings::default()).expect("json");
            let good = params![data, now().timestamp_millis(), NURSE];
            versioned::insert_audited(tx, "threshold_versions", entry(), now(), sql, good)
        })
        .expect("insert");
    assert_eq!(entries(&store), before + 1);
    let (action, _, records, detail) = last_entry(&store);
    assert_eq!((action.as_str(), detail.as_str()), (Action::ThresholdChange.as_str(), "test"));
    assert!(records.contains(&id.to_string()));
}
