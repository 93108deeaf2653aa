//! The papers' parts for a transfer to emergency care: the discharge sheet's transfer section
//! (shown instead of the escort, the gates at clearance and the instructions) and the REMS
//! form's serious adverse event.

use chrono::{DateTime, Utc};

use super::{yes_no, Paper};
use crate::discharge::Transfer;

/// The discharge sheet's "Transferred to emergency care" section, with the gates not met as
/// they stood at the transfer.
pub(super) fn section(paper: &mut Paper, form: &Transfer, when: &dyn Fn(DateTime<Utc>) -> String) {
    let section = paper.section("Transferred to emergency care");
    section
        .row("Transferred at", when(form.transferred_at))
        .row("Destination", form.destination.clone())
        .row("Handed over to", form.handed_over_to.clone())
        .row("Emergency services called", yes_no(form.emergency_services_called));
    if let Some(note) = &form.note {
        section.row("Note", note.clone());
    }
    for gate in form.gates.gates.iter().filter(|g| !g.passed) {
        section.row(format!("Not met: {}", gate.label), gate.detail.clone());
    }
}

/// The REMS form's serious adverse events: the transfer first, then what the nurse typed in
/// the REMS details (unless nothing, or "None").
pub(super) fn serious_adverse_events(
    form: &Transfer,
    typed: Option<&str>,
    when: &dyn Fn(DateTime<Utc>) -> String,
) -> String {
    let transfer = format!(
        "Transferred to emergency care at {}: {}",
        when(form.transferred_at),
        form.destination
    );
    match typed.map(str::trim).filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("none")) {
        Some(typed) => format!("{transfer}. {typed}"),
        None => transfer,
    }
}
