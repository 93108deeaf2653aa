//! The against-advice record: never refused for failing gates, only for bad input.

use chrono::Duration;

use super::*;

fn input() -> AgainstAdviceInput {
    AgainstAdviceInput {
        session_id: 7,
        risks_explained: true,
        prescriber_notified: true,
        prescriber: " Dr. Lee Example ".into(),
        notified_at: local(25),
        will_drive: "unknown".into(),
        escort_present: false,
        actions_taken: "Risks explained twice.\nTaxi number offered; declined.".into(),
        signature_refused: true,
        witness: "Ana Ruiz, RN".into(),
        left_at: String::new(),
    }
}

fn with(f: impl FnOnce(&mut AgainstAdviceInput)) -> AgainstAdviceInput {
    let mut i = input();
    f(&mut i);
    i
}

fn not_ready() -> DischargeGates {
    Case { now: at(30), escort: None, ..Case::latest(bare(20)) }.gates()
}

fn validate(input: &AgainstAdviceInput) -> Result<AgainstAdvice, VigilError> {
    input.validate(&session(), not_ready(), at(30), &Utc)
}

#[test]
fn leaving_with_every_gate_failing_is_recorded() {
    let a = validate(&input()).expect("recorded");
    assert_eq!(a.gates, not_ready());
    assert_eq!(a.gates.readiness, Readiness::NotReady);
    assert_eq!(a.prescriber.as_deref(), Some("Dr. Lee Example"));
    assert_eq!(a.notified_at, Some(at(25)));
    assert_eq!((a.will_drive, a.left_at), (WillDrive::Unknown, at(30)));
    assert_eq!(a.witness.as_deref(), Some("Ana Ruiz, RN"));
    assert!(a.actions_taken.contains('\n'));
    let json = serde_json::to_string(&a).expect("json");
    assert_eq!(serde_json::from_str::<AgainstAdvice>(&json).expect("back"), a);
}

#[test]
fn optional_parts_may_be_left_out() {
    let i = with(|i| {
        i.prescriber_notified = false;
        (i.prescriber, i.notified_at) = ("Dr. Typed Anyway".into(), "garbage".into());
        (i.signature_refused, i.witness) = (false, String::new());
        (i.will_drive, i.left_at) = ("yes".into(), local(28));
        i.risks_explained = false;
    });
    let a = validate(&i).expect("recorded");
    assert_eq!((a.prescriber, a.notified_at, a.witness), (None, None, None));
    assert_eq!((a.will_drive, a.left_at), (WillDrive::Yes, at(28)));
    assert!(!a.risks_explained);
    let witnessed = with(|i| i.signature_refused = false);
    assert_eq!(validate(&witnessed).expect("ok").witness.as_deref(), Some("Ana Ruiz, RN"));
}

#[test]
fn each_bad_field_is_named() {
    let cases: Vec<(AgainstAdviceInput, &str)> = vec![
        (with(|i| i.prescriber = String::new()), "prescriber"),
        (with(|i| i.prescriber = "L".into()), "prescriber"),
        (with(|i| i.prescriber = "x".repeat(101)), "prescriber"),
        (with(|i| i.notified_at = String::new()), "notifiedAt"),
        (with(|i| i.notified_at = "25 min".into()), "notifiedAt"),
        (with(|i| i.notified_at = local(32)), "notifiedAt"),
        (with(|i| i.will_drive = String::new()), "willDrive"),
        (with(|i| i.will_drive = "maybe".into()), "willDrive"),
        (with(|i| i.actions_taken = " \n ".into()), "actionsTaken"),
        (with(|i| i.actions_taken = "x".repeat(2001)), "actionsTaken"),
        (with(|i| i.actions_taken = "Called\u{7} taxi".into()), "actionsTaken"),
        (with(|i| i.actions_taken = "Called \u{202E}taxi".into()), "actionsTaken"),
        (with(|i| i.witness = String::new()), "witness"),
        (with(|i| i.witness = "A".into()), "witness"),
        (with(|i| (i.signature_refused, i.witness) = (false, "A".into())), "witness"),
        (with(|i| i.left_at = local(32)), "leftAt"),
        (with(|i| i.left_at = local(-1)), "leftAt"),
        (with(|i| i.left_at = "yesterday".into()), "leftAt"),
    ];
    for (input, field) in cases {
        assert_eq!(field_of(validate(&input)), field, "{input:?}");
    }
    assert!(validate(&with(|i| i.actions_taken = "x".repeat(2000))).is_ok());
    assert!(validate(&with(|i| i.left_at = local(0))).is_ok(), "at the clock start");
}

#[test]
fn left_at_now_is_to_the_second() {
    let now = at(30) + Duration::milliseconds(900);
    let a = input().validate(&session(), not_ready(), now, &Utc).expect("recorded");
    assert_eq!(a.left_at, at(30));
}

#[test]
fn the_prescriber_is_not_notified_before_the_recovery_clock_started() {
    let err = validate(&with(|i| i.notified_at = local(-5))).expect_err("refused");
    assert_eq!(err.field.as_deref(), Some("notifiedAt"));
    assert_eq!(
        err.message,
        "The prescriber's notification cannot be before the recovery clock started."
    );
    assert_eq!(validate(&with(|i| i.notified_at = local(0))).expect("ok").notified_at, Some(at(0)));
}
