//! Plain (unencrypted) databases as earlier Vigils left them, at any schema version, holding the
//! fictional records that version could hold, each with its audit entry once the trail exists
//! (schema 5): for the upgrade-to-encryption and plain-backup tests. Fictional data only.
#![allow(dead_code)] // each test file compiles this module; not all of them use every part

use rusqlite::{Connection, Transaction};
use std::path::Path;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::Role;
use vigil_store::audit::{self, Action, Entry, RecordRef};
use vigil_store::{migrations, nurses, protocols, sessions, StoreError};

use crate::common::{self, iv_admission, now};

/// The fictional patient's name, chart number and date of birth: none of them may be readable
/// in an encrypted file.
pub const NAME: &str = "Testy McTestface";
pub const CHART: &str = "UPG-CHART-4711";
pub const DOB: &str = "1980-02-29";

/// The schema that brought the audit trail.
const TRAIL: i64 = 5;

type Write = fn(&Transaction<'_>, i64) -> Result<(), StoreError>;

/// What a database at a schema holds: (first schema, last schema, what, how it is written), in
/// the order written.
const ROWS: &[(i64, i64, &str, Write)] = &[
    (1, 2, "a session (schema 1's columns)", session_v1),
    (3, TRAIL - 1, "a session with chart number and date of birth", session_v3),
    (TRAIL, i64::MAX, "the protocols' first versions", seeds),
    (TRAIL, i64::MAX, "an administrator account", account),
    (TRAIL, i64::MAX, "an admission", admission),
    (2, i64::MAX, "its minimum alert fired and acknowledged", alert),
    (6, i64::MAX, "a check", check),
];

/// Writes a plain database at `path` at schema `version`, in WAL mode, holding every row of
/// [`ROWS`] that schema allows (one transaction); returns the connection still open, so its
/// WAL is not yet written back into the file.
pub fn plain_at(path: &Path, version: i64) -> Connection {
    nurses::use_test_pin_cost();
    let mut conn = Connection::open(path).expect("plain file");
    let mode: String =
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("journal mode");
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "foreign_keys", true).expect("foreign keys");
    migrations::apply_up_to(&mut conn, version).expect("schema");
    let tx = conn.transaction().expect("tx");
    for (from, to, what, write) in ROWS {
        if (*from..=*to).contains(&version) {
            write(&tx, version).unwrap_or_else(|e| panic!("schema {version}, {what}: {e}"));
        }
    }
    tx.commit().expect("commit");
    conn
}

/// Appends the entry of `records` when the schema has a trail.
fn audited(
    tx: &Transaction<'_>,
    version: i64,
    entry: Entry<'_>,
    records: &[RecordRef],
) -> Result<(), StoreError> {
    if version >= TRAIL {
        let mut entry = entry;
        entry.records = records.to_vec();
        audit::append(tx, now(), &entry)?;
    }
    Ok(())
}

fn at_ms() -> i64 {
    (now() - chrono::Duration::minutes(10)).timestamp_millis()
}

fn session_v1(tx: &Transaction<'_>, _: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO recovery_sessions
            (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms)
         VALUES (?1, 'Bay 9', 'iv_ketamine', 60, ?2, ?2)",
        rusqlite::params![NAME, at_ms()],
    )?;
    Ok(())
}

fn session_v3(tx: &Transaction<'_>, _: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO recovery_sessions
            (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms,
             chart_number, date_of_birth, dose_mg, weight_kg, note)
         VALUES (?1, 'Bay 9', 'iv_ketamine', 60, ?2, ?2, ?3, ?4, 35.0, 70.0, '')",
        rusqlite::params![NAME, at_ms(), CHART, DOB],
    )?;
    Ok(())
}

fn seeds(tx: &Transaction<'_>, _: i64) -> Result<(), StoreError> {
    protocols::seed_defaults(tx, now())
}

