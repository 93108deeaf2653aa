//! Choosing the theme the way a nurse does: Settings, the "Display and sound" panel, a theme
//! radio button, then back to the board; and reading which theme the page applies.

use std::time::Duration;

use crate::process::wait_for;
use crate::{By, Session};

/// The radio button whose label reads `label` (a `<label for>` or a wrapping `<label>`).
fn radio(label: &str) -> By {
    By::xpath(format!(
        "//input[@type='radio'][@id=//label[normalize-space()='{label}']/@for \
         or parent::label[normalize-space()='{label}']]"
    ))
}

/// The `data-theme` the page has now (`light` when absent).
pub fn applied_theme(app: &Session) -> String {
    let v = app.execute("return document.documentElement.getAttribute('data-theme');");
    v.as_str().unwrap_or("light").to_owned()
}

/// Opens Settings, picks the theme `label` ("Light", "Dim", ...) in the "Display and sound"
/// panel, saves it ("Save display and sound"), waits until the page applies `applies`
/// ("light" or "dim"), and goes back to the board.
pub fn choose_theme(app: &Session, label: &str, applies: &str) {
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Display and sound"));
    app.click(&app.find(&radio(label)));
    app.click(&app.find(&By::button("Save display and sound")));
    app.find(&By::xpath("//*[@role='status'][normalize-space()='Saved.']"));
    wait_for(&format!("the {applies} theme"), Duration::from_secs(10), || {
        (applied_theme(app) == applies).then_some(())
    });
    app.click(&app.find(&By::button("Back to the board")));
    app.find(&By::xpath("//table[caption[normalize-space()='Patients in recovery']]"));
}
