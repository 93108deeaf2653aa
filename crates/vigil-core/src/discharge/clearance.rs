//! Clearing a patient for discharge (clinical.md section 5): decided against the live gates.
//! Hard gates (minimum period, escort) refuse; each failed soft gate needs exactly one
//! override with a reason and the prescriber's name; the escort is confirmed and the
//! instructions acknowledged. The nurse's PIN is checked by the shell. What is decided is kept
//! whole with the "cleared" event.

mod overrides;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DischargeGates, Escort, GateKey};
use crate::{ErrorCode, VigilError};

/// An override of one failed soft gate, as typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverrideInput {
    /// The key of a failed soft gate (`blood_pressure`, `nausea`, ...).
    pub gate: String,
    /// 10-500 characters, one line.
    pub reason: String,
    /// The prescriber's name, 2-100 characters.
    pub prescriber: String,
}

/// The discharge form.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DischargeInput {
    #[ts(type = "number")]
    pub session_id: i64,
    /// Checked by the shell (`Pin::parse(.., "pin")`), not here.
    pub pin: String,
    /// The escort is present and identified (ignored when going home alone under policy).
    pub escort_confirmed: bool,
    /// No driving or machinery until the next day after a restful sleep.
    pub instructions_no_driving: bool,
    /// Someone drives them home.
    pub instructions_ride_home: bool,
    /// The emergency number was given.
    pub instructions_emergency: bool,
    pub acknowledged_by_patient: bool,
    /// Not required when going home alone under policy.
    pub acknowledged_by_escort: bool,
    pub overrides: Vec<OverrideInput>,
}

/// A validated override of a failed soft gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GateOverride {
    pub gate: GateKey,
    pub reason: String,
    pub prescriber: String,
}

/// The discharge instructions as acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Instructions {
    pub no_driving: bool,
    pub ride_home: bool,
    pub emergency: bool,
    pub acknowledged_by_patient: bool,
    pub acknowledged_by_escort: bool,
}

/// What is stored with the "cleared" event: every gate as it stood, the overrides, the escort
/// and the instructions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DischargeSnapshot {
    pub gates: DischargeGates,
    pub overrides: Vec<GateOverride>,
    pub escort: Option<Escort>,
    pub instructions: Instructions,
}

impl DischargeInput {
    /// Decides a discharge against the live `gates` and the recorded `escort`. Errors, in
    /// this order:
    /// - `conflict` when the minimum period is not over, then when the escort gate fails;
    /// - `validation` on `escortConfirmed` when escorted and not confirmed;
    /// - `validation` on `overrides.<gate key>` for each failed soft gate without exactly one
    ///   override, then on `overrides.<key>.reason` (10-500 characters) and
    ///   `overrides.<key>.prescriber` (2-100); then on `overrides.<key>` for an override of an
    ///   unknown gate, a hard gate or a gate that passed;
    /// - `validation` on the first instruction not acknowledged (`instructionsNoDriving`,
    ///   `instructionsRideHome`, `instructionsEmergency`, `acknowledgedByPatient`,
    ///   `acknowledgedByEscort`, the last not required when going home alone under policy).
    pub fn decide(
        &self,
        gates: &DischargeGates,
        escort: Option<&Escort>,
    ) -> Result<DischargeSnapshot, VigilError> {
        if !gates.passed(GateKey::Minimum) {
            return Err(VigilError::new(
                ErrorCode::Conflict,
                format!(
                    "The minimum observation period is not over: {} min left. \
                     Discharge is refused until then.",
                    gates.minutes_left
                ),
            ));
        }
        if !gates.passed(GateKey::Escort) {
            let detail = gates.gate(GateKey::Escort).map_or("not assessed", |g| g.detail.as_str());
            return Err(VigilError::new(
                ErrorCode::Conflict,
                format!(
                    "No escort is present and identified ({}). Discharge is refused until \
                     then; a patient who will not wait leaves against advice.",
                    detail
                ),
            ));
        }
        // The escort gate passed, so going alone is allowed by the policy.
        let alone = escort.is_some_and(|e| e.transport.alone());
        if !alone && !self.escort_confirmed {
            return Err(VigilError::validation(
                "escortConfirmed",
                "Confirm that the escort is present and identified.",
            ));
        }
        let overrides = self.overrides(gates)?;
        let instructions = self.instructions(alone)?;
        Ok(DischargeSnapshot {
            gates: gates.clone(),
            overrides,
            escort: escort.cloned(),
            instructions,
        })
    }

    fn instructions(&self, alone: bool) -> Result<Instructions, VigilError> {
        let required = [
            (
                self.instructions_no_driving,
                "instructionsNoDriving",
                "Confirm the patient was told: no driving or machinery until the next day \
                 after a restful sleep.",
            ),
            (
                self.instructions_ride_home,
                "instructionsRideHome",
                "Confirm the patient was told that someone else drives them home.",
            ),
            (
                self.instructions_emergency,
                "instructionsEmergency",
                "Confirm the patient was given the emergency number.",
            ),
            (
                self.acknowledged_by_patient,
                "acknowledgedByPatient",
                "The patient must acknowledge the instructions.",
            ),
            (
                self.acknowledged_by_escort || alone,
                "acknowledgedByEscort",
                "The escort must acknowledge the instructions.",
            ),
        ];
        if let Some((_, field, message)) = required.into_iter().find(|(ok, _, _)| !ok) {
            return Err(VigilError::validation(field, message));
        }
        Ok(Instructions {
            no_driving: self.instructions_no_driving,
            ride_home: self.instructions_ride_home,
            emergency: self.instructions_emergency,
            acknowledged_by_patient: self.acknowledged_by_patient,
            acknowledged_by_escort: self.acknowledged_by_escort,
        })
    }
}
