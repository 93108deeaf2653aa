//! An administrator's change, the shape every settings edit shares: the permission first, then
//! the edit's validation, then one transaction in which the store writes the change with its
//! audit entry, attributed to the administrator at the clock's now. A refusal at any step
//! writes nothing.

use chrono::{DateTime, Utc};
use vigil_core::{ClinicSettings, Permission, VigilError};
use vigil_store::{StoreError, Transaction};

use crate::state::AppState;

/// Runs an administrator's change. Errors: `forbidden` unless an administrator is signed in
/// with a PIN; then `validate`'s error (nothing written); then the store's. `write` gets the
/// validated value, the administrator's id and now, inside one transaction; its result is
/// returned.
pub fn admin_change<V, T>(
    state: &AppState,
    validate: impl FnOnce() -> Result<V, VigilError>,
    write: impl FnOnce(&Transaction<'_>, &V, i64, DateTime<Utc>) -> Result<T, StoreError>,
) -> Result<T, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let valid = validate()?;
    let now = state.clock.now();
    Ok(state.store.with_tx(|tx| write(tx, &valid, admin.id, now))?)
}

/// [`admin_change`], then the settings as they now stand.
pub fn change_settings<V, T>(
    state: &AppState,
    validate: impl FnOnce() -> Result<V, VigilError>,
    write: impl FnOnce(&Transaction<'_>, &V, i64, DateTime<Utc>) -> Result<T, StoreError>,
) -> Result<ClinicSettings, VigilError> {
    admin_change(state, validate, write)?;
    super::load(state)
}

#[cfg(test)]
mod tests;
