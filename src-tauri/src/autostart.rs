//! Whether the desktop session starts Vigil (issue 17), carried out in the XDG autostart
//! files. The package installs `/etc/xdg/autostart/vigil.desktop`; a file of the same name in
//! `$XDG_CONFIG_HOME/autostart/` overrides those in `$XDG_CONFIG_DIRS/autostart/`. The clinic's
//! setting (the store's `settings::autostart`) is applied here:
//!
//! - off: a `Hidden=true` override in the user's folder, marked as Vigil's ([`entry::MARK`]);
//! - on: Vigil's override removed; where no config dir holds an entry (Vigil not installed
//!   from its package) a user entry starting the running executable, so "on" means on.
//!
//! A user file Vigil did not write is never replaced or removed: it is reported as the
//! status's `problem`. The folders are injected ([`AutostartDirs`]), never read from the
//! environment inside the logic, so tests use temporary ones; the app builds them from its
//! environment at start and `manage`s them as [`Autostart`].

mod entry;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use vigil_core::desktop::AutostartStatus;

/// The file name the package installs and Vigil writes.
pub const FILE_NAME: &str = "vigil.desktop";

/// Where the autostart files are, and what a user entry would start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutostartDirs {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    pub config_home: PathBuf,
    /// `$XDG_CONFIG_DIRS` in order, else `/etc/xdg`.
    pub config_dirs: Vec<PathBuf>,
    /// The running executable, or why it is unknown.
    pub exe: Result<PathBuf, String>,
}

impl AutostartDirs {
    /// From this process's environment and executable.
    pub fn from_env() -> Self {
        let exe = std::env::current_exe().map_err(|e| e.to_string());
        Self::from_vars(
            std::env::var_os("XDG_CONFIG_HOME"),
            std::env::var_os("HOME"),
            std::env::var_os("XDG_CONFIG_DIRS"),
            exe,
        )
    }

    /// The XDG Base Directory rules on the given values (unset, empty or relative ones are
    /// ignored).
    pub fn from_vars(
        config_home: Option<OsString>,
        home: Option<OsString>,
        config_dirs: Option<OsString>,
        exe: Result<PathBuf, String>,
    ) -> Self {
        let absolute = |p: PathBuf| p.is_absolute().then_some(p);
        let config_home = config_home
            .map(PathBuf::from)
            .and_then(absolute)
            .or_else(|| home.map(|h| PathBuf::from(h).join(".config")))
            .unwrap_or_else(|| PathBuf::from("/nonexistent/.config"));
        let mut dirs: Vec<PathBuf> = config_dirs
            .map(|v| std::env::split_paths(&v).filter_map(absolute).collect())
            .unwrap_or_default();
        if dirs.is_empty() {
            dirs.push(PathBuf::from("/etc/xdg"));
        }
        Self { config_home, config_dirs: dirs, exe }
    }

    /// The user's file: Vigil's override or entry, or someone else's.
    pub fn user_file(&self) -> PathBuf {
        self.config_home.join("autostart").join(FILE_NAME)
    }

    /// The first system entry (the package's), when one exists.
    fn system_file(&self) -> Option<PathBuf> {
        let mut files = self.config_dirs.iter().map(|d| d.join("autostart").join(FILE_NAME));
        files.find(|f| f.exists())
    }
}

/// The folders and the last failure to apply the setting (shown until an apply succeeds).
/// Its lock is held across a save, the apply and the read-back, so two saves never
/// interleave on the files and the files follow the last setting saved.
#[derive(Debug)]
pub struct Autostart {
    pub dirs: AutostartDirs,
    last_error: Mutex<Option<String>>,
}

impl Autostart {
    pub fn new(dirs: AutostartDirs) -> Self {
        Self { dirs, last_error: Mutex::new(None) }
    }

    fn lock(&self) -> MutexGuard<'_, Option<String>> {
        self.last_error.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Applies `enabled` to the files, remembers a failure, and says what the files now do.
    pub fn apply(&self, enabled: bool) -> AutostartStatus {
        let mut last = self.lock();
        self.apply_locked(&mut last, enabled)
    }

    /// Runs `save` (recording the setting `enabled`), then, when it succeeded, [`Self::apply`],
    /// all under the lock. Errors: `save`'s (no file touched).
    pub fn save_then_apply<T, E>(
        &self,
        enabled: bool,
        save: impl FnOnce() -> Result<T, E>,
    ) -> Result<(T, AutostartStatus), E> {
        let mut last = self.lock();
        let saved = save()?;
        Ok((saved, self.apply_locked(&mut last, enabled)))
    }

    fn apply_locked(&self, last: &mut Option<String>, enabled: bool) -> AutostartStatus {
        let outcome = apply(&self.dirs, enabled).err();
        self.remember(last, outcome);
        status(&self.dirs, enabled, last.as_deref())
    }

    fn remember(&self, last: &mut Option<String>, outcome: Option<String>) {
        if let Some(e) = &outcome {
            tracing::warn!("autostart could not be applied: {e}");
        }
        *last = outcome;
    }

