//! Alerts as the nurse sees them: raised when a deadline fires, shown until acknowledged.
//! The desktop notification names only the bay and the patient's initials (the screen is
//! shared); the in-app banner may name the patient.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::DeadlineKind;

/// An alert that has fired and is not yet acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActiveAlert {
    #[ts(type = "number")]
    pub firing_id: i64,
    #[ts(type = "number")]
    pub session_id: i64,
    pub kind: DeadlineKind,
    pub bay: String,
    pub patient_name: String,
    pub due_at: DateTime<Utc>,
    pub fired_at: DateTime<Utc>,
    /// For an overdue check, the check ("Vitals at +15 min"); for a clinical alert, its
    /// message with values and limits. Never patient data.
    pub detail: Option<String>,
    /// For a clinical alert: warning or critical.
    pub severity: Option<crate::checks::AlertSeverity>,
    /// A critical emergency prompt (severe headache, chest pain or shortness of breath with
    /// high blood pressure) among the alert's reasons: refer for emergency care now.
    pub emergency: bool,
    /// Raised while records could not be saved: why it is not written yet. Written (and then
    /// absent) as soon as storage takes writes again.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub not_saved: Option<String>,
}

impl ActiveAlert {
    /// The alert as a locked workstation shows it: the patient's initials only.
    pub fn redacted(mut self) -> Self {
        self.patient_name = initials(&self.patient_name);
        self
    }
}

/// The outcome of the last desktop notification, for the warning the UI shows on failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotificationOutcome {
    pub delivered: bool,
    /// What happened, without patient data (e.g. "no notification service on the bus").
    pub detail: String,
    pub at: DateTime<Utc>,
}

/// The payload of the `open-session` event (a desktop notification was clicked): which
/// patient's record the page opens. An id only: the page loads the record itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenSession {
    #[ts(type = "number")]
    pub session_id: i64,
}

/// "T.M." for "Testy McTestface": the first letter of each word of the name, upper-cased.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .map(|c| format!("{c}."))
        .collect()
}

/// The text of the desktop notification for a fired alert: bay and initials only, and the
/// alert's `detail` (a planned check's label, a clinical message; never patient data).
pub fn notification_text(
    kind: DeadlineKind,
    bay: &str,
    patient_name: &str,
    detail: &str,
) -> (String, String) {
    let who = format!("{bay} ({})", initials(patient_name));
    let body = match kind {
        DeadlineKind::MinimumReached => {
            format!("{who}: minimum recovery period reached. Check before the patient stands.")
        }
        DeadlineKind::CheckOverdue => format!("{who}: check overdue: {detail}."),
        DeadlineKind::Clinical => format!("{who}: {detail}"),
        DeadlineKind::EscortLate => {
            format!("{who}: ready to leave but the escort has not arrived: {detail}.")
        }
    };
    (format!("Vigil: {who}"), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Testy McTestface"), "T.M.");
        assert_eq!(initials("  ana  de la cruz "), "A.D.L.C.");
        assert_eq!(initials("Émile"), "É.");
    }

    #[test]
    fn notification_names_bay_and_initials_only() {
        let (summary, body) =
            notification_text(DeadlineKind::MinimumReached, "Bay 5", "Testy McTestface", "");
        for text in [&summary, &body] {
            assert!(text.contains("Bay 5") && text.contains("T.M."), "{text}");
            assert!(!text.contains("Testy"), "{text}");
        }
    }
}
