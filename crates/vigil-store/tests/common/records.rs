//! Records the store's tests (and benches) write: checks and a transfer (fictional data only).
#![allow(dead_code)] // each test file compiles this module; not all of them use every record

use chrono::{DateTime, Duration, Utc};
use vigil_core::checks::{BloodPressure, Cadss, Check, CheckPurpose, OxygenSupport, Vitals};
use vigil_core::discharge::{DischargeGates, Readiness, Transfer};

use super::now;

/// A check of `purpose` at `at` with nothing assessed but a symptom grade of 0.
pub fn bare_check(session_id: i64, purpose: CheckPurpose, at: DateTime<Utc>) -> Check {
    Check {
        session_id,
        purpose,
        observed_at: at,
        late_reason: None,
        symptom_grade: 0,
        symptoms: Vec::new(),
        severe_headache: false,
        chest_pain: false,
        shortness_of_breath: false,
        orthostatic: None,
        gait: None,
        vitals: None,
        moaas: None,
        cadss: None,
        nausea: None,
        pain: None,
        note: String::new(),
    }
}

/// An observation at `at` passing every soft gate, with blood pressure `systolic`/`diastolic`.
pub fn observation(session_id: i64, at: DateTime<Utc>, systolic: u32, diastolic: u32) -> Check {
    Check {
        gait: Some(2),
        vitals: Some(Vitals {
            bp: Some(BloodPressure { systolic, diastolic }),
            heart_rate: Some(74),
            spo2: Some(97),
            oxygen: Some(OxygenSupport::RoomAir),
            respiratory_rate: Some(14),
            temperature_c: None,
        }),
        moaas: Some(5),
        cadss: Some(Cadss { items: vec![1, 1, 0, 0, 0, 0], total: 2 }),
        nausea: Some(0),
        pain: Some(0),
        ..bare_check(session_id, CheckPurpose::Observation, at)
    }
}

/// A transfer to emergency care two minutes before [`now`], the gates not ready.
pub fn transfer() -> Transfer {
    Transfer {
        transferred_at: now() - Duration::minutes(2),
        destination: "Example General Hospital ED".into(),
        handed_over_to: "Paramedic crew lead".into(),
        emergency_services_called: true,
        note: None,
        gates: DischargeGates {
            readiness: Readiness::NotReady,
            gates: Vec::new(),
            missing: Vec::new(),
            minutes_left: 40,
            ends_at: now() + Duration::minutes(40),
        },
    }
}
