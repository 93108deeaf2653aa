//! Inputs for the discharge tests (property and command tests): a fictional IV admission, a
//! pre-dose baseline, a recovery check that passes every soft gate (or fails only the blood
//! pressure), an escort in each state, a discharge with overrides, a form for leaving against
//! advice, a transfer to emergency care. Fictional people only.

use chrono::Duration;
use std::collections::BTreeSet;
use vigil_core::checks::{CheckInput, OrthostaticInput, VitalsInput};
use vigil_core::discharge::{
    AgainstAdviceInput, DischargeInput, EscortInput, GateKey, OverrideInput, TransferInput,
};
use vigil_core::{AdmitInput, Clock, FixedClock};

/// The escort's state in a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscortKind {
    Expected,
    ArrivedIdentified,
    ArrivedUnchecked,
    RideshareAlone,
}

std::thread_local! {
    /// The bay of this test thread's next admission (one patient per bay).
    static NEXT_BAY: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// An IV admission whose infusion ended at the clock's now. Each call in a test (thread) takes
/// the next bay: "Bay 1", then "Bay 2", ... (a bay holds one patient at a time).
pub fn admit_input(clock: &FixedClock) -> AdmitInput {
    let bay = NEXT_BAY.with(|next| next.replace(next.get() + 1));
    AdmitInput {
        patient_name: "Testy McTestface".into(),
        bay: format!("Bay {bay}"),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: clock.now().format("%Y-%m-%dT%H:%M").to_string(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    }
}

pub fn baseline(session: i64, clock: &FixedClock) -> CheckInput {
    CheckInput {
        session_id: Some(session as f64),
        purpose: "baseline".into(),
        observed_at: (clock.now() - Duration::minutes(5)).format("%Y-%m-%dT%H:%M").to_string(),
        symptom_grade: Some(0.0),
        vitals: Some(vitals(120.0, 80.0)),
        moaas: Some(5.0),
        ..CheckInput::default()
    }
}

pub fn vitals(systolic: f64, diastolic: f64) -> VitalsInput {
    VitalsInput {
        systolic: Some(systolic),
        diastolic: Some(diastolic),
        heart_rate: Some(72.0),
        spo2: Some(98.0),
        oxygen: "room_air".into(),
        ..VitalsInput::default()
    }
}

/// A recovery check: every soft gate passes (good), or only the blood pressure fails (165/100).
pub fn recovery_check(session: i64, good: bool) -> CheckInput {
    let (systolic, diastolic) = if good { (118.0, 78.0) } else { (165.0, 100.0) };
    CheckInput {
        session_id: Some(session as f64),
        purpose: "observation".into(),
        symptom_grade: Some(0.0),
        orthostatic: Some(OrthostaticInput {
            method: "sit_to_stand".into(),
            baseline_systolic: Some(120.0),
            baseline_diastolic: Some(80.0),
            standing_systolic: Some(118.0),
            standing_diastolic: Some(78.0),
            ..OrthostaticInput::default()
        }),
        gait: Some(2.0),
        vitals: Some(vitals(systolic, diastolic)),
        moaas: Some(5.0),
        cadss: Some(vec![Some(0.0); 6]),
        nausea: Some(0.0),
        pain: Some(0.0),
        ..CheckInput::default()
    }
}

pub fn escort_input(session: i64, kind: EscortKind) -> EscortInput {
    let arrived = matches!(kind, EscortKind::ArrivedIdentified | EscortKind::ArrivedUnchecked);
    EscortInput {
        session_id: session,
        full_name: "Pat Example-Escort".into(),
        relationship: "Sibling".into(),
        phone: "555-0100".into(),
        adult_attested: true,
        transport: if kind == EscortKind::RideshareAlone {
            "rideshare_alone"
        } else {
            "escort_drives"
        }
        .into(),
        status: if arrived { "arrived" } else { "expected" }.into(),
        eta: String::new(),
        arrived_at: String::new(),
        known_to_staff: false,
        name_confirmed: kind == EscortKind::ArrivedIdentified,
        photo_id: kind == EscortKind::ArrivedIdentified,
    }
}

pub fn discharge_input(session: i64, failed: &BTreeSet<GateKey>, pin: &str) -> DischargeInput {
    DischargeInput {
        session_id: session,
        pin: pin.into(),
        escort_confirmed: true,
        instructions_no_driving: true,
        instructions_ride_home: true,
        instructions_emergency: true,
        acknowledged_by_patient: true,
        acknowledged_by_escort: true,
        overrides: failed
            .iter()
            .map(|g| OverrideInput {
                gate: g.as_str().into(),
                reason: "Prescriber reviewed at the bedside and agrees".into(),
                prescriber: "Dr Test Prescriber".into(),
            })
            .collect(),
    }
}

pub fn against_advice_input(session: i64) -> AgainstAdviceInput {
    AgainstAdviceInput {
        session_id: session,
        risks_explained: true,
        prescriber_notified: false,
        prescriber: String::new(),
        notified_at: String::new(),
        will_drive: "unknown".into(),
        escort_present: false,
        actions_taken: "Explained the risks; offered a taxi.".into(),
        signature_refused: true,
        witness: "Test Witness, RN".into(),
        left_at: String::new(),
    }
}

/// A transfer to emergency care now, with emergency services called.
pub fn transfer_input(session: i64) -> TransferInput {
    TransferInput {
        session_id: session,
        transferred_at: String::new(),
        destination: "Example General Hospital ED".into(),
        handed_over_to: "Paramedic crew lead".into(),
        emergency_services_called: "yes".into(),
        note: String::new(),
    }
}
