//! The text rule holds for every free-text field of the discharge forms (escort, against
//! advice, transfer, overrides): an invisible or text-direction character inserted anywhere
//! into an otherwise valid value is refused with a `validation` error naming that field.

use proptest::prelude::*;

use super::*;
use crate::text::tests::{insert_at, REFUSED_SAMPLES};
use crate::ErrorCode;

fn escort_form(f: impl FnOnce(&mut EscortInput)) -> Result<(), VigilError> {
    let mut input = EscortInput {
        session_id: 7,
        full_name: "Sam Example".into(),
        relationship: "Partner".into(),
        phone: "+1 (555) 010-0100".into(),
        adult_attested: true,
        transport: "escort_drives".into(),
        status: "arrived".into(),
        eta: String::new(),
        arrived_at: local(50),
        known_to_staff: false,
        name_confirmed: true,
        photo_id: true,
    };
    f(&mut input);
    let policy = DischargePolicy { allow_public_transport_alone: true, ..Default::default() };
    input.validate(&policy, start(), at(60), &Utc).map(drop)
}

fn alone(f: impl FnOnce(&mut EscortInput)) -> Result<(), VigilError> {
    escort_form(|i| {
        i.transport = "public_transport_alone".into();
        f(i);
    })
}

fn not_ready() -> DischargeGates {
    Case { now: at(30), escort: None, ..Case::latest(bare(20)) }.gates()
}

fn against_advice(f: impl FnOnce(&mut AgainstAdviceInput)) -> Result<(), VigilError> {
    let mut input = AgainstAdviceInput {
        session_id: 7,
        risks_explained: true,
        prescriber_notified: true,
        prescriber: "Dr. Lee Example".into(),
        notified_at: local(25),
        will_drive: "unknown".into(),
        escort_present: false,
        actions_taken: "Risks explained twice.\nTaxi number offered; declined.".into(),
        signature_refused: true,
        witness: "Ana Ruiz, RN".into(),
        left_at: String::new(),
    };
    f(&mut input);
    input.validate(&session(), not_ready(), at(30), &Utc).map(drop)
}

fn transfer(f: impl FnOnce(&mut TransferInput)) -> Result<(), VigilError> {
    let mut input = TransferInput {
        session_id: 7,
        transferred_at: local(25),
        destination: "Example General Hospital ED".into(),
        handed_over_to: "Paramedic crew lead".into(),
        emergency_services_called: "yes".into(),
        note: "Handed over with the chart.\nBP 90/50.".into(),
    };
    f(&mut input);
    input.validate(&session(), not_ready(), at(30), &Utc).map(drop)
}

fn overriding(f: impl FnOnce(&mut OverrideInput)) -> Result<(), VigilError> {
    let mut given = OverrideInput {
        gate: "nausea".into(),
        reason: "Chronic mild nausea, unchanged from arrival.".into(),
        prescriber: "Dr. Lee Example".into(),
    };
    f(&mut given);
    let input = DischargeInput {
        session_id: 7,
        pin: "1234".into(),
        escort_confirmed: true,
        instructions_no_driving: true,
        instructions_ride_home: true,
        instructions_emergency: true,
        acknowledged_by_patient: true,
        acknowledged_by_escort: true,
        overrides: vec![given],
    };
    let case = Case::latest(good_with(55, |c| c.nausea = Some(2)));
    input.decide(&case.gates(), case.escort.as_ref()).map(drop)
}

/// Every free-text field of the discharge forms: its IPC field name, a valid value, and the
/// whole form's validation with that value in the field.
type TextCase = (&'static str, &'static str, fn(String) -> Result<(), VigilError>);

const CASES: &[TextCase] = &[
    ("fullName", "Sam Example", |v| escort_form(|i| i.full_name = v)),
    ("relationship", "Partner", |v| escort_form(|i| i.relationship = v)),
    ("phone", "+1 (555) 010-0100", |v| escort_form(|i| i.phone = v)),
    ("fullName", "Sam Example", |v| alone(|i| i.full_name = v)),
    ("relationship", "Partner", |v| alone(|i| i.relationship = v)),
    ("prescriber", "Dr. Lee Example", |v| against_advice(|i| i.prescriber = v)),
    ("actionsTaken", "Risks explained twice.\nTaxi offered.", |v| {
        against_advice(|i| i.actions_taken = v)
    }),
    ("witness", "Ana Ruiz, RN", |v| against_advice(|i| i.witness = v)),
    ("witness", "Ana Ruiz, RN", |v| {
        against_advice(|i| (i.signature_refused, i.witness) = (false, v))
    }),
    ("destination", "Example General Hospital ED", |v| transfer(|i| i.destination = v)),
    ("handedOverTo", "Paramedic crew lead", |v| transfer(|i| i.handed_over_to = v)),
    ("note", "Handed over with the chart.\nBP 90/50.", |v| transfer(|i| i.note = v)),
    ("overrides.nausea.reason", "Chronic mild nausea, unchanged.", |v| {
        overriding(|o| o.reason = v)
    }),
    ("overrides.nausea.prescriber", "Dr. Lee Example", |v| overriding(|o| o.prescriber = v)),
];

#[test]
fn every_case_accepts_its_valid_value() {
    for (field, valid, validate) in CASES {
        assert_eq!(validate((*valid).to_owned()), Ok(()), "{field}");
    }
}

proptest! {
    #[test]
    fn every_discharge_text_field_refuses_hidden_characters(
        case in 0..CASES.len(),
        hidden in prop::sample::select(REFUSED_SAMPLES),
        at in any::<prop::sample::Index>(),
    ) {
        let (field, valid, validate) = CASES[case];
        let err = validate(insert_at(valid, hidden, at)).expect_err("refused");
        prop_assert_eq!(err.code, ErrorCode::Validation);
        prop_assert_eq!(err.field.as_deref(), Some(field), "U+{:04X}", hidden as u32);
    }
}
