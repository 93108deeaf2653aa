//! Sign-in: the first administrator, signing in / unlocking / switching nurse with a PIN,
//! signing out, locking (by hand and after idle), emergency access. Each accepted action writes
//! its one audit entry; a wrong PIN is recorded too, and a run of them makes the next wait.

use tauri::{AppHandle, State};
use vigil_core::people::Pin;
use vigil_core::sign_in::{sign_in_wait, wait_error};
use vigil_core::{
    AuthStatus, EmergencyInput, ErrorCode, NewNurseInput, Nurse, Role, SignInInput, VigilError,
};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::{nurses, settings};

use super::{signal, AUTH_CHANGED, RECORDS_CHANGED};
use crate::state::AppState;

/// Who is signed in, whether it is locked, the accounts to choose from.
#[tauri::command(async)]
pub fn load_auth(state: State<'_, AppState>) -> Result<AuthStatus, VigilError> {
    status(&state)
}

/// First start: creates the first administrator and signs them in.
#[tauri::command(async)]
pub fn create_first_admin(
    app: AppHandle,
    state: State<'_, AppState>,
    input: NewNurseInput,
) -> Result<AuthStatus, VigilError> {
    let status = first_admin(&state, &input)?;
    changed(&app);
    Ok(status)
}

/// Signs in, unlocks, or switches nurse.
#[tauri::command(async)]
pub fn sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    input: SignInInput,
) -> Result<AuthStatus, VigilError> {
    let result = sign_in_with_pin(&state, &input);
    changed(&app);
    result
}

/// Signs the current nurse out.
#[tauri::command(async)]
pub fn sign_out(app: AppHandle, state: State<'_, AppState>) -> Result<AuthStatus, VigilError> {
    let status = leave(&state)?;
    changed(&app);
    Ok(status)
}

/// Locks the workstation now.
#[tauri::command(async)]
pub fn lock_screen(app: AppHandle, state: State<'_, AppState>) -> Result<AuthStatus, VigilError> {
    let status = lock(&state, Action::Lock)?;
    changed(&app);
    Ok(status)
}

/// A person is at the keyboard: postpones the idle lock.
#[tauri::command(async)]
pub fn note_activity(state: State<'_, AppState>) {
    let now = state.clock.now();
    state.workstation().touch(now);
}

/// Emergency access without a PIN, with a reason.
#[tauri::command(async)]
pub fn emergency_access(
    app: AppHandle,
    state: State<'_, AppState>,
    input: EmergencyInput,
) -> Result<AuthStatus, VigilError> {
    let status = break_glass(&state, &input)?;
    changed(&app);
    Ok(status)
}

fn changed(app: &AppHandle) {
    signal(app, AUTH_CHANGED);
    signal(app, RECORDS_CHANGED);
}

/// The sign-in state as the UI sees it.
pub fn status(state: &AppState) -> Result<AuthStatus, VigilError> {
    let (accounts, idle_lock_seconds) =
        state.store.with_conn(|c| Ok((nurses::all(c)?, settings::idle_lock_seconds(c)?)))?;
    let workstation = state.workstation();
    let current = workstation.current();
    Ok(AuthStatus {
        setup_needed: accounts.is_empty(),
        nurse: current.map(|s| s.nurse.clone()),
        locked: workstation.is_locked(),
        emergency: current.is_some_and(|s| s.emergency),
        accounts: accounts.into_iter().filter(|n| n.active).collect(),
        idle_lock_seconds,
    })
}

/// Creates the first administrator (only while no account exists) and signs them in.
pub fn first_admin(state: &AppState, input: &NewNurseInput) -> Result<AuthStatus, VigilError> {
    let new = input.validate()?;
    if new.role != Role::Admin {
        return Err(VigilError::validation("role", "The first account must be an administrator."));
    }
    let now = state.clock.now();
    let id = state.store.with_tx(|tx| {
        if nurses::any(tx)? {
            return Err(VigilError::new(ErrorCode::Conflict, "Vigil is already set up.").into());
        }
        nurses::create(tx, &new, None, now)
    })?;
    let nurse = state.store.with_conn(|c| nurses::get(c, id))?;
    eprintln!("vigil: first administrator, account {id}, created");
    state.workstation().sign_in(nurse, false, now);
    status(state)
}

