//! The note form's validation: the text rule, the clinical time and the late-entry rule.

use chrono::{Duration, TimeZone, Utc};

use super::*;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid")
}

fn ctx() -> NoteContext {
    NoteContext { session_id: 4, clock_started_at: start(), late_entry_minutes: 15 }
}

fn local(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn input(text: &str) -> NoteInput {
    NoteInput { session_id: Some(4.0), text: text.into(), ..NoteInput::default() }
}

fn field_of(input: &NoteInput, now: DateTime<Utc>) -> String {
    let err = input.validate(now, &Utc, &ctx()).expect_err("refused");
    err.field.unwrap_or_default()
}

#[test]
fn a_note_now_keeps_its_lines_and_the_time_to_the_second() {
    let now = start() + Duration::minutes(30) + Duration::milliseconds(1500);
    let note = input("  Patient asked for water.\nDrank 200 ml.  ").validate(now, &Utc, &ctx());
    let note = note.expect("valid");
    assert_eq!(note.text, "Patient asked for water.\nDrank 200 ml.");
    assert_eq!(note.observed_at, start() + Duration::seconds(30 * 60 + 1));
    assert_eq!((note.session_id, note.late_reason), (4, None));
}

#[test]
fn the_text_is_one_to_2000_characters_without_control_characters() {
    let now = start() + Duration::minutes(30);
    assert!(input("x").validate(now, &Utc, &ctx()).is_ok());
    assert!(input(&"é".repeat(2000)).validate(now, &Utc, &ctx()).is_ok());
    for bad in ["", "   \n\t ", &"a".repeat(2001), "bell\u{7}", "flip \u{202E}text"] {
        assert_eq!(field_of(&input(bad), now), "text", "{bad:?}");
    }
}

#[test]
fn a_late_note_needs_a_reason_as_a_check_does() {
    let now = start() + Duration::minutes(60);
    let at = |m: i64| local(start() + Duration::minutes(m));
    // 15 minutes late is on time; 16 is late.
    let on_time = NoteInput { observed_at: at(45), ..input("Settled") };
    assert_eq!(on_time.validate(now, &Utc, &ctx()).expect("valid").late_reason, None);
    let late = NoteInput { observed_at: at(44), ..input("Settled") };
    assert_eq!(field_of(&late, now), "lateReason");
    let reason = NoteInput { late_reason: "Busy with Bay 2 emergency".into(), ..late };
    let note = reason.validate(now, &Utc, &ctx()).expect("valid");
    assert_eq!(note.late_reason.as_deref(), Some("Busy with Bay 2 emergency"));
    assert_eq!(note.observed_at, start() + Duration::minutes(44));
    // Before the clock start, lateness counts from the clock start (the session began then).
    let pre_dose = NoteInput { observed_at: at(-60), ..input("Anxious before the dose") };
    assert!(pre_dose.validate(start() + Duration::minutes(10), &Utc, &ctx()).is_ok());
}

#[test]
fn the_clinical_time_is_refused_naming_the_field() {
    let now = start() + Duration::minutes(60);
    let cases = [
        NoteInput { observed_at: "yesterday".into(), ..input("x") },
        NoteInput { observed_at: local(now + Duration::minutes(5)), ..input("x") },
        NoteInput {
            observed_at: local(start() - Duration::hours(13)),
            late_reason: "Typed much later".into(),
            ..input("x")
        },
    ];
    for (n, case) in cases.iter().enumerate() {
        assert_eq!(field_of(case, now), "observedAt", "case {n}");
    }
    let err = cases[1].validate(now, &Utc, &ctx()).expect_err("future");
    assert_eq!(err.message, "The time of the note cannot be in the future.");
}

#[test]
fn the_session_must_be_given_and_match() {
    let now = start() + Duration::minutes(5);
    assert_eq!(field_of(&NoteInput { session_id: None, ..input("x") }, now), "sessionId");
    assert_eq!(field_of(&NoteInput { session_id: Some(4.5), ..input("x") }, now), "sessionId");
    assert_eq!(field_of(&NoteInput { session_id: Some(5.0), ..input("x") }, now), "sessionId");
}
