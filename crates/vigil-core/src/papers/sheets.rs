//! The papers of one session, built from its record: the discharge sheet (for the escort and the
//! chart) and, for Spravato, the REMS Patient Monitoring Form's fields. Times are shown through
//! the caller's `when` (the shell formats them in the workstation's zone), so this stays pure.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::rems::RemsDetails;
use super::{Paper, PaperSection};
use crate::checks::{CheckPurpose, StoredCheck};
use crate::discharge::view::DepartureHow;
use crate::discharge::{AgainstAdvice, DischargeSnapshot, Escort, GateKey, Transfer, WillDrive};
use crate::RecoverySession;

/// Everything recorded about one session that its papers show.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub session: RecoverySession,
    pub chart_number: String,
    pub date_of_birth: Option<NaiveDate>,
    pub dose_mg: Option<f64>,
    /// Spravato: every device time (the first is the clock start).
    pub device_times: Vec<DateTime<Utc>>,
    pub cleared_at: Option<DateTime<Utc>>,
    pub cleared_by: Option<String>,
    pub left_at: Option<DateTime<Utc>>,
    pub how: Option<DepartureHow>,
    /// Who recorded the departure.
    pub left_recorded_by: Option<String>,
    pub snapshot: Option<DischargeSnapshot>,
    pub against_advice: Option<AgainstAdvice>,
    /// Present when the patient was transferred to emergency care.
    pub transfer: Option<Transfer>,
    pub escort: Option<Escort>,
    pub checks: Vec<StoredCheck>,
    /// The nurses' notes, in clinical time.
    pub notes: Vec<crate::notes::StoredNote>,
    /// The pre-dose blood pressure when above the limit: every recorded decision from its
    /// stored row, then the live standing while it still needs a decision (see
    /// [`crate::checks::PredoseStanding::on_record`]).
    pub predose: Vec<crate::checks::PredoseStanding>,
}

/// The discharge instructions given to patient and escort (clinical.md section 5).
pub const INSTRUCTIONS: [&str; 3] = [
    "No driving, cycling or operating machinery until the next day after a restful sleep.",
    "A responsible adult takes the patient home; the patient does not drive.",
    "If anything worrying happens (chest pain, severe headache, trouble breathing, confusion), \
     call the emergency number 911 or the clinic.",
];

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn live(record: &SessionRecord) -> impl Iterator<Item = &StoredCheck> {
    record.checks.iter().filter(|c| c.is_live())
}

