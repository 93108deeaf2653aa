//! Checks through the command functions: a real database file, a fake clock, a signed-in
//! nurse. What a saved check sets off, corrections, overdue checks, and bad input that must
//! change nothing.

use super::*;
use chrono::{Duration, Utc};
use serde_json::json;
use std::sync::Arc;
use vigil_core::checks::PadssConfirmInput;
use vigil_core::checks::{CheckInput, OrthostaticInput, TimelineKind, VitalsInput};
use vigil_core::{AdmitInput, Clock, ErrorCode, FixedClock};
use vigil_store::alerts;

use crate::commands::sessions;
use crate::scheduler::Scheduler;
use crate::test_support::{admin_state_at_t0, everything, t0};

/// Admits an IV patient (60 min) to `bay` whose infusion ended `minutes_ago`.
fn admit(state: &AppState, bay: &str, minutes_ago: i64) -> i64 {
    let start = (t0() - Duration::minutes(minutes_ago)).format("%Y-%m-%d %H:%M:%S").to_string();
    let input = AdmitInput {
        patient_name: "Testy McTestface".into(),
        bay: bay.into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: start,
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    };
    sessions::admit(state, &input, &Utc).expect("admit")
}

fn sit_to_stand(sitting: (f64, f64), standing: (f64, f64)) -> OrthostaticInput {
    OrthostaticInput {
        method: "sit_to_stand".into(),
        baseline_systolic: Some(sitting.0),
        baseline_diastolic: Some(sitting.1),
        standing_systolic: Some(standing.0),
        standing_diastolic: Some(standing.1),
        ..OrthostaticInput::default()
    }
}

fn vitals(systolic: f64, diastolic: f64) -> VitalsInput {
    VitalsInput {
        systolic: Some(systolic),
        diastolic: Some(diastolic),
        heart_rate: Some(78.0),
        spo2: Some(97.0),
        oxygen: "room_air".into(),
        respiratory_rate: Some(14.0),
        temperature_c: Some(36.8),
    }
}

fn check(session: i64) -> CheckInput {
    CheckInput {
        session_id: Some(session as f64),
        purpose: "observation".into(),
        symptom_grade: Some(0.0),
        ..CheckInput::default()
    }
}

#[test]
fn a_positive_sit_to_stand_check_is_attributed_and_asks_for_a_recheck() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let id = admit(&state, "Bay 5", 61);
    let input = CheckInput {
        orthostatic: Some(sit_to_stand((120.0, 80.0), (104.0, 78.0))),
        gait: Some(1.0),
        vitals: Some(vitals(118.0, 76.0)),
        ..check(id)
    };
    let (saved, fired) = record(&state, &input, &Utc).expect("saved");
    assert!(fired.is_empty() && saved.alerts.is_empty(), "no threshold crossed: {saved:?}");

    let board = sessions::board(&state).expect("board");
    let row = &board.rows[0];
    let positive = "Lightheadedness and gait: Check positive (orthostatic sit-to-stand: systolic \
                    fell 16 mmHg (≥ 15))";
    assert!(row.missing.iter().any(|r| r == positive), "{:?}", row.missing);
    let next = row.next_check.as_ref().expect("a re-check is scheduled");
    assert_eq!(next.key, format!("recheck:lightheadedness:{}", saved.check_id));
    assert_eq!(next.planned_at, t0() + Duration::minutes(15));

    let detail = detail(&state, id).expect("detail");
    let entry = detail
        .timeline
        .iter()
        .find(|e| e.record_id == saved.check_id && e.kind == TimelineKind::Check)
        .expect("entry");
    assert_eq!(entry.who.as_deref(), Some("Test Admin, RN"));
    let last_action: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| {
                r.get(0)
            })?)
        })
        .expect("audit");
    assert_eq!(last_action, "record_check");
}

#[test]
fn a_critical_reading_alerts_and_its_correction_resolves_the_alert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit(&state, "Bay 2", 30);
    let (saved, fired) =
        record(&state, &CheckInput { vitals: Some(vitals(186.0, 96.0)), ..check(id) }, &Utc)
            .expect("saved");
    assert_eq!(fired.len(), 1);
    assert_eq!(saved.alerts[0].kind.as_str(), "critical_bp");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].kind, DeadlineKind::Clinical);
    assert!(active[0].detail.as_deref().unwrap_or_default().contains("186"), "{active:?}");

    clock.advance(Duration::minutes(2));
    let correction = CorrectionInput {
        original_check_id: Some(saved.check_id as f64),
        reason: "Typed 186 for 136 by mistake".into(),
        check: CheckInput { vitals: Some(vitals(136.0, 86.0)), ..check(id) },
    };
    let (corrected, fired) = correct(&state, &correction, &Utc).expect("corrected");
    assert!(fired.is_empty());
    assert!(state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active").is_empty());

    let detail = detail(&state, id).expect("detail");
    let of = |id: i64| {
        detail
            .timeline
            .iter()
            .find(|e| {
                e.record_id == id
                    && matches!(e.kind, TimelineKind::Check | TimelineKind::Correction)
            })
            .expect("the check's entry")
    };
    let original = of(saved.check_id);
    assert!(original.struck && original.corrected_by == Some(corrected.check_id));
    assert!(original.summary.contains("186/96"), "{}", original.summary);
    let fix = of(corrected.check_id);
    assert!(fix.summary.contains("136/86") && fix.corrects == Some(saved.check_id));
    assert!(detail.timeline.iter().any(|e| e.summary.contains("resolved by correction")));

    let twice = correct(&state, &correction, &Utc).expect_err("corrected already");
    assert_eq!(twice.code, ErrorCode::Conflict);
}

