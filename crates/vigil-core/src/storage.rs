//! Whether records can be saved now, as the app shows it: a red "Records cannot be saved:
//! <reason>" banner on every screen while writes fail (the store classifies the failure).

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The storage as the nurse needs to know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StorageStatus {
    /// Why records cannot be saved ("the disk is full"), or null while writes succeed.
    pub fault: Option<String>,
    /// When writes started failing (null while they succeed).
    pub since: Option<DateTime<Utc>>,
    /// Alerts raised but not written yet (written once storage takes writes again).
    pub unsaved_alerts: u32,
}

impl StorageStatus {
    /// Writes succeed and nothing waits to be written.
    pub fn healthy() -> Self {
        Self { fault: None, since: None, unsaved_alerts: 0 }
    }
}
