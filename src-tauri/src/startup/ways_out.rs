//! The ways out of recovery mode, on the files: what the screen lists (the default backup
//! folder beside the data directory, since the clinic's chosen one is stored in the database
//! that cannot be read), starting fresh with the damaged file moved aside, and restoring a
//! backup over it (`crate::backup::restore_over_damaged`, shared with `vigil restore`).

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vigil_core::startup::{
    BackupChoice, RecoveryOutcome, RecoveryRestoreInput, StartupKind, StartupProblem,
};
use vigil_core::{Clock, ErrorCode, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::backup;
use vigil_store::{damaged, DbKey, Store, StoreError, WriterLock, DB_FILE_NAME};

use super::Pending;
use crate::backup::restore_over_damaged;
use crate::state::AppState;

impl Pending {
    pub(super) fn database(&self) -> PathBuf {
        self.dir.join(DB_FILE_NAME)
    }

    /// The writer lock held since start (a share of it), or taken now when it could not be.
    ///
    /// Errors: `conflict` when another Vigil holds the records; `storage` when the lock file
    /// cannot be made.
    pub(super) fn writer_lock(&self) -> Result<WriterLock, VigilError> {
        if let Some(lock) = &self.lock {
            return Ok(lock.clone());
        }
        WriterLock::take(&self.database()).map_err(|e| match e {
            StoreError::InUse { .. } => VigilError::new(
                ErrorCode::Conflict,
                "Another Vigil has opened these records. Nothing was changed.",
            ),
            other => still_broken(other),
        })
    }

    pub(super) fn backup_folder(&self) -> PathBuf {
        Store::default_backup_folder_of(&self.database())
    }

    /// What the recovery screen shows.
    pub fn problem(&self) -> StartupProblem {
        let folder = self.backup_folder();
        let backups = backup::list(&folder).unwrap_or_else(|e| {
            tracing::warn!("the backup folder could not be read: {e}");
            Vec::new()
        });
        StartupProblem {
            kind: self.kind,
            reason: self.reason.clone(),
            database: self.database().display().to_string(),
            backup_folder: folder.display().to_string(),
            backups,
            damaged: self.kind == StartupKind::Damaged,
            needs_key: self.needs_key(),
        }
    }

    /// Moves the damaged file aside and opens a fresh database in its place, whose trail
    /// starts by saying where the damaged file went.
    ///
    /// Errors: `storage` when the file cannot be moved, or the records still cannot be opened.
    pub fn start_fresh(
        &self,
        clock: Arc<dyn Clock>,
    ) -> Result<(AppState, RecoveryOutcome), VigilError> {
        let key = self.damaged_key()?;
        let lock = self.writer_lock()?;
        let now = clock.now();
        let kept = self.move_aside(now)?;
        let store =
            Store::open_at_locked(lock, &self.database(), key, now).map_err(still_broken)?;
        let outcome = RecoveryOutcome { kept_as: kept, restored_from: None };
        record_fresh_start(&store, &outcome, now)?;
        Ok((AppState::new(store, clock).map_err(still_broken)?, outcome))
    }

    /// Verifies the chosen backup, then moves the damaged file aside and restores the backup
    /// into a new database (its restore entry says where the damaged file went).
    ///
    /// Errors: `validation` on `file` when the backup is not there or does not verify (then
    /// nothing is moved); `storage` when the records still cannot be opened.
    pub fn restore(
        &self,
        input: &RecoveryRestoreInput,
        clock: Arc<dyn Clock>,
    ) -> Result<(AppState, RecoveryOutcome), VigilError> {
        let key = self.damaged_key()?;
        let now = clock.now();
        let file = match input.choice()? {
            BackupChoice::Listed(name) => backup::path_of(&self.backup_folder(), &name),
            BackupChoice::Path(path) => PathBuf::from(path),
        };
        if !file.is_file() {
            let message = format!("There is no file at {}. Nothing was changed.", file.display());
            return Err(VigilError::validation("file", message));
        }
        let db = self.database();
        let lock = self.writer_lock()?;
        let recovered = restore_over_damaged(lock.clone(), &db, key, &file, now).map_err(|e| {
            let e = VigilError::from(e);
            if e.code == ErrorCode::Validation {
                e
            } else {
                still_broken_because(&e.message)
            }
        })?;
        let store = Store::open_at_locked(lock, &db, key, now).map_err(still_broken)?;
        let outcome = RecoveryOutcome {
            kept_as: Some(recovered.kept_as.display().to_string()),
            restored_from: Some(file.display().to_string()),
        };
        Ok((AppState::new(store, clock).map_err(still_broken)?, outcome))
    }

    /// Both ways out replace the records in use, and nobody is signed in to ask: they are for a
    /// damaged file only. A newer schema, a folder that cannot be written or a busy or failing
    /// disk is fixed at its cause, and the records open again as they were.
    ///
    /// The key of the damaged records (found: it opens their newest backup).
    /// Errors: `conflict` when the file itself is not damaged.
    fn damaged_key(&self) -> Result<&DbKey, VigilError> {
        if let (StartupKind::Damaged, Some(key)) = (self.kind, &self.key) {
            return Ok(key);
        }
        Err(VigilError::new(
            ErrorCode::Conflict,
            "The file itself is not damaged, so it is not replaced: fix the cause shown and start \
             Vigil again. Nothing was changed.",
        ))
    }

    /// Moves records that no key opens aside and turns this problem into a first start.
    ///
    /// Errors: `conflict` unless the records are locked for want of a key that opens them (no
    /// keystore entry, or a wrong key); `storage` when the file cannot be moved.
    pub fn set_aside(&mut self, clock: &dyn Clock) -> Result<RecoveryOutcome, VigilError> {
        if !matches!(self.kind, StartupKind::NoKeyEntry | StartupKind::WrongKey) {
            return Err(VigilError::new(
                ErrorCode::Conflict,
                "Only records that no key opens are set aside this way: fix the cause shown, or \
                 open them with their recovery key. Nothing was changed.",
            ));
        }
        let kept = self.move_aside(clock.now())?;
        // The key home named where those records' key was kept: new records get their own.
        let home = self.dir.join(crate::key_home::HOME_FILE);
        match std::fs::remove_file(&home) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                let why = format!(
                    "The records were set aside as {}, but {} could not be removed ({e}): remove \
                     it, then start Vigil again.",
                    kept.as_deref().unwrap_or("(no file)"),
                    home.display()
                );
                return Err(VigilError::new(ErrorCode::Storage, why));
            }
            _ => {}
        }
        tracing::warn!("records no key opens were moved aside; start-up goes on as a first start");
        self.kind = StartupKind::FirstStart;
        self.key = None;
        self.reason = format!(
            "The records that could not be opened were kept as {}. Start new records, or open \
             existing records (a copied Vigil database or a backup) with their recovery key.",
            kept.as_deref().unwrap_or("(no file)")
        );
        Ok(RecoveryOutcome { kept_as: kept, restored_from: None })
    }

    /// Renames the damaged file (and its -wal, -shm) with the time; `None` when there was no
    /// file (the folder, not the file, is the problem).
    fn move_aside(&self, now: DateTime<Utc>) -> Result<Option<String>, VigilError> {
        let db = self.database();
        if !db.exists() {
            return Ok(None);
        }
        let kept = damaged::move_aside(&db, now).map_err(|e| {
            let why =
                format!("The damaged file could not be moved aside: {e}. Nothing was changed.");
            VigilError::new(ErrorCode::Storage, why)
        })?;
        tracing::warn!("the damaged database was moved aside as {}", kept.display());
        Ok(Some(kept.display().to_string()))
    }
}

/// The fresh start's audit entry, in the new database: where the damaged file went.
fn record_fresh_start(
    store: &Store,
    outcome: &RecoveryOutcome,
    now: DateTime<Utc>,
) -> Result<(), VigilError> {
    let kept = outcome.kept_as.as_deref().map(file_name).unwrap_or_else(|| "no file".into());
    let detail = format!("at start-up: damaged database kept as {kept}; started fresh");
    let entry = Entry::new(Action::RecoverAtStart, None).detail(&detail);
    store.with_tx(|tx| audit::append(tx, now, &entry)).map(drop).map_err(still_broken)
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn still_broken(e: StoreError) -> VigilError {
    still_broken_because(&e.to_string())
}

fn still_broken_because(why: &str) -> VigilError {
    VigilError::new(ErrorCode::Storage, format!("The records still cannot be opened: {why}"))
}
