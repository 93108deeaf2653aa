//! Accounts, managed by administrators: list, create, deactivate / reactivate, new PIN.
//! Each change writes its one audit entry in its transaction.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::payload;
use vigil_core::{
    AccountStatusInput, NewNurseInput, Nurse, Permission, PinResetInput, Role, VigilError,
};
use vigil_store::nurses;

use super::settings::admin_change;
use crate::events::{signal, AUTH_CHANGED};
use crate::state::AppState;

/// Every account, deactivated ones included.
#[tauri::command(async)]
pub fn load_accounts(state: State<'_, AppState>) -> Result<Vec<Nurse>, VigilError> {
    state.nurse_for(Permission::Administer)?;
    Ok(state.store.with_conn(nurses::all)?)
}

/// Creates an account; returns every account.
#[tauri::command(async)]
pub fn create_account<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<Vec<Nurse>, VigilError> {
    let input: NewNurseInput = payload::parse_arg("input", input)?;
    let accounts = create(&state, &input)?;
    signal(&app, AUTH_CHANGED);
    Ok(accounts)
}

/// Deactivates or reactivates an account; returns every account.
#[tauri::command(async)]
pub fn set_account_active<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<Vec<Nurse>, VigilError> {
    let input: AccountStatusInput = payload::parse_arg("input", input)?;
    let accounts = set_active(&state, &input)?;
    signal(&app, AUTH_CHANGED);
    Ok(accounts)
}

/// Sets a new PIN for an account.
#[tauri::command(async)]
pub fn reset_pin(state: State<'_, AppState>, input: Arg) -> Result<(), VigilError> {
    let input: PinResetInput = payload::parse_arg("input", input)?;
    new_pin(&state, &input)
}

/// Validates and creates an account as the signed-in administrator.
pub fn create(state: &AppState, input: &NewNurseInput) -> Result<Vec<Nurse>, VigilError> {
    let (id, admin) = admin_change(
        state,
        || input.validate(),
        |tx, new, by, now| Ok((nurses::create(tx, new, Some(by), now)?, by)),
    )?;
    tracing::info!("account {id} created by account {admin}");
    Ok(state.store.with_conn(nurses::all)?)
}

/// Changes an account's status as the signed-in administrator.
pub fn set_active(state: &AppState, input: &AccountStatusInput) -> Result<Vec<Nurse>, VigilError> {
    let admin = admin_change(
        state,
        || Ok(()),
        |tx, _, by, now| {
            nurses::set_active(tx, input.nurse_id, input.active, by, now)?;
            Ok(by)
        },
    )?;
    if !input.active && input.nurse_id == admin {
        // A deactivated account is signed out at once; the deactivation entry records it.
        state.workstation().sign_out();
    }
    Ok(state.store.with_conn(nurses::all)?)
}

/// Sets a new PIN as the signed-in administrator (6 digits at least for an administrator's
/// account). An unknown account is refused as `not_found` by the store.
pub fn new_pin(state: &AppState, input: &PinResetInput) -> Result<(), VigilError> {
    let validate = || {
        let account = state.store.with_conn(|c| nurses::get(c, input.nurse_id));
        input.validate(account.map_or(Role::Nurse, |n| n.role))
    };
    admin_change(state, validate, |tx, pin, by, now| {
        nurses::reset_pin(tx, input.nurse_id, pin, by, now)
    })?;
    state.pin_attempts.reset(input.nurse_id); // a new PIN starts a new run, as stored
    Ok(())
}
