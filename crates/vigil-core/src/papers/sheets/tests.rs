//! The discharge sheet and the REMS form built from a fictional session record.

use super::*;
use crate::checks::CheckPurpose;
use crate::discharge::{EscortStatus, Transport};
use crate::papers::rems::RemsDetails;
use crate::Protocol;
use chrono::{Duration, TimeZone};

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("t") + Duration::minutes(minutes)
}

fn record(protocol: Protocol) -> SessionRecord {
    SessionRecord {
        session: RecoverySession {
            id: 7,
            patient_name: "Testy McTestface".into(),
            bay: "Bay 3".into(),
            protocol,
            minimum_minutes: 120,
            clock_started_at: at(0),
            recorded_at: at(1),
            admitted_by: None,
        },
        chart_number: "TEST-0001".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29),
        dose_mg: Some(56.0),
        device_times: vec![at(0), at(5)],
        cleared_at: Some(at(125)),
        cleared_by: Some("Test Nurse, RN".into()),
        left_at: Some(at(130)),
        how: Some(DepartureHow::Discharged),
        left_recorded_by: Some("Test Nurse, RN".into()),
        snapshot: None,
        against_advice: None,
        transfer: None,
        escort: Some(Escort {
            full_name: "Pat Example-Escort".into(),
            relationship: "Sibling".into(),
            phone: "555-0100".into(),
            adult_attested: true,
            transport: Transport::EscortDrives,
            status: EscortStatus::Arrived,
            eta: None,
            arrived_at: Some(at(120)),
            known_to_staff: false,
            name_confirmed: true,
            photo_id: true,
        }),
        checks: Vec::new(),
        notes: Vec::new(),
        predose: Vec::new(),
        thresholds: crate::checks::ThresholdSettings::default(),
    }
}

fn when(t: DateTime<Utc>) -> String {
    t.format("%H:%M").to_string()
}

fn value(paper: &Paper, label: &str) -> Option<String> {
    paper.sections.iter().flat_map(|s| &s.rows).find(|r| r.label == label).map(|r| r.value.clone())
}

#[test]
fn the_discharge_sheet_names_bay_times_escort_and_signer() {
    let paper = discharge_sheet(&record(Protocol::Spravato), &when);
    assert_eq!(paper.subtitle, "Bay 3 · Spravato · 10:00");
    assert_eq!(value(&paper, "First spray device").as_deref(), Some("10:00"));
    assert_eq!(value(&paper, "Cleared for discharge").as_deref(), Some("12:05 by Test Nurse, RN"));
    assert_eq!(value(&paper, "Left with the escort").as_deref(), Some("12:10"));
    assert_eq!(value(&paper, "Name").as_deref(), Some("Testy McTestface"));
    assert_eq!(value(&paper, "Identity").as_deref(), Some("name confirmed, photo ID checked"));
    assert_eq!(value(&paper, "Nurse").as_deref(), Some("Test Nurse, RN"));
    let checks = paper.sections.iter().find(|s| s.heading == "Checks").expect("checks");
    assert_eq!(checks.rows[0].value, "No checks recorded.");
}

#[test]
fn the_rems_form_counts_from_the_first_device_and_says_what_it_does_not_hold() {
    let last_day = NaiveDate::from_ymd_opt(2026, 7, 8).expect("date");
    let paper = rems_form(&record(Protocol::Spravato), None, Some(95), last_day, &when);
    assert!(paper.subtitle.ends_with("due by 2026-07-08"), "{}", paper.subtitle);
    let total = value(&paper, "Total minutes, first device to end of monitoring");
    assert_eq!(total.as_deref(), Some("130 min"));
    let ready = value(&paper, "If there were no 2-hour minimum, ready after");
    assert_eq!(ready.as_deref(), Some("95 min after the first device"));
    assert_eq!(value(&paper, "Dose").as_deref(), Some("56 mg"));
    assert!(value(&paper, "Sex").expect("sex").starts_with("Not recorded"));
    assert!(value(&paper, "Setting name and address")
        .expect("setting")
        .starts_with("Not recorded"));
}

/// The fixture record transferred to emergency care at +95 min (while observed).
fn transferred(protocol: Protocol) -> SessionRecord {
    let gates = crate::discharge::DischargeGates {
        readiness: crate::discharge::Readiness::NotReady,
        gates: Vec::new(),
        missing: Vec::new(),
        minutes_left: 25,
        ends_at: at(120),
    };
    SessionRecord {
        cleared_at: None,
        cleared_by: None,
        left_at: Some(at(95)),
        how: Some(DepartureHow::Transferred),
        transfer: Some(Transfer {
            transferred_at: at(95),
            destination: "Example General Hospital ED".into(),
            handed_over_to: "Paramedic crew lead".into(),
            emergency_services_called: true,
            note: Some("BP 190/110 on leaving.".into()),
            gates,
        }),
        ..record(protocol)
    }
}