/// Checks the PIN and signs in, unlocks or switches. Errors: `validation` on `pin` for a PIN
/// that is not 4-8 digits (nothing recorded); `forbidden` for a deactivated account, during
/// the wait after repeated wrong PINs (nothing recorded), or for a wrong PIN (recorded).
pub fn sign_in_with_pin(state: &AppState, input: &SignInInput) -> Result<AuthStatus, VigilError> {
    let pin = Pin::parse(&input.pin, "pin")?;
    let nurse = active_account(state, input.nurse_id)?;
    let now = state.clock.now();
    let (failures, last) = state.store.with_conn(|c| nurses::failures(c, nurse.id))?;
    if let Some(remaining) = sign_in_wait(failures, last, now) {
        return Err(wait_error(remaining));
    }
    if !state.store.with_conn(|c| nurses::pin_matches(c, nurse.id, &pin))? {
        let detail = format!("wrong PIN, {} in a row", failures + 1);
        let entry = Entry::new(Action::SignInFailed, Some(nurse.id)).detail(&detail);
        state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
        eprintln!("vigil: wrong PIN for account {}", nurse.id);
        return Err(VigilError::new(ErrorCode::Forbidden, "Wrong PIN."));
    }
    let (action, detail) = {
        let workstation = state.workstation();
        match workstation.current() {
            Some(s) if s.nurse.id != nurse.id => {
                (Action::SwitchNurse, format!("from account #{}", s.nurse.id))
            }
            Some(_) if workstation.is_locked() => (Action::Unlock, String::new()),
            _ => (Action::SignIn, String::new()),
        }
    };
    let entry = Entry::new(action, Some(nurse.id)).detail(&detail);
    state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    eprintln!("vigil: {} by account {}", action.as_str(), nurse.id);
    state.workstation().sign_in(nurse, false, now);
    status(state)
}

/// A signature: `nurse` re-enters their PIN. A wrong PIN counts (and is recorded) as a failed
/// sign-in, so guessing at a signature meets the same waits. Errors: `validation` on `pin` for
/// a PIN that is not 4-8 digits; `forbidden` for a wrong PIN or during the wait.
pub fn verify_signature(state: &AppState, nurse: &Nurse, raw_pin: &str) -> Result<(), VigilError> {
    let pin = Pin::parse(raw_pin, "pin")?;
    let now = state.clock.now();
    let (failures, last) = state.store.with_conn(|c| nurses::failures(c, nurse.id))?;
    if let Some(remaining) = sign_in_wait(failures, last, now) {
        return Err(wait_error(remaining));
    }
    if !state.store.with_conn(|c| nurses::pin_matches(c, nurse.id, &pin))? {
        let detail = format!("wrong PIN at a signature, {} in a row", failures + 1);
        let entry = Entry::new(Action::SignInFailed, Some(nurse.id)).detail(&detail);
        state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
        eprintln!("vigil: wrong PIN at a signature for account {}", nurse.id);
        return Err(VigilError {
            code: ErrorCode::Forbidden,
            message: "Wrong PIN: the discharge is not signed.".into(),
            field: Some("pin".into()),
        });
    }
    Ok(())
}

/// Signs out whoever is signed in (nothing happens, and nothing is recorded, if nobody is).
pub fn leave(state: &AppState) -> Result<AuthStatus, VigilError> {
    let now = state.clock.now();
    let current = state.workstation().current().map(|s| s.nurse.id);
    if let Some(id) = current {
        state.store.with_tx(|tx| audit::append(tx, now, &Entry::new(Action::SignOut, Some(id))))?;
        state.workstation().sign_out();
        eprintln!("vigil: account {id} signed out");
    }
    status(state)
}

/// Locks (by hand: `Action::Lock`; after idle: `Action::AutoLock`) if it is open.
pub fn lock(state: &AppState, action: Action) -> Result<AuthStatus, VigilError> {
    let now = state.clock.now();
    let open = state.workstation().is_open();
    let id = state.workstation().current().map(|s| s.nurse.id);
    if open {
        state.store.with_tx(|tx| audit::append(tx, now, &Entry::new(action, id)))?;
        state.workstation().lock();
        eprintln!("vigil: {}", action.as_str());
    }
    status(state)
}

/// Locks if the workstation has been idle for the clinic's idle time; returns whether it did.
pub fn lock_if_idle(state: &AppState) -> Result<bool, VigilError> {
    let now = state.clock.now();
    let idle = state.store.with_conn(settings::idle_lock_seconds)?;
    if !state.workstation().idle_expired(now, idle) {
        return Ok(false);
    }
    lock(state, Action::AutoLock)?;
    Ok(true)
}

/// Emergency access: signs `nurse_id` in without a PIN, recording the reason.
pub fn break_glass(state: &AppState, input: &EmergencyInput) -> Result<AuthStatus, VigilError> {
    let reason = input.reason()?;
    let nurse = active_account(state, input.nurse_id)?;
    let now = state.clock.now();
    let entry = Entry::new(Action::EmergencyAccess, Some(nurse.id)).detail(&reason);
    state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    eprintln!("vigil: EMERGENCY ACCESS by account {}", nurse.id);
    state.workstation().sign_in(nurse, true, now);
    status(state)
}

fn active_account(state: &AppState, id: i64) -> Result<Nurse, VigilError> {
    let nurse = state.store.with_conn(|c| nurses::get(c, id))?;
    if !nurse.active {
        return Err(VigilError::new(ErrorCode::Forbidden, "This account is deactivated."));
    }
    Ok(nurse)
}
