//! History: searching every session ever admitted (issue 16). Any signed-in nurse may search
//! (`ClinicalWork`, emergency access included); opening a found session reuses `load_session`
//! and the papers commands, which read a session however long ago it ended. Read-only: no
//! write, no audit entry. The search text holds patient names, so it is never logged.

use super::Arg;
use chrono::{Local, TimeZone};
use tauri::State;
use vigil_core::history::{HistoryPage, HistoryQuery};
use vigil_core::{payload, Permission, VigilError};
use vigil_store::history;

use crate::state::AppState;

/// The sessions `query` finds, newest first, at most 200.
#[tauri::command(async)]
pub fn search_history(state: State<'_, AppState>, query: Arg) -> Result<HistoryPage, VigilError> {
    let query: HistoryQuery = payload::parse_arg("query", query)?;
    let page = search(&state, &query, &Local)?;
    tracing::info!("history search: {} row(s), more: {}", page.rows.len(), page.more);
    Ok(page)
}

/// Checks the nurse and the query (days read in zone `tz`) and searches. Errors:
/// `validation` naming the field (see [`HistoryQuery::validate`]); the nurse's permission.
pub fn search<Tz: TimeZone>(
    state: &AppState,
    query: &HistoryQuery,
    tz: &Tz,
) -> Result<HistoryPage, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    let search = query.validate(tz)?;
    Ok(state.store.with_conn(|c| history::search(c, &search))?)
}

#[cfg(test)]
mod tests;
