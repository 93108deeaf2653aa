//! Nurse notes: "Add note for Bay N" writes one, with its audit entry, for a patient still in
//! recovery. The payload is parsed here so a wrong type names its field.

use super::Arg;
use chrono::TimeZone;
use tauri::{AppHandle, Runtime, State};
use vigil_core::checks::DEFAULT_LATE_ENTRY_MINUTES;
use vigil_core::notes::{NoteContext, NoteInput, NoteSaved};
use vigil_core::{payload, Permission, VigilError};
use vigil_store::{notes, sessions};

use crate::events::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// Adds a note; returns its id once committed.
#[tauri::command(async)]
pub fn add_note<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<NoteSaved, VigilError> {
    let input: NoteInput = payload::parse_arg("input", input)?;
    let saved = add(&state, &input, &chrono::Local)?;
    tracing::info!("note {} added", saved.note_id);
    signal(&app, RECORDS_CHANGED);
    Ok(saved)
}

/// Validates (a typed local time read in zone `tz`) and stores a note by the signed-in nurse.
/// Errors: `validation` naming the field, `not_found` for an unknown session, `conflict` once
/// the patient left; nothing is written then.
pub fn add<Tz: TimeZone>(
    state: &AppState,
    input: &NoteInput,
    tz: &Tz,
) -> Result<NoteSaved, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let session_id = input.session_id()?;
    let now = state.clock.now();
    let note_id = state.store.with_tx(|tx| {
        let session = sessions::get(tx, session_id)?;
        let context = NoteContext {
            session_id,
            clock_started_at: session.clock_started_at,
            late_entry_minutes: DEFAULT_LATE_ENTRY_MINUTES,
        };
        let note = input.validate(now, tz, &context)?;
        notes::add(tx, &note, nurse.id, now)
    })?;
    Ok(NoteSaved { note_id })
}

#[cfg(test)]
mod tests;
