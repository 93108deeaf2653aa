//! Encrypting a plain database in place, on the first start of an encrypting Vigil on older
//! records: the plain file is checked, exported into a new encrypted file beside it, the copy is
//! verified (integrity and the audit chain, whose head must be the plain file's), then swapped in
//! atomically and the plain file's side files removed. The caller holds the writer lock and
//! records the encryption as an audit entry ([`record`]) once the new file is open.
//!
//! A crash at any step leaves either the plain database (with a stray `.encrypting` file,
//! removed by the next attempt) or the encrypted one: never neither.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

use crate::audit::{self, Action, Entry};
use crate::cipher::{self, DbKey, Source};
use crate::integrity::{self, FileCheck};
use crate::StoreError;

/// What the encryption did, for its audit entry.
#[derive(Debug, Clone)]
pub struct Encrypted {
    /// The audit chain's head, the same before and after.
    pub head_seq: i64,
    pub head_hash: String,
    /// The schema version of the plain file.
    pub schema: i64,
}

/// The file the encrypted copy is written to before it takes the database's name.
fn encrypting_path(db: &Path) -> PathBuf {
    with_suffix(db, ".encrypting")
}

fn with_suffix(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Encrypts the plain database at `db` with `key` in place.
///
/// Errors: the plain file fails its quick check (`Damaged`), or its copy does not verify or
/// does not carry the same chain (then nothing is changed and the plain file stays); the files
/// cannot be written.
pub(crate) fn encrypt_in_place(db: &Path, key: &DbKey) -> Result<Encrypted, StoreError> {
    let before = settle_plain(db)?;
    let copy = encrypting_path(db);
    let _ = std::fs::remove_file(&copy);
    cipher::export(db, Source::Plain, &copy, key)?;
    let checked = check_copy(&copy, key, &before);
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&copy);
        return Err(e);
    }
    swap_in(&copy, db)?;
    let (head_seq, head_hash) = before.head;
    Ok(Encrypted { head_seq, head_hash, schema: before.schema })
}

/// Writes the plain file's WAL into it (so the file alone holds every record), checks it, and
/// reads its chain head and schema version.
fn settle_plain(db: &Path) -> Result<Plain, StoreError> {
    let conn = Connection::open(db)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // (busy, frames in the log, frames written back): all written back, or another program
    // still reads the file and removing its WAL later could lose what it holds.
    let (busy, logged, written): (i64, i64, i64) =
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    if busy != 0 || logged != written {
        return Err(StoreError::Pragma(
            "wal_checkpoint",
            "another program has the plain records open: close it and start Vigil again".into(),
        ));
    }
    let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if quick != "ok" {
        return Err(StoreError::Damaged(quick));
    }
    let head = chain_head(&conn)?;
    let schema = crate::migrations::version(&conn)?;
    // The chain's verdict before: the copy must give the same one (a chain an earlier Vigil
    // already found broken is encrypted as it is, not refused).
    let verdict = if head.0 > 0 {
        let status = integrity::verify(&conn, FileCheck::Full, DateTime::UNIX_EPOCH)?;
        Some((status.ok, status.first_bad_seq))
    } else {
        None
    };
    Ok(Plain { head, schema, verdict })
}

/// What the plain file held before its export.
struct Plain {
    head: (i64, String),
    schema: i64,
    verdict: Option<(bool, Option<i64>)>,
}

/// The last audit entry's seq and hash, or (0, "") when there is no trail yet.
fn chain_head(conn: &Connection) -> Result<(i64, String), StoreError> {
    let has_trail: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events')",
        [],
        |r| r.get(0),
    )?;
    if !has_trail {
        return Ok((0, String::new()));
    }
    let head =
        conn.query_row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        });
    match head {
        Ok(head) => Ok(head),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok((0, String::new())),
        Err(e) => Err(e.into()),
    }
}

/// The encrypted copy opens with `key`, passes `PRAGMA integrity_check` and the full chain
/// verification (when the schema has a trail), and ends on the plain file's head.
fn check_copy(copy: &Path, key: &DbKey, before: &Plain) -> Result<(), StoreError> {
    let conn = cipher::open_keyed_read_only(copy, key)?;
    let whole: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if whole != "ok" {
        return Err(StoreError::Damaged(format!("the encrypted copy: {whole}")));
    }
    if chain_head(&conn)? != before.head {
        return Err(StoreError::Damaged("the encrypted copy ends on another audit entry".into()));
    }
    if let Some(verdict) = before.verdict {
        let status = integrity::verify(&conn, FileCheck::Full, DateTime::UNIX_EPOCH)?;
        if (status.ok, status.first_bad_seq) != verdict {
            let why = status.problem.unwrap_or_default();
            return Err(StoreError::Damaged(format!(
                "the encrypted copy's chain does not verify as the plain file's did: {why}"
            )));
        }
    }
    Ok(())
}

/// Syncs the copy, renames it over the database (atomic), syncs the folder, and removes the
/// plain file's `-wal` (empty after the checkpoint) and `-shm`, which must never be applied to
/// the encrypted file.
fn swap_in(copy: &Path, db: &Path) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |e| StoreError::Io(path, e)
    };
    std::fs::File::open(copy).and_then(|f| f.sync_all()).map_err(io(copy))?;
    for suffix in ["-wal", "-shm"] {
        let side = with_suffix(db, suffix);
        match std::fs::remove_file(&side) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&side)(e)),
            _ => {}
        }
    }
    std::fs::rename(copy, db).map_err(io(db))?;
    if let Some(dir) = db.parent() {
        std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))?;
    }
    Ok(())
}

/// The audit entry of the encryption, in the encrypted file.
pub(crate) fn record(
    tx: &rusqlite::Transaction<'_>,
    done: &Encrypted,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let version = cipher::cipher_version().unwrap_or_else(|_| "unknown".into());
    let detail = format!(
        "the plain database (schema {}) was encrypted with SQLCipher {version}; the chain ended on entry {} {} before and after",
        done.schema, done.head_seq, done.head_hash
    );
    audit::append(tx, now, &Entry::new(Action::RecordsEncrypted, None).detail(&detail))?;
    Ok(())
}

#[cfg(test)]
#[path = "upgrade_tests.rs"]
mod tests;
