//! Deciding a discharge against the gates: each refusal in order, and the snapshot.

use super::*;
use crate::ErrorCode;

fn input() -> DischargeInput {
    DischargeInput {
        session_id: 7,
        pin: "1234".into(),
        escort_confirmed: true,
        instructions_no_driving: true,
        instructions_ride_home: true,
        instructions_emergency: true,
        acknowledged_by_patient: true,
        acknowledged_by_escort: true,
        overrides: Vec::new(),
    }
}

fn with(f: impl FnOnce(&mut DischargeInput)) -> DischargeInput {
    let mut i = input();
    f(&mut i);
    i
}

fn overriding(gate: &str) -> OverrideInput {
    OverrideInput {
        gate: gate.into(),
        reason: "  Chronic mild nausea, unchanged from arrival.  ".into(),
        prescriber: " Dr. Lee Example ".into(),
    }
}

fn decide(input: &DischargeInput, case: &Case) -> Result<DischargeSnapshot, VigilError> {
    input.decide(&case.gates(), case.escort.as_ref())
}

/// The ready case with nausea 2: the nausea gate fails.
fn nauseous() -> Case {
    Case::latest(good_with(55, |c| c.nausea = Some(2)))
}

#[test]
fn a_ready_patient_is_cleared_with_a_full_snapshot() {
    let case = Case::ready();
    let snap = decide(&input(), &case).expect("cleared");
    assert_eq!(snap.gates, case.gates());
    assert!(snap.overrides.is_empty());
    assert_eq!(snap.escort, Some(escort()));
    let all = Instructions {
        no_driving: true,
        ride_home: true,
        emergency: true,
        acknowledged_by_patient: true,
        acknowledged_by_escort: true,
    };
    assert_eq!(snap.instructions, all);
    let json = serde_json::to_string(&snap).expect("json");
    assert_eq!(serde_json::from_str::<DischargeSnapshot>(&json).expect("back"), snap);
}

