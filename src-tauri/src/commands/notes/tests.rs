//! Nurse notes through the command functions: a real database file, a fake clock, the
//! signed-in test administrator. An accepted note in the record and on the papers, and
//! refusals that change nothing.

use super::*;
use chrono::{Duration, Utc};
use serde_json::json;
use vigil_core::checks::TimelineKind;
use vigil_core::{Clock, ErrorCode};

use crate::commands::discharge::against_advice;
use crate::commands::papers::{paper, PaperKind};
use crate::commands::{checks as check_commands, sessions as session_commands};
use crate::discharge_inputs::{admit_input, against_advice_input};
use crate::test_support::{admin_state_at_t0, everything};

fn note(session: i64, text: &str) -> NoteInput {
    NoteInput { session_id: Some(session as f64), text: text.into(), ..NoteInput::default() }
}

fn audit_actions(state: &AppState) -> Vec<String> {
    state
        .store
        .with_conn(|c| {
            let mut s = c.prepare("SELECT action FROM audit_events ORDER BY seq")?;
            let rows = s.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<Result<Vec<String>, _>>()?)
        })
        .expect("audit")
}

#[test]
fn a_note_is_added_attributed_audited_and_shown_in_the_timeline_and_on_the_sheet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    clock.advance(Duration::minutes(20));
    let saved = add(&state, &note(id, "Asked for water.\nDrank 200 ml."), &Utc).expect("saved");
    assert_eq!(audit_actions(&state).last().map(String::as_str), Some("add_note"));

    let detail = check_commands::detail(&state, id).expect("detail");
    let entry = detail.timeline.iter().find(|e| e.kind == TimelineKind::Note).expect("in it");
    assert_eq!(entry.record_id, saved.note_id);
    assert_eq!(entry.key(), format!("note-{}", saved.note_id));
    assert_eq!(entry.summary, "Note: Asked for water.\nDrank 200 ml.");
    assert_eq!(entry.at, clock.now());
    assert!(entry.who.as_deref().is_some_and(|w| !w.is_empty()), "attributed");

    let sheet = paper(&state, id, PaperKind::Discharge, &Utc).expect("sheet");
    let notes = sheet.sections.iter().find(|s| s.heading == "Notes").expect("Notes section");
    assert!(notes.rows[0].value.starts_with("Asked for water.\nDrank 200 ml. ("));
}

#[test]
fn a_check_note_shows_in_the_timeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    clock.advance(Duration::minutes(10));
    let input = vigil_core::checks::CheckInput {
        session_id: Some(id as f64),
        purpose: "observation".into(),
        symptom_grade: Some(0.0),
        note: "Steady, chatting with the escort".into(),
        ..Default::default()
    };
    check_commands::record(&state, &input, &Utc).expect("check");
    let detail = check_commands::detail(&state, id).expect("detail");
    let entry = detail.timeline.iter().find(|e| e.kind == TimelineKind::Check).expect("check");
    assert!(entry.summary.ends_with(". Note: Steady, chatting with the escort"), "{entry:?}");
}

#[test]
fn bad_notes_are_refused_naming_the_field_and_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    clock.advance(Duration::minutes(40));
    let late = clock.now() - Duration::minutes(30);
    let cases = [
        (note(id, "   "), "text"),
        (note(id, &"x".repeat(2001)), "text"),
        (note(id, "Flip\u{202E}ped"), "text"),
        (NoteInput { observed_at: "soon".into(), ..note(id, "x") }, "observedAt"),
        (
            NoteInput { observed_at: late.format("%Y-%m-%d %H:%M").to_string(), ..note(id, "x") },
            "lateReason",
        ),
        (NoteInput { session_id: None, ..note(id, "x") }, "sessionId"),
    ];
    let before = everything(&state);
    for (n, (input, field)) in cases.iter().enumerate() {
        let err = add(&state, input, &Utc).expect_err("refused");
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(*field)), "{n}");
    }
    // A payload of the wrong shape names its field too.
    let err = payload::parse::<NoteInput>(json!({"sessionId": id, "text": 42})).expect_err("type");
    assert_eq!(err.field.as_deref(), Some("text"));
    let err = add(&state, &note(id + 100, "x"), &Utc).expect_err("unknown session");
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(everything(&state), before, "no row, no audit entry");
}

#[test]
fn no_note_after_the_patient_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    clock.advance(Duration::minutes(2));
    against_advice(&state, &against_advice_input(id), &Utc).expect("left");
    let before = everything(&state);
    let err = add(&state, &note(id, "Came back for a coat"), &Utc).expect_err("left");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(everything(&state), before);
}
