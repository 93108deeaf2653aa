//! Pre-dose decisions on a real database file: the row and its audit entry in one transaction,
//! the chain verifying with it, one decision per baseline check, append-only rows, and the
//! standing read back with its decision.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{bare_check, iv_admission, now, NURSE};
use vigil_core::checks::{
    BloodPressure, Check, CheckPurpose, PredoseChoice, PredoseDecision, Vitals,
};
use vigil_core::ErrorCode;
use vigil_store::{audit, checks, predose, sessions, Store, StoreError};

/// Admits a patient with a pre-dose baseline of `systolic/diastolic`; (session, check).
fn admit(store: &Store, systolic: u32, diastolic: u32) -> (i64, i64) {
    let admission = iv_admission("Bay 2", 10);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
    let at = admission.clock_started_at - Duration::minutes(5);
    let baseline = Check {
        vitals: Some(Vitals {
            bp: Some(BloodPressure { systolic, diastolic }),
            ..Vitals::default()
        }),
        ..bare_check(id, CheckPurpose::Baseline, at)
    };
    let recorded = store
        .with_tx(|tx| checks::record(tx, &session, &baseline, None, NURSE, now()))
        .expect("baseline");
    (id, recorded.check_id)
}

fn decision(check_id: i64) -> PredoseDecision {
    PredoseDecision {
        check_id,
        decision: PredoseChoice::DoNotDose,
        prescriber: "Dr Test Prescriber".into(),
        decided_at: now() - Duration::minutes(12),
        note: "Recheck in a week.".into(),
        bp: BloodPressure { systolic: 150, diastolic: 95 },
        threshold: BloodPressure { systolic: 140, diastolic: 90 },
    }
}

#[test]
fn a_decision_is_one_row_one_audit_entry_and_read_back_on_the_standing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (id, check) = admit(&store, 150, 95);
    let needed = store.with_conn(|c| predose::standing(c, id)).expect("standing");
    assert!(needed.expect("above 140/90").needs_decision());
    let entries = store.with_conn(audit::count).expect("count");
    let row = store
        .with_tx(|tx| predose::record(tx, id, &decision(check), NURSE, now()))
        .expect("recorded");
    assert_eq!(store.with_conn(audit::count).expect("count"), entries + 1);
    let report = store.with_conn(|c| audit::verify(c, true)).expect("verify");
    assert!(report.first_bad.is_none(), "{report:?}");
    let standing = store.with_conn(|c| predose::standing(c, id)).expect("standing");
    let decided = standing.expect("still above").decision.expect("decided");
    assert_eq!(decided.id, row);
    assert_eq!(decided.decision, decision(check));
    assert_eq!(decided.who.as_deref(), Some("Test Nurse, RN"));
}

#[test]
fn a_second_decision_for_the_same_reading_is_a_conflict_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (id, check) = admit(&store, 150, 95);
    store.with_tx(|tx| predose::record(tx, id, &decision(check), NURSE, now())).expect("first");
    let entries = store.with_conn(audit::count).expect("count");
    let err = store
        .with_tx(|tx| predose::record(tx, id, &decision(check), NURSE, now()))
        .expect_err("second");
    match err {
        StoreError::Rule(e) => assert_eq!(e.code, ErrorCode::Conflict),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.with_conn(audit::count).expect("count"), entries);
    assert_eq!(store.with_conn(|c| predose::for_session(c, id)).expect("rows").len(), 1);
}

#[test]
fn decisions_cannot_be_updated_or_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (id, check) = admit(&store, 150, 95);
    store.with_tx(|tx| predose::record(tx, id, &decision(check), NURSE, now())).expect("recorded");
    for sql in
        ["UPDATE predose_decisions SET decision = 'proceed'", "DELETE FROM predose_decisions"]
    {
        let err = store.with_tx(|tx| Ok(tx.execute(sql, [])?)).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    let rows = store.with_conn(|c| predose::for_session(c, id)).expect("rows");
    assert_eq!(rows[0].decision.decision, PredoseChoice::DoNotDose);
}

#[test]
fn a_normal_baseline_needs_no_decision() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (id, _) = admit(&store, 140, 90);
    assert_eq!(store.with_conn(|c| predose::standing(c, id)).expect("standing"), None);
}

#[test]
fn the_papers_keep_a_decision_after_the_limit_is_raised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (id, check) = admit(&store, 150, 95);
    store.with_tx(|tx| predose::record(tx, id, &decision(check), NURSE, now())).expect("recorded");
    let raised = vigil_core::checks::ThresholdSettings {
        predose_systolic: 160,
        predose_diastolic: 100,
        ..store.with_conn(vigil_store::thresholds::current).expect("thresholds")
    };
    store.with_tx(|tx| vigil_store::thresholds::set(tx, &raised, NURSE, now())).expect("raised");
    assert_eq!(store.with_conn(|c| predose::standing(c, id)).expect("live"), None);
    let record = store.with_conn(|c| vigil_store::papers::record(c, id)).expect("record");
    assert_eq!(record.predose.len(), 1);
    let line = record.predose[0].describe(&|_| "11:48".into());
    assert_eq!(
        line,
        "Pre-dose BP 150/95 above 140/90: do not dose, decided by Dr Test Prescriber at 11:48"
    );
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%H:%M").to_string();
    for paper in [
        vigil_core::papers::sheets::discharge_sheet(&record, &when),
        vigil_core::papers::sheets::rems_form(&record, None, None, now().date_naive(), &when),
    ] {
        let text = format!("{paper:?}");
        assert!(text.contains("Pre-dose BP 150/95 above 140/90: do not dose"), "{text}");
    }
}

#[test]
fn a_decision_timed_after_the_dose_started_is_kept_and_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (id, check) = admit(&store, 150, 95);
    // The clock started 10 minutes before now; the decision is timed 2 minutes before now.
    let late = PredoseDecision { decided_at: now() - Duration::minutes(2), ..decision(check) };
    store.with_tx(|tx| predose::record(tx, id, &late, NURSE, now())).expect("late truth kept");
    let rows = store.with_conn(|c| predose::for_session(c, id)).expect("rows");
    assert_eq!(rows[0].late.as_deref(), Some("decided after the dose started"));
    let detail = store.with_conn(|c| vigil_store::session_detail::load(c, id, now())).expect("ok");
    let shown = detail.status.predose.expect("shown").describe(&|_| "11:58".into());
    assert!(shown.ends_with(", decided after the dose started"), "{shown}");
    assert!(
        detail.timeline.iter().any(|e| e.summary.contains("(decided after the dose started)")),
        "{:?}",
        detail.timeline
    );
}
