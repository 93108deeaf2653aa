//! Validation of the check form's times and texts: the clinical time against the clock start,
//! late entries, reasons and the note (length, control and text-direction characters).

use chrono::Utc;
use chrono_tz::{America::New_York, Europe::Berlin};

use super::*;

#[test]
fn observed_at_is_a_real_past_local_time() {
    let cases: Vec<(&str, String)> = vec![
        ("malformed", "yesterday".into()),
        ("bad hour", "2026-07-01 25:00".into()),
        ("time only", "10:55".into()),
        ("huge", "2".repeat(100_000)),
        ("future beyond skew", local(62)),
        ("before clock start", local(-1)),
        ("long before clock start", local(-600)),
    ];
    for (what, text) in cases {
        let input = with(|i| i.observed_at = text);
        assert_eq!(field_of(&input), "observedAt", "{what}");
    }
    // Up to one minute ahead is the workstation's clock drift: taken as now.
    let c = valid(&with(|i| i.observed_at = local(61)));
    assert_eq!(c.observed_at, now());
    let at_start =
        with(|i| (i.observed_at, i.late_reason) = (local(0), "Entered after the rounds.".into()));
    assert_eq!(valid(&at_start).observed_at, start());
}

#[test]
fn observed_at_is_read_in_the_clinic_zone() {
    // 12:55 in Berlin (summer) is 10:55 UTC.
    let input = with(|i| i.observed_at = "2026-07-01T12:55".into());
    let c = input.validate(now(), &Berlin, &ctx()).expect("valid");
    assert_eq!(c.observed_at, at(55));
}

#[test]
fn daylight_saving_gap_and_fold_are_refused() {
    // New York: 2026-03-08 02:30 does not exist; 2026-11-01 01:30 happens twice.
    let cases =
        [("2026-03-08 02:30", "2026-03-08 07:00"), ("2026-11-01 01:30", "2026-11-01 06:00")];
    for (typed, start_utc) in cases {
        let start = chrono::NaiveDateTime::parse_from_str(start_utc, "%Y-%m-%d %H:%M")
            .expect("valid")
            .and_utc();
        let ctx = CheckContext::new(7, Protocol::IvKetamine, start);
        let input = with(|i| i.observed_at = typed.into());
        let err = input.validate(start + Duration::hours(1), &New_York, &ctx).expect_err("refused");
        assert_eq!(err.field.as_deref(), Some("observedAt"), "{typed}");
    }
}

#[test]
fn baseline_is_before_the_clock_start_and_within_12_hours() {
    let baseline = |m: i64| {
        with(|i| {
            (i.purpose, i.observed_at, i.late_reason) =
                ("baseline".into(), local(m), "Entered with the admission.".into())
        })
    };
    assert_eq!(valid(&baseline(-40)).purpose, CheckPurpose::Baseline);
    assert!(validate(&baseline(0)).is_ok(), "at the clock start");
    assert!(validate(&baseline(-720)).is_ok(), "exactly 12 h before");
    assert_eq!(field_of(&baseline(1)), "observedAt", "after the clock start");
    assert_eq!(field_of(&baseline(-721)), "observedAt", "more than 12 h before");
}

#[test]
fn observation_is_not_at_or_after_the_patient_left() {
    let left = CheckContext { ended_at: Some(at(50)), ..ctx() };
    for minute in [50, 51] {
        let input = with(|i| i.observed_at = local(minute));
        let err = input.validate(now(), &Utc, &left).expect_err("at or after leaving");
        assert_eq!(err.field.as_deref(), Some("observedAt"));
    }
    assert!(with(|i| i.observed_at = local(49)).validate(now(), &Utc, &left).is_ok());
}