#[test]
fn an_overdue_check_alerts_once_and_entering_it_clears_the_alert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit(&state, "Bay 3", 14); // vitals due at +15, overdue at +20: in 6 minutes
    let mut scheduler = Scheduler::new(state.store.clone(), clock.clone());
    let overdue = |s: &mut Scheduler, clock: &Arc<FixedClock>| {
        let mono = (clock.now() - t0()).to_std().expect("forward");
        let sweep = s.sweep(mono).expect("sweep");
        sweep.fired.iter().filter(|f| f.deadline.kind == DeadlineKind::CheckOverdue).count()
    };
    assert_eq!(overdue(&mut scheduler, &clock), 0);
    clock.advance(Duration::minutes(6));
    assert_eq!(overdue(&mut scheduler, &clock), 1);
    assert_eq!(overdue(&mut scheduler, &clock), 0, "once");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    let alert = active.iter().find(|a| a.kind == DeadlineKind::CheckOverdue).expect("alert");
    assert_eq!(alert.detail.as_deref(), Some("Vitals at +15 min"));

    record(&state, &CheckInput { vitals: Some(vitals(124.0, 80.0)), ..check(id) }, &Utc)
        .expect("the vitals");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    assert!(active.iter().all(|a| a.kind != DeadlineKind::CheckOverdue), "{active:?}");
    assert_eq!(overdue(&mut scheduler, &clock), 0, "entered: it does not come back");
}

#[test]
fn bad_input_names_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let id = admit(&state, "Bay 4", 30);
    let other = admit(&state, "Bay 6", 30);
    let (first, _) =
        record(&state, &CheckInput { vitals: Some(vitals(120.0, 80.0)), ..check(other) }, &Utc)
            .expect("a check of another patient");
    let base = json!({"sessionId": id, "purpose": "observation", "symptomGrade": 0});
    let with = |patch: serde_json::Value| {
        let mut v = base.clone();
        for (k, val) in patch.as_object().expect("object") {
            v[k] = val.clone();
        }
        v
    };
    let vitals_with = |field: &str, value: serde_json::Value| {
        let mut v = json!({"systolic": 120, "diastolic": 80, "heartRate": 70, "spo2": 97,
                           "oxygen": "room_air", "respiratoryRate": 14, "temperatureC": 36.8});
        v[field] = value;
        with(json!({ "vitals": v }))
    };
    let long = "x".repeat(100 * 1024);
    let cases: Vec<(serde_json::Value, &str)> = vec![
        (vitals_with("systolic", json!(261)), "vitals.systolic"),
        (vitals_with("systolic", json!(49)), "vitals.systolic"),
        (vitals_with("systolic", json!("high")), "vitals.systolic"),
        (vitals_with("systolic", json!(120.5)), "vitals.systolic"),
        (vitals_with("diastolic", json!(120)), "vitals.diastolic"),
        (vitals_with("heartRate", json!(221)), "vitals.heartRate"),
        (vitals_with("spo2", json!(101)), "vitals.spo2"),
        (vitals_with("respiratoryRate", json!(3)), "vitals.respiratoryRate"),
        (vitals_with("temperatureC", json!(42.5)), "vitals.temperatureC"),
        (vitals_with("oxygen", json!("helium")), "vitals.oxygen"),
        (with(json!({"symptomGrade": null})), "symptomGrade"),
        (with(json!({"symptomGrade": 4})), "symptomGrade"),
        (
            with(json!({"symptomGrade": 1, "symptoms": ["lightheaded", "lightheaded"]})),
            "symptoms.1",
        ),
        (with(json!({"symptoms": ["giddy"], "symptomGrade": 1})), "symptoms.0"),
        (with(json!({"purpose": "lunch"})), "purpose"),
        (with(json!({"gait": 3})), "gait"),
        (with(json!({"moaas": 6})), "moaas"),
        (with(json!({"cadss": [0, 1, 2, 3, 4]})), "cadss"),
        (with(json!({"cadss": [0, 1, 2, 5, 4, 0]})), "cadss.3"),
        (with(json!({"nausea": -1})), "nausea"),
        (with(json!({"observedAt": "2026-07-01 12:30"})), "observedAt"),
        (with(json!({"observedAt": "2026-07-01 11:00"})), "observedAt"),
        (with(json!({"observedAt": "yesterday"})), "observedAt"),
        (with(json!({"observedAt": "2026-07-01 11:40"})), "lateReason"),
        (with(json!({"note": long})), "note"),
        (with(json!({"note": "a\u{1b}[31m"})), "note"),
        (
            with(json!({"orthostatic": {"method": "not_done", "notDoneReason": ""}})),
            "orthostatic.notDoneReason",
        ),
        (with(json!({"orthostatic": {"method": "sideways"}})), "orthostatic.method"),
        (
            with(json!({"orthostatic": {"method": "sit_to_stand", "baselineSystolic": 120,
            "baselineDiastolic": 130}})),
            "orthostatic.baselineDiastolic",
        ),
        (with(json!({"sessionId": "Bay 4"})), "sessionId"),
        (json!("a check"), "input"),
    ];
    let before = everything(&state);
    for (payload, field) in cases {
        let result = payload::parse::<CheckInput>(payload.clone())
            .and_then(|input| record(&state, &input, &Utc).map(|_| ()));
        let err = result.expect_err(&payload.to_string()[..payload.to_string().len().min(200)]);
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Validation, Some(field)),
            "{}: {}",
            &payload.to_string()[..payload.to_string().len().min(200)],
            err.message
        );
        assert!(everything(&state) == before, "{field}: the database changed");
    }
    // NaN and infinity cannot travel in JSON, but a check built in Rust is checked the same.
    for bad in [f64::NAN, f64::INFINITY] {
        let input = CheckInput {
            vitals: Some(VitalsInput { heart_rate: Some(bad), ..vitals(120.0, 80.0) }),
            ..check(id)
        };
        let err = record(&state, &input, &Utc).expect_err("not a number");
        assert_eq!(err.field.as_deref(), Some("vitals.heartRate"), "{err:?}");
        assert!(everything(&state) == before);
    }
    // A correction pointing at another patient's check is refused too, and writes nothing.
    let wrong_patient = CorrectionInput {
        original_check_id: Some(first.check_id as f64),
        reason: "Entered for the wrong patient".into(),
        check: check(id),
    };
    let err = correct(&state, &wrong_patient, &Utc).expect_err("another session");
    assert_eq!(err.field.as_deref(), Some("check.sessionId"), "{err:?}");
    assert!(everything(&state) == before);
}

