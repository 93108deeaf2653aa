//! Opening the store: as the one writer (creating the file, keying it, the pragmas, the quick
//! check, migrations; a plain file refused or encrypted first), with a writer lock taken before,
//! or read-only beside a running app.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use crate::opening::{configure, created_at_for_seed, make_private, quick_check};
use crate::{
    audit, cipher, migrations, protocols, upgrade, DbKey, Store, StoreError, WriterLock,
    AUDIT_SCHEMA_VERSION, DB_FILE_NAME,
};

impl Store {
    /// Opens (creating if needed) the database at `path`, encrypted with `key`, as its one
    /// writer: takes the lock file beside it, keys the connection, sets the pragmas, runs
    /// `PRAGMA quick_check`, applies pending migrations.
    ///
    /// Errors: `InUse` when another process holds the database; `NotEncrypted` for a plain
    /// SQLite file ([`Store::open_upgrading`] encrypts it); `WrongKey` when `key` does not open
    /// the file; the file cannot be opened or created, fails its quick check, is not a Vigil
    /// database, or was written by a newer Vigil.
    pub fn open(path: &Path, key: &DbKey) -> Result<Self, StoreError> {
        Self::open_at(path, key, chrono::DateTime::UNIX_EPOCH)
    }

    /// [`Store::open`], stamping any entries the upgrade writes (baseline) with `now`.
    pub fn open_at(
        path: &Path,
        key: &DbKey,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Self, StoreError> {
        Self::open_with(path, key, now, false)
    }

    /// [`Store::open_at`], first encrypting a plain (unencrypted) database found at `path` in
    /// place ([`upgrade`]): the first start of an encrypting Vigil on older records. The
    /// encryption is the newest audit entry.
    pub fn open_upgrading(
        path: &Path,
        key: &DbKey,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Self, StoreError> {
        Self::open_with(path, key, now, true)
    }

    /// [`Store::open_at`] with the writer `lock` already taken ([`WriterLock::take`]), held
    /// since before the key was read or made (start-up); the store keeps it.
    ///
    /// Errors: `Io` when `lock` is another database's; then as [`Store::open`].
    pub fn open_at_locked(
        lock: WriterLock,
        path: &Path,
        key: &DbKey,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Self, StoreError> {
        Self::open_locked(lock, path, key, now, false)
    }

    /// [`Store::open_upgrading`] with the writer `lock` already taken, as
    /// [`Store::open_at_locked`].
    pub fn open_upgrading_locked(
        lock: WriterLock,
        path: &Path,
        key: &DbKey,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Self, StoreError> {
        Self::open_locked(lock, path, key, now, true)
    }

    fn open_with(
        path: &Path,
        key: &DbKey,
        now: chrono::DateTime<chrono::Utc>,
        upgrade_plain: bool,
    ) -> Result<Self, StoreError> {
        Self::open_locked(WriterLock::take(path)?, path, key, now, upgrade_plain)
    }

    fn open_locked(
        lock: WriterLock,
        path: &Path,
        key: &DbKey,
        now: chrono::DateTime<chrono::Utc>,
        upgrade_plain: bool,
    ) -> Result<Self, StoreError> {
        if !lock.is_for(path) {
            let other = std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the writer lock given is another database's",
            );
            return Err(StoreError::Io(path.to_owned(), other));
        }
        let encrypted = match cipher::file_kind(path)? {
            cipher::FileKind::Plain if upgrade_plain => Some(upgrade::encrypt_in_place(path, key)?),
            cipher::FileKind::Plain => return Err(StoreError::NotEncrypted),
            cipher::FileKind::Encrypted => {
                cipher::check_key(path, key)?;
                None
            }
            cipher::FileKind::Missing | cipher::FileKind::Empty => None,
        };
        make_private(path)?;
        let mut conn = Connection::open(path)?;
        key.apply(&conn)?;
        configure(&conn)?;
        quick_check(&conn)?;
        let before = migrations::version(&conn)?;
        migrations::apply(&mut conn)?;
        let store = Self {
            conn: Mutex::new(conn),
            path: path.to_owned(),
            _lock: Some(lock),
            health: Default::default(),
            emergency_use: Default::default(),
            key: Mutex::new(key.clone()),
        };
        store.with_tx(|tx| {
            if before > 0 && before < AUDIT_SCHEMA_VERSION {
                audit::baseline(tx, now)?;
            }
            if let Some(done) = &encrypted {
                upgrade::record(tx, done, now)?;
            }
            protocols::seed_defaults(tx, created_at_for_seed())
        })?;
        Ok(store)
    }

    /// Opens an existing encrypted database for reading only, without the writer lock (so it
    /// works while the app runs): for `vigil verify` and `vigil backup`.
    pub fn open_read_only(path: &Path, key: &DbKey) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Io(
                path.to_owned(),
                std::io::Error::new(std::io::ErrorKind::NotFound, "no database here"),
            ));
        }
        if cipher::file_kind(path)? == cipher::FileKind::Plain {
            return Err(StoreError::NotEncrypted);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        key.apply(&conn)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(Self {
            conn: Mutex::new(conn),
            path: path.to_owned(),
            _lock: None,
            health: Default::default(),
            emergency_use: Default::default(),
            key: Mutex::new(key.clone()),
        })
    }

    /// Opens `DB_FILE_NAME` inside `dir`.
    pub fn open_in(dir: &Path, key: &DbKey) -> Result<Self, StoreError> {
        Self::open(&dir.join(DB_FILE_NAME), key)
    }
}
