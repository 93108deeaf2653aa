//! Fixtures for the shell's tests: a real database file in a temporary directory, a fake
//! clock, and a signed-in administrator ("Test Admin, RN"). Fictional data only.

use chrono::{DateTime, TimeZone, Utc};
use std::sync::Arc;
use vigil_core::{Clock, FixedClock, NewNurseInput};
use vigil_store::Store;

use crate::commands::auth;
use crate::state::AppState;

/// The PIN of the test administrator (an administrator's PIN has 6 digits at least).
pub const ADMIN_PIN: &str = "246813";

/// The key the shell's test databases are encrypted with.
pub fn test_key() -> vigil_store::DbKey {
    vigil_store::DbKey::from_bytes([7; 32])
}

/// The fixed start of every shell test.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

/// A new account's input.
pub fn account(name: &str, role: &str, pin: &str) -> NewNurseInput {
    NewNurseInput {
        display_name: name.into(),
        credentials: "RN".into(),
        role: role.into(),
        pin: pin.into(),
        pin_again: pin.into(),
    }
}

/// A state on a new database in `dir`, with the first administrator created and signed in.
pub fn admin_state(dir: &std::path::Path, clock: Arc<dyn Clock>) -> AppState {
    let state =
        AppState::new(Store::open_in(dir, &test_key()).expect("open"), clock).expect("state");
    auth::first_admin(&state, &account("Test Admin", "admin", ADMIN_PIN)).expect("first admin");
    state
}

/// [`admin_state`] with a fixed clock at [`t0`].
pub fn admin_state_at_t0(dir: &std::path::Path) -> (AppState, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(t0()));
    (admin_state(dir, clock.clone()), clock)
}

/// Every row of every table, in order: "unchanged" means this string is equal.
pub fn everything(state: &AppState) -> String {
    state.store.with_conn(vigil_store::table_dump::every_row).expect("dump")
}
