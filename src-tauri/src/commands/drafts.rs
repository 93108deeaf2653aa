//! Drafts of forms, saved as the nurse types so a closed or killed app loses nothing.
//! Saving a draft is not a clinical record: it signals nothing and writes no audit entry; a
//! draft holds patient data, so it needs a signed-in, unlocked workstation like any record.

use super::Arg;
use tauri::State;
use vigil_core::draft::{check_content, DraftForm};
use vigil_core::payload;
use vigil_core::{Draft, Permission, VigilError};
use vigil_store::drafts;

use crate::state::AppState;

/// Replaces the draft of `form` with `content`.
#[tauri::command(async)]
pub fn save_draft(state: State<'_, AppState>, form: Arg, content: Arg) -> Result<(), VigilError> {
    let form: String = payload::parse_arg("form", form)?;
    // Kept as typed: a pasted soft hyphen must not cost the nurse the draft.
    let content = payload::parse_verbatim_arg("content", content)?;
    state.nurse_for(Permission::ClinicalWork)?;
    let form = DraftForm::parse(&form)?;
    check_content(&content)?;
    let now = state.clock.now();
    Ok(state.store.with_tx(|tx| drafts::save(tx, form, &content, now))?)
}

/// The draft of `form`, if one was left.
#[tauri::command(async)]
pub fn load_draft(state: State<'_, AppState>, form: Arg) -> Result<Option<Draft>, VigilError> {
    let form: String = payload::parse_arg("form", form)?;
    state.nurse_for(Permission::ClinicalWork)?;
    let form = DraftForm::parse(&form)?;
    Ok(state.store.with_conn(|c| drafts::load(c, form))?)
}

/// Throws the draft of `form` away (the nurse chose to clear the form).
#[tauri::command(async)]
pub fn clear_draft(state: State<'_, AppState>, form: Arg) -> Result<(), VigilError> {
    let form: String = payload::parse_arg("form", form)?;
    state.nurse_for(Permission::ClinicalWork)?;
    let form = DraftForm::parse(&form)?;
    Ok(state.store.with_tx(|tx| drafts::clear(tx, form))?)
}
