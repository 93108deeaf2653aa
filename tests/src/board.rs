//! The recovery board's row controls as a nurse reaches them: the buttons on the line
//! ("Record check for Bay 7", "Open Bay 7", "Record departure for Bay 7"), the other actions in
//! the row's "More actions for Bay 7" menu, and the details under a row ("Show details for
//! Bay 7": every failing gate, the PADSS, the clock, who admitted).

use crate::process::wait_for;
use crate::webdriver::{By, Element, Session};
use std::time::Duration;

impl Session {
    /// The action `name` of `bay`'s board row: its button on the line, else its item in the
    /// row's "More actions" menu, which is opened for it.
    pub fn row_action_button(&self, bay: &str, name: &str) -> Element {
        self.find(&By::row(bay));
        if let Some(shown) = self.try_find(&By::button(name)) {
            return shown;
        }
        // The menu closes when the focus leaves it: a form closing a moment earlier may still
        // hand the focus back to its opener. Open it again until the item is there.
        let menu = By::button(&format!("More actions for {bay}"));
        wait_for(&format!("{name} in the menu of {bay}"), Duration::from_secs(15), || {
            if let Some(item) = self.try_find(&By::button(name)) {
                return Some(item);
            }
            let opener = self.find(&menu);
            if self.attribute(&opener, "aria-expanded").as_deref() != Some("true") {
                self.click(&opener);
            }
            None
        })
    }

    /// Clicks the action `name` of `bay`'s board row (through its menu when it is there).
    pub fn row_action(&self, bay: &str, name: &str) {
        let button = self.row_action_button(bay, name);
        self.click(&button);
    }

    /// Expands `bay`'s details and returns the text of `term` there. The toggle is clicked
    /// again if the details closed meanwhile: a form that closes just before hands the focus
    /// back to the board, which may re-render the row with its details shut (a fresh-clone CI
    /// run beside two benches failed on this once).
    pub fn row_detail(&self, bay: &str, term: &str) -> String {
        let detail =
            wait_for(&format!("{bay}'s details showing {term}"), Duration::from_secs(15), || {
                let toggle = self.try_find(&By::button(&format!("Show details for {bay}")))?;
                if self.attribute(&toggle, "aria-expanded").as_deref() != Some("true") {
                    self.click(&toggle);
                }
                self.try_find(&By::detail(bay, term))
            });
        self.text(&detail)
    }
}
