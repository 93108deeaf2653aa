//! The discharge sheet and the REMS form built from a fictional session record.

use super::*;
use crate::discharge::{EscortStatus, Transport};
use crate::Protocol;
use chrono::TimeZone;

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
    let paper = rems_form(&record(Protocol::Spravato), None, Some(95), at(60 * 24 * 8), &when);
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
