//! The ways out that make or bring a key (see `opening` for how a start-up problem is found):
//! new records (or plain records of an earlier Vigil) with a new key kept where the person
//! chose, returning the recovery key to show once; records opened with a recovery key (on a
//! first start a copied database or backup brought in; in a key problem the records in place),
//! the key then kept again; and trying the key home again. A refusal before the key is kept
//! writes nothing; a failure after it undoes what it wrote where that is safe.

use std::path::Path;
use std::sync::Arc;
use vigil_core::startup::{KeyHome as Choice, NewRecordsOutcome, RecoveryOutcome, StartupKind};
use vigil_core::{Clock, ErrorCode, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::cipher::{self, FileKind};
use vigil_store::DbKey;

use super::key_files::{bring_in, check_opens, home_for, keep, undo_keep};
use super::opening::{open_locked, open_with_key, NotOpened};
use super::Pending;
use crate::key_home::{KeyHome, HOME_FILE};
use crate::state::AppState;

impl Pending {
    /// The records have no key yet: first start, or plain records of an earlier Vigil.
    pub fn needs_key(&self) -> bool {
        let kind = cipher::file_kind(&self.database());
        self.key.is_none()
            && !self.dir.join(HOME_FILE).exists()
            && matches!(kind, Ok(FileKind::Missing | FileKind::Empty | FileKind::Plain))
    }

    fn is_key_problem(&self) -> bool {
        use StartupKind::{KeyFile, NoKeyEntry, NoKeystore, WrongKey};
        matches!(self.kind, NoKeystore | NoKeyEntry | WrongKey | KeyFile)
    }

    /// A new key for records that have none, kept in `keep_in`; the records opened (plain ones
    /// encrypted, keeping every record).
    ///
    /// Errors: `conflict` unless the records need a key; `unavailable` when no keystore
    /// answers; `conflict` when the key file holds another key; `storage` when the key cannot
    /// be kept or the records still cannot be opened.
    pub fn start_new(
        &mut self,
        keep_in: Choice,
        clock: &Arc<dyn Clock>,
    ) -> Result<(AppState, NewRecordsOutcome), VigilError> {
        if !self.needs_key() {
            return Err(conflict(
                "These records already have a key: open them with their recovery key.",
            ));
        }
        let lock = self.writer_lock()?;
        let plain = cipher::file_kind(&self.database()).ok() == Some(FileKind::Plain);
        let key = DbKey::generate();
        let home = home_for(&self.dir, keep_in, &key)?;
        keep(&self.dir, &key, &home)?;
        let state = open_with_key(lock, &self.dir, key.clone()).map_err(|e| {
            if !plain {
                undo_keep(&self.dir, &home, &key);
            }
            not_opened(e)
        })?;
        let what = if plain { "plain records encrypted" } else { "new records" };
        record_home(&state, clock, &format!("{what}: {}; recovery key shown", describe(&home)))?;
        let key_file = match &home {
            KeyHome::KeyFile(path) => Some(path.display().to_string()),
            KeyHome::Keystore => None,
        };
        let recovery_key = vigil_core::recovery_key::encode(key.as_bytes());
        let records = self.dir.display().to_string();
        let issued_at = clock.now();
        Ok((
            state,
            NewRecordsOutcome { recovery_key, key_home: keep_in, key_file, records, issued_at },
        ))
    }

    /// Opens records with the recovery key `key`: on first start `file` (a copied database or
    /// a backup) is brought in; in a key problem the records in place. The key is then kept in
    /// `keep_in`.
    ///
    /// Errors: `validation` on `file` (missing on first start, given otherwise, not there or
    /// not Vigil records) or on `recoveryKey` (it does not open them), nothing written;
    /// `conflict` in another state; then as [`Pending::start_new`].
    pub fn open_with_recovery_key(
        &mut self,
        key: &DbKey,
        file: Option<&str>,
        keep_in: Choice,
        clock: &Arc<dyn Clock>,
    ) -> Result<(AppState, RecoveryOutcome), VigilError> {
        let first_start = self.kind == StartupKind::FirstStart;
        match (first_start, file) {
            (true, None) => Err(VigilError::validation(
                "file",
                "Choose the records file: a copied Vigil database or a backup.",
            )),
            (true, Some(file)) => check_opens(Path::new(file), key, "that file"),
            (false, Some(_)) if self.is_key_problem() => Err(VigilError::validation(
                "file",
                "The records in place are opened with the recovery key: leave Records file empty.",
            )),
            (false, None) if self.is_key_problem() => {
                check_opens(&self.database(), key, "these records")
            }
            _ => Err(conflict("These records are not locked by their key.")),
        }?;
        let lock = self.writer_lock()?;
        let home = home_for(&self.dir, keep_in, key)?;
        keep(&self.dir, key, &home)?;
        if let Some(file) = file.filter(|_| first_start) {
            bring_in(Path::new(file), key, &self.database()).inspect_err(|_| {
                undo_keep(&self.dir, &home, key);
            })?;
        }
        let state = open_with_key(lock, &self.dir, key.clone()).map_err(not_opened)?;
        let from = file.map(|f| format!(" from {}", file_name(f))).unwrap_or_default();
        let detail = format!("opened with the recovery key{from}: {}", describe(&home));
        record_home(&state, clock, &detail)?;
        Ok((state, RecoveryOutcome { kept_as: None, restored_from: file.map(str::to_owned) }))
    }

    /// Loads the key from the key home again (after the keyring was started, the key file put
    /// back). A new problem replaces this one.
    ///
    /// Errors: `conflict` unless this is a key problem (or another Vigil opened the records);
    /// `unavailable` with the newest reason when the records still cannot be opened.
    pub fn retry(&mut self) -> Result<(AppState, RecoveryOutcome), VigilError> {
        if !self.is_key_problem() {
            return Err(conflict("Only a key problem is tried again."));
        }
        match open_locked(self.writer_lock()?, &self.dir) {
            Ok(state) => Ok((state, RecoveryOutcome { kept_as: None, restored_from: None })),
            Err(NotOpened::InUse(_)) => Err(conflict("Another Vigil has opened these records.")),
            Err(NotOpened::Pending(problem)) => {
                *self = problem;
                Err(VigilError::new(ErrorCode::Unavailable, self.reason.clone()))
            }
        }
    }
}

fn conflict(why: &str) -> VigilError {
    VigilError::new(ErrorCode::Conflict, format!("{why} Nothing was changed."))
}

fn not_opened(e: NotOpened) -> VigilError {
    match e {
        NotOpened::InUse(_) => conflict("Another Vigil has opened these records."),
        NotOpened::Pending(p) => VigilError::new(
            ErrorCode::Storage,
            format!("The records still cannot be opened: {}", p.reason),
        ),
    }
}

fn describe(home: &KeyHome) -> String {
    match home {
        KeyHome::Keystore => "key kept in the workstation's keystore".into(),
        KeyHome::KeyFile(path) => format!("key kept in a key file (weaker), {}", path.display()),
    }
}

fn file_name(path: &str) -> String {
    Path::new(path).file_name().map_or_else(|| path.into(), |n| n.to_string_lossy().into_owned())
}

/// The `key_home_changed` entry (no nurse is signed in yet; never the key).
fn record_home(state: &AppState, clock: &Arc<dyn Clock>, detail: &str) -> Result<(), VigilError> {
    let entry = Entry::new(Action::KeyHomeChanged, None).detail(detail);
    let now = clock.now();
    state.store.with_tx(|tx| audit::append(tx, now, &entry)).map(drop).map_err(VigilError::from)
}
