//! Start-up when the records cannot be opened (a corrupt, truncated or unreadable database):
//! instead of leaving with a line on stderr only, Vigil opens its window in recovery mode,
//! without an `AppState`, showing the reason and the two ways out (`ways_out`): restore a
//! verified backup, or start with the damaged file moved aside (renamed with the time, never
//! deleted). Either way the records are then opened in this process and the normal app carries
//! on in the same window. Only the three commands here work in recovery mode (every other
//! command finds no `AppState` and Tauri refuses it); the `recover_*` commands are refused once
//! the records are open.

mod key_files;
mod keys;
mod opening;
mod ways_out;

pub use key_files::keep as keep_key;
#[cfg(test)]
pub use key_files::{check_opens, no_keystore};
pub use opening::{open_at_start, NotOpened};

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tauri::{AppHandle, State};
use vigil_core::startup::{
    NewRecordsInput, NewRecordsOutcome, RecoveryKeyInput, RecoveryOutcome, RecoveryRestoreInput,
    StartupKind, StartupProblem,
};
use vigil_core::{payload, ErrorCode, VigilError};

use crate::commands::Arg;
use crate::state::{AppState, SystemClock};

/// The recovery mode's state, managed in both modes: no pending problem once the records are
/// open. It keeps the app's handle to start the app with, so its commands take no `AppHandle`
/// and compile for any runtime (the input sweep's mock app lists them too, with a default
/// `Recovery`: no pending problem and no app to start).
#[derive(Default)]
pub struct Recovery {
    pending: Mutex<Option<Pending>>,
    app: OnceLock<AppHandle>,
    /// A recovery key was shown at start-up (new records) and not yet said to be kept: the
    /// card's "I have kept the recovery key safe" may then be recorded with no nurse.
    key_shown: AtomicBool,
}

impl std::fmt::Debug for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recovery").field("pending", &*self.lock()).finish_non_exhaustive()
    }
}

/// Why the records in `dir` could not be opened.
#[derive(Debug, Clone)]
pub struct Pending {
    pub dir: PathBuf,
    /// Which problem: the screen and the ways out offered.
    pub kind: StartupKind,
    pub reason: String,
    /// The key found in the key home, when one was (never for a first start or a key problem).
    pub key: Option<vigil_store::DbKey>,
    /// The records' writer lock, taken at start before any key was read, made or kept, and
    /// held through recovery mode: the way out hands it to the store it opens, so a second
    /// Vigil started meanwhile leaves at once and never makes, keeps or removes a key. `None`
    /// only when it could not be taken (the data directory cannot be made or written): the ways
    /// out then take it themselves.
    pub lock: Option<vigil_store::WriterLock>,
}

impl Recovery {
    /// Recovery mode for `pending`.
    pub fn with(pending: Pending) -> Self {
        Self { pending: Mutex::new(Some(pending)), ..Self::default() }
    }

    /// A recovery key was just shown at start-up.
    pub fn note_key_shown(&self) {
        self.key_shown.store(true, Ordering::SeqCst);
    }

    /// Whether a start-up recovery key awaits being said kept (and no longer, once asked).
    pub fn take_key_shown(&self) -> bool {
        self.key_shown.swap(false, Ordering::SeqCst)
    }

    /// The app to start once the records are open (set in `setup`).
    pub fn attach(&self, app: AppHandle) {
        let _ = self.app.set(app);
    }

    fn lock(&self) -> MutexGuard<'_, Option<Pending>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `way_out` ([`Recovery::take`]) and starts the app on the records it opened.
    fn recover<T>(
        &self,
        way_out: impl FnOnce(&mut Pending) -> Result<(AppState, T), VigilError>,
    ) -> Result<T, VigilError> {
        let app =
            self.app.get().ok_or_else(|| VigilError::internal("The window is not ready yet."))?;
        let (state, outcome) = self.take(way_out)?;
        crate::start_records(app, state);
        Ok(outcome)
    }

