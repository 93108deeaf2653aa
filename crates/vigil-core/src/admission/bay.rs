//! One patient per bay: how bay labels compare ("bay 3" is "Bay 3 "), and the refusal that
//! names the bay's current patient by initials only.

use crate::alert::initials;
use crate::VigilError;

/// The form of a bay label that two labels of the same bay share: lower case, runs of white
/// space as one space, trimmed ("  Bay\t3 " and "bay 3" give "bay 3").
pub fn bay_key(bay: &str) -> String {
    bay.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether `a` and `b` name the same bay.
pub fn same_bay(a: &str, b: &str) -> bool {
    bay_key(a) == bay_key(b)
}

/// The `validation` error on `bay` when `bay` (as stored) already holds the patient named
/// `patient_name`: "Bay 3 already has a patient (T.P.). Discharge or transfer them first."
pub fn bay_taken(bay: &str, patient_name: &str) -> VigilError {
    VigilError::validation(
        "bay",
        format!(
            "{} already has a patient ({}). Discharge or transfer them first.",
            bay.trim(),
            initials(patient_name)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bays_compare_without_case_or_spacing() {
        assert!(same_bay("bay 3", "Bay 3 "));
        assert!(same_bay("  BAY\t 3", "bay 3"));
        assert!(!same_bay("Bay 3", "Bay 13"));
        assert!(!same_bay("Bay 3", "Bay3"));
    }

    #[test]
    fn the_refusal_names_the_bay_and_initials_only() {
        let err = bay_taken("Bay 3", "Test Patient");
        assert_eq!(err.field.as_deref(), Some("bay"));
        assert_eq!(err.code, crate::ErrorCode::Validation);
        assert_eq!(
            err.message,
            "Bay 3 already has a patient (T.P.). Discharge or transfer them first."
        );
        assert!(!err.message.contains("Test"));
    }
}
