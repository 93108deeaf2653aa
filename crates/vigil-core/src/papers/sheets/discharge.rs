//! The discharge sheet: patient, times, escort, the gates as they stood at clearance, the
//! checks, the instructions given and who signed (or the transfer in place of the discharge).

use chrono::{DateTime, Utc};

use super::super::{Paper, PaperSection};
use super::{live, notes, predose, transfer, yes_no, SessionRecord, INSTRUCTIONS};
use crate::discharge::view::DepartureHow;
use crate::discharge::{AgainstAdvice, DischargeSnapshot, Escort, WillDrive};

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

/// The vital signs over the recovery as a chart (after the checks it draws); a line says so
/// when no check holds one.
fn vital_signs(paper: &mut Paper, record: &SessionRecord) {
    let chart = crate::trends::trend_chart(&record.session, &record.checks, &record.thresholds);
    let section = paper.section("Vital signs over the recovery");
    if chart.panels.is_empty() {
        section.line("No vital signs recorded.");
    } else {
        section.chart = Some(chart);
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
    vital_signs(&mut paper, record);
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