#[test]
fn the_minimum_period_refuses_first() {
    let case = Case { now: at(18), escort: None, ..nauseous() };
    let err = decide(&input(), &case).expect_err("refused");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(
        err.message,
        "The minimum observation period is not over: 42 min left. Discharge is refused until then."
    );
    // Overrides cannot touch it.
    let err = decide(&with(|i| i.overrides = vec![overriding("minimum")]), &case).expect_err("x");
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[test]
fn a_missing_or_unidentified_escort_refuses() {
    let en_route = Escort { status: EscortStatus::EnRoute, arrived_at: None, ..escort() };
    let unchecked = Escort { photo_id: false, ..escort() };
    for (escort, what) in [
        (None, "No escort recorded"),
        (Some(en_route), "Escort en route"),
        (Some(unchecked), "Escort arrived, identity not checked"),
    ] {
        let case = Case { escort, ..nauseous() };
        let err = decide(&input(), &case).expect_err("refused");
        assert_eq!(err.code, ErrorCode::Conflict, "{what}");
        assert!(err.message.starts_with("No escort is present and identified"), "{what}");
        assert!(err.message.contains(what), "{}", err.message);
    }
    let denied = Case { escort: Some(alone(Transport::RideshareAlone)), ..Case::ready() };
    assert_eq!(decide(&input(), &denied).expect_err("refused").code, ErrorCode::Conflict);
}

#[test]
fn the_escort_must_be_confirmed_unless_going_alone_under_policy() {
    let unconfirmed = with(|i| i.escort_confirmed = false);
    assert_eq!(field_of(decide(&unconfirmed, &Case::ready())), "escortConfirmed");
    let mut case = Case { escort: Some(alone(Transport::RideshareAlone)), ..Case::ready() };
    case.policy.allow_rideshare_alone = true;
    let alone_input = with(|i| (i.escort_confirmed, i.acknowledged_by_escort) = (false, false));
    let snap = decide(&alone_input, &case).expect("going alone is allowed");
    assert!(!snap.instructions.acknowledged_by_escort);
    assert_eq!(snap.escort.map(|e| e.transport), Some(Transport::RideshareAlone));
}

#[test]
fn each_failed_soft_gate_needs_an_override() {
    let err = decide(&input(), &nauseous()).expect_err("refused");
    assert_eq!(err.field.as_deref(), Some("overrides.nausea"));
    assert_eq!(
        err.message,
        "Nausea is not met: Nausea 2 of 3 (needs 1 or less). \
         Override it with a reason and the prescriber's name, or wait."
    );
    let snap = decide(&with(|i| i.overrides = vec![overriding("nausea")]), &nauseous())
        .expect("overridden");
    let want = GateOverride {
        gate: GateKey::Nausea,
        reason: "Chronic mild nausea, unchanged from arrival.".into(),
        prescriber: "Dr. Lee Example".into(),
    };
    assert_eq!(snap.overrides, [want]);
    assert_eq!(
        snap.gates.readiness,
        Readiness::NotReady,
        "the snapshot keeps the gates as they stood"
    );
}

#[test]
fn several_failed_gates_are_asked_for_in_order() {
    let case = Case { critical: 1, ..nauseous() };
    let one = with(|i| i.overrides = vec![overriding("critical_alert")]);
    assert_eq!(field_of(decide(&one, &case)), "overrides.nausea");
    let both = with(|i| i.overrides = vec![overriding("critical_alert"), overriding("nausea")]);
    let snap = decide(&both, &case).expect("both overridden");
    let keys: Vec<GateKey> = snap.overrides.iter().map(|o| o.gate).collect();
    assert_eq!(keys, [GateKey::Nausea, GateKey::CriticalAlert]);
}

#[test]
fn bad_overrides_name_their_field() {
    let case = nauseous();
    let o = |f: fn(&mut OverrideInput)| {
        let mut o = overriding("nausea");
        f(&mut o);
        o
    };
    let cases: Vec<(Vec<OverrideInput>, &str)> = vec![
        (vec![o(|o| o.reason = "Too short".into())], "overrides.nausea.reason"),
        (vec![o(|o| o.reason = "   ".into())], "overrides.nausea.reason"),
        (vec![o(|o| o.reason = "x".repeat(501))], "overrides.nausea.reason"),
        (vec![o(|o| o.reason = "Line one\nline two here".into())], "overrides.nausea.reason"),
        (vec![o(|o| o.prescriber = "L".into())], "overrides.nausea.prescriber"),
        (vec![o(|o| o.prescriber = "x".repeat(101))], "overrides.nausea.prescriber"),
        (vec![o(|o| o.prescriber = "Dr \u{202E}Lee".into())], "overrides.nausea.prescriber"),
        (vec![overriding("nausea"), overriding("nausea")], "overrides.nausea"),
        (vec![overriding("nausea"), overriding("spo2")], "overrides.spo2"),
        (vec![overriding("nausea"), overriding("escort")], "overrides.escort"),
        (vec![overriding("nausea"), overriding("minimum")], "overrides.minimum"),
        (vec![overriding("nausea"), overriding("oxygen")], "overrides.oxygen"),
        (vec![overriding("nausea"), overriding("<b>x</b>")], "overrides"),
    ];
    for (overrides, field) in cases {
        assert_eq!(field_of(decide(&with(|i| i.overrides = overrides), &case)), field);
    }
    assert!(decide(&with(|i| i.overrides = vec![o(|o| o.reason = "x".repeat(500))]), &case).is_ok());
}

#[test]
fn every_instruction_must_be_acknowledged() {
    type Edit = fn(&mut DischargeInput);
    let cases: Vec<(Edit, &str)> = vec![
        (|i| i.instructions_no_driving = false, "instructionsNoDriving"),
        (|i| i.instructions_ride_home = false, "instructionsRideHome"),
        (|i| i.instructions_emergency = false, "instructionsEmergency"),
        (|i| i.acknowledged_by_patient = false, "acknowledgedByPatient"),
        (|i| i.acknowledged_by_escort = false, "acknowledgedByEscort"),
    ];
    for (f, field) in cases {
        assert_eq!(field_of(decide(&with(f), &Case::ready())), field);
    }
}
