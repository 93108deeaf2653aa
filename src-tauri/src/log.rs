//! The log a clinic can read (issue 14, item 7): one line per event (UTC time, level, module,
//! message) to stderr and to a daily file `vigil.YYYY-MM-DD.log` in `<data dir>/logs/`, the
//! newest [`KEEP_FILES`] kept (the oldest are removed at start and at each day's rotation).
//! The level comes from `VIGIL_LOG`: `error`, `warn`, `info` (the default), `debug`, `trace` or
//! `off` set Vigil's own crates, the libraries under it staying at `warn` at most (their
//! debug lines could carry what Vigil hands them, a notification's text); tracing's directives
//! (`vigil_app::scheduler=debug,info`) set anything. The folder is 0700 and its files 0600,
//! like the rest of the data directory. Lines hold record ids, never a person's name.
//!
//! Installed first thing by the app (`run`) and by the headless commands (`cli`). It never
//! stops Vigil from starting: without a data directory, or with a log folder it cannot write,
//! the log goes to stderr alone and says so there once. Lines are written as they come (no
//! background writer), so none is lost when the process exits.
//!
//! The headless commands make nothing: they append to the day's file only when the app's log
//! folder is there and belongs to the user running them (an administrator running `vigil
//! verify` as root must not leave files the app cannot open), and print only warnings and
//! errors on stderr unless `VIGIL_LOG` says otherwise, so their answers stand alone.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use tracing::level_filters::LevelFilter;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::{fmt, EnvFilter, Layer, Registry};
use vigil_store::file_modes;

use crate::data_dir;

/// The environment variable that sets the level.
pub const LOG_ENV: &str = "VIGIL_LOG";
/// How many daily files are kept.
pub const KEEP_FILES: usize = 14;
/// The level when `VIGIL_LOG` is unset or not understood.
const DEFAULT_LEVEL: LevelFilter = LevelFilter::INFO;
/// The headless commands' stderr level when `VIGIL_LOG` is unset.
const CLI_STDERR_LEVEL: LevelFilter = LevelFilter::WARN;
/// The crates whose lines a bare level sets.
const OWN_CRATES: [&str; 4] = ["vigil", "vigil_app", "vigil_store", "vigil_core"];
/// The most the libraries log under a bare level.
const LIBRARIES_AT_MOST: LevelFilter = LevelFilter::WARN;
const FOLDER: &str = "logs";
const PREFIX: &str = "vigil";
const SUFFIX: &str = "log";

/// The log folder of the data directory `data_dir`.
pub fn folder_of(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// Installs the log for the app: the data directory is made if it is not there yet (the app
/// makes it on first start anyway).
pub fn install_for_app() {
    let dir = data_dir::resolve().and_then(|dir| {
        file_modes::private_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(dir)
    });
    install(dir.and_then(|dir| open(&folder_of(&dir)).map(Some)), None);
}

/// Installs the log for a headless command: stderr at [`CLI_STDERR_LEVEL`] unless `VIGIL_LOG`
/// is set, and the day's file only as [`cli_file`] allows.
pub fn install_for_cli() {
    let folder = data_dir::resolve().ok().map(|dir| folder_of(&dir));
    install(cli_file(folder.as_deref(), current_uid()), Some(CLI_STDERR_LEVEL));
}

/// The day's file in the log folder `folder` for a headless command: only when the folder is
/// there (never made) and owned by `uid`, the user running the command (`None`: unknown).
fn cli_file(
    folder: Option<&Path>,
    uid: Option<u32>,
) -> Result<Option<RollingFileAppender>, String> {
    let ours = |folder: &&Path| {
        let meta = std::fs::symlink_metadata(folder);
        meta.is_ok_and(|m| m.is_dir() && Some(m.uid()) == uid)
    };
    folder.filter(ours).map(open).transpose()
}

/// The effective user id of this process (the owner of `/proc/self`).
fn current_uid() -> Option<u32> {
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

/// Installs the subscriber, with `file` when there is one (`Ok(None)`: stderr alone, nothing
/// to say; `Err`: stderr alone, said once), stderr at `stderr_at` unless `VIGIL_LOG` is set
/// (`None`: as the file). A second call changes nothing.
fn install(file: Result<Option<RollingFileAppender>, String>, stderr_at: Option<LevelFilter>) {
    let value = std::env::var(LOG_ENV).ok();
    let (filter, not_understood) = filter_from(value.as_deref());
    let stderr_filter = match stderr_at {
        Some(level) if value.is_none() => for_own_crates(level),
        _ => filter_from(value.as_deref()).0,
    };
    let (file, problem) = match file {
        Ok(file) => (file, None),
        Err(e) => (None, Some(e)),
    };
    let subscriber = subscriber(stderr_filter, filter, file, std::io::stderr);
    if tracing::subscriber::set_global_default(subscriber).is_err() {
        return;
    }
    if let Some(value) = not_understood {
        tracing::warn!("{LOG_ENV}={value:?} is not a level; logging at {DEFAULT_LEVEL}");
    }
    if let Some(problem) = problem {
        // Printed whatever the level: the log itself is what failed.
        eprintln!("vigil: no log file ({problem}); logging to stderr only");
    }
}

/// The level filter for `value` of `VIGIL_LOG`, and the value back when it was not understood
/// (then the default level applies).
fn filter_from(value: Option<&str>) -> (EnvFilter, Option<String>) {
    let default = || for_own_crates(DEFAULT_LEVEL);
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return (default(), None);
    };
    // A bare word is a level; tracing would take an unknown word for a module's name and log
    // nothing else at all.
    let filter = if value.contains(['=', ',']) {
        EnvFilter::try_new(value).ok()
    } else {
        LevelFilter::from_str(value).ok().map(for_own_crates)
    };
    match filter {
        Some(filter) => (filter, None),
        None => (default(), Some(value.to_owned())),
    }
}

/// Vigil's own crates at `level`, the libraries at [`LIBRARIES_AT_MOST`] or less.
fn for_own_crates(level: LevelFilter) -> EnvFilter {
    let mut directives = level.min(LIBRARIES_AT_MOST).to_string();
    for name in OWN_CRATES {
        directives.push_str(&format!(",{name}={level}"));
    }
    EnvFilter::new(directives)
}

/// Opens today's file in `folder` (made 0700 if missing), removing the oldest files past
/// [`KEEP_FILES`] and making what an older Vigil left readable owner-only.
fn open(folder: &Path) -> Result<RollingFileAppender, String> {
    open_keeping(folder, KEEP_FILES)
}

fn open_keeping(folder: &Path, keep: usize) -> Result<RollingFileAppender, String> {
    let at = |e: &dyn std::fmt::Display| format!("{}: {e}", folder.display());
    file_modes::private_dir(folder).map_err(|e| at(&e))?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(keep)
        .build(folder)
        .map_err(|e| at(&e))?;
    // Files made from now on are owner-only by the process umask (`data_dir::private_umask`).
    file_modes::tighten_folder(folder, |name| name.starts_with(PREFIX)).map_err(|e| at(&e))?;
    Ok(appender)
}

/// The subscriber: one line per event to `stderr` as `stderr_filter` lets through, and to
/// `file` when there is one as `filter` does.
fn subscriber<W>(
    stderr_filter: EnvFilter,
    filter: EnvFilter,
    file: Option<RollingFileAppender>,
    stderr: W,
) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    Registry::default()
        .with(fmt::layer().with_writer(stderr).with_filter(stderr_filter))
        .with(file.map(|file| fmt::layer().with_writer(file).with_filter(filter)))
}

#[cfg(test)]
mod tests;
