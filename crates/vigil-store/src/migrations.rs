//! Embedded SQL migrations, applied in order, one transaction each, tracked in
//! `PRAGMA user_version`. A landed migration is never edited: add a new file instead.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Every migration, in order; migration `i` (0-based) moves the schema to version `i + 1`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_recovery_sessions", include_str!("migrations/0001_recovery_sessions.sql")),
    ("0002_alerts", include_str!("migrations/0002_alerts.sql")),
    (
        "0003_protocols_and_admission_details",
        include_str!("migrations/0003_protocols_and_admission_details.sql"),
    ),
    ("0004_form_drafts", include_str!("migrations/0004_form_drafts.sql")),
    ("0005_people_and_audit", include_str!("migrations/0005_people_and_audit.sql")),
    ("0006_checks", include_str!("migrations/0006_checks.sql")),
    ("0007_discharge", include_str!("migrations/0007_discharge.sql")),
    ("0008_rems_channel", include_str!("migrations/0008_rems_channel.sql")),
    ("0009_transfers", include_str!("migrations/0009_transfers.sql")),
    ("0010_notes", include_str!("migrations/0010_notes.sql")),
    ("0011_predose_decisions", include_str!("migrations/0011_predose_decisions.sql")),
    ("0012_readiness_history", include_str!("migrations/0012_readiness_history.sql")),
    ("0013_emergency", include_str!("migrations/0013_emergency.sql")),
    ("0014_alert_raisings", include_str!("migrations/0014_alert_raisings.sql")),
    ("0015_housekeeping", include_str!("migrations/0015_housekeeping.sql")),
    ("0016_display_settings", include_str!("migrations/0016_display_settings.sql")),
    ("0017_session_search", include_str!("migrations/0017_session_search.sql")),
    ("0018_shifts", include_str!("migrations/0018_shifts.sql")),
    ("0019_audit_review", include_str!("migrations/0019_audit_review.sql")),
    ("0020_autostart", include_str!("migrations/0020_autostart.sql")),
];

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The schema version of an open database.
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies every migration newer than the database's version.
///
/// Errors: a migration fails (its transaction rolls back, earlier ones stay), or the
/// database is newer than this binary.
pub fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    apply_up_to(conn, latest_version())
}

/// Applies migrations up to schema version `target` (for upgrade tests).
///
/// Foreign keys are not enforced while a migration runs, but checked before it commits
/// (SQLite's own procedure for schema changes): a table rebuild (0006, 0007, 0009) drops the
/// old table, whose implicit DELETE would count every row pointing at it (an acknowledgement
/// of a firing) as a violation even though the rebuilt table keeps every id.
pub fn apply_up_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > latest_version() {
        return Err(StoreError::SchemaTooNew { found, known: latest_version() });
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    if enforced {
        conn.pragma_update(None, "foreign_keys", false)?;
    }
    let result = apply_each(conn, found, target);
    let restored = if enforced { conn.pragma_update(None, "foreign_keys", true) } else { Ok(()) };
    // A migration that failed says why; turning foreign keys back on failing too is only logged.
    if let (Err(_), Err(e)) = (&result, &restored) {
        tracing::error!("foreign keys could not be turned back on after a failed migration: {e}");
    }
    result?;
    restored?;
    Ok(())
}

fn apply_each(conn: &mut Connection, found: i64, target: i64) -> Result<(), StoreError> {
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate() {
        let to = index as i64 + 1;
        if to <= found || to > target {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
        if broken > 0 {
            return Err(StoreError::Damaged(format!(
                "migration {name} leaves {broken} row(s) pointing at missing rows"
            )));
        }
        tx.pragma_update(None, "user_version", to)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_migration_gives_its_own_error_and_foreign_keys_are_enforced_again() {
        let mut conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; CREATE TABLE recovery_sessions (id INTEGER);",
        )
        .expect("a table in the way of 0001");
        let error = apply(&mut conn).expect_err("0001 cannot create its table");
        assert!(error.to_string().contains("recovery_sessions already exists"), "{error}");
        let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).expect("fk");
        assert!(enforced, "foreign keys are enforced again");
        assert_eq!(version(&conn).expect("version"), 0, "nothing applied");
    }
}
