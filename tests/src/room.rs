//! A full recovery room for the layout, accessibility and keyboard tests: twelve patients
//! admitted through the admit form as a nurse would, two of them with an open alert.

use chrono::{Duration as Span, Local};

use crate::{AdmitForm, By, Session};

/// Fictional patients, one per bay ("Bay 1" to "Bay 12").
pub const NAMES: [&str; 12] = [
    "Testy McTestface",
    "Test Patient",
    "Alex Example",
    "Sam Sample",
    "Jo Placeholder",
    "Robin Fictional",
    "Casey Madeup",
    "Morgan Dummy",
    "Jamie Specimen",
    "Riley Invented",
    "Avery Notreal",
    "Quinn Pretend",
];

/// How many of the room's patients have an open alert: the last ones admitted, whose minimum
/// (60 minutes of IV ketamine) had passed before they were admitted.
pub const ALERTING: usize = 2;

/// The bay of the `i`th patient (0-based).
pub fn bay(i: usize) -> String {
    format!("Bay {}", i + 1)
}

/// Admits the twelve patients of [`NAMES`]. The first ten ended their infusion 2 minutes ago
/// (their first vitals are due in 13 minutes, overdue in 18: no alert while a test runs);
/// the last [`ALERTING`] 61 minutes ago, so their "minimum reached" alert opens at once.
/// Waits for each alert's acknowledge button before the next admission: an alert strip that
/// appears while the next form is filled moves the page under the pointer, and a click on
/// "Admit" at that instant missed it once in CI (`theme.rs`).
pub fn admit_twelve(app: &Session) {
    for (i, name) in NAMES.iter().enumerate() {
        let alerting = i >= NAMES.len() - ALERTING;
        let ago = if alerting { 61 } else { 2 };
        let ended = (Local::now() - Span::minutes(ago)).format("%Y-%m-%d %H:%M:%S").to_string();
        let form = AdmitForm {
            name: (*name).into(),
            chart_number: format!("TEST-{:04}", i + 1),
            ..AdmitForm::iv(&bay(i), &ended)
        };
        form.submit(app);
        app.find(&By::row(&bay(i)));
        if alerting {
            app.find(&By::button(&format!("Acknowledge alert for {}", bay(i))));
        }
    }
}
