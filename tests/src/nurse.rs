//! Signing in through the real UI, the way a nurse does: the first-start administrator form,
//! the sign-in panel (nurse by label, PIN, button). Accounts are fictional.

use crate::{By, Session};

/// The administrator every end-to-end test creates on first start.
pub const ADMIN_NAME: &str = "Test Admin";
/// How the UI and the board name the administrator.
pub const ADMIN_LABEL: &str = "Test Admin, RN";
/// The administrator's PIN (an administrator's PIN has 6 to 8 digits).
pub const ADMIN_PIN: &str = "246813";

/// Fills and submits the first-start form (the app must be showing it), creating
/// [`ADMIN_LABEL`]; waits until the board shows it signed in.
pub fn set_up_first_admin(app: &Session) {
    app.find(&By::heading("Welcome to Vigil"));
    app.type_into(&app.find(&By::label("Name")), ADMIN_NAME);
    app.type_into(&app.find(&By::label("Credentials")), "RN");
    app.type_into(&app.find(&By::label("PIN")), ADMIN_PIN);
    app.type_into(&app.find(&By::label("PIN again")), ADMIN_PIN);
    app.click(&app.find(&By::button("Create administrator")));
    wait_signed_in(app, ADMIN_LABEL);
}

/// Signs in (or unlocks) as `label` with `pin` on the sign-in panel; waits until signed in.
pub fn sign_in(app: &Session, label: &str, pin: &str) {
    submit_pin(app, label, pin);
    wait_signed_in(app, label);
}

/// Chooses `label` on the sign-in panel, types `pin` and submits, without waiting.
pub fn submit_pin(app: &Session, label: &str, pin: &str) {
    app.click(&app.find(&By::label(label)));
    app.type_into(&app.find(&By::label("PIN")), pin);
    let button =
        app.try_find(&By::button("Unlock")).unwrap_or_else(|| app.find(&By::button("Sign in")));
    app.click(&button);
}

/// Waits until the header says `label` is signed in.
pub fn wait_signed_in(app: &Session, label: &str) {
    app.find(&By::text(&format!("Signed in as {label}")));
}
