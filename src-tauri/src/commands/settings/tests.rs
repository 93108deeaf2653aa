use super::*;
use vigil_core::{ErrorCode, Protocol};

fn state(dir: &std::path::Path) -> AppState {
    crate::test_support::admin_state_at_t0(dir).0
}

#[test]
fn a_protocol_edit_becomes_the_current_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = state(dir.path());
    let edit = ProtocolEdit { protocol: "im_ketamine".into(), minimum_minutes: 50.0 };
    let s = change_protocol(&state, &edit).expect("edit");
    let im = s.protocols.iter().find(|v| v.protocol == Protocol::ImKetamine).expect("im");
    assert_eq!((im.version, im.minimum_minutes), (2, 50));
}

#[test]
fn a_check_plan_change_applies_to_new_admissions_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = crate::test_support::admin_state_at_t0(dir.path());
    let input = |bay: &str| vigil_core::AdmitInput {
        patient_name: "Testy McTestface".into(),
        bay: bay.into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: "2026-07-01T11:58".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    };
    crate::commands::sessions::admit(&state, &input("Bay 1"), &chrono::Utc).expect("before");
    clock.advance(chrono::Duration::seconds(30));
    let edit = CheckPlanSettingsEdit {
        iv_vitals_every_minutes: Some(10.0),
        spravato_peak_minutes: Some(40.0),
        positive_recheck_minutes: Some(15.0),
        grace_minutes: Some(5.0),
        early_minutes: Some(5.0),
    };
    let s = change_check_plan(&state, &edit).expect("changed");
    assert_eq!(s.check_plan.iv_vitals_every_minutes, 10);
    clock.advance(chrono::Duration::seconds(30));
    crate::commands::sessions::admit(&state, &input("Bay 2"), &chrono::Utc).expect("after");
    let board = crate::commands::sessions::board(&state).expect("board");
    let next = |bay: &str| {
        let row = board.rows.iter().find(|r| r.bay == bay).expect("row");
        row.next_check.as_ref().expect("next").key.clone()
    };
    assert_eq!(next("Bay 1"), "iv:vitals:+15", "a running session keeps its plan");
    assert_eq!(next("Bay 2"), "iv:vitals:+10", "a new admission follows the new plan");
}

#[test]
fn a_rejected_edit_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = state(dir.path());
    let before = load(&state).expect("load");
    let edit = ProtocolEdit { protocol: "spravato".into(), minimum_minutes: 90.0 };
    let err = change_protocol(&state, &edit).expect_err("below 120");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("minimumMinutes")));
    let err = change_alert_repeat(&state, &AlertRepeatEdit { minutes: 0.0 }).expect_err("zero");
    assert_eq!(err.field.as_deref(), Some("minutes"));
    assert_eq!(load(&state).expect("load"), before);
}
