//! Store figures on a real file with `synchronous=FULL`, printed (never asserted): saving an
//! admission with its audit entry (p50 / p99), checking a PIN (argon2), and verifying the
//! audit chain as at start (`Quick`) and fully (`Full`) for a growing history.
//! Run: `cargo bench -p vigil-store --bench store` (or `make bench-store`).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use std::time::Instant;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::{Admission, Protocol, Role};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{nurses, sessions, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

fn admission(n: usize) -> Admission {
    Admission {
        patient_name: "Bench McBenchface".into(),
        chart_number: format!("BENCH-{n:07}"),
        date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29).expect("date"),
        bay: format!("Bay {}", n % 12 + 1),
        protocol: Protocol::IvKetamine,
        protocol_version_id: 1,
        minimum_minutes: 60,
        dose_mg: 35.0,
        weight_kg: Some(70.0),
        clock_started_at: now() - Duration::minutes(5),
        device_times: Vec::new(),
        note: String::new(),
    }
}

fn percentiles(mut samples: Vec<f64>) -> (f64, f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    (at(0.5), at(0.99), samples[samples.len() - 1])
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open_in(dir.path()).expect("open");
    let nurse = NewNurse {
        display_name: "Bench Nurse".into(),
        credentials: "RN".into(),
        role: Role::Admin,
        pin: Pin::parse("246813", "pin").expect("pin"),
    };
    let id = store.with_tx(|tx| nurses::create(tx, &nurse, None, now())).expect("nurse");

    let mut saves = Vec::new();
    for n in 0..500 {
        let a = admission(n);
        let t = Instant::now();
        store.with_tx(|tx| sessions::insert(tx, &a, id, now())).expect("save");
        saves.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99, max) = percentiles(saves);
    println!("save admission + audit entry (synchronous=FULL), 500 saves: p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms");

    let pin = Pin::parse("246813", "pin").expect("pin");
    let mut checks = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        assert!(store.with_conn(|c| nurses::pin_matches(c, id, &pin)).expect("check"));
        checks.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99, _) = percentiles(checks);
    println!("PIN check (argon2id, nurses::PIN_COST), 20 checks: p50 {p50:.1} ms, p99 {p99:.1} ms");

    let mut written = 500;
    for target in [10_000usize, 100_000] {
        // History written in batches (one transaction per 1,000) to build it quickly.
        while written < target {
            store
                .with_tx(|tx| {
                    for n in written..written + 1_000 {
                        sessions::insert(tx, &admission(n), id, now())?;
                    }
                    Ok(())
                })
                .expect("batch");
            written += 1_000;
        }
        for depth in [FileCheck::Quick, FileCheck::Full] {
            let t = Instant::now();
            let status = store.with_conn(|c| integrity::verify(c, depth, now())).expect("verify");
            assert!(status.ok);
            println!(
                "verify {depth:?} with {} audit entries: {:.0} ms",
                status.rows,
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
