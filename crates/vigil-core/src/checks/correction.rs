//! Correcting a check. Clinical records are never edited (clinical.md section 6): the store
//! writes the corrected check as a new check row pointing at the original (with who, when and
//! why), shows the original struck through, and resolves alerts raised by the original
//! "by correction". The corrected check is validated exactly like a new one, except that the
//! correction's reason stands in for a late-entry reason.

use chrono::{DateTime, TimeZone, Utc};
use serde::Deserialize;
use ts_rs::TS;

use super::check::Check;
use super::fields::{reason, MAX_REASON_CHARS, MIN_REASON_CHARS};
use super::input::{CheckContext, CheckInput};
use crate::VigilError;

/// The correction form: which check, why, and the check as it should have been.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CorrectionInput {
    #[ts(optional = nullable)]
    #[serde(default)]
    pub original_check_id: Option<f64>,
    /// 10-500 characters, one line.
    #[serde(default)]
    pub reason: String,
    pub check: CheckInput,
}

/// A validated correction, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub original_check_id: i64,
    pub reason: String,
    pub check: Check,
}

impl CorrectionInput {
    /// The id of the check being corrected (so the shell can load it and its session).
    /// Errors: `validation` on `originalCheckId` unless a positive whole number.
    pub fn original_check_id(&self) -> Result<i64, VigilError> {
        let id = super::fields::required_whole(
            self.original_check_id,
            "originalCheckId",
            "The check to correct",
            1,
            u32::MAX,
        )?;
        Ok(i64::from(id))
    }

    /// Validates at `now` for the original check's `session`. The store must also refuse an
    /// original that does not exist, belongs to another session, or is already corrected.
    ///
    /// Errors: `validation` on `originalCheckId`, `reason`, or the check's own field prefixed
    /// with `check.` (`check.vitals.systolic`).
    pub fn validate<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
        session: &CheckContext,
    ) -> Result<Correction, VigilError> {
        let original_check_id = self.original_check_id()?;
        let reason = reason(
            &self.reason,
            "reason",
            "The reason for the correction",
            MIN_REASON_CHARS,
            MAX_REASON_CHARS,
        )?;
        let check = self.check.validate_as(now, tz, session, false).map_err(|mut e| {
            e.field = e.field.map(|f| format!("check.{f}"));
            e
        })?;
        Ok(Correction { original_check_id, reason, check })
    }
}
