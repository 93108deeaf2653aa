//! Heart rate in the orthostatic test through the command functions: the live preview and a
//! saved check compare the rise with the threshold setting in force, and a flagged rise alone
//! leaves the check negative but shows in the timeline.

use super::*;
use chrono::{Duration, Utc};
use vigil_core::checks::{OrthostaticInput, ThresholdSettingsEdit, TimelineKind};

use crate::commands::sessions as session_commands;
use crate::commands::settings::change_thresholds;
use crate::discharge_inputs::admit_input;
use crate::test_support::admin_state_at_t0;

#[test]
fn the_orthostatic_preview_and_a_saved_check_use_the_heart_rate_threshold_in_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    let ortho = OrthostaticInput {
        method: "sit_to_stand".into(),
        baseline_systolic: Some(120.0),
        baseline_diastolic: Some(80.0),
        standing_systolic: Some(118.0),
        standing_diastolic: Some(78.0),
        baseline_heart_rate: Some(70.0),
        standing_heart_rate: Some(95.0),
        ..OrthostaticInput::default()
    };
    let flagged =
        |state: &AppState| preview(state, &ortho).expect("preview").heart_rate.map(|h| h.flagged);
    assert_eq!(flagged(&state), Some(false), "a rise of 25 is below the default 30");
    // The Settings form sends every threshold: the current ones, with the rise at 25.
    let current = state.store.with_conn(thresholds::current).expect("thresholds");
    let json = serde_json::to_value(current).expect("json");
    let mut edit: ThresholdSettingsEdit = serde_json::from_value(json).expect("edit");
    edit.orthostatic_hr_rise = Some(25.0);
    change_thresholds(&state, &edit).expect("saved");
    assert_eq!(flagged(&state), Some(true));
    clock.advance(Duration::minutes(10));
    let input = vigil_core::checks::CheckInput {
        session_id: Some(id as f64),
        purpose: "observation".into(),
        symptom_grade: Some(0.0),
        orthostatic: Some(ortho.clone()),
        gait: Some(2.0),
        ..Default::default()
    };
    record(&state, &input, &Utc).expect("check");
    let detail = detail(&state, id).expect("detail");
    let check = &detail.checks[0].check;
    let o = check.orthostatic.as_ref().expect("orthostatic");
    assert_eq!(o.hr_rise_flag_at, Some(25));
    assert!(!check.lightheadedness_positive(), "a rise alone is not positive");
    let entry = detail.timeline.iter().find(|e| e.kind == TimelineKind::Check).expect("check");
    assert!(entry.summary.contains("FLAGGED: heart rate rose 25 bpm on standing (flag at 25)"));
}
