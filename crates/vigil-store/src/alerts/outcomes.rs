//! What became of each desktop notification (`notification_outcomes`) and the wall-clock jumps
//! the scheduler detected (`clock_jumps`), each with its audit entry.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::NotificationOutcome;

use super::instant;
use crate::audit::{self, Action, Entry};
use crate::StoreError;

/// Records what became of a desktop notification. `detail` must hold no patient data.
pub fn record_outcome(
    tx: &Transaction<'_>,
    firing_id: Option<i64>,
    delivered: bool,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO notification_outcomes (firing_id, outcome, detail, recorded_at_ms) VALUES (?1, ?2, ?3, ?4)",
        params![firing_id, if delivered { "delivered" } else { "failed" }, detail, now.timestamp_millis()],
    )?;
    let entry = Entry::new(Action::NotificationOutcome, None)
        .record("notification_outcomes", tx.last_insert_rowid());
    audit::append(tx, now, &entry)?;
    Ok(())
}

/// The most recent notification outcome, if any.
pub fn last_outcome(conn: &Connection) -> Result<Option<NotificationOutcome>, StoreError> {
    let row = conn
        .query_row(
            "SELECT id, outcome, detail, recorded_at_ms FROM notification_outcomes ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?)),
        )
        .optional()?;
    row.map(|(id, outcome, detail, at)| {
        let at = instant(at).ok_or(StoreError::Corrupt {
            table: "notification_outcomes",
            id,
            what: "recorded_at_ms".into(),
        })?;
        Ok(NotificationOutcome { delivered: outcome == "delivered", detail, at })
    })
    .transpose()
}

/// Records a wall-clock jump of `jump` detected at `now`.
pub fn record_clock_jump(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    jump: Duration,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO clock_jumps (detected_at_ms, jump_ms) VALUES (?1, ?2)",
        params![now.timestamp_millis(), jump.num_milliseconds()],
    )?;
    let entry = Entry::new(Action::ClockJump, None).record("clock_jumps", tx.last_insert_rowid());
    audit::append(tx, now, &entry)?;
    Ok(())
}
