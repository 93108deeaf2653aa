//! Why a check's lightheadedness is positive, written once: the board's readiness, the
//! lightheadedness discharge gate, the timeline line and the papers all quote
//! [`Check::lightheadedness_reasons`], so a check positive only because of symptoms is never
//! explained with (negative) orthostatic numbers, and the reverse.

use super::check::{Check, Symptom};
use super::orthostatic::{OrthostaticMethod, OrthostaticOutcome};

/// The grade names, 0-3.
const GRADES: [&str; 4] = ["none", "mild", "moderate", "severe"];

impl Check {
    /// Positive lightheadedness: a positive orthostatic test, or a symptom grade of 1 or more
    /// with a lightheadedness symptom (see [`Symptom::signals_lightheadedness`]). A positive
    /// check schedules a re-check.
    pub fn lightheadedness_positive(&self) -> bool {
        self.orthostatic_positive()
            || self.lightheadedness_symptoms().next().is_some()
            || self.heart_rate_rise_with_symptoms().is_some()
    }

    /// Exactly why the check is positive, empty when it is not: the orthostatic test's reasons
    /// only when the test is positive ("orthostatic sit-to-stand: systolic fell 16 mmHg
    /// (≥ 15)"), and the symptoms that count, named with their grade, only when they count
    /// ("symptoms: lightheaded, spinning (mild)"); both when both; and a flagged heart-rate
    /// rise with symptoms whenever it counts, unless the test's reasons name the rise already.
    pub fn lightheadedness_reasons(&self) -> Vec<String> {
        let mut reasons = Vec::new();
        if let Some(o) = self.orthostatic.as_ref().filter(|_| self.orthostatic_positive()) {
            let method = match o.method {
                OrthostaticMethod::SitToStand => "sit-to-stand",
                OrthostaticMethod::LieToStand => "lie-to-stand",
                OrthostaticMethod::NotDone => "test",
            };
            reasons.push(format!("orthostatic {method}: {}", o.result().reasons.join(", ")));
        }
        let named: Vec<&str> = self.lightheadedness_symptoms().map(symptom_name).collect();
        if !named.is_empty() {
            let grade = GRADES.get(usize::from(self.symptom_grade)).copied().unwrap_or("graded");
            reasons.push(format!("symptoms: {} ({grade})", named.join(", ")));
        }
        // A flagged heart-rate rise counts only with symptoms (clinical.md section 3); it is
        // named whenever it counts, unless the test's own reasons name the rise already.
        if let Some(rise) = self.heart_rate_rise_with_symptoms() {
            let listed = self
                .orthostatic
                .as_ref()
                .and_then(|o| o.heart_rate_rise())
                .is_some_and(|h| reasons.iter().any(|r| r.contains(&h.text())));
            if !listed {
                reasons.push(rise);
            }
        }
        reasons
    }

    fn orthostatic_positive(&self) -> bool {
        self.orthostatic_result().is_some_and(|r| r.outcome == OrthostaticOutcome::Positive)
    }

    /// The reported symptoms that make the check positive (none when the grade is 0).
    fn lightheadedness_symptoms(&self) -> impl Iterator<Item = Symptom> + '_ {
        let graded = self.symptom_grade >= 1;
        self.symptoms.iter().copied().filter(move |s| graded && s.signals_lightheadedness())
    }
}

/// A symptom as a nurse reads it: "near faint", not "near_faint".
fn symptom_name(symptom: Symptom) -> &'static str {
    match symptom {
        Symptom::Lightheaded => "lightheaded",
        Symptom::Spinning => "spinning",
        Symptom::BlurredVision => "blurred vision",
        Symptom::Nausea => "nausea",
        Symptom::NearFaint => "near faint",
    }
}
