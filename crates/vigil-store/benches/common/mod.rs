//! What the store's benches share: a real store with its one administrator (the PIN hashed at
//! the real cost), a fictional admission, and percentiles of timings.
#![allow(dead_code)] // each bench compiles this module; not all of them use every part

use chrono::{DateTime, NaiveDate, Utc};
use vigil_core::people::{NewNurse, Pin};
use vigil_core::{Admission, Protocol, Role};
use vigil_store::{nurses, DbKey, Store};

/// Opens a store in `dir` with its administrator ("Bench Nurse, RN"); the store and the id.
pub fn store_with_nurse(dir: &std::path::Path, now: DateTime<Utc>) -> (Store, i64) {
    let store = Store::open_in(dir, &DbKey::from_bytes([7; 32])).expect("open");
    let new = NewNurse {
        display_name: "Bench Nurse".into(),
        credentials: "RN".into(),
        role: Role::Admin,
        pin: Pin::parse("246813", "pin").expect("pin"),
    };
    let nurse = store.with_tx(|tx| nurses::create(tx, &new, None, now)).expect("nurse");
    (store, nurse)
}

/// Admission number `n` of a bench (IV ketamine, 60 min) in one of `bays` bays, its clock
/// started at `start`.
pub fn admission(n: usize, bays: usize, start: DateTime<Utc>) -> Admission {
    Admission {
        patient_name: "Bench McBenchface".into(),
        chart_number: format!("BENCH-{n:07}"),
        date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29).expect("date"),
        bay: format!("Bay {}", n % bays + 1),
        protocol: Protocol::IvKetamine,
        protocol_version_id: 1,
        minimum_minutes: 60,
        dose_mg: 35.0,
        weight_kg: Some(70.0),
        clock_started_at: start,
        device_times: Vec::new(),
        note: String::new(),
    }
}

/// The p50, p99 and largest of `samples`.
pub fn percentiles(mut samples: Vec<f64>) -> (f64, f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    (at(0.5), at(0.99), samples[samples.len() - 1])
}
