//! Fixtures shared by the store's integration tests (fictional data only).

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use vigil_core::{Admission, Protocol};

/// The fixed "now" of every store test.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

/// A valid IV ketamine admission (version 1, 60 min) whose clock started `minutes_ago`.
pub fn iv_admission(bay: &str, minutes_ago: i64) -> Admission {
    Admission {
        patient_name: "Testy McTestface".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29).expect("date"),
        bay: bay.into(),
        protocol: Protocol::IvKetamine,
        protocol_version_id: 1,
        minimum_minutes: 60,
        dose_mg: 35.0,
        weight_kg: Some(70.0),
        clock_started_at: now() - Duration::minutes(minutes_ago),
        device_times: Vec::new(),
        note: String::new(),
    }
}
