//! The refusals of quitting Vigil (issue 17) for the page's close dialog: a quit confirmed with
//! a count of patients the board no longer has, made by the real `confirm_quit` on a new
//! database with one patient, then with several.

use vigil_core::desktop::QuitInput;
use vigil_core::VigilError;

use super::rules::refused;
use super::ts::Template;
use crate::commands::{sessions, tray};
use crate::discharge_inputs::admit_input;
use crate::test_support::admin_state_at_t0;

/// A quit confirmed for no patient, refused once the board holds `patients` (at least one).
fn board_changed_to(patients: usize) -> VigilError {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    for _ in 0..patients {
        sessions::admit(&state, &admit_input(&clock), &chrono::Utc).expect("admit");
    }
    refused(tray::confirm_quit(&state, &QuitInput { patients_in_recovery: 0 }))
}

/// The board changed to one patient (its singular words).
pub fn messages() -> Vec<(&'static str, VigilError)> {
    vec![("quitBoardChangedToOne", board_changed_to(1))]
}

/// The board changed to several patients: the count is the case.
pub fn templates() -> Vec<Template> {
    vec![Template { name: "quitBoardChanged", params: &[("now", "2")], error: board_changed_to(2) }]
}
