//! The pre-dose blood pressure decision on the papers: a "Before the dose" section of the
//! discharge sheet, and the REMS form's "Vitals acceptable before dose".

use chrono::{DateTime, Utc};

use super::super::Paper;
use crate::checks::{BloodPressure, PredoseChoice, PredoseStanding};

/// The discharge sheet's section, when the pre-dose blood pressure was above the limit:
/// "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 09:55".
pub fn section(
    paper: &mut Paper,
    standing: Option<&PredoseStanding>,
    when: &dyn Fn(DateTime<Utc>) -> String,
) {
    let Some(standing) = standing else { return };
    let section = paper.section("Before the dose");
    section.row("Pre-dose blood pressure", standing.describe(when));
    if let Some(d) = &standing.decision {
        if d.decision.decision == PredoseChoice::DoNotDose {
            section.line("The prescriber decided not to dose.");
        }
        if !d.decision.note.is_empty() {
            section.row("Prescriber's decision note", d.decision.note.clone());
        }
    }
}

/// The REMS form's "Vitals acceptable before dose": the decision when one was needed, "Yes"
/// with the reading when it was within the limit, `unknown` without a pre-dose reading.
pub fn vitals_before_dose(
    standing: Option<&PredoseStanding>,
    base_bp: Option<BloodPressure>,
    unknown: &str,
    when: &dyn Fn(DateTime<Utc>) -> String,
) -> String {
    match (standing, base_bp) {
        (Some(standing), _) => standing.describe(when),
        (None, Some(bp)) => {
            format!("Yes: BP {}/{}, within the pre-dose limit", bp.systolic, bp.diastolic)
        }
        (None, None) => unknown.to_owned(),
    }
}
