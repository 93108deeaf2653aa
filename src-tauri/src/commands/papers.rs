//! Papers: the discharge sheet and the Spravato REMS form (shown, printed, saved as PDF), the
//! REMS details, and the forms-due list. A paper is rendered from the records each time; a PDF
//! is written only when the nurse asks, into the folder they choose, never into the data
//! directory or the backup folder (`export`), named by session id and time (never by patient
//! name); saving and printing are audited.

use super::Arg;
use chrono::{DateTime, Local, TimeZone, Utc};
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime, State};
use vigil_core::discharge::ready_without_minimum_minutes;
use vigil_core::draft::DraftForm;
use vigil_core::papers::rems::{
    FormDue, FormSubmittedInput, RemsDeadline, RemsDetails, RemsDetailsInput,
};
use vigil_core::papers::sheets;
use vigil_core::papers::Paper;
use vigil_core::{payload, ErrorCode, Permission, Protocol, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::{discharge, drafts, papers, rems};

use crate::events::{signal, RECORDS_CHANGED};
use crate::saved_files::{self, Saved, SavedFile};
use crate::state::AppState;

/// Which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperKind {
    Discharge,
    Rems,
}

impl PaperKind {
    fn slug(self) -> &'static str {
        match self {
            Self::Discharge => "discharge-sheet",
            Self::Rems => "rems-form",
        }
    }
}

/// A local time as papers show it ("2026-07-01 14:05").
fn when(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// The discharge sheet of a session.
#[tauri::command(async)]
pub fn discharge_sheet(state: State<'_, AppState>, session_id: Arg) -> Result<Paper, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    paper(&state, session_id, PaperKind::Discharge, &Local)
}

/// The pre-filled REMS form of a Spravato session.
#[tauri::command(async)]
pub fn rems_form(state: State<'_, AppState>, session_id: Arg) -> Result<Paper, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    paper(&state, session_id, PaperKind::Rems, &Local)
}

/// Saves the discharge sheet as PDF in `folder`; returns the file's path.
#[tauri::command(async)]
pub fn save_discharge_pdf(
    state: State<'_, AppState>,
    session_id: Arg,
    folder: Arg,
) -> Result<String, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    let folder: String = payload::parse_arg("folder", folder)?;
    let path = save_pdf(&state, session_id, PaperKind::Discharge, &folder, &Local)?;
    Ok(path.display().to_string())
}

/// Saves the REMS form as PDF in `folder`; returns the file's path.
#[tauri::command(async)]
pub fn save_rems_pdf(
    state: State<'_, AppState>,
    session_id: Arg,
    folder: Arg,
) -> Result<String, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    let folder: String = payload::parse_arg("folder", folder)?;
    Ok(save_pdf(&state, session_id, PaperKind::Rems, &folder, &Local)?.display().to_string())
}

/// The folder the page offers to save PDFs in: the user's Documents folder, else their home
/// ("" without one: the nurse types a folder).
#[tauri::command(async)]
pub fn default_export_folder(state: State<'_, AppState>) -> Result<String, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    Ok(saved_files::folder::default_folder().map(|f| f.display().to_string()).unwrap_or_default())
}

/// Records the print and opens the print dialog for the paper on screen.
#[tauri::command(async)]
pub fn print_paper<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: Arg,
    paper: Arg,
) -> Result<(), VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    let paper: PaperKind = payload::parse_arg("paper", paper)?;
    record_print(&state, session_id, paper)?;
    let window = app
        .get_webview_window("main")
        .ok_or_else(|| VigilError::internal("The main window is not open."))?;
    window
        .print()
        .map_err(|e| VigilError::internal(format!("The print dialog could not open: {e}")))
}

/// Saves the REMS details only a nurse can give (a new version).
#[tauri::command(async)]
pub fn save_rems_details<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<(), VigilError> {
    let input: RemsDetailsInput = payload::parse_arg("input", input)?;
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let details = input.validate(now.with_timezone(&Local).date_naive())?;
    state.store.with_tx(|tx| {
        rems::save_details(tx, input.session_id, &details, nurse.id, now)?;
        drafts::clear(tx, DraftForm::RemsDetails)
    })?;
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// The REMS details saved for a session (the latest version), to prefill their form.
#[tauri::command(async)]
pub fn load_rems_details(
    state: State<'_, AppState>,
    session_id: Arg,
) -> Result<Option<RemsDetails>, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    state.nurse_for(Permission::ClinicalWork)?;
    // A session that does not exist is `not_found`, not "no details yet".
    Ok(state.store.with_conn(|c| {
        vigil_store::sessions::get(c, session_id)?;
        rems::details(c, session_id)
    })?)
}

