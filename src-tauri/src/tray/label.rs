//! The counts the tray and the close question show (patients in recovery, open alerts) and
//! their words: the short label beside the icon ("2 in recovery · 1 alert") and the sentence of
//! the tooltip and the menu's first line ("2 patients in recovery, 1 open alert"). Numbers
//! only, never a name: the tray is seen by whoever stands at the workstation.

use vigil_core::desktop::{CloseReason, CloseRequest};

/// Patients on the board (in recovery, not departed) and alerts raised and not acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub patients: u32,
    pub open_alerts: u32,
}

impl Counts {
    /// The label beside the icon: "2 in recovery", "2 in recovery · 1 alert".
    pub fn title(&self) -> String {
        let patients = format!("{} in recovery", self.patients);
        match self.open_alerts {
            0 => patients,
            1 => format!("{patients} · 1 alert"),
            n => format!("{patients} · {n} alerts"),
        }
    }

    /// The tooltip and the menu's first line: "2 patients in recovery, 1 open alert".
    pub fn sentence(&self) -> String {
        let patients = plural(self.patients, "patient", "patients");
        let alerts = plural(self.open_alerts, "open alert", "open alerts");
        format!("{patients} in recovery, {alerts}")
    }

    /// The question to ask for `reason`.
    pub fn request(&self, reason: CloseReason, tray_available: bool) -> CloseRequest {
        CloseRequest {
            reason,
            patients_in_recovery: Some(self.patients),
            open_alerts: self.open_alerts,
            tray_available,
        }
    }
}

/// What the tray shows when the records cannot be counted (the log says why).
pub const UNCOUNTED_TITLE: &str = "Vigil: counts unavailable";
/// The tooltip and menu line then.
pub const UNCOUNTED_SENTENCE: &str = "Vigil could not count the patients in recovery";

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(patients: u32, open_alerts: u32) -> Counts {
        Counts { patients, open_alerts }
    }

    #[test]
    fn the_label_beside_the_icon_counts_patients_and_names_alerts_only_when_open() {
        assert_eq!(counts(0, 0).title(), "0 in recovery");
        assert_eq!(counts(2, 0).title(), "2 in recovery");
        assert_eq!(counts(2, 1).title(), "2 in recovery · 1 alert");
        assert_eq!(counts(12, 3).title(), "12 in recovery · 3 alerts");
    }

    #[test]
    fn the_sentence_says_both_counts_in_singular_and_plural() {
        assert_eq!(counts(2, 1).sentence(), "2 patients in recovery, 1 open alert");
        assert_eq!(counts(1, 0).sentence(), "1 patient in recovery, 0 open alerts");
        assert_eq!(counts(0, 2).sentence(), "0 patients in recovery, 2 open alerts");
    }

    #[test]
    fn the_request_carries_the_counts_the_reason_and_the_tray() {
        let request = counts(3, 1).request(CloseReason::TrayQuit, false);
        assert_eq!(request.reason, CloseReason::TrayQuit);
        assert_eq!((request.patients_in_recovery, request.open_alerts), (Some(3), 1));
        assert!(!request.tray_available);
    }
}
