//! Opening the records at start (and again on "Try the keystore again"): what is in the data
//! directory decides. No database and no `key-home` is the first start (nothing is created
//! until the person chooses); plain records of an earlier Vigil with no key home get a new key
//! kept in the keystore, then are encrypted in place; otherwise the key comes from the key
//! home. A key problem, a key that does not open the records, a damaged or unusable file each
//! become a [`Pending`] problem and write nothing (the one exception: the new key of plain
//! records is kept before they are encrypted, so that encrypted records always have a key).
//!
//! First of all the records' writer lock is taken ([`WriterLock`]; at a first start that makes
//! the data directory and its lock file, which holds only the process id) and held through
//! recovery mode until the store owns it: a second Vigil leaves before it reads, makes or keeps
//! a key, so two launches at once never each keep a key for the same records.

use std::path::{Path, PathBuf};
use vigil_core::startup::StartupKind;
use vigil_store::backup::{self, safe_restore};
use vigil_store::cipher::{self, FileKind};
use vigil_store::{DbKey, Store, StoreError, WriterLock, DB_FILE_NAME};

use super::Pending;
use crate::key_home::{self, KeyProblem, HOME_FILE};
use crate::state::{AppState, SystemClock};

/// Why the records were not opened at start.
#[derive(Debug)]
pub enum NotOpened {
    /// Another Vigil holds them (its process id when known).
    InUse(Option<u32>),
    /// Recovery mode, for this problem.
    Pending(Pending),
}

/// Opens the records in `dir` as start-up does, first taking their writer lock (held by the
/// opened store, or by the [`Pending`] problem through recovery mode).
pub fn open_at_start(dir: &Path) -> Result<AppState, NotOpened> {
    // A second copy leaves before it asks the keystore for anything.
    match WriterLock::take(&dir.join(DB_FILE_NAME)) {
        Ok(lock) => open_locked(lock, dir),
        Err(StoreError::InUse { holder }) => Err(NotOpened::InUse(holder)),
        Err(e) => {
            tracing::error!("the writer lock cannot be taken: {e}");
            Err(NotOpened::Pending(unusable(None, dir, None, &e)))
        }
    }
}

/// [`open_at_start`] with the writer lock held (also "Try the keystore again").
pub fn open_locked(lock: WriterLock, dir: &Path) -> Result<AppState, NotOpened> {
    let db = dir.join(DB_FILE_NAME);
    let kind = match cipher::file_kind(&db) {
        Ok(kind) => kind,
        Err(e) => return Err(NotOpened::Pending(unusable(Some(lock), dir, None, &e))),
    };
    if !dir.join(HOME_FILE).exists() {
        match kind {
            FileKind::Missing | FileKind::Empty => return Err(first_start(lock, dir)),
            FileKind::Plain => return encrypt_plain_records(lock, dir),
            FileKind::Encrypted => {}
        }
    }
    match key_home::load(dir) {
        Ok(key) => open_with_key(lock, dir, key),
        Err(p) => Err(NotOpened::Pending(key_problem(lock, dir, &p))),
    }
}

/// Opens the records in `dir` with `key` (plain ones are encrypted first) and their writer
/// `lock`, then re-encrypts the plain backups left in the default and the clinic's backup
/// folders.
pub fn open_with_key(lock: WriterLock, dir: &Path, key: DbKey) -> Result<AppState, NotOpened> {
    match AppState::open(lock.clone(), dir, &key) {
        Ok(state) => {
            encrypt_plain_backups(&state);
            Ok(state)
        }
        Err(StoreError::InUse { holder }) => Err(NotOpened::InUse(holder)),
        Err(StoreError::WrongKey) => Err(NotOpened::Pending(wrong_key(lock, dir, key))),
        Err(other) => {
            tracing::error!("the database cannot be opened: {other}");
            Err(NotOpened::Pending(unusable(Some(lock), dir, Some(key), &other)))
        }
    }
}

/// The plain backups of the default and the clinic's folders, encrypted to the records' key.
fn encrypt_plain_backups(state: &AppState) {
    let mut folders = vec![state.store.default_backup_folder()];
    folders.extend(state.backup_folder().ok());
    let key = state.store.key();
    let dir = state.store.path().parent().unwrap_or(Path::new(".")).to_owned();
    // On a thread of its own: many old backups must not hold up the window.
    let spawned = std::thread::Builder::new().name("vigil-encrypt-plain".into()).spawn(move || {
        let now = vigil_core::Clock::now(&SystemClock);
        let converted = crate::backup_keys::encrypt_plain(&folders, &key, now);
        if converted.done > 0 || !converted.left.is_empty() {
            tracing::info!(
                "plain backups encrypted: {}; left plain: {}",
                converted.done,
                converted.left.len()
            );
        }
        // Damaged databases an earlier Vigil set aside in the data directory, plain too.
        let set_aside = crate::backup_keys::damaged::encrypt_set_aside(&dir, &key, now);
        if set_aside.done > 0 || !set_aside.left.is_empty() {
            tracing::info!(
                "plain databases set aside encrypted: {}; left plain: {}",
                set_aside.done,
                set_aside.left.len()
            );
        }
    });
    match spawned {
        Ok(handle) => PLAIN_BACKUP_WORK.lock().unwrap_or_else(|e| e.into_inner()).push(handle),
        Err(e) => tracing::error!("the plain backups could not be encrypted now: {e}"),
    }
}