fn account(tx: &Transaction<'_>, _: i64) -> Result<(), StoreError> {
    let new = NewNurse {
        display_name: "Test Nurse".into(),
        credentials: "RN".into(),
        role: Role::Admin,
        pin: Pin::parse(common::PIN, "pin")?,
    };
    assert_eq!(nurses::create(tx, &new, None, now())?, common::NURSE);
    Ok(())
}

fn admission(tx: &Transaction<'_>, _: i64) -> Result<(), StoreError> {
    let admission = vigil_core::Admission {
        patient_name: NAME.into(),
        chart_number: CHART.into(),
        ..iv_admission("Bay 9", 10)
    };
    sessions::insert(tx, &admission, common::NURSE, now())?;
    Ok(())
}

/// Written as raw rows in the columns every schema since 2 has (the store's own alert code
/// writes columns of later schemas).
fn alert(tx: &Transaction<'_>, version: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms)
         VALUES (1, 'minimum_reached', ?1, ?1)",
        [at_ms()],
    )?;
    let firing = tx.last_insert_rowid();
    audited(tx, version, Entry::new(Action::AlertFired, None), &[("alert_firings", firing)])?;
    let by = (version >= TRAIL).then_some(common::NURSE);
    let sql = if version >= TRAIL {
        "INSERT INTO alert_acknowledgements (firing_id, acknowledged_at_ms, acknowledged_by)
         VALUES (?1, ?2, ?3)"
    } else {
        "INSERT INTO alert_acknowledgements (firing_id, acknowledged_at_ms) VALUES (?1, ?2)"
    };
    let at = now().timestamp_millis();
    match by {
        Some(by) => tx.execute(sql, rusqlite::params![firing, at, by])?,
        None => tx.execute(sql, rusqlite::params![firing, at])?,
    };
    let ack = tx.last_insert_rowid();
    let entry = Entry::new(Action::Acknowledge, by);
    audited(tx, version, entry, &[("alert_acknowledgements", ack)])
}

/// A check row as `checks::record` writes it (whose own path reads tables of later schemas).
fn check(tx: &Transaction<'_>, version: i64) -> Result<(), StoreError> {
    let check = common::observation(1, now() - chrono::Duration::minutes(5), 124, 78);
    let data = serde_json::to_string(&check).expect("check as JSON");
    tx.execute(
        "INSERT INTO checks (session_id, purpose, observed_at_ms, recorded_at_ms, recorded_by, data)
         VALUES (1, 'observation', ?1, ?2, ?3, ?4)",
        rusqlite::params![
            check.observed_at.timestamp_millis(),
            now().timestamp_millis(),
            common::NURSE,
            data
        ],
    )?;
    let id = tx.last_insert_rowid();
    audited(tx, version, Entry::new(Action::RecordCheck, Some(common::NURSE)), &[("checks", id)])
}

/// Rows per table of every table that exists among `tables`.
pub fn counts(conn: &Connection, tables: &[&str]) -> Vec<(String, i64)> {
    tables
        .iter()
        .filter(|t| table_exists(conn, t))
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect("count");
            (t.to_string(), n)
        })
        .collect()
}

pub fn table_exists(conn: &Connection, table: &str) -> bool {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )
    .expect("schema")
}

/// The audit entries' hashes in order (empty before the trail).
pub fn chain(conn: &Connection) -> Vec<String> {
    if !table_exists(conn, "audit_events") {
        return Vec::new();
    }
    let mut stmt = conn.prepare("SELECT hash FROM audit_events ORDER BY seq").expect("chain");
    let hashes = stmt.query_map([], |r| r.get(0)).expect("rows");
    hashes.collect::<Result<_, _>>().expect("hashes")
}

/// Every file under `dir` (recursively) holding one of the fictional patient's identifiers,
/// with the identifier found.
pub fn files_naming_the_patient(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(files_naming_the_patient(&path));
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        for needle in [NAME, CHART, DOB] {
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(format!("{} holds {needle:?}", path.display()));
            }
        }
    }
    found
}