    /// Runs one way out while holding the recovery (a second click waits, then is refused):
    /// on success recovery mode ends and the caller starts the app on the opened records; on
    /// failure it goes on, showing the newest reason.
    ///
    /// Errors: `conflict` when the records are open (not in recovery mode); the way out's.
    pub fn take<T>(
        &self,
        way_out: impl FnOnce(&mut Pending) -> Result<(AppState, T), VigilError>,
    ) -> Result<(AppState, T), VigilError> {
        let mut pending = self.lock();
        let current = pending.as_mut().ok_or_else(not_in_recovery)?;
        match way_out(current) {
            Ok(done) => {
                *pending = None;
                Ok(done)
            }
            Err(e) => {
                if e.code == ErrorCode::Storage {
                    current.reason = e.message.clone();
                }
                Err(e)
            }
        }
    }
}

fn not_in_recovery() -> VigilError {
    VigilError::new(ErrorCode::Conflict, "Vigil's records are open: there is nothing to recover.")
}

/// Why the records could not be opened at start, or `null` when they are open.
#[tauri::command(async)]
pub fn load_startup_problem(recovery: State<'_, Recovery>) -> Option<StartupProblem> {
    recovery.lock().as_ref().map(Pending::problem)
}

/// Moves the damaged database aside, starts a fresh one and carries on into the app.
#[tauri::command(async)]
pub fn recover_move_aside(recovery: State<'_, Recovery>) -> Result<RecoveryOutcome, VigilError> {
    recovery.recover(|p| p.start_fresh(Arc::new(SystemClock)))
}

/// Restores a verified backup in place of the damaged database and carries on into the app.
/// The input is read and its file checked before anything else (a bad one is a `validation`
/// error naming its field, in recovery mode or not).
#[tauri::command(async)]
pub fn recover_from_backup(
    recovery: State<'_, Recovery>,
    input: Arg,
) -> Result<RecoveryOutcome, VigilError> {
    let input: RecoveryRestoreInput = payload::parse_arg("input", input)?;
    input.choice()?;
    recovery.recover(|p| p.restore(&input, Arc::new(SystemClock)))
}

/// First start: starts new records with a new key kept in the chosen home; returns the
/// recovery key (shown once) and carries on into the app.
#[tauri::command(async)]
pub fn start_new_records(
    recovery: State<'_, Recovery>,
    input: Arg,
) -> Result<NewRecordsOutcome, VigilError> {
    let input: NewRecordsInput = payload::parse_arg("input", input)?;
    let clock: Arc<dyn vigil_core::Clock> = Arc::new(SystemClock);
    let outcome = recovery.recover(|p| p.start_new(input.keep_in, &clock))?;
    recovery.note_key_shown();
    Ok(outcome)
}

/// Opens the records with a recovery key (on first start, a copied database or backup
/// brought in), keeps the key in the chosen home and carries on into the app.
#[tauri::command(async)]
pub fn open_with_recovery_key(
    recovery: State<'_, Recovery>,
    input: Arg,
) -> Result<RecoveryOutcome, VigilError> {
    let input: RecoveryKeyInput = payload::parse_arg("input", input)?;
    let key = vigil_store::DbKey::from_bytes(input.key()?);
    let file = input.records_file()?;
    let clock: Arc<dyn vigil_core::Clock> = Arc::new(SystemClock);
    recovery.recover(|p| p.open_with_recovery_key(&key, file.as_deref(), input.keep_in, &clock))
}

/// The last way out of locked records nothing opens (no key for them, or a key that does not
/// open them, and no recovery key that does): the file is moved aside, kept, never deleted,
/// and start-up goes on as a first start (new records, or existing ones with their recovery
/// key). The records are not opened here: the window asks for the next step.
#[tauri::command(async)]
pub fn set_aside_locked_records(
    recovery: State<'_, Recovery>,
) -> Result<RecoveryOutcome, VigilError> {
    let mut pending = recovery.lock();
    let current = pending.as_mut().ok_or_else(not_in_recovery)?;
    current.set_aside(&SystemClock)
}

/// Tries the key home again (after the keyring was started, the key file put back).
#[tauri::command(async)]
pub fn retry_key(recovery: State<'_, Recovery>) -> Result<RecoveryOutcome, VigilError> {
    recovery.recover(Pending::retry)
}

#[cfg(test)]
mod key_tests;
#[cfg(test)]
mod lock_tests;
#[cfg(test)]
mod plain_tests;
#[cfg(test)]
pub use plain_tests::plain_copy as plain_copy_for_tests;
#[cfg(test)]
mod tests;
