//! The papers of one session, built from its record: the discharge sheet (for the escort and the
//! chart, in `discharge`) and, for Spravato, the REMS Patient Monitoring Form's fields (in
//! `rems`). Times are shown through the caller's `when` (the shell formats them in the
//! workstation's zone), so this stays pure. This module owns the record and the shared parts.

use chrono::{DateTime, NaiveDate, Utc};

use super::Paper;
use crate::checks::StoredCheck;
use crate::discharge::view::DepartureHow;
use crate::discharge::{AgainstAdvice, DischargeSnapshot, Escort, Transfer};
use crate::RecoverySession;

pub use discharge::discharge_sheet;
pub use rems::rems_form;

/// Everything recorded about one session that its papers show.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub session: RecoverySession,
    pub chart_number: String,
    pub date_of_birth: Option<NaiveDate>,
    pub dose_mg: Option<f64>,
    /// Spravato: every device time (the first is the clock start).
    pub device_times: Vec<DateTime<Utc>>,
    pub cleared_at: Option<DateTime<Utc>>,
    pub cleared_by: Option<String>,
    pub left_at: Option<DateTime<Utc>>,
    pub how: Option<DepartureHow>,
    /// Who recorded the departure.
    pub left_recorded_by: Option<String>,
    pub snapshot: Option<DischargeSnapshot>,
    pub against_advice: Option<AgainstAdvice>,
    /// Present when the patient was transferred to emergency care.
    pub transfer: Option<Transfer>,
    pub escort: Option<Escort>,
    pub checks: Vec<StoredCheck>,
    /// The nurses' notes, in clinical time.
    pub notes: Vec<crate::notes::StoredNote>,
    /// The pre-dose blood pressure when above the limit: every recorded decision from its
    /// stored row, then the live standing while it still needs a decision (see
    /// [`crate::checks::PredoseStanding::on_record`]).
    pub predose: Vec<crate::checks::PredoseStanding>,
    /// The clinic's alert thresholds, for the limit lines of the vital-signs chart.
    pub thresholds: crate::checks::ThresholdSettings,
}

/// The discharge instructions given to patient and escort (clinical.md section 5).
pub const INSTRUCTIONS: [&str; 3] = [
    "No driving, cycling or operating machinery until the next day after a restful sleep.",
    "A responsible adult takes the patient home; the patient does not drive.",
    "If anything worrying happens (chest pain, severe headache, trouble breathing, confusion), \
     call the emergency number 911 or the clinic.",
];

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn live(record: &SessionRecord) -> impl Iterator<Item = &StoredCheck> {
    record.checks.iter().filter(|c| c.is_live())
}

mod discharge;
mod notes;
mod predose;
mod rems;
mod transfer;

#[cfg(test)]
mod tests;
