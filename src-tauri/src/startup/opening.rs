//! Opening the records at start (and again on "Try the keystore again"): what is in the data
//! directory decides. No database and no `key-home` is the first start (nothing is created
//! until the person chooses); plain records of an earlier Vigil with no key home get a new key
//! kept in the keystore, then are encrypted in place; otherwise the key comes from the key
//! home. A key problem, a key that does not open the records, a damaged or unusable file each
//! become a [`Pending`] problem and write nothing (the one exception: the new key of plain
//! records is kept before they are encrypted, so that encrypted records always have a key).

use std::path::{Path, PathBuf};
use vigil_core::startup::StartupKind;
use vigil_store::backup::{self, safe_restore};
use vigil_store::cipher::{self, FileKind};
use vigil_store::{DbKey, Store, StoreError, DB_FILE_NAME};

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

/// Opens the records in `dir` as start-up does.
pub fn open_at_start(dir: &Path) -> Result<AppState, NotOpened> {
    let db = dir.join(DB_FILE_NAME);
    // A second copy leaves before it asks the keystore for anything.
    if let Some(holder) = vigil_store::writer_lock_holder(&db) {
        return Err(NotOpened::InUse(holder));
    }
    let kind = match cipher::file_kind(&db) {
        Ok(kind) => kind,
        Err(e) => return Err(NotOpened::Pending(unusable(dir, None, &e))),
    };
    if !dir.join(HOME_FILE).exists() {
        match kind {
            FileKind::Missing | FileKind::Empty => return Err(first_start(dir)),
            FileKind::Plain => return encrypt_plain_records(dir),
            FileKind::Encrypted => {}
        }
    }
    let key = key_home::load(dir).map_err(|p| NotOpened::Pending(key_problem(dir, &p)))?;
    open_with_key(dir, key)
}

/// Opens the records in `dir` with `key` (plain ones are encrypted first), then re-encrypts
/// the plain backups left in the default and the clinic's backup folders.
pub fn open_with_key(dir: &Path, key: DbKey) -> Result<AppState, NotOpened> {
    match AppState::open(dir, &key) {
        Ok(state) => {
            encrypt_plain_backups(&state);
            Ok(state)
        }
        Err(StoreError::InUse { holder }) => Err(NotOpened::InUse(holder)),
        Err(StoreError::WrongKey) => Err(NotOpened::Pending(wrong_key(dir, key))),
        Err(other) => {
            tracing::error!("the database cannot be opened: {other}");
            Err(NotOpened::Pending(unusable(dir, Some(key), &other)))
        }
    }
}

/// The plain backups of the default and the clinic's folders, encrypted to the records' key.
fn encrypt_plain_backups(state: &AppState) {
    let mut folders = vec![state.store.default_backup_folder()];
    folders.extend(state.backup_folder().ok());
    let now = vigil_core::Clock::now(&SystemClock);
    let converted = crate::backup_keys::encrypt_plain(&folders, &state.store.key(), now);
    if converted.done > 0 || !converted.left.is_empty() {
        tracing::info!(
            "plain backups encrypted: {}; left plain: {}",
            converted.done,
            converted.left.len()
        );
    }
}

/// Plain records with no key home (an earlier Vigil's): a new key, kept in the keystore, then
/// the records encrypted with it. No keystore: recovery mode, nothing written.
fn encrypt_plain_records(dir: &Path) -> Result<AppState, NotOpened> {
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
        return Err(NotOpened::Pending(Pending { dir: dir.to_owned(), kind, reason, key: None }));
    }
    tracing::info!("plain records found: a new key is kept for them");
    open_with_key(dir, key)
}

fn first_start(dir: &Path) -> NotOpened {
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

fn key_problem(dir: &Path, problem: &KeyProblem) -> Pending {
    tracing::warn!("the key of the records could not be loaded: {problem}");
    let reason = problem.message();
    Pending { dir: dir.to_owned(), kind: kind_of(problem), reason, key: None }
}

/// The key does not open the records. When it opens their newest backup, the key is right
/// and the file is damaged: the damaged ways out, with that key.
fn wrong_key(dir: &Path, key: DbKey) -> Pending {
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
        return Pending { dir: dir.to_owned(), kind: StartupKind::Damaged, reason, key: Some(key) };
    }
    tracing::error!("the key kept for the records does not open them");
    let reason = "The key kept on this workstation does not open these records (they were \
                  replaced by records from elsewhere, or their key was changed on another \
                  workstation). Open them with their recovery key; if it does not open them \
                  either, restore a backup with its recovery key (vigil restore \
                  --recovery-key). Nothing was changed."
        .to_owned();
    Pending { dir: dir.to_owned(), kind: StartupKind::WrongKey, reason, key: None }
}

/// A file that is damaged or cannot be used now (not a key problem).
fn unusable(dir: &Path, key: Option<DbKey>, error: &StoreError) -> Pending {
    let reason = format!("the database cannot be opened: {error}");
    let kind = if safe_restore::is_damage(error) && key.is_some() {
        StartupKind::Damaged
    } else {
        StartupKind::Unreadable
    };
    Pending { dir: dir.to_owned(), kind, reason, key }
}
