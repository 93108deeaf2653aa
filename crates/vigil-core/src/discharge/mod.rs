//! Discharge to the escort (issue 6; clinical.md section 5): the clinic's discharge policy, the
//! escort and how the patient gets home, the gates computed live from the checks (hard gates
//! refuse, soft gates need a named override), the session's phases (observing, cleared,
//! departed, left against advice, transferred), the clearance decision, the against-advice
//! record and the transfer to emergency care.
//! Pure rules: the shell passes `now` and the time zone, the store persists.

mod against_advice;
mod clearance;
mod escort;
pub(crate) mod fields;
mod gates;
mod lifecycle;
mod policy;
mod readiness;
mod transfer;
pub mod view;

pub use against_advice::{AgainstAdvice, AgainstAdviceInput, WillDrive};
pub use clearance::{DischargeInput, DischargeSnapshot, GateOverride, Instructions, OverrideInput};
pub use escort::{Escort, EscortInput, EscortStatus, Transport, MAX_ETA_AHEAD};
pub use fields::{MAX_ACTIONS_CHARS, MAX_PERSON_CHARS, MIN_PERSON_CHARS};
pub use gates::{
    ready_without_minimum_minutes, soft_gates_first_passed_at, DischargeGates, Gate, GateInput,
    GateKey, Readiness,
};
pub use lifecycle::SessionPhase;
pub use policy::{DischargePolicy, DischargePolicyEdit};
pub use readiness::{readiness_change, FailingGate, ReadinessMark};
pub use transfer::{
    Transfer, TransferInput, MAX_DESTINATION_CHARS, MAX_TRANSFER_NOTE_CHARS, MIN_DESTINATION_CHARS,
};
pub use view::{DepartedRow, DepartureHow, DischargeView};

#[cfg(test)]
mod tests;
