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
use vigil_store::{damaged, DbKey, Store, StoreError, DB_FILE_NAME};

use super::Pending;
use crate::backup::restore_over_damaged;
use crate::state::AppState;

impl Pending {
    pub(super) fn database(&self) -> PathBuf {
        self.dir.join(DB_FILE_NAME)
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
        let now = clock.now();
        let kept = self.move_aside(now)?;
        let store = Store::open_at(&self.database(), key, now).map_err(still_broken)?;
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
        let recovered = restore_over_damaged(&db, key, &file, now).map_err(|e| {
            let e = VigilError::from(e);
            if e.code == ErrorCode::Validation {
                e
            } else {
                still_broken_because(&e.message)
            }
        })?;
        let store = Store::open_at(&db, key, now).map_err(still_broken)?;
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
