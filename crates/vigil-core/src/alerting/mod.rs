//! Which alerts Vigil raises and which it resolves, decided from plain data: the sweep's
//! deadlines (each planned check not done, "escort not arrived"; the minimum is
//! `RecoverySession::deadlines`), which of them have not fired yet, the one clinical alert a
//! check raises and how its firing is keyed, and which overdue alerts a check answers. The
//! store reads the rows, calls these and writes what they decide; the scheduler raises what is
//! due (`deadline::due`).

mod check;
mod sweep;

pub use check::{check_alert, clinical_key, is_emergency, resolved_overdue};
pub use sweep::{escort_late_deadline, fired_key, overdue_check_deadlines, unfired, FiredKey};

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
