//! The Spravato REMS Patient Monitoring Form: the details only the nurse can give
//! ([`details`]), when the form is due and where it stands ([`due`]), and how it was submitted
//! ([`submission`]). The form's other fields are filled from the session (see `sheets`).

mod details;
mod due;
mod submission;

pub use details::{RemsDetails, RemsDetailsInput, Sex};
pub use due::{local_day, FormDue, FormStatus, RemsDeadline, DEFAULT_WARN_FROM_DAY, REMS_DUE_DAYS};
pub use submission::{FormSubmission, FormSubmittedInput, SubmissionChannel};
