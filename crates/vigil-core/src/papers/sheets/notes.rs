//! The discharge sheet's "Notes" section: the nurses' notes of the session, and the notes
//! written on its checks (corrected checks left out, as in the check list), in clinical time,
//! each with its time, nurse and text.

use chrono::{DateTime, Utc};

use super::super::Paper;
use super::SessionRecord;

/// Adds "Notes" when the session has any: "10:40" → "Patient asked for water. (Ana Ruiz, RN)";
/// a check's note reads "On the check: ...".
pub fn section(paper: &mut Paper, record: &SessionRecord, when: &dyn Fn(DateTime<Utc>) -> String) {
    let mut lines: Vec<(DateTime<Utc>, i64, String, Option<&str>)> = record
        .notes
        .iter()
        .map(|n| (n.note.observed_at, n.id, n.note.text.clone(), n.who.as_deref()))
        .collect();
    lines.extend(super::live(record).filter(|c| !c.check.note.is_empty()).map(|c| {
        let text = format!("On the check: {}", c.check.note);
        (c.check.observed_at, c.id, text, c.who.as_deref())
    }));
    if lines.is_empty() {
        return;
    }
    lines.sort_by_key(|(at, id, text, _)| (*at, text.starts_with("On the check: "), *id));
    let section = paper.section("Notes");
    for (at, _, text, who) in lines {
        let who = who.map(|w| format!(" ({w})")).unwrap_or_default();
        section.row(when(at), format!("{text}{who}"));
    }
}