#[test]
fn a_transfer_replaces_the_discharge_on_the_sheet() {
    let paper = discharge_sheet(&transferred(Protocol::Spravato), &when);
    assert_eq!(value(&paper, "Transferred to emergency care").as_deref(), Some("11:35"));
    assert_eq!(value(&paper, "Transferred at").as_deref(), Some("11:35"));
    assert_eq!(value(&paper, "Destination").as_deref(), Some("Example General Hospital ED"));
    assert_eq!(value(&paper, "Handed over to").as_deref(), Some("Paramedic crew lead"));
    assert_eq!(value(&paper, "Emergency services called").as_deref(), Some("Yes"));
    assert_eq!(value(&paper, "Note").as_deref(), Some("BP 190/110 on leaving."));
    let headings: Vec<&str> = paper.sections.iter().map(|s| s.heading.as_str()).collect();
    for gone in ["Escort", "Instructions given", "Discharge gates at clearance"] {
        assert!(!headings.contains(&gone), "{gone} in {headings:?}");
    }
    assert!(value(&paper, "Left with the escort").is_none());
    let sent_home = discharge_sheet(&record(Protocol::Spravato), &when);
    assert!(sent_home.sections.iter().all(|s| s.heading != "Transferred to emergency care"));
}

#[test]
fn the_rems_form_lists_a_transfer_as_a_serious_adverse_event() {
    let last_day = NaiveDate::from_ymd_opt(2026, 7, 8).expect("date");
    let record = transferred(Protocol::Spravato);
    let paper = rems_form(&record, None, None, last_day, &when);
    let sae = value(&paper, "Serious adverse events");
    assert_eq!(
        sae.as_deref(),
        Some("Transferred to emergency care at 11:35: Example General Hospital ED")
    );
    let total = value(&paper, "Total minutes, first device to end of monitoring");
    assert_eq!(total.as_deref(), Some("95 min"), "monitoring ended at the transfer");
    let mut typed = RemsDetails {
        date_of_birth: None,
        sex: None,
        dose_mg: Some(56),
        lot: String::new(),
        benzodiazepines: false,
        non_benzodiazepine_sedatives: false,
        psychostimulants: false,
        maois: false,
        opioids: false,
        serious_adverse_events: "None".into(),
    };
    let paper = rems_form(&record, Some(&typed), None, last_day, &when);
    assert_eq!(value(&paper, "Serious adverse events"), sae, "a typed \"None\" adds nothing");
    typed.serious_adverse_events = "Hypertensive crisis with chest pain.".into();
    let paper = rems_form(&record, Some(&typed), None, last_day, &when);
    assert_eq!(
        value(&paper, "Serious adverse events").as_deref(),
        Some(
            "Transferred to emergency care at 11:35: Example General Hospital ED. \
             Hypertensive crisis with chest pain."
        )
    );
}

fn above_140_90(decision: Option<crate::checks::PredoseChoice>) -> SessionRecord {
    use crate::checks::{BloodPressure, PredoseDecision, PredoseStanding, RecordedPredoseDecision};
    let bp = BloodPressure { systolic: 150, diastolic: 95 };
    let threshold = BloodPressure { systolic: 140, diastolic: 90 };
    let decision = decision.map(|decision| RecordedPredoseDecision {
        id: 1,
        decision: PredoseDecision {
            check_id: 3,
            decision,
            prescriber: "Dr Test Prescriber".into(),
            decided_at: at(-5),
            note: String::new(),
            bp,
            threshold,
        },
        recorded_at: at(-4),
        who: Some("Test Nurse, RN".into()),
        late: None,
    });
    let predose = PredoseStanding {
        check_id: 3,
        observed_at: at(-10),
        bp,
        threshold,
        headline: "Pre-dose BP 150/95 above 140/90".into(),
        decision,
    };
    SessionRecord { predose: vec![predose], ..record(Protocol::Spravato) }
}

#[test]
fn the_papers_show_the_pre_dose_decision() {
    use crate::checks::PredoseChoice;
    let record = above_140_90(Some(PredoseChoice::Proceed));
    let line = "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 09:55";
    let sheet = discharge_sheet(&record, &when);
    assert_eq!(value(&sheet, "Pre-dose blood pressure").as_deref(), Some(line));
    let last_day = NaiveDate::from_ymd_opt(2026, 7, 8).expect("date");
    let form = rems_form(&record, None, None, last_day, &when);
    assert_eq!(value(&form, "Vitals acceptable before dose").as_deref(), Some(line));
}

