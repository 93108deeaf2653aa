//! Nurse notes (issue 11): free text a nurse writes about a patient in recovery, on its own
//! ("Add note for Bay N"), at a clinical time that defaults to now. A note may be typed late
//! under the same rule as a check (more than the late-entry limit after its clinical time needs
//! a reason, and both times are kept); it may be dated up to 12 hours before the clock start
//! (a pre-dose observation), never in the future. A note about a check is the check's own
//! `note` field. Notes are append-only: a wrong note is followed by another, never edited.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::fields::{observed_at, own_session_id, reason, record_id};
use crate::checks::{
    TimelineEntry, TimelineKind, MAX_BASELINE_BEFORE_START, MAX_REASON_CHARS, MIN_REASON_CHARS,
};
use crate::text::required_multiline_text;
use crate::VigilError;

/// The shortest and longest a note may be, in characters (trimmed).
pub const NOTE_TEXT_CHARS: (usize, usize) = (1, 2000);

/// The note form as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NoteInput {
    #[ts(optional = nullable)]
    #[serde(default)]
    pub session_id: Option<f64>,
    /// Local time `YYYY-MM-DD HH:MM[:SS]`; empty means now.
    #[serde(default)]
    pub observed_at: String,
    /// Required (10-500 characters) when the note is entered late.
    #[serde(default)]
    pub late_reason: String,
    /// 1-2000 characters; line breaks allowed.
    #[serde(default)]
    pub text: String,
}

/// What validation must know about the session the note belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteContext {
    pub session_id: i64,
    /// The clinical time the recovery clock started.
    pub clock_started_at: DateTime<Utc>,
    /// Minutes after which an entry is late and needs a reason (as for checks).
    pub late_entry_minutes: u32,
}

/// A validated note, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    #[ts(type = "number")]
    pub session_id: i64,
    /// The clinical time the note is about.
    pub observed_at: DateTime<Utc>,
    /// Why it was entered late, when it was.
    pub late_reason: Option<String>,
    pub text: String,
}

/// What saving a note returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteSaved {
    #[ts(type = "number")]
    pub note_id: i64,
}

/// A note as stored: its id, who wrote it and when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredNote {
    pub id: i64,
    pub note: Note,
    pub recorded_at: DateTime<Utc>,
    /// The nurse label ("Ana Ruiz, RN").
    pub who: Option<String>,
}

impl StoredNote {
    /// The note's line in the session timeline: "Note: {text}", with both times and the nurse.
    pub fn timeline_entry(&self) -> TimelineEntry {
        let summary = format!("Note: {}", self.note.text);
        let mut entry = TimelineEntry::new(
            TimelineKind::Note,
            self.id,
            self.note.observed_at,
            self.recorded_at,
            self.who.clone(),
            summary,
        );
        entry.late_reason = self.note.late_reason.clone();
        entry
    }
}

impl NoteInput {
    /// The session id, for loading the [`NoteContext`]. Errors: `validation` on `sessionId`.
    pub fn session_id(&self) -> Result<i64, VigilError> {
        record_id(self.session_id, "sessionId", "The session")
    }

    /// Validates the note at `now`, reading the typed time in zone `tz`.
    ///
    /// Errors: `validation` naming `sessionId` (another session), `observedAt` (malformed, in
    /// the future, more than 12 h before the clock start), `lateReason` (late without a reason
    /// of 10-500 characters) or `text` (empty, over 2000 characters, control characters).
    pub fn validate<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
        session: &NoteContext,
    ) -> Result<Note, VigilError> {
        let session_id = own_session_id(self.session_id, session.session_id, "note")?;
        let at = observed_at(&self.observed_at, now, tz).map_err(|mut e| {
            // The shared time rule speaks of a check.
            e.message = e.message.replace("of the check", "of the note");
            e
        })?;
        if session.clock_started_at - at > MAX_BASELINE_BEFORE_START {
            return Err(VigilError::validation(
                "observedAt",
                "A note cannot be more than 12 hours before the clock start.",
            ));
        }
        // Late counts from the clock start at the earliest, as for a baseline check.
        let late_from = at.max(session.clock_started_at);
        let late = now - late_from > Duration::minutes(i64::from(session.late_entry_minutes));
        let late_reason = if late || !self.late_reason.trim().is_empty() {
            let what = "The reason for the late entry";
            Some(reason(&self.late_reason, "lateReason", what, MIN_REASON_CHARS, MAX_REASON_CHARS)?)
        } else {
            None
        };
        let (min, max) = NOTE_TEXT_CHARS;
        let text = required_multiline_text(&self.text, "text", "The note", min, max)?;
        Ok(Note { session_id, observed_at: at, late_reason, text })
    }
}

#[cfg(test)]
mod tests;
