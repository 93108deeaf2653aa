//! The audit trail's review for administrators (issue 16, 21 CFR 11.10(e)): the entries a
//! filter selects a page at a time, the lists the filter offers, and the export of every
//! matching entry as CSV (through [`saved_files::save`], which records its own `export`).
//! Reading the trail is `Administer`, which emergency access never gives. The chain's state is
//! the records module's (`load_integrity`, `verify_records`).

use super::Arg;
use chrono::{Local, TimeZone};
use std::path::PathBuf;
use tauri::State;
use vigil_core::audit_review::{
    audit_table, AuditChoices, AuditFilter, AuditPage, AuditQuery, PAGE_SIZE,
};
use vigil_core::{payload, Permission, VigilError};
use vigil_store::audit::review;
use vigil_store::{nurses, sessions};

use crate::saved_files::{self, SavedFile};
use crate::state::AppState;

/// One page of the entries `filter` selects, newest first.
#[tauri::command(async)]
pub fn load_audit_trail(state: State<'_, AppState>, filter: Arg) -> Result<AuditPage, VigilError> {
    let filter: AuditFilter = payload::parse_arg("filter", filter)?;
    trail_page(&state, &filter, &Local)
}

/// The actions and accounts the filter's lists offer.
#[tauri::command(async)]
pub fn load_audit_choices(state: State<'_, AppState>) -> Result<AuditChoices, VigilError> {
    choices(&state)
}

/// Saves every entry `filter` selects as CSV in `folder`; returns the file's path.
#[tauri::command(async)]
pub fn export_audit_csv(
    state: State<'_, AppState>,
    filter: Arg,
    folder: Arg,
) -> Result<String, VigilError> {
    let filter: AuditFilter = payload::parse_arg("filter", filter)?;
    let folder: String = payload::parse_arg("folder", folder)?;
    Ok(export(&state, &filter, &folder, &Local)?.display().to_string())
}

/// The checked filter, days read in `tz`. Errors: `validation` (see
/// [`AuditFilter::validate`]); `not_found` for a nurse or a session that does not exist.
fn checked<Tz: TimeZone>(
    state: &AppState,
    filter: &AuditFilter,
    tz: &Tz,
) -> Result<AuditQuery, VigilError> {
    let query = filter.validate(tz, &review::action_names())?;
    state.store.with_conn(|c| {
        if let Some(id) = query.nurse_id {
            nurses::get(c, id)?;
        }
        if let Some(id) = query.session_id {
            sessions::get(c, id)?;
        }
        Ok(())
    })?;
    Ok(query)
}

/// One page. Errors: `forbidden` unless an administrator signed in with a PIN; as [`checked`].
pub fn trail_page<Tz: TimeZone>(
    state: &AppState,
    filter: &AuditFilter,
    tz: &Tz,
) -> Result<AuditPage, VigilError> {
    state.nurse_for(Permission::Administer)?;
    let query = checked(state, filter, tz)?;
    Ok(state.store.with_conn(|c| review::page(c, &query, PAGE_SIZE))?)
}

/// The filter's lists. Errors: `forbidden` as [`trail_page`].
pub fn choices(state: &AppState) -> Result<AuditChoices, VigilError> {
    state.nurse_for(Permission::Administer)?;
    let nurses = state.store.with_conn(nurses::all)?;
    let actions = review::action_names().into_iter().map(str::to_owned).collect();
    Ok(AuditChoices { actions, nurses })
}

/// Writes every matching entry (not only one page) as CSV into `folder`. Errors: as
/// [`trail_page`], and as [`saved_files::save`] (`validation` on `folder`).
pub fn export<Tz: TimeZone>(
    state: &AppState,
    filter: &AuditFilter,
    folder: &str,
    tz: &Tz,
) -> Result<PathBuf, VigilError> {
    state.nurse_for(Permission::Administer)?;
    let query = checked(state, filter, tz)?;
    let now = state.clock.now();
    let file = SavedFile {
        stem: format!("audit-trail-{}", now.format("%Y%m%dT%H%M%SZ")),
        ext: "csv",
        session: None,
    };
    let path = saved_files::save(state, Permission::Administer, folder, file, || {
        let rows = state.store.with_conn(|c| review::all(c, &query))?;
        let what = format!("audit trail ({})", described(&query));
        Ok(saved_files::Saved { bytes: audit_table(&rows).to_csv(), what })
    })?;
    tracing::info!("audit trail exported ({})", described(&query));
    Ok(path)
}

/// The filter in the export's audit entry: ids, times and an action name, never a name.
fn described(q: &AuditQuery) -> String {
    let mut parts = Vec::new();
    if let Some(t) = q.from {
        parts.push(format!("from {}", t.to_rfc3339()));
    }
    if let Some(t) = q.until {
        parts.push(format!("before {}", t.to_rfc3339()));
    }
    if let Some(id) = q.nurse_id {
        parts.push(format!("account #{id}"));
    }
    if let Some(a) = &q.action {
        parts.push(format!("action {a}"));
    }
    if let Some(id) = q.session_id {
        parts.push(format!("session #{id}"));
    }
    if parts.is_empty() {
        return "every entry".to_owned();
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests;