fn patient(paper: &mut Paper, record: &SessionRecord, when: &dyn Fn(DateTime<Utc>) -> String) {
    let s = &record.session;
    let section = paper.section("Patient");
    section.row("Name", s.patient_name.clone()).row("Chart number", record.chart_number.clone());
    if let Some(dob) = record.date_of_birth {
        section.row("Date of birth", dob.format("%Y-%m-%d").to_string());
    }
    section.row("Bay", s.bay.clone()).row("Protocol", s.protocol.label());
    if let Some(mg) = record.dose_mg {
        section.row("Dose", format!("{mg} mg"));
    }
    section.row(
        capitalized(s.protocol.clock_start_event().trim_start_matches("the ")),
        when(s.clock_started_at),
    );
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn times(paper: &mut Paper, record: &SessionRecord, when: &dyn Fn(DateTime<Utc>) -> String) {
    let s = &record.session;
    let section = paper.section("Times");
    section.row(
        "Minimum observation",
        format!("{} min, until {}", s.minimum_minutes, when(s.ends_at())),
    );
    if let Some(at) = record.cleared_at {
        let by = record.cleared_by.clone().unwrap_or_default();
        section.row("Cleared for discharge", format!("{} by {by}", when(at)));
    }
    match (record.left_at, record.how) {
        (Some(at), Some(DepartureHow::Discharged)) => {
            section.row("Left with the escort", when(at));
        }
        (Some(at), Some(DepartureHow::AgainstAdvice)) => {
            section.row("Left against medical advice", when(at));
        }
        (Some(at), Some(DepartureHow::Transferred)) => {
            section.row("Transferred to emergency care", when(at));
        }
        _ => {
            section.row("Left", "Not yet");
        }
    }
}

fn escort(paper: &mut Paper, escort: Option<&Escort>, when: &dyn Fn(DateTime<Utc>) -> String) {
    let section = paper.section("Escort");
    let Some(e) = escort else {
        section.line("No escort recorded.");
        return;
    };
    section.row("Going home", e.transport.label());
    if e.transport.alone() {
        return;
    }
    section
        .row("Name", e.full_name.clone())
        .row("Relationship", e.relationship.clone())
        .row("Phone", e.phone.clone())
        .row("Adult (attested)", yes_no(e.adult_attested))
        .row("Status", e.status.label());
    if let Some(at) = e.arrived_at {
        section.row("Arrived", when(at));
    }
    let mut identity = Vec::new();
    if e.known_to_staff {
        identity.push("known to staff");
    }
    if e.name_confirmed {
        identity.push("name confirmed");
    }
    if e.photo_id {
        identity.push("photo ID checked");
    }
    let identity = if identity.is_empty() { "Not checked".to_owned() } else { identity.join(", ") };
    section.row("Identity", identity);
}

fn gates(paper: &mut Paper, snapshot: &DischargeSnapshot) {
    let section = paper.section("Discharge gates at clearance");
    for gate in &snapshot.gates.gates {
        let met = if gate.passed { "Met" } else { "Not met" };
        let kind = if gate.hard { " (required)" } else { "" };
        section.row(format!("{}{kind}", gate.label), format!("{met}: {}", gate.detail));
    }
    for o in &snapshot.overrides {
        section.row(
            format!("Override: {}", o.gate.label()),
            format!("{} (prescriber: {})", o.reason, o.prescriber),
        );
    }
}

fn checks(paper: &mut Paper, record: &SessionRecord, when: &dyn Fn(DateTime<Utc>) -> String) {
    let section = paper.section("Checks");
    let mut any = false;
    for c in live(record) {
        any = true;
        let who = c.who.clone().map(|w| format!(" ({w})")).unwrap_or_default();
        section.row(when(c.check.observed_at), format!("{}{who}", c.check.summary()));
    }
    if !any {
        section.line("No checks recorded.");
    }
}

fn instructions(section: &mut PaperSection, snapshot: Option<&DischargeSnapshot>) {
    for line in INSTRUCTIONS {
        section.line(line);
    }
    if let Some(s) = snapshot {
        let i = &s.instructions;
        section
            .row("Acknowledged by the patient", yes_no(i.acknowledged_by_patient))
            .row("Acknowledged by the escort", yes_no(i.acknowledged_by_escort));
    }
}

fn against_advice(paper: &mut Paper, form: &AgainstAdvice, when: &dyn Fn(DateTime<Utc>) -> String) {
    let section = paper.section("Left against medical advice");
    section.row("Risks explained", yes_no(form.risks_explained));
    let notified = match (&form.prescriber, form.notified_at) {
        (Some(p), Some(at)) if form.prescriber_notified => format!("Yes: {p}, {}", when(at)),
        _ => "No".to_owned(),
    };
    section.row("Prescriber notified", notified);
    let drive = match form.will_drive {
        WillDrive::Yes => "Yes",
        WillDrive::No => "No",
        WillDrive::Unknown => "Unknown",
    };
    section
        .row("Says they will drive", drive)
        .row("Escort present", yes_no(form.escort_present))
        .row("Actions taken", form.actions_taken.clone())
        .row("Refused to sign", yes_no(form.signature_refused));
    if let Some(w) = &form.witness {
        section.row("Witness", w.clone());
    }
    for gate in form.gates.gates.iter().filter(|g| !g.passed) {
        section.row(format!("Not met: {}", gate.label), gate.detail.clone());
    }
}

/// The discharge sheet: patient, times, escort, gates and overrides as they stood at
/// clearance, every check, the instructions and who signed.
pub fn discharge_sheet(record: &SessionRecord, when: &dyn Fn(DateTime<Utc>) -> String) -> Paper {
    let s = &record.session;
    let mut paper = Paper::new(
        "Discharge sheet",
        format!("{} · {} · {}", s.bay, s.protocol.label(), when(s.clock_started_at)),
    );
    patient(&mut paper, record, when);
    times(&mut paper, record, when);
    predose::section(&mut paper, &record.predose, when);
    // A transfer replaces the discharge: no escort, gates at clearance or home instructions.
    if let Some(form) = &record.transfer {
        transfer::section(&mut paper, form, when);
    } else {
        escort(&mut paper, record.escort.as_ref(), when);
        if let Some(snapshot) = &record.snapshot {
            gates(&mut paper, snapshot);
        }
    }
    if let Some(form) = &record.against_advice {
        against_advice(&mut paper, form, when);
    }
    checks(&mut paper, record, when);
    notes::section(&mut paper, record, when);
    if record.transfer.is_none() {
        instructions(paper.section("Instructions given"), record.snapshot.as_ref());
    }
    if let Some(by) = &record.cleared_by {
        paper.section("Signed").row("Nurse", by.clone());
    }
    paper.footer = format!("Vigil · session #{} · for the chart and the escort", s.id);
    paper
}

/// Blood pressure of the live observation checks nearest `at` within 15 minutes.
fn bp_near(record: &SessionRecord, at: DateTime<Utc>) -> Option<String> {
    live(record)
        .filter(|c| c.check.purpose == CheckPurpose::Observation)
        .filter_map(|c| c.check.vitals.and_then(|v| v.bp).map(|bp| (c.check.observed_at, bp)))
        .filter(|(t, _)| (*t - at).abs() <= Duration::minutes(15))
        .min_by_key(|(t, _)| (*t - at).abs())
        .map(|(_, bp)| format!("{}/{}", bp.systolic, bp.diastolic))
}

/// The REMS Patient Monitoring Form's fields, pre-filled from the session. Fields Vigil does
/// not hold (the clinician's phone and email, the setting's name and address) say so.
pub fn rems_form(
    record: &SessionRecord,
    details: Option<&RemsDetails>,
    ready_without_minimum: Option<u32>,
    last_day: NaiveDate,
    when: &dyn Fn(DateTime<Utc>) -> String,
) -> Paper {
    let s = &record.session;
    let mut paper = Paper::new(
        "REMS Patient Monitoring Form (pre-filled)",
        format!("{} · Spravato · due by {}", s.bay, last_day.format("%Y-%m-%d")),
    );
    let unknown = "Not recorded: complete on the official form";
    let dob = details.and_then(|d| d.date_of_birth).or(record.date_of_birth);
    let p = paper.section("Patient");
    p.row("Patient name", s.patient_name.clone())
        .row(
            "Date of birth",
            dob.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or(unknown.into()),
        )
        .row("Sex", details.and_then(|d| d.sex).map(|x| x.label()).unwrap_or(unknown));
    let m = paper.section("Concomitant medicines");
    match details {
        Some(d) => {
            m.row("Benzodiazepines", yes_no(d.benzodiazepines))
                .row(
                    "Non-benzodiazepine sedative-hypnotics",
                    yes_no(d.non_benzodiazepine_sedatives),
                )
                .row("Psychostimulants", yes_no(d.psychostimulants))
                .row("MAOIs", yes_no(d.maois))
                .row("Opioids", yes_no(d.opioids));
        }
        None => {
            m.line(unknown);
        }
    }
    let c = paper.section("Monitoring clinician and setting");
    c.row("Clinician", record.cleared_by.clone().unwrap_or(unknown.into()))
        .row("Phone and email", unknown)
        .row("Setting name and address", unknown);
    let t = paper.section("Treatment");
    let dose = details.and_then(|d| d.dose_mg).map(f64::from).or(record.dose_mg);
    t.row("Treatment date", when(s.clock_started_at))
        .row("Dose", dose.map(|mg| format!("{mg} mg")).unwrap_or(unknown.into()))
        .row(
            "Lot",
            details.map(|d| d.lot.clone()).filter(|l| !l.is_empty()).unwrap_or(unknown.into()),
        );
    let first = record.device_times.first().copied().unwrap_or(s.clock_started_at);
    let end = record.left_at.or(record.cleared_at);
    let total = end
        .map(|e| format!("{} min", (e - first).num_minutes()))
        .unwrap_or("Still in recovery".into());
    let ready = ready_without_minimum
        .map(|m| format!("{m} min after the first device"))
        .unwrap_or("Not reached while observed".into());
    let o = paper.section("Monitoring");
    o.row("Total minutes, first device to end of monitoring", total)
        .row("If there were no 2-hour minimum, ready after", ready);
    let baseline = live(record).filter(|c| c.check.purpose == CheckPurpose::Baseline).last();
    let base_bp = baseline.and_then(|c| c.check.vitals.and_then(|v| v.bp));
    o.row(
        "BP before dose",
        base_bp.map(|bp| format!("{}/{}", bp.systolic, bp.diastolic)).unwrap_or(unknown.into()),
    )
    .row(
        "BP at 40 min",
        bp_near(record, s.clock_started_at + Duration::minutes(40)).unwrap_or(unknown.into()),
    );
    let completion = end.and_then(|e| bp_near(record, e));
    o.row("BP before completion", completion.unwrap_or(unknown.into()));
    let gate = |key| record.snapshot.as_ref().and_then(|sn| sn.gates.gate(key)).map(|g| g.passed);
    o.row(
        "Vitals acceptable before dose",
        predose::vitals_before_dose(&record.predose, base_bp, unknown, when),
    )
    .row(
        "Vitals acceptable before completion",
        gate(GateKey::BloodPressure).map(yes_no).unwrap_or(unknown),
    );
    let observed: Vec<_> =
        live(record).filter(|c| c.check.purpose == CheckPurpose::Observation).collect();
    let sedation =
        observed.iter().any(|c| c.check.moaas.is_some_and(|m| m < crate::checks::MOAAS_ALERT));
    let dissociation =
        observed.iter().any(|c| c.check.cadss.as_ref().is_some_and(|x| x.dissociation_present()));
    let low_spo2 = observed.iter().filter_map(|c| c.check.vitals.and_then(|v| v.spo2)).min();
    o.row("Sedation (MOAA/S below 5 at any check)", yes_no(sedation))
        .row("Dissociation (CADSS above 4 at any check)", yes_no(dissociation))
        .row("Lowest SpO2", low_spo2.map(|x| format!("{x} %")).unwrap_or(unknown.into()))
        .row(
            "Serious adverse events",
            match &record.transfer {
                Some(form) => transfer::serious_adverse_events(
                    form,
                    details.map(|d| d.serious_adverse_events.as_str()),
                    when,
                ),
                None => details.map(|d| d.serious_adverse_events.clone()).unwrap_or(unknown.into()),
            },
        );
    if record.how == Some(DepartureHow::AgainstAdvice) {
        o.line("The patient left against medical advice before monitoring was complete.");
    }
    paper.footer = format!(
        "Vigil · session #{} · check every field against the official REMS form before submitting",
        s.id
    );
    paper
}

mod notes;
mod predose;
mod transfer;

#[cfg(test)]
mod tests;
