//! Encryption at rest (SQLCipher): the database key, applying it to a connection, telling a
//! plain SQLite file from an encrypted one, and the file-to-file conversions the upgrade, the
//! backups and a new recovery key need (`sqlcipher_export` into an attached file).
//!
//! The key is 32 random bytes used as SQLCipher's raw key (`x'…'`): no passphrase, so no key
//! derivation on open. It never appears in a log, an error or a `Debug` output.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use rusqlite::Connection;
use std::io::Read;
use std::path::Path;

use crate::{file_modes, migrations, StoreError};

/// The first 16 bytes of every plain SQLite database file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A database key: 32 random bytes, zeroed when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct DbKey([u8; 32]);

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

impl Drop for DbKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl DbKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as 64 lowercase hex characters (how the keystore and the key file hold it).
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads 64 hex characters (surrounding whitespace ignored); `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Self(bytes))
    }

    /// The value of `PRAGMA key` / `rekey` / `ATTACH … KEY`: a raw key literal.
    pub(crate) fn literal(&self) -> String {
        format!("\"x'{}'\"", self.to_hex())
    }

    /// Keys `conn` (must be its first statement) and proves the key opens the file: a wrong
    /// key, or a file that is not a database, is [`StoreError::WrongKey`].
    pub fn apply(&self, conn: &Connection) -> Result<(), StoreError> {
        // SQLCipher's own log goes to stderr (a wrong key prints "hmac check failed"): the
        // error Vigil returns says it, in words.
        conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
        conn.execute_batch(&format!("PRAGMA key = {};", self.literal()))?;
        readable(conn)
    }
}

/// Reads the schema, which needs page 1: SQLite answers "file is not a database" when the key
/// does not decrypt it.
fn readable(conn: &Connection) -> Result<(), StoreError> {
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(StoreError::WrongKey)
        }
        Err(e) => Err(e.into()),
    }
}

/// What is at a database path, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// No file.
    Missing,
    /// A file of zero bytes (SQLite treats it as a new database).
    Empty,
    /// A plain (unencrypted) SQLite database.
    Plain,
    /// Anything else: an encrypted database (or a file that is not a database at all).
    Encrypted,
}

/// Tells what is at `path` without opening it as a database.
pub fn file_kind(path: &Path) -> Result<FileKind, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => return Err(StoreError::Io(path.to_owned(), e)),
    };
    let mut head = Vec::with_capacity(16);
    (&mut file).take(16).read_to_end(&mut head).map_err(|e| StoreError::Io(path.to_owned(), e))?;
    Ok(match head.as_slice() {
        [] => FileKind::Empty,
        h if h == PLAIN_HEADER => FileKind::Plain,
        _ => FileKind::Encrypted,
    })
}

/// The SQLCipher version this binary carries (`PRAGMA cipher_version`).
pub fn cipher_version() -> Result<String, StoreError> {
    let conn = Connection::open_in_memory()?;
    Ok(conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))?)
}

/// How to open the source of a conversion: plain, or with its key.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    Plain,
    Keyed(&'a DbKey),
}

/// Writes a copy of the database at `src` to a new file `dst` encrypted with `key`, through
/// `sqlcipher_export` (every table, index, trigger and the schema version), as one file in
/// rollback-journal mode. `dst` must not exist; on failure it is removed. The source is only
/// read. The copy is not yet verified: the caller checks it before it counts.
///
/// Errors: `WrongKey` when `src`'s key does not open it; the file cannot be read or written.
pub fn export(src: &Path, from: Source<'_>, dst: &Path, key: &DbKey) -> Result<(), StoreError> {
    if dst.exists() {
        return Err(StoreError::Io(
            dst.to_owned(),
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the target exists"),
        ));
    }
    let result = export_into(src, from, dst, key);
    if result.is_err() {
        let _ = std::fs::remove_file(dst);
    }
    result
}

fn export_into(src: &Path, from: Source<'_>, dst: &Path, key: &DbKey) -> Result<(), StoreError> {
    // The connection must be read-write for the attached target; the source alone is opened
    // read-only, through its URI.
    let conn = Connection::open_with_flags(
        read_only_uri(src)?,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
            | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
            | rusqlite::OpenFlags::SQLITE_OPEN_URI
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    match from {
        Source::Plain => readable(&conn)?,
        Source::Keyed(k) => k.apply(&conn)?,
    }
    let version = migrations::version(&conn)?;
    file_modes::private_file(dst).map_err(|e| StoreError::Io(dst.to_owned(), e))?;
    let target = dst.to_str().ok_or_else(|| {
        StoreError::Io(
            dst.to_owned(),
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "path is not UTF-8"),
        )
    })?;
    conn.execute("ATTACH DATABASE ?1 AS vigil_export KEY ?2", [target, &key.literal_value()])?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('vigil_export')", [], |_| Ok(()))
        .map_err(StoreError::from)
        .and_then(|()| {
            conn.execute_batch(&format!("PRAGMA vigil_export.user_version = {version};"))?;
            Ok(())
        });
    let detached = conn.execute_batch("DETACH DATABASE vigil_export;");
    exported?;
    detached?;
    Ok(())
}

impl DbKey {
    /// The key literal as a bound value for `ATTACH … KEY ?`.
    fn literal_value(&self) -> String {
        format!("x'{}'", self.to_hex())
    }
}

/// Proves `key` opens the encrypted file at `path` without writing anything: page 1 is read
/// through an `immutable` read-only connection, which neither replays nor checkpoints a WAL
/// left beside it (a read-write connection that closes would checkpoint it, key or not).
///
/// Errors: `WrongKey` when the key does not decrypt it.
pub fn check_key(path: &Path, key: &DbKey) -> Result<(), StoreError> {
    let uri = read_only_uri(path)?.replace("?mode=ro", "?mode=ro&immutable=1");
    let conn = Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            | rusqlite::OpenFlags::SQLITE_OPEN_URI
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    key.apply(&conn)
}

/// `file:<path>?mode=ro`, with the characters a URI gives meaning to escaped.
fn read_only_uri(path: &Path) -> Result<String, StoreError> {
    let text = path.to_str().ok_or_else(|| {
        StoreError::Io(
            path.to_owned(),
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "path is not UTF-8"),
        )
    })?;
    let mut uri = String::from("file:");
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=ro");
    Ok(uri)
}

/// Opens an encrypted copy read-only with `key` (for checking a conversion or a backup).
pub fn open_keyed_read_only(path: &Path, key: &DbKey) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    key.apply(&conn)?;
    Ok(conn)
}

/// Opens a database file read-write with `key` (no pragmas, no lock: for conversions and
/// backup copies, never the live records).
pub fn open_keyed(path: &Path, key: &DbKey) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    key.apply(&conn)?;
    Ok(conn)
}

#[cfg(test)]
#[path = "cipher_tests.rs"]
mod tests;
