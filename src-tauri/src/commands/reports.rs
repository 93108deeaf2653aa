//! The day and shift report (issue 16): shown on screen, saved as PDF (the same paper writer as
//! every paper, `vigil_pdf`) and as CSV (one row per patient), by any signed-in nurse, also under emergency
//! access; and the clinic's shifts, changed by administrators. Saved files go through
//! [`saved_files::save`]: checked folder, new file, one `export` audit entry.

use super::Arg;
use chrono::{Local, TimeZone};
use tauri::{AppHandle, Runtime, State};
use vigil_core::report::{report_paper, report_table, DayReport, ReportInput, Shift, ShiftsEdit};
use vigil_core::{payload, Permission, VigilError};
use vigil_store::{report, settings};

use crate::events::{signal, RECORDS_CHANGED};
use crate::saved_files::{self, Saved, SavedFile};
use crate::state::AppState;

/// The report of a local day, or of one shift of it.
#[tauri::command(async)]
pub fn load_report(state: State<'_, AppState>, input: Arg) -> Result<DayReport, VigilError> {
    let input: ReportInput = payload::parse_arg("input", input)?;
    report_of(&state, &input, &Local)
}

/// Saves the report as PDF in `folder`; returns the file's path.
#[tauri::command(async)]
pub fn save_report_pdf(
    state: State<'_, AppState>,
    input: Arg,
    folder: Arg,
) -> Result<String, VigilError> {
    let input: ReportInput = payload::parse_arg("input", input)?;
    let folder: String = payload::parse_arg("folder", folder)?;
    save(&state, &input, &folder, "pdf", &Local)
}

/// Saves the report's patients as CSV in `folder` (columns: `vigil_core::report::REPORT_COLUMNS`);
/// returns the file's path.
#[tauri::command(async)]
pub fn save_report_csv(
    state: State<'_, AppState>,
    input: Arg,
    folder: Arg,
) -> Result<String, VigilError> {
    let input: ReportInput = payload::parse_arg("input", input)?;
    let folder: String = payload::parse_arg("folder", folder)?;
    save(&state, &input, &folder, "csv", &Local)
}

/// The clinic's shifts (any signed-in nurse: the report's shift list).
#[tauri::command(async)]
pub fn load_shifts(state: State<'_, AppState>) -> Result<Vec<Shift>, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    Ok(state.store.with_conn(settings::shifts)?)
}

/// Replaces the clinic's shifts (administrators); returns them.
#[tauri::command(async)]
pub fn update_shifts<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<Vec<Shift>, VigilError> {
    let edit: ShiftsEdit = payload::parse_arg("edit", edit)?;
    let (shifts, written) = change_shifts(&state, &edit)?;
    if written {
        signal(&app, RECORDS_CHANGED);
    }
    Ok(shifts)
}

/// Validates and records a change of the shifts by the administrator signed in; returns the
/// shifts and whether anything was written (not when they equal those in force).
/// Errors: `forbidden` without `Administer`, `validation` naming the field (nothing written).
pub fn change_shifts(
    state: &AppState,
    edit: &ShiftsEdit,
) -> Result<(Vec<Shift>, bool), VigilError> {
    let nurse = state.nurse_for(Permission::Administer)?;
    let valid = edit.validate()?;
    let now = state.clock.now();
    let written = state.store.with_tx(|tx| settings::set_shifts(tx, &valid, nurse.id, now))?;
    Ok((valid, written))
}

/// The report for `input`, days local to `tz`. Errors: `forbidden` when signed out or locked;
/// `validation` on `day` or `shift`.
pub fn report_of<Tz: TimeZone>(
    state: &AppState,
    input: &ReportInput,
    tz: &Tz,
) -> Result<DayReport, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    Ok(state.store.with_conn(|c| report::load(c, input, tz))?)
}

/// Saves the report of `input` as `ext` ("pdf" or "csv") in `folder`; returns the path.
pub fn save<Tz: TimeZone>(
    state: &AppState,
    input: &ReportInput,
    folder: &str,
    ext: &'static str,
    tz: &Tz,
) -> Result<String, VigilError>
where
    Tz::Offset: std::fmt::Display,
{
    let report = report_of(state, input, tz)?;
    let start = report.starts_at.with_timezone(tz).format("%H%M");
    let stem = match input.shift.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => format!("day-report-{}", report.day),
        Some(_) => format!("shift-report-{}-{start}", report.day),
    };
    let what = format!("{} report of {} from {start}", ext.to_uppercase(), report.day);
    let file = SavedFile { stem, ext, session: None };
    let path = saved_files::save(state, Permission::ClinicalWork, folder, file, || {
        let bytes = match ext {
            "pdf" => super::papers::pdf_bytes(&report_paper(&report, tz))?,
            _ => report_table(&report, tz).to_csv(),
        };
        Ok(Saved { bytes, what })
    })?;
    Ok(path.display().to_string())
}

#[cfg(test)]
mod tests;
