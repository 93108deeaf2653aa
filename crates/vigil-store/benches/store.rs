//! Store figures on a real file with `synchronous=FULL`, printed (never asserted): saving an
//! admission with its audit entry (p50 / p99), checking a PIN (argon2), and verifying the
//! audit chain as at start (`Quick`) and fully (`Full`) for a growing history.
//! Run: `cargo bench -p vigil-store --bench store` (or `make bench-store`).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::percentiles;
use std::time::Instant;
use vigil_core::people::Pin;
use vigil_core::Admission;
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{nurses, sessions, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

fn admission(n: usize) -> Admission {
    common::admission(n, 12, now() - Duration::minutes(5))
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, id) = common::store_with_nurse(dir.path(), now());
    save_figures(&store, id);
    pin_figures(&store, id);
    verify_figures(&store, id);
}

/// Saving an admission with its audit entry, 500 times.
fn save_figures(store: &Store, id: i64) {
    let mut saves = Vec::new();
    for n in 0..500 {
        let a = admission(n);
        let t = Instant::now();
        store.with_tx(|tx| sessions::insert(tx, &a, id, now())).expect("save");
        saves.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99, max) = percentiles(saves);
    println!("save admission + audit entry (synchronous=FULL), 500 saves: p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms");
}

/// Checking the PIN of account `id`, 20 times.
fn pin_figures(store: &Store, id: i64) {
    let pin = Pin::parse("246813", "pin").expect("pin");
    let mut checks = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        assert!(store.with_conn(|c| nurses::pin_matches(c, id, &pin)).expect("check"));
        checks.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99, _) = percentiles(checks);
    println!("PIN check (argon2id, nurses::PIN_COST), 20 checks: p50 {p50:.1} ms, p99 {p99:.1} ms");
}

/// Verifying the chain quickly and fully with 10,000 and then 100,000 entries (after the 500
/// admissions already saved).
fn verify_figures(store: &Store, id: i64) {
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
