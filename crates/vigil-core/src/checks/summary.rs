//! A check in one line for the session timeline: values and verdicts, no names and no note.

use super::check::{Check, CheckPurpose};
use super::orthostatic::{Orthostatic, OrthostaticMethod, OrthostaticOutcome};
use super::vitals::{OxygenSupport, Vitals};

impl Check {
    /// One line for the timeline, e.g. "Observation: BP 128/82, HR 74, SpO2 97 % room air;
    /// no symptoms; orthostatic sit-to-stand negative; gait 2; MOAA/S 5, CADSS 2".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(v) = self.vitals {
            parts.push(vitals_text(&v));
        }
        parts.push(self.symptom_text());
        if let Some(o) = &self.orthostatic {
            orthostatic_parts(o, &mut parts);
        }
        let scores = self.scores_text();
        if !scores.is_empty() {
            parts.push(scores);
        }
        let why = self.lightheadedness_reasons();
        if !why.is_empty() {
            parts.push(format!("lightheadedness POSITIVE ({})", why.join("; ")));
        }
        let purpose = match self.purpose {
            CheckPurpose::Baseline => "Baseline (pre-dose)",
            CheckPurpose::Observation => "Observation",
        };
        format!("{purpose}: {}", parts.join("; "))
    }

    /// The scores assessed, e.g. "gait 2, MOAA/S 5, CADSS 2"; empty when none was.
    fn scores_text(&self) -> String {
        let scores: Vec<String> = [
            self.gait.map(|g| format!("gait {g}")),
            self.moaas.map(|m| format!("MOAA/S {m}")),
            self.cadss.as_ref().map(|c| format!("CADSS {}", c.total)),
            self.nausea.map(|n| format!("nausea {n}")),
            self.pain.map(|p| format!("pain {p}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        scores.join(", ")
    }

    fn symptom_text(&self) -> String {
        let grade = ["no symptoms", "mild", "moderate", "severe"];
        let mut text = grade.get(usize::from(self.symptom_grade)).copied().unwrap_or("").to_owned();
        if !self.symptoms.is_empty() {
            let names: Vec<&str> = self.symptoms.iter().map(|s| s.as_str()).collect();
            text = format!("{text} {}", names.join(", ").replace('_', " "));
        }
        let alarming: Vec<&str> = [
            (self.severe_headache, "severe headache"),
            (self.chest_pain, "chest pain"),
            (self.shortness_of_breath, "shortness of breath"),
        ]
        .into_iter()
        .filter_map(|(present, name)| present.then_some(name))
        .collect();
        if !alarming.is_empty() {
            text = format!("{text}; {}", alarming.join(", "));
        }
        text
    }
}

/// The vitals taken, e.g. "BP 128/82, HR 74, SpO2 97 % room air".
fn vitals_text(v: &Vitals) -> String {
    let mut vitals = Vec::new();
    if let Some(bp) = v.bp {
        vitals.push(format!("BP {}/{}", bp.systolic, bp.diastolic));
    }
    if let Some(hr) = v.heart_rate {
        vitals.push(format!("HR {hr}"));
    }
    if let Some(spo2) = v.spo2 {
        let on = match v.oxygen {
            Some(OxygenSupport::Oxygen) => " on oxygen",
            Some(OxygenSupport::RoomAir) => " room air",
            None => "",
        };
        vitals.push(format!("SpO2 {spo2} %{on}"));
    }
    if let Some(rr) = v.respiratory_rate {
        vitals.push(format!("RR {rr}"));
    }
    if let Some(t) = v.temperature_c {
        vitals.push(format!("{t:.1} °C"));
    }
    vitals.join(", ")
}

/// The orthostatic verdict with its method and readings, then a flagged heart-rate rise the
/// verdict does not already list.
fn orthostatic_parts(o: &Orthostatic, parts: &mut Vec<String>) {
    let r = o.result();
    let method = match o.method {
        OrthostaticMethod::SitToStand => "sit-to-stand",
        OrthostaticMethod::LieToStand => "lie-to-stand",
        OrthostaticMethod::NotDone => "",
    };
    let method = format!("{method}{}", readings_text(o));
    parts.push(match r.outcome {
        OrthostaticOutcome::NotDone => format!(
            "orthostatic not done ({})",
            o.not_done_reason.as_deref().unwrap_or("no reason")
        ),
        OrthostaticOutcome::Positive => {
            format!("orthostatic {method} positive: {}", r.reasons.join(", "))
        }
        OrthostaticOutcome::Negative => format!("orthostatic {method} negative"),
        OrthostaticOutcome::Incomplete => format!("orthostatic {method} incomplete"),
    });
    // A flagged heart-rate rise shows even when it does not make the check positive.
    if let Some(h) = o.heart_rate_rise().filter(|h| h.flagged) {
        if !r.reasons.contains(&h.text()) {
            parts.push(format!("FLAGGED: {}", h.text()));
        }
    }
}

/// The orthostatic readings in brackets, e.g. " (sitting 120/80 HR 70, standing 118/78 HR 74)";
/// a missing value shows as "?".
fn readings_text(o: &Orthostatic) -> String {
    let pair = |s: Option<u32>, d: Option<u32>, hr: Option<u32>| {
        let v = |x: Option<u32>| x.map_or("?".to_owned(), |x| x.to_string());
        let hr = hr.map(|h| format!(" HR {h}")).unwrap_or_default();
        format!("{}/{}{hr}", v(s), v(d))
    };
    let rd = &o.readings;
    match o.method {
        OrthostaticMethod::SitToStand => format!(
            " (sitting {}, standing {})",
            pair(rd.baseline_systolic, rd.baseline_diastolic, rd.baseline_heart_rate),
            pair(rd.standing_systolic, rd.standing_diastolic, rd.standing_heart_rate)
        ),
        OrthostaticMethod::LieToStand => format!(
            " (lying {}, standing 1 min {}, 3 min {})",
            pair(rd.baseline_systolic, rd.baseline_diastolic, rd.baseline_heart_rate),
            pair(rd.standing1_systolic, rd.standing1_diastolic, rd.standing1_heart_rate),
            pair(rd.standing3_systolic, rd.standing3_diastolic, rd.standing3_heart_rate)
        ),
        OrthostaticMethod::NotDone => String::new(),
    }
}
