//! Locking the workstation without a command: after the clinic's idle time (on the monotonic
//! clock), and when an emergency access has run its time (the lock and sign-out entries that
//! storage refused are retried by `state::pending_audit`). The scheduler's loop calls these
//! each round; `AppState::nurse_for` checks the emergency limit too, so a stalled loop does not
//! extend a use. Every lock, by hand included (`commands::auth::lock`), goes through
//! [`lock_when`]: the lock takes effect first, its entry follows or waits in `pending_audit`.

use vigil_core::emergency::DEFAULT_EMERGENCY_MINUTES;
use vigil_core::sign_in::DEFAULT_IDLE_LOCK_SECONDS;
use vigil_core::{VigilError, Workstation};
use vigil_store::audit::Action;
use vigil_store::settings;

use crate::state::AppState;

/// Locks if it is open and `due` holds for the workstation (checked under its lock, so nothing
/// changes between the check and the lock), recording `action`; returns whether it locked.
pub fn lock_when(state: &AppState, action: Action, due: impl FnOnce(&Workstation) -> bool) -> bool {
    let now = state.clock.now();
    let locked = {
        let mut workstation = state.workstation();
        if workstation.is_open() && due(&workstation) {
            // Unlocking needs a PIN: an emergency access ends here.
            workstation.lock().map(|n| (n.id, end_emergency(state, n.id)))
        } else {
            None
        }
    };
    let Some((id, stamp)) = locked else { return false };
    state.pending_audit.record(&state.store, now, action, Some(id), stamp);
    tracing::info!("{} of account {id}", action.as_str());
    true
}

/// Ends the emergency access in force, if any, as `nurse_id` leaves the workstation; returns
/// the stamp of `nurse_id`'s leaving entry (the use, when it was theirs). Call it while
/// holding the workstation lock, in the block that changes the workstation.
pub fn end_emergency(state: &AppState, nurse_id: i64) -> Option<i64> {
    let in_force = state.store.emergency_in_force();
    state.store.set_emergency_use(None);
    in_force.and_then(|f| f.stamp_for(Some(nurse_id)))
}

/// Locks if nobody has touched the keyboard or pointer for the clinic's idle time, on the
/// monotonic clock (the default idle time if it cannot be read); returns whether it locked.
pub fn lock_if_idle(state: &AppState) -> Result<bool, VigilError> {
    let at = state.monotonic.elapsed();
    let idle = state.store.with_conn(settings::idle_lock_seconds).unwrap_or_else(|e| {
        tracing::warn!("idle time unreadable, using the default: {e}");
        DEFAULT_IDLE_LOCK_SECONDS
    });
    Ok(lock_when(state, Action::AutoLock, |w| w.idle_expired(at, idle)))
}

/// Locks the workstation if the emergency access in use has run its time (recorded as
/// `emergency_expired`); returns whether it did. A lock needs a PIN to undo. The limit is the
/// default one when the setting cannot be read: an unreadable setting never extends a use.
pub fn lock_if_emergency_over(state: &AppState) -> Result<bool, VigilError> {
    if !state.workstation().current().is_some_and(|s| s.emergency) {
        return Ok(false); // the common case: no setting to read
    }
    let now = state.clock.now();
    let minutes = state.store.with_conn(settings::emergency_minutes).unwrap_or_else(|e| {
        tracing::warn!("emergency access limit unreadable, using the default: {e}");
        DEFAULT_EMERGENCY_MINUTES
    });
    let due = |w: &Workstation| w.emergency_expired(now, minutes);
    Ok(lock_when(state, Action::EmergencyExpired, due))
}
