//! IPC commands, one module per noun. Each is thin: validate into a core type, run one store
//! transaction, map the error to `VigilError`, signal `records-changed`.

pub mod about;
pub mod alerts;
pub mod audit;
pub mod auth;
pub mod autostart;
pub mod checks;
pub mod discharge;
pub mod display;
pub mod drafts;
pub mod emergency;
pub mod exports;
pub mod history;
pub mod notes;
pub mod papers;
pub mod people;
pub mod predose;
pub mod records;
pub mod reports;
pub mod sessions;
pub mod settings;
pub mod storage;
pub mod transfers;
pub mod tray;

/// A command argument that comes from the page, read with [`vigil_core::payload::parse_arg`]
/// (or `payload::parse`): a missing, `null`, ill-typed or unknown-field value is then a
/// `validation` error naming it, where Tauri's own deserializing would answer an untyped string.
pub type Arg = Option<serde_json::Value>;
