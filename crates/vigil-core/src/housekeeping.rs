//! Housekeeping of what is not a record: how long unsaved form drafts are kept before the daily
//! cleanup deletes them. The setting is stored as "papers kept" (`PapersKeptEdit`, the key
//! `papers_kept_days`): it once covered saved PDFs too, which no longer stay in the data
//! directory (issue 15), so it now governs drafts only.

use serde::Deserialize;
use ts_rs::TS;

use crate::VigilError;

/// Drafts are kept this many days unless the clinic chose otherwise.
pub const DEFAULT_PAPERS_KEPT_DAYS: u32 = 30;

/// A change of how many days unsaved drafts are kept.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PapersKeptEdit {
    pub days: f64,
}

impl PapersKeptEdit {
    /// Errors: `validation` on `days` unless a whole number from 1 to 3650.
    pub fn validate(&self) -> Result<u32, VigilError> {
        let message = "Drafts are kept a whole number of days from 1 to 3650.";
        crate::settings::whole_setting(self.days, (1, 3650), "days", message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_kept_bounds() {
        for ok in [1.0, 30.0, 3650.0] {
            assert_eq!(PapersKeptEdit { days: ok }.validate(), Ok(ok as u32));
        }
        for bad in [0.0, -1.0, 3651.0, 2.5, f64::NAN, f64::INFINITY] {
            let err = PapersKeptEdit { days: bad }.validate().expect_err("refused");
            assert_eq!(err.field.as_deref(), Some("days"), "{bad}");
        }
    }
}
