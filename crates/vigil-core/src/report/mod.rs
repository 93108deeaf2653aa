//! The day and shift report (issue 16): who was in recovery during a window of time (a local
//! day or a shift), how long they took to be ready and to leave, the alerts raised and how fast
//! each nurse acknowledged them, the checks entered late or gone overdue, and the REMS forms
//! still due. Pure: the store loads the [`ReportFacts`] for the window, [`build_report`] makes
//! the [`DayReport`], [`report_paper`] and [`report_table`] turn it into a paper (PDF) and a
//! table (CSV).
//!
//! Definitions (the figures a medical director reads, so written down once):
//! - *In recovery during the window*: the clock started before the window's end, at most 24 h
//!   before its start, and the patient had not left before its start. A session with no
//!   departure whose clock started earlier than that is NOT listed: it has left the board too
//!   (the board shows 24 h), and finding it would read every session ever kept (see
//!   `vigil_store::report`).
//! - *Time until ready*: whole minutes from the clock start to the first readiness change to
//!   Ready or Ready (awaiting escort) at or after the clock start; none if never ready.
//! - *Time until departure*: whole minutes from the clock start to the recorded departure
//!   (discharge, against advice or transfer); none while the patient is still here.
//! - *Time to acknowledge*: from the alert's first raising to its acknowledgement, in seconds.
//!   Median: the middle value; of an even count, the mean of the two middle values (rounded
//!   down to the second). Longest: the largest.
//! - *Late check*: entered more than the late-entry limit (15 min) after its observed time (a
//!   baseline counts from the clock start, as the check form's rule does).
//! - *Overdue check*: a `check_overdue` alert raised in the window.

mod build;
mod facts;
mod paper;
pub mod stats;
#[cfg(test)]
mod tests;
mod types;
pub mod window;

pub use build::build_report;
pub use facts::{AlertFact, CheckFact, ReportFacts, SessionFact};
pub use paper::{report_paper, report_table, REPORT_COLUMNS};
pub use types::{
    AlertKindCount, AlertSummary, DayReport, LateCheck, LateKind, LeftHow, NurseAckTimes, RemsDue,
    ReportPatient, UnacknowledgedAlert,
};
pub use window::{ReportInput, ReportWindow, Shift, ShiftsEdit};
