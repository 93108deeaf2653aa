//! The pre-dose blood pressure decision on the papers: a "Before the dose" section of the
//! discharge sheet, and the REMS form's "Vitals acceptable before dose".

use chrono::{DateTime, Utc};

use super::super::Paper;
use crate::checks::{BloodPressure, PredoseChoice, PredoseStanding};

/// The discharge sheet's section, when a pre-dose blood pressure was above the limit: every
/// recorded decision as it was made, then "decision needed" if one still is:
/// "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 09:55".
pub fn section(
    paper: &mut Paper,
    standings: &[PredoseStanding],
    when: &dyn Fn(DateTime<Utc>) -> String,
) {
    if standings.is_empty() {
        return;
    }
    let section = paper.section("Before the dose");
    for standing in standings {
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
}

/// The REMS form's "Vitals acceptable before dose": the decisions when one was needed, "Yes"
/// with the reading when it was within the limit, `unknown` without a pre-dose reading.
pub fn vitals_before_dose(
    standings: &[PredoseStanding],
    base_bp: Option<BloodPressure>,
    unknown: &str,
    when: &dyn Fn(DateTime<Utc>) -> String,
) -> String {
    match (standings, base_bp) {
        ([], Some(bp)) => {
            format!("Yes: BP {}/{}, within the pre-dose limit", bp.systolic, bp.diastolic)
        }
        ([], None) => unknown.to_owned(),
        (standings, _) => standings.iter().map(|s| s.describe(when)).collect::<Vec<_>>().join("; "),
    }
}
