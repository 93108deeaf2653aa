//! Sign-in: the first administrator, signing in / unlocking / switching nurse with a PIN,
//! signing out, locking (by hand and after idle), emergency access. Each accepted action writes
//! its one audit entry; a wrong PIN is recorded too, and a run of them makes the next wait.
//! Locking and signing out take effect before their entry is written, whatever storage does.
//! The emergency marker on the store (which audit entries an emergency access stamps) changes
//! only together with the workstation, under its lock, so no entry is stamped by a use that
//! has already ended or not yet begun.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::payload;
use vigil_core::people::Pin;
use vigil_core::{
    AuthStatus, EmergencyInput, ErrorCode, NewNurseInput, Nurse, Role, SignInInput, VigilError,
};
use vigil_store::audit::{self, Action, Entry, InForce};
use vigil_store::{nurses, settings};

use crate::events::{signal, AUTH_CHANGED, RECORDS_CHANGED};
use crate::locks::{end_emergency, lock_when};
use crate::state::AppState;

mod pin_check;

/// Who is signed in, whether it is locked, the accounts to choose from.
#[tauri::command(async)]
pub fn load_auth(state: State<'_, AppState>) -> Result<AuthStatus, VigilError> {
    status(&state)
}

/// First start: creates the first administrator and signs them in.
#[tauri::command(async)]
pub fn create_first_admin<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<AuthStatus, VigilError> {
    let input: NewNurseInput = payload::parse_arg("input", input)?;
    let status = first_admin(&state, &input)?;
    changed(&app);
    Ok(status)
}

/// Signs in, unlocks, or switches nurse.
#[tauri::command(async)]
pub fn sign_in<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<AuthStatus, VigilError> {
    let input: SignInInput = payload::parse_arg("input", input)?;
    let result = sign_in_with_pin(&state, &input);
    changed(&app);
    result
}

/// Signs the current nurse out.
#[tauri::command(async)]
pub fn sign_out<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<AuthStatus, VigilError> {
    let status = leave(&state)?;
    changed(&app);
    Ok(status)
}

/// Locks the workstation now.
#[tauri::command(async)]
pub fn lock_screen<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<AuthStatus, VigilError> {
    let status = lock(&state, Action::Lock)?;
    changed(&app);
    Ok(status)
}

/// A person pressed a key or used the pointer: postpones the idle lock. The only thing that
/// does (background reloads do not), measured on the monotonic clock.
#[tauri::command(async)]
pub fn note_activity(state: State<'_, AppState>) {
    let at = state.monotonic.elapsed();
    state.workstation().touch(at);
}

/// Emergency access without a PIN, with a reason.
#[tauri::command(async)]
pub fn emergency_access<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<AuthStatus, VigilError> {
    let input: EmergencyInput = payload::parse_arg("input", input)?;
    let status = break_glass(&state, &input)?;
    changed(&app);
    Ok(status)
}

fn changed<R: Runtime>(app: &AppHandle<R>) {
    signal(app, AUTH_CHANGED);
    signal(app, RECORDS_CHANGED);
}

