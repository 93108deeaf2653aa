//! The folder field of a save form (PDF, CSV): the app fills in the folder it offers (the
//! Documents folder) when the backend answers; a test waits for that before typing its own, so
//! what it types is what is used.

use std::time::Duration;

use crate::process::wait_for;
use crate::webdriver::{By, Element, Session};

impl Session {
    /// The field `label` once the folder offered has arrived in it.
    pub fn offered_folder(&self, label: &str) -> Element {
        let field = self.find(&By::label(label));
        wait_for("the folder offered", Duration::from_secs(10), || {
            (!self.value(&field).is_empty()).then_some(())
        });
        field
    }
}