/// REMS forms due, overdue or lately submitted.
#[tauri::command(async)]
pub fn load_forms_due(state: State<'_, AppState>) -> Result<Vec<FormDue>, VigilError> {
    forms_due(&state, &Local)
}

/// Marks a REMS form submitted; returns the list again.
#[tauri::command(async)]
pub fn mark_form_submitted<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<Vec<FormDue>, VigilError> {
    let input: FormSubmittedInput = payload::parse_arg("input", input)?;
    let due = submit(&state, &input, &Local)?;
    signal(&app, RECORDS_CHANGED);
    Ok(due)
}

/// Marks a form submitted; returns the list with days in zone `tz`. Errors: `validation` on
/// `channel` (not portal, fax or phone) or `reference`, `conflict` for a second mark or a
/// session that is not Spravato.
pub fn submit<Tz: TimeZone>(
    state: &AppState,
    input: &FormSubmittedInput,
    tz: &Tz,
) -> Result<Vec<FormDue>, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let submission = input.validate()?;
    let now = state.clock.now();
    state.store.with_tx(|tx| rems::submit(tx, input.session_id, &submission, nurse.id, now))?;
    forms_due(state, tz)
}

/// Every REMS form due, overdue or lately submitted, with days in zone `tz` and the status
/// of each today (warned from the discharge policy's day).
pub fn forms_due<Tz: TimeZone>(state: &AppState, tz: &Tz) -> Result<Vec<FormDue>, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    Ok(state.store.with_conn(|c| {
        let warn_from_day = discharge::policy(c)?.rems_warn_from_day;
        rems::forms_due(c, now, tz, warn_from_day)
    })?)
}

/// Builds a paper of session `session_id`, with due dates in zone `tz`. Errors: `conflict` for
/// a REMS form of a session that is not Spravato.
pub fn paper<Tz: TimeZone>(
    state: &AppState,
    session_id: i64,
    kind: PaperKind,
    tz: &Tz,
) -> Result<Paper, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    Ok(state.store.with_conn(|c| {
        let record = papers::record(c, session_id)?;
        if kind == PaperKind::Discharge {
            return Ok(sheets::discharge_sheet(&record, &when));
        }
        if record.session.protocol != Protocol::Spravato {
            return Err(VigilError::new(
                ErrorCode::Conflict,
                "The REMS Patient Monitoring Form is for Spravato sessions only.",
            )
            .into());
        }
        let details = rems::details(c, session_id)?;
        let policy = discharge::policy(c)?;
        let ready = ready_without_minimum_minutes(
            &record.session,
            &record.checks,
            &record.thresholds,
            &policy,
        );
        let last_day = RemsDeadline::of(record.session.clock_started_at, tz).last_day;
        Ok(sheets::rems_form(&record, details.as_ref(), ready, last_day, &when))
    })?)
}

/// Writes the paper as a new PDF in the folder `folder` the nurse chose (never a file that
/// exists) and records the export with the file's path; returns the path. Errors: as
/// [`saved_files::save`] (also the data directory and the backup folder are refused).
pub fn save_pdf<Tz: TimeZone>(
    state: &AppState,
    session_id: i64,
    kind: PaperKind,
    folder: &str,
    tz: &Tz,
) -> Result<PathBuf, VigilError> {
    let now = state.clock.now();
    let file = SavedFile {
        stem: format!("{}-session-{session_id}-{}", kind.slug(), now.format("%Y%m%dT%H%M%SZ")),
        ext: "pdf",
        session: Some(session_id),
    };
    let path = saved_files::save(state, Permission::ClinicalWork, folder, file, || {
        let bytes = pdf_bytes(&paper(state, session_id, kind, tz)?)?;
        Ok(Saved { bytes, what: format!("{} of session #{session_id}", kind.slug()) })
    })?;
    tracing::info!("{} of session {session_id} saved as PDF", kind.slug());
    Ok(path)
}

/// A paper as the bytes of a PDF file (`vigil_pdf`); its failure is an internal error.
pub(crate) fn pdf_bytes(paper: &Paper) -> Result<Vec<u8>, VigilError> {
    vigil_pdf::render_pdf(paper).map_err(|error| VigilError::internal(error.to_string()))
}

/// Records that the nurse signed in printed a paper of `session_id` (not of a session that
/// does not exist).
fn record_print(state: &AppState, session_id: i64, kind: PaperKind) -> Result<(), VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let detail = format!("{} of session #{session_id} to print dialog", kind.slug());
    let entry = Entry::new(Action::Print, Some(nurse.id)).detail(&detail);
    state.store.with_tx(|tx| {
        vigil_store::sessions::get(tx, session_id)?; // never a record of a paper of no one
        audit::append(tx, now, &entry)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests;
