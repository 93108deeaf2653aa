//! Accounts: `nurses` (who), `nurse_pins` (the PIN's argon2 hash, latest in force) and
//! `nurse_status` (active or not, latest in force). Nothing here is updated or deleted.
//! Each function writes its one audit entry in the caller's transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::people::{NewNurse, Pin};
use vigil_core::{ErrorCode, Nurse, Role, VigilError};

use crate::audit::{self, Action, Entry};
use crate::StoreError;

mod pin_hash;
pub use pin_hash::{
    current_cost, hash_at, use_test_pin_cost, PinCost, StoredPin, PIN_COST, TEST_PIN_COST,
};

/// Creates an account (active, with its PIN); `by` is the admin creating it (`None` for the
/// first administrator). Errors: `conflict` when the same name and credentials exist.
pub fn create(
    tx: &Transaction<'_>,
    new: &NewNurse,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let exists: Option<i64> = tx
        .query_row(
            "SELECT id FROM nurses WHERE display_name = ?1 AND credentials = ?2",
            params![new.display_name, new.credentials],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Err(VigilError::new(
            ErrorCode::Conflict,
            "An account with this name and credentials exists already.",
        )
        .into());
    }
    let at = now.timestamp_millis();
    tx.execute(
        "INSERT INTO nurses (display_name, credentials, role, created_at_ms, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![new.display_name, new.credentials, new.role.as_str(), at, by],
    )?;
    let id = tx.last_insert_rowid();
    let pin_id = insert_pin(tx, id, &new.pin, by, now)?;
    tx.execute(
        "INSERT INTO nurse_status (nurse_id, active, changed_at_ms, changed_by) VALUES (?1, 1, ?2, ?3)",
        params![id, at, by],
    )?;
    let status_id = tx.last_insert_rowid();
    let detail = format!("account #{id}, role {}", new.role.as_str());
    let entry = Entry::new(Action::AccountCreate, by)
        .record("nurses", id)
        .record("nurse_pins", pin_id)
        .record("nurse_status", status_id)
        .detail(&detail);
    audit::append(tx, now, &entry)?;
    Ok(id)
}

/// Sets a new PIN for `nurse_id`. Errors: `not_found`.
pub fn reset_pin(
    tx: &Transaction<'_>,
    nurse_id: i64,
    pin: &Pin,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    get(tx, nurse_id)?;
    let pin_id = insert_pin(tx, nurse_id, pin, Some(by), now)?;
    let detail = format!("account #{nurse_id}");
    let entry = Entry::new(Action::PinReset, Some(by)).record("nurse_pins", pin_id).detail(&detail);
    audit::append(tx, now, &entry)?;
    Ok(())
}

/// Activates or deactivates `nurse_id`. Errors: `not_found`; `conflict` when it is already so,
/// or when it would leave no active administrator.
pub fn set_active(
    tx: &Transaction<'_>,
    nurse_id: i64,
    active: bool,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let nurse = get(tx, nurse_id)?;
    if nurse.active == active {
        let state = if active { "active" } else { "deactivated" };
        return Err(VigilError::new(
            ErrorCode::Conflict,
            format!("The account is already {state}."),
        )
        .into());
    }
    let admins = all(tx)?.iter().filter(|n| n.active && n.role == Role::Admin).count();
    if !active && nurse.role == Role::Admin && admins <= 1 {
        return Err(VigilError::new(
            ErrorCode::Conflict,
            "This is the last active administrator; add another before deactivating it.",
        )
        .into());
    }
    tx.execute(
        "INSERT INTO nurse_status (nurse_id, active, changed_at_ms, changed_by) VALUES (?1, ?2, ?3, ?4)",
        params![nurse_id, active, now.timestamp_millis(), by],
    )?;
    let status_id = tx.last_insert_rowid();
    let detail =
        format!("account #{nurse_id} {}", if active { "reactivated" } else { "deactivated" });
    let entry = Entry::new(Action::AccountStatus, Some(by))
        .record("nurse_status", status_id)
        .detail(&detail);
    audit::append(tx, now, &entry)?;
    Ok(())
}