#[test]
fn a_late_entry_needs_a_reason() {
    // now is +60: +45 is exactly 15 min ago (on time), +44 is late.
    assert_eq!(valid(&with(|i| i.observed_at = local(45))).late_reason, None);
    assert_eq!(field_of(&with(|i| i.observed_at = local(44))), "lateReason");
    let c = valid(&with(|i| {
        (i.observed_at, i.late_reason) = (local(20), "  Busy with another patient.  ".into());
    }));
    assert_eq!(c.late_reason.as_deref(), Some("Busy with another patient."));
    // A longer limit from the clinic's settings.
    let relaxed = CheckContext { late_entry_minutes: 30, ..ctx() };
    assert!(with(|i| i.observed_at = local(31)).validate(now(), &Utc, &relaxed).is_ok());
    assert!(with(|i| i.observed_at = local(29)).validate(now(), &Utc, &relaxed).is_err());
}

#[test]
fn a_baseline_is_late_only_counting_from_the_clock_start() {
    let baseline = |reason: &str| {
        with(|i| {
            (i.purpose, i.observed_at, i.late_reason) =
                ("baseline".into(), local(-45), reason.into())
        })
    };
    let ok = baseline("").validate(at(15), &Utc, &ctx()).expect("entered with the admission");
    assert_eq!(ok.late_reason, None);
    let err = baseline("").validate(at(16), &Utc, &ctx()).expect_err("late");
    assert_eq!(err.field.as_deref(), Some("lateReason"));
}

#[test]
fn reasons_are_bounded_single_lines_without_direction_tricks() {
    let late = |reason: String| with(|i| (i.observed_at, i.late_reason) = (local(20), reason));
    let not_done = |reason: String| {
        with(|i| {
            i.orthostatic = Some(OrthostaticInput {
                method: "not_done".into(),
                not_done_reason: reason,
                ..OrthostaticInput::default()
            })
        })
    };
    let bad_late = [
        String::new(),
        "   ".into(),
        "Too late".into(),
        "x".repeat(501),
        "x".repeat(100_000),
        "Busy with\u{7} another".into(),
        "Busy with\nanother patient".into(),
        "Busy with another \u{202E}tneitap".into(),
        "Busy with another \u{2066}patient\u{2069}".into(),
    ];
    for reason in bad_late {
        assert_eq!(field_of(&late(reason.clone())), "lateReason", "{:.20?}", reason);
    }
    assert!(validate(&late("x".repeat(500))).is_ok());
    assert!(validate(&late("Ten chars!".into())).is_ok());
    // Given although not late: kept, and so checked.
    assert_eq!(field_of(&with(|i| i.late_reason = "short".into())), "lateReason");
    let bad_not_done = [
        "".to_owned(),
        "ab".into(),
        "x".repeat(201),
        "x".repeat(100_000),
        "sedated\u{0}".into(),
        "sedated\u{202A}".into(),
        "se\u{2068}dated".into(),
    ];
    for reason in bad_not_done {
        assert_eq!(
            field_of(&not_done(reason.clone())),
            "orthostatic.notDoneReason",
            "{:.20?}",
            reason
        );
    }
    let c = valid(&not_done("Sedated".into()));
    assert_eq!(c.orthostatic.and_then(|o| o.not_done_reason).as_deref(), Some("Sedated"));
}

#[test]
fn the_note_allows_line_breaks_but_not_control_or_direction_characters() {
    for bad in [
        "x".repeat(2001),
        "x".repeat(100_000),
        "bell\u{7}".into(),
        "esc\u{1b}[2J".into(),
        "a\u{202D}b".into(),
        "a\u{2067}b".into(),
        "cr\rlf".into(),
    ] {
        assert_eq!(field_of(&with(|i| i.note = bad.clone())), "note", "{:.20?}", bad);
    }
    assert!(validate(&with(|i| i.note = "x".repeat(2000))).is_ok());
    assert!(validate(&with(|i| i.note = "line\n\tindented".into())).is_ok());
    assert!(validate(&with(|i| i.note = "Émile était là ✓".into())).is_ok());
}
