//! Housekeeping of what is not a record, run at start and daily: form drafts older than the
//! clinic's "keep drafts N days" (the setting once named "papers kept"), drafts of patients who
//! have left, the leftovers of interrupted backups, and every PDF an older Vigil saved in the
//! legacy papers folder of the data directory (plain-text copies of what the records render
//! again; issue 15: no paper stays in plain text there), the folder itself going once empty.
//! Drafts are no record (not append-only, never audited one by one): they are deleted like the
//! app clears them. When anything was deleted, one audit entry says how many (counts only).

use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;
use std::io::ErrorKind;
use std::path::Path;

use crate::audit::{self, Action, Entry};
use crate::{backup, settings, Store, StoreError};

/// What one cleanup deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tidied {
    /// PDFs in the legacy papers folder.
    pub papers: usize,
    /// Form drafts.
    pub drafts: usize,
    /// Temporary files of interrupted backups.
    pub leftovers: usize,
}

/// Deletes, as of `now`, every PDF in the legacy papers folder `legacy_papers` (and the folder
/// when that empties it), the drafts older than the clinic's setting and those of sessions that
/// have left, and stale backup leftovers.
///
/// Errors: the settings cannot be read, a folder cannot be read or a file removed, or the
/// drafts and the entry cannot be written (files deleted before stay deleted).
pub fn run(store: &Store, legacy_papers: &Path, now: DateTime<Utc>) -> Result<Tidied, StoreError> {
    let default = store.default_backup_folder();
    let (days, backups) = store
        .with_conn(|c| Ok((settings::papers_kept_days(c)?, settings::backup(c, &default)?)))?;
    let cutoff = now - Duration::days(days.into());
    let papers = legacy_papers_removed(legacy_papers)?;
    let leftovers = backup::clean_leftovers(Path::new(&backups.folder), now)?;
    let drafts = store.with_tx(|tx| {
        let drafts = old_drafts(tx, cutoff)?;
        if papers + drafts > 0 {
            let detail = format!(
                "deleted {papers} saved papers from the data directory and {drafts} drafts \
                 (drafts kept {days} days)"
            );
            audit::append(tx, now, &Entry::new(Action::Housekeeping, None).detail(&detail))?;
        }
        Ok(drafts)
    })?;
    Ok(Tidied { papers, drafts, leftovers })
}

/// Deletes every PDF (and half-written one) in the legacy papers `folder`, whatever its name
/// or age, then the folder itself if nothing else is in it; returns how many PDFs went. A
/// missing folder is nothing to do.
pub fn legacy_papers_removed(folder: &Path) -> Result<usize, StoreError> {
    let io = |e| StoreError::Io(folder.to_owned(), e);
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(io(e)),
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let regular = entry.file_type().is_ok_and(|t| t.is_file() || t.is_symlink());
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if regular && (name.ends_with(".pdf") || name.ends_with(".pdf.partial")) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|e| StoreError::Io(path, e))?;
            removed += 1;
        }
    }
    match std::fs::remove_dir(folder) {
        Err(e) if e.kind() != ErrorKind::DirectoryNotEmpty && e.kind() != ErrorKind::NotFound => {
            Err(io(e))
        }
        _ => Ok(removed),
    }
}

/// Deletes the drafts saved before `cutoff`, and the escort, discharge and against-advice drafts
/// of sessions that have left (the session named in the draft's content, `sessionId` or
/// `target.sessionId`): those forms cannot be saved any more. A REMS details draft is typed
/// after the patient left (due by D+7), and a correction may be too: they stay until `cutoff`.
/// Returns how many went.
fn old_drafts(tx: &Transaction<'_>, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(tx.execute(
        "DELETE FROM form_drafts WHERE saved_at_ms < ?1 OR (
             form IN ('escort', 'discharge', 'against_advice') AND EXISTS (
             SELECT 1 FROM session_departures d WHERE d.session_id = (CASE
                 WHEN json_valid(content) THEN coalesce(json_extract(content, '$.sessionId'),
                     json_extract(content, '$.target.sessionId'))
             END)))",
        [cutoff.timestamp_millis()],
    )?)
}