/// One account. Errors: `not_found`.
pub fn get(conn: &Connection, id: i64) -> Result<Nurse, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE n.id = ?1"))?;
    let found = stmt.query_row([id], read).optional()?;
    found
        .ok_or_else(|| VigilError::not_found("That account does not exist.").into())
        .and_then(|n| n)
}

/// Every account, by name.
pub fn all(conn: &Connection) -> Result<Vec<Nurse>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY n.display_name, n.id"))?;
    let rows = stmt.query_map([], read)?;
    rows.map(|r| r?).collect()
}

/// Whether any account exists (the first start creates one).
pub fn any(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM nurses)", [], |r| r.get(0))?)
}

/// Whether `pin` is the PIN in force for `nurse_id` (argon2: up to 250 ms, holding `conn`;
/// the app reads [`stored_pin`] and checks it outside the connection instead).
pub fn pin_matches(conn: &Connection, nurse_id: i64, pin: &Pin) -> Result<bool, StoreError> {
    stored_pin(conn, nurse_id)?.map_or(Ok(false), |stored| stored.matches(pin))
}

/// The PIN hash in force for `nurse_id` (`None` when it has none).
pub fn stored_pin(conn: &Connection, nurse_id: i64) -> Result<Option<StoredPin>, StoreError> {
    let hash: Option<String> = conn
        .query_row(
            "SELECT pin_hash FROM nurse_pins WHERE nurse_id = ?1 ORDER BY id DESC LIMIT 1",
            [nurse_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(hash.map(|hash| StoredPin { nurse_id, hash }))
}

/// A new salted hash of `pin` at the current cost (costly: make it outside a transaction).
pub fn hash_pin(pin: &Pin) -> Result<String, StoreError> {
    pin_hash::hash(pin)
}

/// Stores `nurse_id`'s unchanged PIN again as `hash` (made by [`hash_pin`] at the current cost,
/// after the PIN was checked against an outdated hash); returns the `nurse_pins` row. Writes
/// no entry: the caller's sign-in entry names the row, in the same transaction.
pub fn store_upgraded_pin(
    tx: &Transaction<'_>,
    nurse_id: i64,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO nurse_pins (nurse_id, pin_hash, set_at_ms, set_by) VALUES (?1, ?2, ?3, ?1)",
        params![nurse_id, hash, now.timestamp_millis()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Wrong PINs for `nurse_id` since its last successful sign-in or PIN change, and when the
/// last one was.
pub fn failures(
    conn: &Connection,
    nurse_id: i64,
) -> Result<(u32, Option<DateTime<Utc>>), StoreError> {
    let (count, last): (u32, Option<i64>) = conn.query_row(
        "SELECT count(*), max(at_ms) FROM audit_events
         WHERE nurse_id = ?1 AND action = 'sign_in_failed'
           AND seq > coalesce((SELECT max(seq) FROM audit_events WHERE nurse_id = ?1
                               AND action IN ('sign_in', 'unlock', 'switch_nurse')), 0)
           AND at_ms >= coalesce((SELECT max(set_at_ms) FROM nurse_pins WHERE nurse_id = ?1), 0)",
        [nurse_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((count, last.and_then(vigil_core::instant::from_millis)))
}

fn insert_pin(
    tx: &Transaction<'_>,
    nurse_id: i64,
    pin: &Pin,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let hash = pin_hash::hash(pin)?;
    tx.execute(
        "INSERT INTO nurse_pins (nurse_id, pin_hash, set_at_ms, set_by) VALUES (?1, ?2, ?3, ?4)",
        params![nurse_id, hash, now.timestamp_millis(), by],
    )?;
    Ok(tx.last_insert_rowid())
}

const SELECT: &str = "SELECT n.id, n.display_name, n.credentials, n.role,
    (SELECT active FROM nurse_status s WHERE s.nurse_id = n.id ORDER BY s.id DESC LIMIT 1)
    FROM nurses n";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Nurse, StoreError>> {
    let id: i64 = r.get(0)?;
    let (display_name, credentials, role): (String, String, String) =
        (r.get(1)?, r.get(2)?, r.get(3)?);
    let active: Option<bool> = r.get(4)?;
    Ok(Role::parse(&role)
        .map(|role| Nurse { id, display_name, credentials, role, active: active.unwrap_or(false) })
        .ok_or(StoreError::Corrupt { table: "nurses", id, what: "role".into() }))
}
