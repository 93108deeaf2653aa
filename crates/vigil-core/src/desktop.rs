//! The app as a program on the workstation (issue 17): what the About panel shows, the question
//! asked before the window closes or Vigil quits while patients are in recovery, and whether
//! Vigil starts with the desktop session.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the About panel shows; `vigil --version` prints the same versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutInfo {
    /// The app's version ("0.1.0").
    pub app_version: String,
    /// The schema version the database is brought to.
    pub schema_version: u32,
    /// The SQLite library inside the app ("3.50.4").
    pub sqlite_version: String,
    /// The SQLCipher that encrypts the records, or why it is unknown.
    pub sqlcipher_version: String,
    /// The data directory: the database, its logs, backups by default.
    pub data_dir: String,
}

/// Why the shell asks before closing (payload of the `close-requested` event).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CloseReason {
    /// The window's close button (or the window manager) asked to close it.
    Window,
    /// Quit was chosen in the tray menu.
    TrayQuit,
}

/// The question the page asks before the window closes or Vigil quits: sent by the shell with
/// the `close-requested` event, counted in Rust when asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CloseRequest {
    pub reason: CloseReason,
    /// Patients on the board (in recovery, not yet departed), or null when they could not be
    /// counted (the records could not be read): the page then says so and offers no quit.
    pub patients_in_recovery: Option<u32>,
    /// Alerts raised and not yet acknowledged (0 when the patients could not be counted).
    pub open_alerts: u32,
    /// Whether a tray icon is shown (a panel that hosts status icons is running); without one,
    /// "keep running" hides the window and the menu's Vigil entry or an alert brings it back.
    pub tray_available: bool,
}

/// Quit confirmed with the number of patients the question showed; the shell refuses when the
/// board has changed since (look again). With patients in recovery it needs a signed-in,
/// unlocked nurse; a quit confirmed for 0 patients (recounted 0) needs nobody signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuitInput {
    pub patients_in_recovery: u32,
}

/// Whether Vigil starts with the desktop session (an XDG autostart entry), as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutostartStatus {
    /// The clinic's setting (on by default), changed by administrators.
    pub enabled: bool,
    /// Whether the desktop session will start Vigil, read back from the autostart files.
    pub effective: bool,
    /// The autostart file that decides it (the package's system entry, or the user's own entry
    /// or override), or null when there is none.
    pub entry: Option<String>,
    /// Why the setting and the effect differ, or null when they agree.
    pub problem: Option<String>,
}

/// The autostart setting as an administrator submits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutostartEdit {
    pub enabled: bool,
}
