//! One reading, one alert (issue 11 bug 6) through the command functions: a check whose
//! blood pressure is critical and also a rise over the pre-dose baseline fires once, shows one
//! banner and queues one desktop notification naming both reasons (bay and initials only).

use super::*;
use chrono::{Duration, Utc};
use vigil_core::checks::{CheckInput, VitalsInput};
use vigil_core::{AdmitInput, Clock};
use vigil_store::alerts;

use crate::alerting::notification_job;
use crate::commands::sessions;
use crate::test_support::{admin_state_at_t0, t0};

fn bp(systolic: f64, diastolic: f64) -> Option<VitalsInput> {
    Some(VitalsInput {
        systolic: Some(systolic),
        diastolic: Some(diastolic),
        ..VitalsInput::default()
    })
}

#[test]
fn a_critical_pressure_risen_over_the_baseline_is_one_alert_and_one_notification() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let input = AdmitInput {
        patient_name: "Testy McTestface".into(),
        bay: "Bay 6".into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: (t0() - Duration::minutes(30)).format("%Y-%m-%d %H:%M:%S").to_string(),
        chart_number: "TEST-0006".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    };
    let id = sessions::admit(&state, &input, &Utc).expect("admit");
    let check = |purpose: &str| CheckInput {
        session_id: Some(id as f64),
        purpose: purpose.into(),
        symptom_grade: Some(0.0),
        ..CheckInput::default()
    };
    let baseline = CheckInput {
        observed_at: (t0() - Duration::minutes(40)).format("%Y-%m-%d %H:%M").to_string(),
        late_reason: "Measured before dosing, entered at admission.".into(),
        vitals: bp(140.0, 80.0),
        ..check("baseline")
    };
    let (_, fired) = record(&state, &baseline, &Utc).expect("baseline");
    assert!(fired.is_empty(), "{fired:?}");

    let (saved, fired) =
        record(&state, &CheckInput { vitals: bp(185.0, 100.0), ..check("observation") }, &Utc)
            .expect("saved");
    assert_eq!(saved.alerts.len(), 1, "one alert for the reading: {:?}", saved.alerts);
    assert_eq!(fired.len(), 1, "one firing raised: {fired:?}");
    let jobs: Vec<_> = fired.iter().map(notification_job).collect();
    let [job] = &jobs[..] else { panic!("one notification: {jobs:?}") };
    assert_eq!(job.firing_id, Some(fired[0].firing_id));
    for reason in
        ["Blood pressure 185/100 is critical", "over the pre-dose baseline, systolic rose 45"]
    {
        assert!(job.body.contains(reason), "{reason} in {}", job.body);
    }
    assert!(job.body.starts_with("Bay 6 (T.M.): ") && !job.body.contains("Testy"), "{}", job.body);
    assert_eq!(fired[0].deadline.key, format!("{}:critical_bp", saved.check_id));

    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    let clinical: Vec<_> = active.iter().filter(|a| a.kind == DeadlineKind::Clinical).collect();
    assert_eq!(clinical.len(), 1, "one banner: {active:?}");
    assert_eq!(clinical[0].firing_id, fired[0].firing_id);
    assert_eq!(clinical[0].detail.as_deref(), Some(saved.alerts[0].message.as_str()));
}
