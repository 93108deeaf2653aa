//! Housekeeping of what is not a record, run at start and daily: saved papers (PDF copies of
//! records that stay in the database; the audit entry of each export stays too) and form drafts
//! older than the clinic's "keep papers N days", drafts of patients who have left, and the
//! leftovers of interrupted backups. Drafts are no record (not append-only, never audited one
//! by one): they are deleted like the app clears them. When anything was deleted, one audit
//! entry says how many (counts only).

use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;
use std::path::Path;

use crate::audit::{self, Action, Entry};
use crate::{backup, settings, Store, StoreError};

/// What one cleanup deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tidied {
    /// Saved paper files.
    pub papers: usize,
    /// Form drafts.
    pub drafts: usize,
    /// Temporary files of interrupted backups.
    pub leftovers: usize,
}

/// Deletes, as of `now`, the papers in `papers_folder` and the drafts older than the clinic's
/// setting, the drafts of sessions that have left, and stale backup leftovers.
///
/// Errors: the settings cannot be read, a folder cannot be read or a file removed, or the
/// drafts and the entry cannot be written (files deleted before stay deleted).
pub fn run(store: &Store, papers_folder: &Path, now: DateTime<Utc>) -> Result<Tidied, StoreError> {
    let default = store.default_backup_folder();
    let (days, backups) = store
        .with_conn(|c| Ok((settings::papers_kept_days(c)?, settings::backup(c, &default)?)))?;
    let cutoff = now - Duration::days(days.into());
    let papers = old_papers(papers_folder, cutoff)?;
    let leftovers = backup::clean_leftovers(Path::new(&backups.folder), now)?;
    let drafts = store.with_tx(|tx| {
        let drafts = old_drafts(tx, cutoff)?;
        if papers + drafts > 0 {
            let detail = format!(
                "deleted {papers} saved papers and {drafts} drafts (papers kept {days} days)"
            );
            audit::append(tx, now, &Entry::new(Action::Housekeeping, None).detail(&detail))?;
        }
        Ok(drafts)
    })?;
    Ok(Tidied { papers, drafts, leftovers })
}

/// Deletes the papers in `folder` saved before `cutoff` (by the time in their name,
/// `<paper>-session-<id>-<UTC time>.pdf`, and half-written ones); returns how many went.
pub fn old_papers(folder: &Path, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(StoreError::Io(folder.to_owned(), e)),
    };
    let mut removed = 0;
    for name in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
        if saved_at(&name).is_some_and(|at| at < cutoff) {
            let path = folder.join(&name);
            std::fs::remove_file(&path).map_err(|e| StoreError::Io(path, e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// When the paper file `name` was saved, if it is one.
fn saved_at(name: &str) -> Option<DateTime<Utc>> {
    let stem = name.strip_suffix(".pdf").or_else(|| name.strip_suffix(".pdf.partial"))?;
    let (paper, stamp) = stem.rsplit_once('-')?;
    if !paper.contains("-session-") {
        return None;
    }
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").ok().map(|t| t.and_utc())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_saved_papers_have_a_saved_time() {
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 7, 1, 12, 0, 0).single();
        assert_eq!(saved_at("discharge-sheet-session-3-20260701T120000Z.pdf"), at);
        assert_eq!(saved_at("rems-form-session-12-20260701T120000Z.pdf.partial"), at);
        assert_eq!(saved_at("discharge-sheet-session-3-20260701T120000Z.txt"), None);
        assert_eq!(saved_at("my-letter-20260701T120000Z.pdf"), None);
        assert_eq!(saved_at("discharge-sheet-session-3-yesterday.pdf"), None);
    }
}
