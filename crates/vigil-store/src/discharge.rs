//! The end of a session: the escort (each save a new version, the latest in force), the
//! "cleared for discharge" event with its snapshot of every gate, the departure (with the escort
//! or against advice; transfers to emergency care are in `transfers`), and the clinic's
//! discharge policy (versions). Each write checks the
//! session's phase inside its own transaction, so two nurses cannot discharge the same patient
//! twice, and writes its audit entry there too. One module per noun; every item is re-exported
//! here, so callers name `vigil_store::discharge::x`.

use vigil_core::VigilError;

use crate::StoreError;

mod against_advice;
mod clearance;
mod departure;
mod escort;
mod gates;
mod policy;
mod standing;

pub use against_advice::{against_advice, leave_against_advice};
pub use clearance::{clear, snapshot};
pub use departure::depart;
pub use escort::{escort, escorts, escorts_each, save_escort};
pub use gates::{board, gates, gates_each, gates_of, unacknowledged_critical};
pub use policy::{policy, set_policy};
pub use standing::{standing, standings, standings_each, Standing};

/// `value` as JSON for a row; `what` names it in the error.
fn encode<T: serde::Serialize>(value: &T, what: &str) -> Result<String, StoreError> {
    serde_json::to_string(value)
        .map_err(|e| VigilError::internal(format!("the {what} could not be encoded: {e}")).into())
}