#[test]
fn a_missing_or_do_not_dose_decision_is_plain_on_the_papers() {
    use crate::checks::PredoseChoice;
    let sheet = discharge_sheet(&above_140_90(None), &when);
    assert_eq!(
        value(&sheet, "Pre-dose blood pressure").as_deref(),
        Some("Pre-dose BP 150/95 above 140/90: prescriber's decision needed")
    );
    let sheet = discharge_sheet(&above_140_90(Some(PredoseChoice::DoNotDose)), &when);
    let section = sheet.sections.iter().find(|s| s.heading == "Before the dose").expect("section");
    let text = format!("{section:?}");
    assert!(text.contains("do not dose, decided by Dr Test Prescriber"), "{text}");
    assert!(text.contains("The prescriber decided not to dose."), "{text}");
    let normal = discharge_sheet(&record(Protocol::Spravato), &when);
    assert!(normal.sections.iter().all(|s| s.heading != "Before the dose"));
}

/// A live observation check at `m` minutes with a nurse's note.
fn check_with_note(id: i64, m: i64, note: &str) -> StoredCheck {
    let check = crate::checks::Check {
        session_id: 7,
        purpose: CheckPurpose::Observation,
        observed_at: at(m),
        late_reason: None,
        symptom_grade: 0,
        symptoms: Vec::new(),
        severe_headache: false,
        chest_pain: false,
        shortness_of_breath: false,
        orthostatic: None,
        gait: Some(2),
        vitals: None,
        moaas: None,
        cadss: None,
        nausea: None,
        pain: None,
        note: note.into(),
    };
    let who = Some("Ben Test, RN".into());
    StoredCheck { id, check, recorded_at: at(m), who, corrects: None, corrected_by: None }
}

fn note(id: i64, m: i64, text: &str) -> crate::notes::StoredNote {
    crate::notes::StoredNote {
        id,
        note: crate::notes::Note {
            session_id: 7,
            observed_at: at(m),
            late_reason: None,
            text: text.into(),
        },
        recorded_at: at(m + 1),
        who: Some("Ana Test, RN".into()),
    }
}

#[test]
fn the_sheet_lists_every_note_with_time_nurse_and_text() {
    let mut record = record(Protocol::IvKetamine);
    record.notes = vec![note(1, 30, "Asked for water.\nDrank 200 ml."), note(2, 90, "Calm")];
    let corrected = StoredCheck { corrected_by: Some(9), ..check_with_note(8, 50, "Misread") };
    record.checks = vec![check_with_note(4, 60, "Steady on standing"), corrected];
    let paper = discharge_sheet(&record, &when);
    let notes = paper.sections.iter().find(|s| s.heading == "Notes").expect("a Notes section");
    let rows: Vec<(&str, &str)> =
        notes.rows.iter().map(|r| (r.label.as_str(), r.value.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("10:30", "Asked for water.\nDrank 200 ml. (Ana Test, RN)"),
            ("11:00", "On the check: Steady on standing (Ben Test, RN)"),
            ("11:30", "Calm (Ana Test, RN)"),
        ]
    );
    // No notes, no section.
    let paper = discharge_sheet(&self::record(Protocol::IvKetamine), &when);
    assert!(paper.sections.iter().all(|s| s.heading != "Notes"));
}

/// A live check at `m` minutes with blood pressure `sys/dia`.
fn check_with_bp(id: i64, m: i64, sys: u32, dia: u32) -> StoredCheck {
    let mut stored = check_with_note(id, m, "");
    let bp = crate::checks::BloodPressure { systolic: sys, diastolic: dia };
    stored.check.vitals = Some(crate::checks::Vitals { bp: Some(bp), ..Default::default() });
    stored
}

#[test]
fn the_sheet_carries_the_vital_signs_chart_after_the_checks() {
    let mut record = record(Protocol::IvKetamine);
    record.checks = vec![check_with_bp(1, 15, 150, 90), check_with_bp(2, 45, 132, 84)];
    let paper = discharge_sheet(&record, &when);
    let headings: Vec<&str> = paper.sections.iter().map(|s| s.heading.as_str()).collect();
    let checks = headings.iter().position(|h| *h == "Checks").expect("checks");
    assert_eq!(headings[checks + 1], "Vital signs over the recovery");
    let section = &paper.sections[checks + 1];
    let want = crate::trends::trend_chart(&record.session, &record.checks, &record.thresholds);
    assert_eq!(section.chart.as_ref(), Some(&want));
    let systolic: Vec<i32> = want.panels[0].series[0].points.iter().map(|p| p.value).collect();
    assert_eq!(systolic, [150, 132]);
    assert!(section.rows.is_empty());
    // No vital signs: the section says so and carries no chart.
    let paper = discharge_sheet(&self::record(Protocol::IvKetamine), &when);
    let section = paper.sections.iter().find(|s| s.heading == "Vital signs over the recovery");
    let section = section.expect("the section is always there");
    assert_eq!(section.chart, None);
    assert_eq!(section.rows[0].value, "No vital signs recorded.");
}
