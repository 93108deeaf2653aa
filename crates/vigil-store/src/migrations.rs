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
pub fn apply_up_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found > latest_version() {
        return Err(StoreError::SchemaTooNew { found, known: latest_version() });
    }
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let to = index as i64 + 1;
        if to <= found || to > target {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", to)?;
        tx.commit()?;
    }
    Ok(())
}