/// The sign-in state as the UI sees it.
pub fn status(state: &AppState) -> Result<AuthStatus, VigilError> {
    let (accounts, idle_lock_seconds, emergency_minutes) = state.store.with_conn(|c| {
        Ok((nurses::all(c)?, settings::idle_lock_seconds(c)?, settings::emergency_minutes(c)?))
    })?;
    let workstation = state.workstation();
    let current = workstation.current();
    Ok(AuthStatus {
        setup_needed: accounts.is_empty(),
        nurse: current.map(|s| s.nurse.clone()),
        locked: workstation.is_locked(),
        emergency: current.is_some_and(|s| s.emergency),
        emergency_ends_at: workstation.emergency_ends_at(emergency_minutes),
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
    tracing::info!("first administrator, account {id}, created");
    state.workstation().sign_in(nurse, false, now, state.monotonic.elapsed());
    status(state)
}

/// Checks the PIN and signs in, unlocks or switches; a PIN hashed at an older cost is stored
/// again at the current one. Attempts at one account run one at a time. Errors: `validation`
/// on `pin` for a PIN that is not 4-8 digits (nothing recorded); `forbidden` for a deactivated
/// account, during the wait after repeated wrong PINs (nothing recorded), or for a wrong PIN
/// (recorded).
pub fn sign_in_with_pin(state: &AppState, input: &SignInInput) -> Result<AuthStatus, VigilError> {
    let pin = Pin::parse(&input.pin, "pin")?;
    let nurse = active_account(state, input.nurse_id)?;
    let attempt = state.pin_attempts.account(nurse.id);
    let mut counted = attempt.hold();
    let now = state.clock.now();
    let Some(stored) = pin_check::attempt(state, nurse.id, &mut counted, &pin, now, "wrong PIN")?
    else {
        return Err(VigilError::new(ErrorCode::Forbidden, "Wrong PIN."));
    };
    let upgraded = pin_check::upgraded_hash(&stored, &pin)?;
    state.pending_audit.retry(&state.store); // a lock left waiting goes before this entry
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
    // Its entry is never stamped: a PIN sign-in ends any emergency access, it is not part of it.
    pin_check::record_sign_in(state, nurse.id, action, &detail, upgraded.as_deref(), now)?;
    tracing::info!("{} by account {}", action.as_str(), nurse.id);
    let at = state.monotonic.elapsed();
    {
        let mut workstation = state.workstation();
        workstation.sign_in(nurse, false, now, at);
        state.store.set_emergency_use(None);
    }
    status(state)
}

/// A signature: `nurse` re-enters their PIN. A wrong PIN counts (and is recorded) as a failed
/// sign-in, so guessing at a signature meets the same waits (and the same one-at-a-time rule).
/// Errors: `validation` on `pin` for a PIN that is not 4-8 digits; `forbidden` for a wrong PIN
/// or during the wait.
pub fn verify_signature(state: &AppState, nurse: &Nurse, raw_pin: &str) -> Result<(), VigilError> {
    let pin = Pin::parse(raw_pin, "pin")?;
    let attempt = state.pin_attempts.account(nurse.id);
    let mut counted = attempt.hold();
    let now = state.clock.now();
    let what = "wrong PIN at a signature";
    if pin_check::attempt(state, nurse.id, &mut counted, &pin, now, what)?.is_none() {
        return Err(VigilError {
            code: ErrorCode::Forbidden,
            message: "Wrong PIN: the discharge is not signed.".into(),
            field: Some("pin".into()),
        });
    }
    Ok(())
}

/// Signs out whoever is signed in (nothing happens, and nothing is recorded, if nobody is).
/// The sign-out takes effect first; its entry follows, or waits in `pending_audit` while
/// storage refuses it (the sign-out still succeeds).
pub fn leave(state: &AppState) -> Result<AuthStatus, VigilError> {
    let now = state.clock.now();
    let left = {
        let mut workstation = state.workstation();
        let left = workstation.sign_out().map(|n| n.id);
        left.map(|id| (id, end_emergency(state, id)))
    };
    if let Some((id, stamp)) = left {
        state.pending_audit.record(&state.store, now, Action::SignOut, Some(id), stamp);
        tracing::info!("account {id} signed out");
    }
    status(state)
}

/// Locks (by hand: `Action::Lock`; after idle: `Action::AutoLock`) if it is open. The lock
/// takes effect first; its entry follows, or waits in `pending_audit` while storage refuses
/// it (the lock still succeeds).
pub fn lock(state: &AppState, action: Action) -> Result<AuthStatus, VigilError> {
    lock_when(state, action, |_| true);
    status(state)
}

/// Emergency access: signs `nurse_id` in without a PIN, recording the reason. Entries left
/// waiting (a lock, a sign-out) are written first, with their own stamps.
pub fn break_glass(state: &AppState, input: &EmergencyInput) -> Result<AuthStatus, VigilError> {
    let reason = input.reason()?;
    let nurse = active_account(state, input.nurse_id)?;
    state.pending_audit.retry(&state.store); // a lock left waiting goes before this entry
    let now = state.clock.now();
    // This entry starts a use; it is not an action of one (nor of any use still in force).
    let entry = Entry::new(Action::EmergencyAccess, Some(nurse.id)).detail(&reason).stamped(None);
    let use_seq = state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    tracing::warn!("EMERGENCY ACCESS by account {} (use {use_seq})", nurse.id);
    let in_force = InForce { use_seq, nurse_id: nurse.id };
    let at = state.monotonic.elapsed();
    {
        let mut workstation = state.workstation();
        workstation.sign_in(nurse, true, now, at);
        state.store.set_emergency_use(Some(in_force));
    }
    status(state)
}

fn active_account(state: &AppState, id: i64) -> Result<Nurse, VigilError> {
    let nurse = state.store.with_conn(|c| nurses::get(c, id))?;
    if !nurse.active {
        return Err(VigilError::new(ErrorCode::Forbidden, "This account is deactivated."));
    }
    Ok(nurse)
}

#[cfg(test)]
mod tests;
