//! The REMS Patient Monitoring Form's fields, pre-filled from the session record and the REMS
//! details the nurse gave. What Vigil does not hold says so, in the words of `UNKNOWN`.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::super::rems::RemsDetails;
use super::super::{Paper, PaperSection};
use super::{live, predose, transfer, yes_no, SessionRecord};
use crate::checks::{BloodPressure, CheckPurpose, StoredCheck};
use crate::discharge::view::DepartureHow;
use crate::discharge::GateKey;

/// What a field Vigil does not hold says.
const UNKNOWN: &str = "Not recorded: complete on the official form";

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
    patient(&mut paper, record, details);
    medicines(&mut paper, details);
    clinician(&mut paper, record);
    treatment(&mut paper, record, details, when);
    let o = paper.section("Monitoring");
    monitoring_times(o, record, ready_without_minimum);
    let base_bp = monitoring_blood_pressure(o, record);
    monitoring_vitals(o, record, base_bp, when);
    monitoring_events(o, record, details, when);
    if record.how == Some(DepartureHow::AgainstAdvice) {
        o.line("The patient left against medical advice before monitoring was complete.");
    }
    paper.footer = format!(
        "Vigil · session #{} · check every field against the official REMS form before submitting",
        s.id
    );
    paper
}

fn patient(paper: &mut Paper, record: &SessionRecord, details: Option<&RemsDetails>) {
    let dob = details.and_then(|d| d.date_of_birth).or(record.date_of_birth);
    let p = paper.section("Patient");
    p.row("Patient name", record.session.patient_name.clone())
        .row(
            "Date of birth",
            dob.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or(UNKNOWN.into()),
        )
        .row("Sex", details.and_then(|d| d.sex).map(|x| x.label()).unwrap_or(UNKNOWN));
}

fn medicines(paper: &mut Paper, details: Option<&RemsDetails>) {
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
            m.line(UNKNOWN);
        }
    }
}

fn clinician(paper: &mut Paper, record: &SessionRecord) {
    let c = paper.section("Monitoring clinician and setting");
    c.row("Clinician", record.cleared_by.clone().unwrap_or(UNKNOWN.into()))
        .row("Phone and email", UNKNOWN)
        .row("Setting name and address", UNKNOWN);
}

fn treatment(
    paper: &mut Paper,
    record: &SessionRecord,
    details: Option<&RemsDetails>,
    when: &dyn Fn(DateTime<Utc>) -> String,
) {
    let t = paper.section("Treatment");
    let dose = details.and_then(|d| d.dose_mg).map(f64::from).or(record.dose_mg);
    t.row("Treatment date", when(record.session.clock_started_at))
        .row("Dose", dose.map(|mg| format!("{mg} mg")).unwrap_or(UNKNOWN.into()))
        .row(
            "Lot",
            details.map(|d| d.lot.clone()).filter(|l| !l.is_empty()).unwrap_or(UNKNOWN.into()),
        );
}

/// When monitoring ended: the departure, else the clearance.
fn end_of_monitoring(record: &SessionRecord) -> Option<DateTime<Utc>> {
    record.left_at.or(record.cleared_at)
}

fn monitoring_times(o: &mut PaperSection, record: &SessionRecord, ready: Option<u32>) {
    let first = record.device_times.first().copied().unwrap_or(record.session.clock_started_at);
    let total = end_of_monitoring(record)
        .map(|e| format!("{} min", (e - first).num_minutes()))
        .unwrap_or("Still in recovery".into());
    let ready = ready
        .map(|m| format!("{m} min after the first device"))
        .unwrap_or("Not reached while observed".into());
    o.row("Total minutes, first device to end of monitoring", total)
        .row("If there were no 2-hour minimum, ready after", ready);
}

/// The blood pressures before the dose, at 40 minutes and before completion; returns the
/// pre-dose one.
fn monitoring_blood_pressure(
    o: &mut PaperSection,
    record: &SessionRecord,
) -> Option<BloodPressure> {
    let baseline = live(record).filter(|c| c.check.purpose == CheckPurpose::Baseline).last();
    let base_bp = baseline.and_then(|c| c.check.vitals.and_then(|v| v.bp));
    o.row(
        "BP before dose",
        base_bp.map(|bp| format!("{}/{}", bp.systolic, bp.diastolic)).unwrap_or(UNKNOWN.into()),
    )
    .row(
        "BP at 40 min",
        bp_near(record, record.session.clock_started_at + Duration::minutes(40))
            .unwrap_or(UNKNOWN.into()),
    );
    let completion = end_of_monitoring(record).and_then(|e| bp_near(record, e));
    o.row("BP before completion", completion.unwrap_or(UNKNOWN.into()));
    base_bp
}

fn monitoring_vitals(
    o: &mut PaperSection,
    record: &SessionRecord,
    base_bp: Option<BloodPressure>,
    when: &dyn Fn(DateTime<Utc>) -> String,
) {
    let gate = |key| record.snapshot.as_ref().and_then(|sn| sn.gates.gate(key)).map(|g| g.passed);
    o.row(
        "Vitals acceptable before dose",
        predose::vitals_before_dose(&record.predose, base_bp, UNKNOWN, when),
    )
    .row(
        "Vitals acceptable before completion",
        gate(GateKey::BloodPressure).map(yes_no).unwrap_or(UNKNOWN),
    );
}

fn monitoring_events(
    o: &mut PaperSection,
    record: &SessionRecord,
    details: Option<&RemsDetails>,
    when: &dyn Fn(DateTime<Utc>) -> String,
) {
    let observed: Vec<_> = observations(record).collect();
    let sedation =
        observed.iter().any(|c| c.check.moaas.is_some_and(|m| m < crate::checks::MOAAS_ALERT));
    let dissociation =
        observed.iter().any(|c| c.check.cadss.as_ref().is_some_and(|x| x.dissociation_present()));
    let low_spo2 = observed.iter().filter_map(|c| c.check.vitals.and_then(|v| v.spo2)).min();
    o.row("Sedation (MOAA/S below 5 at any check)", yes_no(sedation))
        .row("Dissociation (CADSS above 4 at any check)", yes_no(dissociation))
        .row("Lowest SpO2", low_spo2.map(|x| format!("{x} %")).unwrap_or(UNKNOWN.into()))
        .row("Serious adverse events", serious_adverse_events(record, details, when));
}

fn serious_adverse_events(
    record: &SessionRecord,
    details: Option<&RemsDetails>,
    when: &dyn Fn(DateTime<Utc>) -> String,
) -> String {
    match &record.transfer {
        Some(form) => transfer::serious_adverse_events(
            form,
            details.map(|d| d.serious_adverse_events.as_str()),
            when,
        ),
        None => details.map(|d| d.serious_adverse_events.clone()).unwrap_or(UNKNOWN.into()),
    }
}

/// The live observation checks (not the baseline).
fn observations(record: &SessionRecord) -> impl Iterator<Item = &StoredCheck> {
    live(record).filter(|c| c.check.purpose == CheckPurpose::Observation)
}

/// Blood pressure of the live observation checks nearest `at` within 15 minutes.
fn bp_near(record: &SessionRecord, at: DateTime<Utc>) -> Option<String> {
    observations(record)
        .filter_map(|c| c.check.vitals.and_then(|v| v.bp).map(|bp| (c.check.observed_at, bp)))
        .filter(|(t, _)| (*t - at).abs() <= Duration::minutes(15))
        .min_by_key(|(t, _)| (*t - at).abs())
        .map(|(_, bp)| format!("{}/{}", bp.systolic, bp.diastolic))
}