/// The threads encrypting plain backups (one a start), finished or not; they are never
/// joined by the app.
static PLAIN_BACKUP_WORK: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> =
    std::sync::Mutex::new(Vec::new());

/// Waits until the plain backups of every start so far are encrypted (tests).
#[cfg(test)]
pub fn wait_for_plain_backups() {
    let handles = std::mem::take(&mut *PLAIN_BACKUP_WORK.lock().unwrap_or_else(|e| e.into_inner()));
    for handle in handles {
        let _ = handle.join();
    }
}

/// Plain records with no key home (an earlier Vigil's): a new key, kept in the keystore, then
/// the records encrypted with it. No keystore: recovery mode, nothing written.
fn encrypt_plain_records(lock: WriterLock, dir: &Path) -> Result<AppState, NotOpened> {
    let key = DbKey::generate();
    if let Err(p) = key_home::store(dir, &key, &super::key_files::plain_records_home()) {
        tracing::warn!("the new key of the plain records could not be kept: {p}");
        let reason = format!(
            "These records were kept without encryption by an earlier Vigil and are to be \
             encrypted now, but the key could not be kept: {} Or choose Keep the key in a file \
             (weaker).",
            p.message()
        );
        let kind = kind_of(&p);
        let lock = Some(lock);
        return Err(NotOpened::Pending(Pending {
            dir: dir.to_owned(),
            kind,
            reason,
            key: None,
            lock,
        }));
    }
    tracing::info!("plain records found: a new key is kept for them");
    open_with_key(lock, dir, key)
}

fn first_start(lock: WriterLock, dir: &Path) -> NotOpened {
    let reason = format!(
        "There are no records in {} yet. Start new records, or open existing records (a copied \
         Vigil database or a backup) with their recovery key.",
        dir.display()
    );
    NotOpened::Pending(Pending {
        dir: dir.to_owned(),
        kind: StartupKind::FirstStart,
        reason,
        key: None,
        lock: Some(lock),
    })
}

/// The start-up kind of a key problem.
pub fn kind_of(problem: &KeyProblem) -> StartupKind {
    match problem {
        KeyProblem::NoKeystore(_) => StartupKind::NoKeystore,
        KeyProblem::NoEntry | KeyProblem::Garbled(_) => StartupKind::NoKeyEntry,
        KeyProblem::KeyFileMissing(_)
        | KeyProblem::KeyFileUnsafe(..)
        | KeyProblem::KeyFileGarbled(_)
        | KeyProblem::NotWritten(..) => StartupKind::KeyFile,
    }
}

fn key_problem(lock: WriterLock, dir: &Path, problem: &KeyProblem) -> Pending {
    tracing::warn!("the key of the records could not be loaded: {problem}");
    let reason = problem.message();
    Pending { dir: dir.to_owned(), kind: kind_of(problem), reason, key: None, lock: Some(lock) }
}

/// The key does not open the records. When it opens their newest backup, the key is right
/// and the file is damaged: the damaged ways out, with that key.
fn wrong_key(lock: WriterLock, dir: &Path, key: DbKey) -> Pending {
    let lock = Some(lock);
    let folder = Store::default_backup_folder_of(&dir.join(DB_FILE_NAME));
    let newest: Option<PathBuf> = backup::list(&folder)
        .ok()
        .and_then(|b| b.first().map(|b| backup::path_of(&folder, &b.file)));
    if newest.is_some_and(|b| cipher::open_keyed_read_only(&b, &key).is_ok()) {
        tracing::error!("the database is damaged: its key opens its newest backup, not it");
        let reason = "The database file is damaged: its key opens its newest backup, but SQLite \
                      reads the file as not a database. Restore a backup, or start with the \
                      damaged file moved aside."
            .to_owned();
        let kind = StartupKind::Damaged;
        return Pending { dir: dir.to_owned(), kind, reason, key: Some(key), lock };
    }
    tracing::error!("the key kept for the records does not open them");
    let reason = "The key kept on this workstation does not open these records (they were \
                  replaced by records from elsewhere, or their key was changed on another \
                  workstation). Open them with their recovery key; if it does not open them \
                  either, restore a backup with its recovery key (vigil restore \
                  --recovery-key). Nothing was changed."
        .to_owned();
    Pending { dir: dir.to_owned(), kind: StartupKind::WrongKey, reason, key: None, lock }
}

/// A file that is damaged or cannot be used now (not a key problem).
fn unusable(
    lock: Option<WriterLock>,
    dir: &Path,
    key: Option<DbKey>,
    error: &StoreError,
) -> Pending {
    let reason = format!("the database cannot be opened: {error}");
    let kind = if safe_restore::is_damage(error) && key.is_some() {
        StartupKind::Damaged
    } else {
        StartupKind::Unreadable
    };
    Pending { dir: dir.to_owned(), kind, reason, key, lock }
}
