//! One PIN attempt at one account, for a sign-in or a signature. The caller holds the
//! account's attempt lock (`AppState::pin_attempts`) from before [`attempt`] until it has
//! recorded the outcome, so attempts made in parallel meet the same waits as attempts made one
//! after another. The argon2 check runs outside the connection: alerts never wait for it.
//! The run of wrong PINs is the longer of the stored one and the one counted in memory, so
//! it grows (and makes its waits) even while storage refuses the `sign_in_failed` entries.

use chrono::{DateTime, Utc};
use vigil_core::people::Pin;
use vigil_core::sign_in::{sign_in_wait, wait_error};
use vigil_core::VigilError;
use vigil_store::audit::{self, Action, Entry};
use vigil_store::nurses::{self, StoredPin};

use crate::state::{AppState, PinFailures};

/// Checks `pin` for `nurse_id` at `now`, with `counted` the account's run of wrong PINs in
/// memory (behind its attempt lock): the PIN in force when it is right (the run counted in
/// memory ends), `None` when it is wrong (counted, then recorded as a failed sign-in, `what`
/// saying where). Errors: `forbidden` during the wait after a run of wrong PINs (nothing
/// recorded, no PIN compared); storage (a wrong PIN is counted all the same).
pub(super) fn attempt(
    state: &AppState,
    nurse_id: i64,
    counted: &mut PinFailures,
    pin: &Pin,
    now: DateTime<Utc>,
    what: &str,
) -> Result<Option<StoredPin>, VigilError> {
    let (stored_failures, stored_last) =
        state.store.with_conn(|c| nurses::failures(c, nurse_id))?;
    let (failures, last) = counted.worst_with(stored_failures, stored_last);
    if let Some(remaining) = sign_in_wait(failures, last, now) {
        return Err(wait_error(remaining));
    }
    let stored = state.store.with_conn(|c| nurses::stored_pin(c, nurse_id))?;
    if let Some(stored) = stored {
        if stored.matches(pin)? {
            *counted = PinFailures::default();
            return Ok(Some(stored));
        }
    }
    *counted = PinFailures { count: failures, last };
    counted.add(now);
    let detail = format!("{what}, {} in a row", failures + 1);
    let entry = Entry::new(Action::SignInFailed, Some(nurse_id)).detail(&detail);
    state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    tracing::warn!("{what} for account {nurse_id}");
    Ok(None)
}

/// A new hash of the (right) `pin` when `stored` was made at an older cost, else `None`.
pub(super) fn upgraded_hash(stored: &StoredPin, pin: &Pin) -> Result<Option<String>, VigilError> {
    if !stored.outdated()? {
        return Ok(None);
    }
    Ok(Some(nurses::hash_pin(pin)?))
}

/// Writes a sign-in's one entry at `now`; with `upgraded`, also the PIN's hash at the current
/// cost, a `nurse_pins` row the entry names (same PIN, same transaction, audited like any row).
pub(super) fn record_sign_in(
    state: &AppState,
    nurse_id: i64,
    action: Action,
    detail: &str,
    upgraded: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), VigilError> {
    state.store.with_tx(|tx| {
        // A PIN sign-in ends any emergency access: its entry is never one of its actions.
        let mut entry = Entry::new(action, Some(nurse_id)).stamped(None);
        let mut detail = detail.to_owned();
        if let Some(hash) = upgraded {
            entry =
                entry.record("nurse_pins", nurses::store_upgraded_pin(tx, nurse_id, hash, now)?);
            let upgrade = "PIN stored again at the current hashing cost";
            detail =
                if detail.is_empty() { upgrade.into() } else { format!("{detail}; {upgrade}") };
        }
        audit::append(tx, now, &entry.detail(&detail))
    })?;
    Ok(())
}
