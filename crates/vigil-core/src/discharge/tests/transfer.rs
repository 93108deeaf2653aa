//! The transfer to emergency care: never refused for failing gates, only for bad input.

use chrono::FixedOffset;

use super::*;

fn input() -> TransferInput {
    TransferInput {
        session_id: 7,
        transferred_at: local(25),
        destination: " Example General Hospital ED ".into(),
        handed_over_to: "Paramedic crew lead".into(),
        emergency_services_called: "yes".into(),
        note: String::new(),
    }
}

fn with(f: impl FnOnce(&mut TransferInput)) -> TransferInput {
    let mut i = input();
    f(&mut i);
    i
}

fn not_ready() -> DischargeGates {
    Case { now: at(30), escort: None, ..Case::latest(bare(20)) }.gates()
}

fn validate(input: &TransferInput) -> Result<Transfer, VigilError> {
    input.validate(&session(), not_ready(), at(30), &Utc)
}

#[test]
fn a_transfer_with_every_gate_failing_is_recorded_with_the_gates() {
    let t = validate(&input()).expect("recorded");
    assert_eq!(t.gates, not_ready());
    assert_eq!(t.gates.readiness, Readiness::NotReady);
    assert_eq!(t.transferred_at, at(25));
    assert_eq!(t.destination, "Example General Hospital ED");
    assert_eq!(t.handed_over_to, "Paramedic crew lead");
    assert!(t.emergency_services_called);
    assert_eq!(t.note, None);
    let json = serde_json::to_string(&t).expect("json");
    assert_eq!(serde_json::from_str::<Transfer>(&json).expect("back"), t);
}

#[test]
fn empty_time_is_now_and_no_and_a_note_are_kept() {
    let i = with(|i| {
        i.transferred_at = String::new();
        i.emergency_services_called = " no ".into();
        i.note = "Taken by private car.\nBP 188/112 on leaving.".into();
    });
    let t = i.validate(&session(), not_ready(), at(30) + Duration::milliseconds(700), &Utc);
    let t = t.expect("recorded");
    assert_eq!(t.transferred_at, at(30), "now, to the second");
    assert!(!t.emergency_services_called);
    assert!(t.note.as_deref().is_some_and(|n| n.contains('\n')));
}

#[test]
fn each_bad_field_is_named() {
    let cases: Vec<(TransferInput, &str)> = vec![
        (with(|i| i.transferred_at = local(40)), "transferredAt"),
        (with(|i| i.transferred_at = local(-1)), "transferredAt"),
        (with(|i| i.transferred_at = "soon".into()), "transferredAt"),
        (with(|i| i.destination = String::new()), "destination"),
        (with(|i| i.destination = "E".into()), "destination"),
        (with(|i| i.destination = "x".repeat(201)), "destination"),
        (with(|i| i.destination = "ED\nward 3".into()), "destination"),
        (with(|i| i.destination = "ED \u{202E}3".into()), "destination"),
        (with(|i| i.handed_over_to = "  ".into()), "handedOverTo"),
        (with(|i| i.handed_over_to = "x".repeat(101)), "handedOverTo"),
        (with(|i| i.emergency_services_called = String::new()), "emergencyServicesCalled"),
        (with(|i| i.emergency_services_called = "maybe".into()), "emergencyServicesCalled"),
        (with(|i| i.note = "x".repeat(2001)), "note"),
        (with(|i| i.note = "bell\u{7}".into()), "note"),
    ];
    for (input, field) in cases {
        assert_eq!(field_of(validate(&input)), field, "{input:?}");
    }
    assert!(validate(&with(|i| i.transferred_at = local(0))).is_ok(), "at the clock start");
    assert!(validate(&with(|i| i.destination = "x".repeat(200))).is_ok());
}

#[test]
fn the_typed_time_is_read_in_the_workstation_zone() {
    // 10:25 UTC typed as 12:25 in UTC+2.
    let zone = FixedOffset::east_opt(2 * 3600).expect("zone");
    let typed = (at(25) + Duration::hours(2)).format("%Y-%m-%d %H:%M").to_string();
    let t = with(|i| i.transferred_at = typed).validate(&session(), not_ready(), at(30), &zone);
    assert_eq!(t.expect("recorded").transferred_at, at(25));
}
