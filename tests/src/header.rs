//! The header's screens as a nurse reaches them: "History", "Reports" and "Audit trail" are
//! items of the "Records" disclosure menu, which is opened for them.

use crate::webdriver::{By, Session};

impl Session {
    /// Opens the "Records" menu in the header (unless it is open) and clicks its item `name`
    /// ("History", "Reports" or "Audit trail").
    pub fn open_records_view(&self, name: &str) {
        let records = self.find(&By::button("Records"));
        if self.attribute(&records, "aria-expanded").as_deref() != Some("true") {
            self.click(&records);
        }
        let item = By::xpath(format!(
            "//ul[@id={}]//button[normalize-space()={}]",
            crate::webdriver::quote(
                &self.attribute(&records, "aria-controls").expect("aria-controls")
            ),
            crate::webdriver::quote(name)
        ));
        self.click(&self.find(&item));
    }
}
