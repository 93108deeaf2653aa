//! The overrides of a discharge: exactly one, with a reason and the prescriber's name, for
//! each failed soft gate, and none for a hard gate, a gate that passed or an unknown one.

use super::{DischargeInput, GateOverride, OverrideInput};
use crate::checks::{MAX_REASON_CHARS, MIN_REASON_CHARS};
use crate::discharge::fields::{one_line, person};
use crate::discharge::{DischargeGates, Gate, GateKey};
use crate::VigilError;

impl DischargeInput {
    /// One override for each failed soft gate, and none for any other gate.
    pub(super) fn overrides(
        &self,
        gates: &DischargeGates,
    ) -> Result<Vec<GateOverride>, VigilError> {
        let out =
            gates.failed_soft().map(|gate| self.override_for(gate)).collect::<Result<_, _>>()?;
        self.refuse_needless(gates)?;
        Ok(out)
    }

    /// The one override given for the failed soft `gate`, its reason and prescriber checked.
    fn override_for(&self, gate: &Gate) -> Result<GateOverride, VigilError> {
        let key = gate.key.as_str();
        let field = format!("overrides.{key}");
        let matching: Vec<&OverrideInput> =
            self.overrides.iter().filter(|o| o.gate.trim() == key).collect();
        let given = match matching.as_slice() {
            [given] => given,
            [] => {
                return Err(VigilError::validation(
                    &field,
                    format!(
                        "{} is not met: {}. Override it with a reason and the \
                         prescriber's name, or wait.",
                        gate.label, gate.detail
                    ),
                ))
            }
            _ => return Err(VigilError::validation(&field, "Override each gate once.")),
        };
        let reason = one_line(
            &given.reason,
            &format!("{field}.reason"),
            "The reason for the override",
            MIN_REASON_CHARS,
            MAX_REASON_CHARS,
        )?;
        let prescriber =
            person(&given.prescriber, &format!("{field}.prescriber"), "The prescriber's name")?;
        Ok(GateOverride { gate: gate.key, reason, prescriber })
    }

    /// Refuses an override of an unknown gate, a hard gate or a gate that passed.
    fn refuse_needless(&self, gates: &DischargeGates) -> Result<(), VigilError> {
        for given in &self.overrides {
            let Some(key) = GateKey::parse(given.gate.trim()) else {
                return Err(VigilError::validation(
                    &unknown_field(&given.gate),
                    "Choose a gate that is not met to override.",
                ));
            };
            let field = format!("overrides.{}", key.as_str());
            if key.hard() {
                return Err(VigilError::validation(
                    &field,
                    "The minimum period and the escort cannot be overridden.",
                ));
            }
            if gates.passed(key) {
                return Err(VigilError::validation(
                    &field,
                    format!("{} is met: remove its override.", key.label()),
                ));
            }
        }
        Ok(())
    }
}

/// The field path of an override naming no known gate: the key when it looks like one, else
/// the list itself (a field path never carries arbitrary typed text).
fn unknown_field(raw: &str) -> String {
    let key = raw.trim();
    let plain = !key.is_empty()
        && key.len() <= 40
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if plain {
        format!("overrides.{key}")
    } else {
        "overrides".to_owned()
    }
}
