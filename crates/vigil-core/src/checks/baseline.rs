//! The pre-dose baseline a session's later values are compared with: blood pressure (for the
//! rise alert and the discharge score), heart rate (discharge score) and MOAA/S (sedation
//! back to baseline). Taken from the session's baseline checks, latest value first.

use serde::Serialize;
use ts_rs::TS;

use super::check::{Check, CheckPurpose};
use super::vitals::BloodPressure;

/// The pre-dose values of a session; each from the latest baseline check that holds it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Baseline {
    pub bp: Option<BloodPressure>,
    pub heart_rate: Option<u32>,
    pub moaas: Option<u8>,
}

impl Baseline {
    /// The baseline from a session's checks. The caller leaves out corrected originals (their
    /// corrections stand in for them). `None` when no baseline check holds any of the values.
    pub fn from_checks<'a>(checks: impl IntoIterator<Item = &'a Check>) -> Option<Self> {
        let mut baselines: Vec<&Check> =
            checks.into_iter().filter(|c| c.purpose == CheckPurpose::Baseline).collect();
        baselines.sort_by_key(|c| std::cmp::Reverse(c.observed_at));
        let bp = baselines.iter().find_map(|c| c.vitals.and_then(|v| v.bp));
        let heart_rate = baselines.iter().find_map(|c| c.vitals.and_then(|v| v.heart_rate));
        let moaas = baselines.iter().find_map(|c| c.moaas);
        let found = bp.is_some() || heart_rate.is_some() || moaas.is_some();
        found.then_some(Self { bp, heart_rate, moaas })
    }
}