#[test]
fn the_nurse_confirms_the_padss_she_was_shown_and_only_that() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let id = admit(&state, "Bay 7", 65);
    let confirm_total = |total: u8| confirm(&state, &PadssConfirmInput { session_id: id, total });
    let err = confirm_total(10).expect_err("nothing assessed yet");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("total")));

    let before_dose = (t0() - Duration::minutes(120)).format("%Y-%m-%d %H:%M").to_string();
    let baseline = CheckInput {
        purpose: "baseline".into(),
        observed_at: before_dose,
        late_reason: "Pre-dose vitals from the infusion chart".into(),
        vitals: Some(vitals(124.0, 80.0)),
        ..check(id)
    };
    record(&state, &baseline, &Utc).expect("baseline");
    let now = CheckInput {
        vitals: Some(vitals(126.0, 82.0)),
        gait: Some(2.0),
        nausea: Some(0.0),
        pain: Some(0.0),
        ..check(id)
    };
    record(&state, &now, &Utc).expect("observation");
    let shown = detail(&state, id).expect("detail").status.padss;
    assert_eq!((shown.total, shown.complete, shown.fit), (10, true, Some(true)));

    let before = everything(&state);
    let err = confirm_total(9).expect_err("not what is computed");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(everything(&state) == before, "a refused confirmation writes nothing");
    let detail = confirm_total(10).expect("confirmed");
    let confirmation = detail.padss_confirmation.expect("recorded");
    assert_eq!((confirmation.total, confirmation.who.as_deref()), (10, Some("Test Admin, RN")));
    assert!(detail
        .timeline
        .iter()
        .any(|e| e.kind == TimelineKind::Confirmation && e.summary.contains("10/10")));
}

#[test]
fn a_saved_check_takes_its_draft_with_it_and_a_refused_one_keeps_it() {
    use vigil_core::draft::DraftForm;
    use vigil_store::drafts;
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let id = admit(&state, "Bay 1", 30);
    let draft =
        |s: &AppState| s.store.with_conn(|c| drafts::load(c, DraftForm::Check)).expect("load");
    state
        .store
        .with_tx(|tx| drafts::save(tx, DraftForm::Check, "{\"values\":{}}", t0()))
        .expect("save");
    record(&state, &CheckInput { symptom_grade: Some(9.0), ..check(id) }, &Utc)
        .expect_err("refused");
    assert!(draft(&state).is_some(), "a refused check keeps its draft");
    record(&state, &check(id), &Utc).expect("saved");
    assert_eq!(draft(&state), None, "the saved check cleared it");
}
