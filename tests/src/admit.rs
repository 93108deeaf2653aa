//! Filling the admit form the way a nurse does: by its labels, field by field.

use crate::{By, Session};

/// The fictional patient every end-to-end test admits.
pub const NAME: &str = "Testy McTestface";

/// What to type into the admit form (IV ketamine, the protocol selected by default).
#[derive(Debug, Clone)]
pub struct AdmitForm {
    pub name: String,
    pub chart_number: String,
    pub date_of_birth: String,
    pub bay: String,
    pub dose_mg: String,
    pub weight_kg: String,
    /// Local `YYYY-MM-DD HH:MM[:SS]`.
    pub infusion_ended_at: String,
}

impl AdmitForm {
    /// A valid IV ketamine admission for `bay`, infusion ended at `infusion_ended_at`.
    pub fn iv(bay: &str, infusion_ended_at: &str) -> Self {
        Self {
            name: NAME.into(),
            chart_number: "TEST-0001".into(),
            date_of_birth: "1980-02-29".into(),
            bay: bay.into(),
            dose_mg: "35".into(),
            weight_kg: "70".into(),
            infusion_ended_at: infusion_ended_at.into(),
        }
    }

    /// Opens the form (from the empty state or the header) and types every field.
    pub fn fill(&self, app: &Session) {
        app.click(&app.find(&By::button("Admit patient")));
        app.find(&By::heading("Admit a patient"));
        for (label, value) in [
            ("Patient name", &self.name),
            ("Chart number", &self.chart_number),
            ("Date of birth", &self.date_of_birth),
            ("Bay", &self.bay),
            ("Dose (mg)", &self.dose_mg),
            ("Weight (kg)", &self.weight_kg),
            ("Infusion ended at", &self.infusion_ended_at),
        ] {
            app.type_into(&app.find(&By::label(label)), value);
        }
    }

    /// Fills the form and submits it.
    pub fn submit(&self, app: &Session) {
        self.fill(app);
        app.click(&app.find(&By::button("Admit")));
    }
}