    /// At start, repairs only Vigil's own file, and writes no new entry when the setting is on
    /// (a developer's run never writes an autostart entry):
    /// - off: makes sure Vigil's override is there (an IT person who removed it gets it back);
    /// - on: removes Vigil's override when one is left (a failed removal, a restored backup, or
    ///   another data directory of the same user turned it off), so the session starts Vigil.
    ///
    /// Someone else's file is left alone either way.
    pub fn at_start(&self, enabled: bool) {
        let mut last = self.lock();
        let found = entry::read(&self.dirs.user_file());
        let ours_off = found.is_ok_and(|f| f == Some(entry::Found { off: true, ours: true }));
        if !enabled && !ours_off {
            self.apply_locked(&mut last, false);
        } else if enabled && ours_off {
            let outcome = remove_override(&self.dirs.user_file()).err();
            self.remember(&mut last, outcome);
        }
    }

    /// The setting `enabled` and what the files make of it.
    pub fn status(&self, enabled: bool) -> AutostartStatus {
        let last = self.lock();
        status(&self.dirs, enabled, last.as_deref())
    }
}

/// Writes or removes the user's file so that the session does what `enabled` says.
/// Errors: the file could not be written or removed (the message says which and why).
pub fn apply(dirs: &AutostartDirs, enabled: bool) -> Result<(), String> {
    let user = dirs.user_file();
    let found =
        entry::read(&user).map_err(|e| format!("{} could not be read: {e}", user.display()))?;
    match (enabled, found) {
        // Not Vigil's: left as it is ([`status`] reports it when it disagrees).
        (_, Some(f)) if !f.ours => Ok(()),
        (false, _) => {
            let exec = exec_or_name(dirs);
            entry::write(&user, &entry::hidden(&exec)).map_err(|e| {
                format!("the autostart override {} could not be written: {e}", user.display())
            })
        }
        (true, found) => match dirs.system_file() {
            Some(_) if found.is_none() => Ok(()),
            Some(_) => remove_override(&user),
            None => write_user_entry(dirs, &user),
        },
    }
}

/// Removes Vigil's file at `user`. Errors: it could not be removed (the message says why).
fn remove_override(user: &Path) -> Result<(), String> {
    std::fs::remove_file(user)
        .map_err(|e| format!("the autostart override {} could not be removed: {e}", user.display()))
}

fn write_user_entry(dirs: &AutostartDirs, user: &Path) -> Result<(), String> {
    let exec = dirs.exe.clone().and_then(|exe| entry::exec_of(&exe));
    exec.and_then(|exec| entry::write(user, &entry::starting(&exec)).map_err(|e| e.to_string()))
        .map_err(|e| {
            format!(
                "Vigil was not installed from its package and no user entry could be written \
                 to {}: {e}",
                user.display()
            )
        })
}

/// The executable for the override's `Exec=` (never run: the override is hidden).
fn exec_or_name(dirs: &AutostartDirs) -> String {
    let exe = dirs.exe.clone().and_then(|exe| entry::exec_of(&exe));
    exe.unwrap_or_else(|_| "vigil".into())
}

/// What the files make of the setting `enabled`: read back, the user's file first.
/// `last_error` is the last failure to apply it, said when setting and effect differ.
pub fn status(dirs: &AutostartDirs, enabled: bool, last_error: Option<&str>) -> AutostartStatus {
    let user = dirs.user_file();
    let (effective, entry, why) = match entry::read(&user) {
        Err(e) => {
            (false, Some(user.clone()), Some(format!("{} could not be read: {e}", user.display())))
        }
        Ok(Some(found)) => (!found.off, Some(user.clone()), Some(user_file_decides(&user, found))),
        Ok(None) => match dirs.system_file() {
            Some(system) => {
                let off = entry::read(&system).ok().flatten().is_some_and(|f| f.off);
                let why =
                    off.then(|| format!("the package's entry {} is hidden", system.display()));
                (!off, Some(system), why)
            }
            None => (false, None, Some(not_installed(dirs))),
        },
    };
    let problem = (effective != enabled).then(|| {
        last_error.map(str::to_owned).or(why).unwrap_or_else(|| {
            format!(
                "Vigil's override {} is missing: it is written again at the next start or save",
                user.display()
            )
        })
    });
    AutostartStatus { enabled, effective, entry: entry.map(|p| p.display().to_string()), problem }
}

/// Why the user's file decides (said only when it disagrees with the setting): someone
/// else's is left as it is; Vigil's own is put right at the next start or save.
fn user_file_decides(user: &Path, found: entry::Found) -> String {
    let user = user.display();
    match found {
        entry::Found { ours: false, off } => {
            let does = if off { "keeps Vigil from starting" } else { "starts Vigil" };
            format!(
                "{user} {does} with the desktop session and was not written by Vigil: it was \
                 left as it is (remove it to let the setting decide)"
            )
        }
        entry::Found { ours: true, off: true } => format!(
            "Vigil's override {user} still keeps Vigil from starting with the desktop session: \
             it is removed at the next start or save"
        ),
        entry::Found { ours: true, off: false } => format!(
            "Vigil's entry {user} still starts Vigil with the desktop session: it is replaced \
             by the override at the next start or save"
        ),
    }
}

fn not_installed(dirs: &AutostartDirs) -> String {
    let system = dirs.config_dirs.first().map(|d| d.join("autostart").join(FILE_NAME));
    let system = system.map(|p| p.display().to_string()).unwrap_or_default();
    format!(
        "Vigil was not installed from its package (there is no {system}) and there is no user \
         entry: save the setting to write one"
    )
}
