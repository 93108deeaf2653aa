//! Tests of the discharge module, one file per rule, sharing the fixtures below. All data is
//! fictional; times are UTC unless a test says otherwise.

mod against_advice;
mod clearance;
mod escort;
mod gates_checks;
mod gates_hard;
mod hidden_text;
mod lifecycle;
mod planned_checks;
mod replay;
mod transfer;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::checks::{
    BloodPressure, Cadss, Check, CheckPurpose, OxygenSupport, StoredCheck, ThresholdSettings,
    Vitals,
};
use crate::{Protocol, RecoverySession, VigilError};

/// The clock start of the fixture session: 2026-07-01 10:00 UTC.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid")
}

/// `start() + m` minutes.
pub fn at(m: i64) -> DateTime<Utc> {
    start() + Duration::minutes(m)
}

/// A local time string (UTC zone) `m` minutes after the clock start.
pub fn local(m: i64) -> String {
    at(m).format("%Y-%m-%d %H:%M").to_string()
}

/// An IV ketamine session with a 60-minute minimum (ends at `at(60)`).
pub fn session() -> RecoverySession {
    RecoverySession {
        id: 7,
        patient_name: "Testy McTestface".into(),
        bay: "3".into(),
        protocol: Protocol::IvKetamine,
        minimum_minutes: 60,
        clock_started_at: start(),
        recorded_at: start(),
        admitted_by: None,
    }
}

pub fn vitals(systolic: u32, diastolic: u32) -> Vitals {
    Vitals {
        bp: Some(BloodPressure { systolic, diastolic }),
        heart_rate: Some(74),
        spo2: Some(97),
        oxygen: Some(OxygenSupport::RoomAir),
        respiratory_rate: Some(14),
        temperature_c: None,
    }
}

pub fn cadss(total: u8) -> Cadss {
    let mut items = vec![0u8; 6];
    items[0] = total.min(4);
    items[1] = total.saturating_sub(4);
    Cadss { items, total }
}

/// An observation at `+m` min with nothing assessed but a symptom grade of 0.
pub fn bare(m: i64) -> Check {
    Check {
        session_id: 7,
        purpose: CheckPurpose::Observation,
        observed_at: at(m),
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

/// An observation at `+m` min that passes every soft gate: 128/82, SpO2 97 % on room air,
/// MOAA/S 5, CADSS 2, gait 2, no symptoms, nausea 0, pain 0 (PADSS 10/10).
pub fn good(m: i64) -> Check {
    Check {
        vitals: Some(vitals(128, 82)),
        moaas: Some(5),
        cadss: Some(cadss(2)),
        gait: Some(2),
        nausea: Some(0),
        pain: Some(0),
        ..bare(m)
    }
}

/// `good(m)` changed by `f`.
pub fn good_with(m: i64, f: impl FnOnce(&mut Check)) -> Check {
    let mut c = good(m);
    f(&mut c);
    c
}

/// The pre-dose baseline, 10 min before the clock start: 124/80, heart rate 72, MOAA/S 5.
pub fn baseline() -> Check {
    Check {
        purpose: CheckPurpose::Baseline,
        vitals: Some(Vitals { heart_rate: Some(72), ..vitals(124, 80) }),
        moaas: Some(5),
        ..bare(-10)
    }
}

pub fn stored(id: i64, check: Check) -> StoredCheck {
    StoredCheck { id, check, recorded_at: at(0), who: None, corrects: None, corrected_by: None }
}

/// Stored checks with ids 1, 2, ... in the order given.
pub fn stored_all(checks: Vec<Check>) -> Vec<StoredCheck> {
    checks.into_iter().zip(1..).map(|(c, id)| stored(id, c)).collect()
}

/// An arrived, identified escort who drives.
pub fn escort() -> Escort {
    Escort {
        full_name: "Sam Example".into(),
        relationship: "Partner".into(),
        phone: "555 0100".into(),
        adult_attested: true,
        transport: Transport::EscortDrives,
        status: EscortStatus::Arrived,
        eta: None,
        arrived_at: Some(at(50)),
        known_to_staff: false,
        name_confirmed: true,
        photo_id: true,
    }
}

/// Going home alone by `transport` (as validated: no status, no identity).
pub fn alone(transport: Transport) -> Escort {
    Escort {
        full_name: String::new(),
        relationship: String::new(),
        phone: String::new(),
        adult_attested: false,
        transport,
        status: EscortStatus::Expected,
        eta: None,
        arrived_at: None,
        known_to_staff: false,
        name_confirmed: false,
        photo_id: false,
    }
}

/// Everything the gates are computed from, owned; starts ready at `at(60)`.
#[derive(Debug, Clone)]
pub struct Case {
    pub session: RecoverySession,
    pub checks: Vec<StoredCheck>,
    pub thresholds: ThresholdSettings,
    pub policy: DischargePolicy,
    pub escort: Option<Escort>,
    pub critical: usize,
    pub now: DateTime<Utc>,
}

impl Case {
    /// Every gate passes: baseline, a good observation at +55, an identified escort, +60.
    pub fn ready() -> Self {
        Self {
            session: session(),
            checks: stored_all(vec![baseline(), good(55)]),
            thresholds: ThresholdSettings::default(),
            policy: DischargePolicy::default(),
            escort: Some(escort()),
            critical: 0,
            now: at(60),
        }
    }

    /// The ready case with the latest observation replaced by `check`.
    pub fn latest(check: Check) -> Self {
        Self { checks: stored_all(vec![baseline(), check]), ..Self::ready() }
    }

    pub fn gates(&self) -> DischargeGates {
        DischargeGates::assess(&self.input())
    }

    /// The gates' input, under the default check plan.
    pub fn input(&self) -> GateInput<'_> {
        static PLAN: std::sync::LazyLock<crate::checks::CheckPlanSettings> =
            std::sync::LazyLock::new(Default::default);
        GateInput {
            session: &self.session,
            checks: &self.checks,
            thresholds: &self.thresholds,
            policy: &self.policy,
            escort: self.escort.as_ref(),
            unacknowledged_critical: self.critical,
            plan: &PLAN,
            now: self.now,
        }
    }

    pub fn gate(&self, key: GateKey) -> Gate {
        self.gates().gate(key).expect("assessed").clone()
    }
}

/// Asserts gate `key` of `case` passes or fails with `detail`.
#[track_caller]
pub fn assert_gate(case: &Case, key: GateKey, passed: bool, detail: &str) {
    let gate = case.gate(key);
    assert_eq!((gate.passed, gate.detail.as_str()), (passed, detail), "{key:?}");
}

/// The field of a validation error.
#[track_caller]
pub fn field_of<T: std::fmt::Debug>(result: Result<T, VigilError>) -> String {
    let err = result.expect_err("should be refused");
    assert_eq!(err.code, crate::ErrorCode::Validation, "{err:?}");
    err.field.unwrap_or_default()
}
