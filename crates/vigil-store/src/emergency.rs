//! Uses of emergency access, read back from the audit trail for the administrator's review:
//! each use is its `emergency_access` entry (who, when, the reason in its detail); the actions
//! done under it are the entries stamped with its seq. A review is a row of
//! `emergency_reviews` (once per use) with its own audit entry.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use vigil_core::{EmergencyAction, EmergencyUse, ErrorCode, VigilError};

use crate::audit::{self, Action, Entry};
use crate::{nurses, StoreError};

fn at(ms: i64, table: &'static str, id: i64) -> Result<DateTime<Utc>, StoreError> {
    vigil_core::instant::from_millis(ms).ok_or_else(|| StoreError::Corrupt {
        table,
        id,
        what: "time out of range".into(),
    })
}

/// Every use of emergency access, oldest first; only the unreviewed ones if `unreviewed`.
pub fn uses(conn: &Connection, unreviewed: bool) -> Result<Vec<EmergencyUse>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT e.seq, e.nurse_id, e.at_ms, e.detail,
                (SELECT count(*) FROM audit_events a WHERE a.emergency_use = e.seq),
                r.reviewed_by, r.reviewed_at_ms
         FROM audit_events e LEFT JOIN emergency_reviews r ON r.use_seq = e.seq
         WHERE e.action = 'emergency_access' AND (?1 = 0 OR r.id IS NULL)
         ORDER BY e.seq",
    )?;
    let raw = stmt.query_map([i64::from(unreviewed)], raw_use)?.collect::<Result<Vec<_>, _>>()?;
    raw.into_iter().map(|r| r.into_use(conn)).collect()
}

struct RawUse {
    seq: i64,
    nurse_id: Option<i64>,
    at_ms: i64,
    reason: String,
    actions: i64,
    reviewed_by: Option<i64>,
    reviewed_at_ms: Option<i64>,
}

fn raw_use(r: &Row<'_>) -> rusqlite::Result<RawUse> {
    Ok(RawUse {
        seq: r.get(0)?,
        nurse_id: r.get(1)?,
        at_ms: r.get(2)?,
        reason: r.get(3)?,
        actions: r.get(4)?,
        reviewed_by: r.get(5)?,
        reviewed_at_ms: r.get(6)?,
    })
}

impl RawUse {
    fn into_use(self, conn: &Connection) -> Result<EmergencyUse, StoreError> {
        let nurse_id = self.nurse_id.ok_or_else(|| StoreError::Corrupt {
            table: "audit_events",
            id: self.seq,
            what: "an emergency access without an account".into(),
        })?;
        Ok(EmergencyUse {
            seq: self.seq,
            nurse: nurses::get(conn, nurse_id)?,
            at: at(self.at_ms, "audit_events", self.seq)?,
            reason: self.reason,
            actions: self.actions,
            reviewed_by: self.reviewed_by.map(|id| nurses::get(conn, id)).transpose()?,
            reviewed_at: self
                .reviewed_at_ms
                .map(|ms| at(ms, "emergency_reviews", self.seq))
                .transpose()?,
        })
    }
}

/// The actions done under use `use_seq`, in order. Errors: `not_found` if it is not a use.
pub fn actions(conn: &Connection, use_seq: i64) -> Result<Vec<EmergencyAction>, StoreError> {
    require_use(conn, use_seq)?;
    let mut stmt = conn.prepare(
        "SELECT seq, at_ms, action, detail FROM audit_events WHERE emergency_use = ?1 ORDER BY seq",
    )?;
    let raw = stmt
        .query_map([use_seq], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    raw.into_iter()
        .map(|(seq, ms, action, detail)| {
            Ok(EmergencyAction { seq, at: at(ms, "audit_events", seq)?, action, detail })
        })
        .collect()
}

fn require_use(conn: &Connection, use_seq: i64) -> Result<(), StoreError> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT seq FROM audit_events WHERE seq = ?1 AND action = 'emergency_access'",
            [use_seq],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(VigilError::new(ErrorCode::NotFound, "No such emergency access.").into()),
    }
}

/// Marks use `use_seq` reviewed by administrator `by` at `now`, with its audit entry; returns
/// the review's id. Errors: `not_found` if it is not a use; `conflict` if already reviewed.
pub fn review(
    tx: &Transaction<'_>,
    use_seq: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    require_use(tx, use_seq)?;
    let reviewed: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM emergency_reviews WHERE use_seq = ?1)",
        [use_seq],
        |r| r.get(0),
    )?;
    if reviewed {
        let message = "This emergency access has already been reviewed.";
        return Err(VigilError::new(ErrorCode::Conflict, message).into());
    }
    tx.execute(
        "INSERT INTO emergency_reviews (use_seq, reviewed_by, reviewed_at_ms) VALUES (?1, ?2, ?3)",
        params![use_seq, by, now.timestamp_millis()],
    )?;
    let id = tx.last_insert_rowid();
    let detail = format!("emergency access #{use_seq} reviewed");
    let entry = Entry::new(Action::EmergencyReview, Some(by))
        .record("emergency_reviews", id)
        .detail(&detail);
    audit::append(tx, now, &entry)?;
    Ok(id)
}
