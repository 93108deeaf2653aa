//! CSV export of sessions and of checks for a range of local days (issue 16), for
//! administrators only: the rows are read in one query per table, made into a
//! `vigil_core::table::Table`, and saved through `saved_files` (folder checked, new owner-only
//! file, one `export` audit entry naming the table, the days and the row count: never a name).

#[cfg(test)]
mod tests;

use super::Arg;
use chrono::{Local, TimeZone};
use std::path::PathBuf;
use tauri::State;
use vigil_core::exports::columns::{check_cells, session_cells, CHECK_COLUMNS, SESSION_COLUMNS};
use vigil_core::exports::{CsvExportInput, ExportDays};
use vigil_core::table::Table;
use vigil_core::{payload, Permission, VigilError};
use vigil_store::exports;

use crate::saved_files::{self, Saved, SavedFile};
use crate::state::AppState;

/// Which table to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    Sessions,
    Checks,
}

impl ExportTable {
    fn slug(self) -> &'static str {
        match self {
            Self::Sessions => "sessions",
            Self::Checks => "checks",
        }
    }
}

/// Saves the sessions of the days as CSV in the folder; returns the file's path.
#[tauri::command(async)]
pub fn export_sessions_csv(state: State<'_, AppState>, input: Arg) -> Result<String, VigilError> {
    let input: CsvExportInput = payload::parse_arg("input", input)?;
    Ok(export(&state, &input, ExportTable::Sessions, &Local)?.display().to_string())
}

/// Saves the checks of the sessions of the days as CSV in the folder; returns the file's path.
#[tauri::command(async)]
pub fn export_checks_csv(state: State<'_, AppState>, input: Arg) -> Result<String, VigilError> {
    let input: CsvExportInput = payload::parse_arg("input", input)?;
    Ok(export(&state, &input, ExportTable::Checks, &Local)?.display().to_string())
}

/// Exports `table` for the days of `input`, read in zone `tz`, by an administrator.
///
/// Errors: `forbidden` for anyone else; `validation` on `from`/`to` (see
/// `CsvExportInput::validate`) or `folder` (see `saved_files::folder::check_folder`); nothing
/// is written and nothing audited then.
pub fn export<Tz: TimeZone>(
    state: &AppState,
    input: &CsvExportInput,
    table: ExportTable,
    tz: &Tz,
) -> Result<PathBuf, VigilError>
where
    Tz::Offset: std::fmt::Display,
{
    state.nurse_for(Permission::Administer)?;
    let now = state.clock.now();
    let days = input.validate(now.with_timezone(tz).date_naive())?;
    let file = SavedFile {
        stem: format!(
            "vigil-{}-{}-to-{}-{}",
            table.slug(),
            days.from,
            days.to,
            now.format("%Y%m%dT%H%M%SZ")
        ),
        ext: "csv",
        session: None,
    };
    let mut count = 0;
    // The rows are read only once the folder is accepted.
    let path = saved_files::save(state, Permission::Administer, &input.folder, file, || {
        let rows = read(state, days, table, tz)?;
        count = rows.rows.len();
        let what = format!("{} from {} to {} ({count} rows)", table.slug(), days.from, days.to);
        Ok(Saved { bytes: rows.to_csv(), what })
    })?;
    tracing::info!("{} exported as CSV: {count} rows", table.slug());
    Ok(path)
}

/// The table's rows for the days, in one query.
fn read<Tz: TimeZone>(
    state: &AppState,
    days: ExportDays,
    table: ExportTable,
    tz: &Tz,
) -> Result<Table, VigilError>
where
    Tz::Offset: std::fmt::Display,
{
    let (from, to) = days.utc_range(tz);
    Ok(state.store.with_conn(|c| match table {
        ExportTable::Sessions => {
            let mut out = Table::new(SESSION_COLUMNS);
            exports::each_session(c, from, to, |r| {
                out.push(session_cells(&r, tz));
                Ok(())
            })?;
            Ok(out)
        }
        ExportTable::Checks => {
            let mut out = Table::new(CHECK_COLUMNS);
            exports::each_check(c, from, to, |r| {
                out.push(check_cells(&r, tz));
                Ok(())
            })?;
            Ok(out)
        }
    })?)
}
