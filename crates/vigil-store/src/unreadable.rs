//! One undecodable stored row affects only its own patient. The board and the alert sweep read
//! many sessions at once; each per-session read goes through [`Unreadable::keep`], which keeps a
//! decoding failure (a damaged or tampered row: an unknown protocol or kind, malformed JSON, an
//! instant out of range, a NULL or a wrong type) as that session's reason and lets the caller
//! go on with the others. A failure of the storage itself (I/O, a full disk, a lock) is not a
//! decoding failure and is returned as before. Reasons hold table names and record ids, never
//! names.

use std::collections::{BTreeMap, HashMap};
use vigil_core::board::UnreadableSession;

use crate::StoreError;

/// The sessions whose stored records could not all be read, with why.
#[derive(Debug, Default)]
pub struct Unreadable {
    /// Return decoding failures instead of keeping them (the single-session readers).
    strict: bool,
    /// The first reason of each session whose related records cannot be read.
    reasons: BTreeMap<i64, String>,
    /// Sessions whose own row cannot be read, with their bay when it can be read.
    lost: BTreeMap<i64, Option<String>>,
}

impl Unreadable {
    /// An accumulator that returns the first decoding failure as an error, for callers that
    /// read one session and want its error (the patient's detail, a command).
    pub fn strict() -> Self {
        Self { strict: true, ..Self::default() }
    }

    /// `read`'s value; or, when it failed to decode, `None` with the failure kept as session
    /// `session_id`'s reason. Errors: any other failure (and a decoding one when strict).
    pub fn keep<T>(
        &mut self,
        session_id: i64,
        read: Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        match read {
            Ok(value) => Ok(Some(value)),
            Err(e) if !self.strict && e.is_undecodable() => {
                self.reasons.entry(session_id).or_insert_with(|| e.to_string());
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Keeps session `session_id` as one whose own row cannot be read (`bay` when known).
    pub(crate) fn lose(
        &mut self,
        session_id: i64,
        bay: Option<String>,
        e: StoreError,
    ) -> Result<(), StoreError> {
        if self.strict || !e.is_undecodable() {
            return Err(e);
        }
        self.reasons.entry(session_id).or_insert_with(|| e.to_string());
        self.lost.insert(session_id, bay);
        Ok(())
    }

    /// Whether anything of session `session_id` could not be read.
    pub fn contains(&self, session_id: i64) -> bool {
        self.reasons.contains_key(&session_id)
    }

    /// Whether every read succeeded.
    pub fn is_empty(&self) -> bool {
        self.reasons.is_empty()
    }

    /// The ids of the sessions with something unreadable, in order.
    pub fn session_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.reasons.keys().copied()
    }

    /// What the board shows: the reasons of sessions whose own row was read (their rows say
    /// so), and the sessions whose own row could not be read.
    pub fn for_board(&self) -> (HashMap<i64, String>, Vec<UnreadableSession>) {
        let partly = self
            .reasons
            .iter()
            .filter(|(id, _)| !self.lost.contains_key(id))
            .map(|(id, why)| (*id, why.clone()))
            .collect();
        let lost = self
            .lost
            .iter()
            .map(|(id, bay)| UnreadableSession {
                session_id: *id,
                bay: bay.clone(),
                reason: self.reasons.get(id).cloned().unwrap_or_default(),
            })
            .collect();
        (partly, lost)
    }
}

impl StoreError {
    /// Whether this is a stored value that does not decode (as opposed to the storage failing,
    /// a refused value or a missing record).
    pub fn is_undecodable(&self) -> bool {
        use rusqlite::Error as E;
        matches!(
            self,
            StoreError::Corrupt { .. }
                | StoreError::Sqlite(
                    E::FromSqlConversionFailure(..)
                        | E::InvalidColumnType(..)
                        | E::IntegralValueOutOfRange(..)
                        | E::Utf8Error(..)
                )
        )
    }

    /// A decoding failure of column reads of row `id` of `table`, named with the row.
    pub(crate) fn undecodable(table: &'static str, id: i64, e: rusqlite::Error) -> Self {
        StoreError::Corrupt { table, id, what: e.to_string() }
    }
}
