//! Issue 16's CSV export figures, printed (never asserted), on five years of history written
//! through the store's own write paths (`VIGIL_BENCH_SESSIONS`, default 50,000 sessions of 20
//! checks each = 1,000,000 checks): a month's sessions and a month's checks (the sessions whose
//! clock started in 30 local days three years ago), each read in one query, made into a table
//! and written as CSV, as the export command does (times in Europe/Berlin). Prints the rows,
//! the bytes and the time (p50 and p99 of 10 runs, and the first, cold-ish, run).
//!
//! Run: `make bench-exports` (`cargo bench -p vigil-store --bench exports`).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;
#[allow(dead_code)] // the tests' fixtures: only the check builders are used here
#[path = "../tests/common/mod.rs"]
mod fixtures;
#[path = "common/history.rs"]
mod history;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use std::time::Instant;
use vigil_core::exports::columns::{check_cells, session_cells, CHECK_COLUMNS, SESSION_COLUMNS};
use vigil_core::table::Table;
use vigil_store::{exports, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid")
}

fn write_history(store: &Store, nurse: i64, wanted: usize) {
    let t = Instant::now();
    let shape = history::Shape { sessions: wanted, checks: 20, now: now() };
    history::write(store, nurse, shape);
    println!("history: {wanted} sessions written in {:.0} s", t.elapsed().as_secs_f64());
}

/// The CSV of one table for `[from, to)`: its rows and bytes.
fn csv(store: &Store, checks: bool, from: DateTime<Utc>, to: DateTime<Utc>) -> (usize, usize) {
    let table = store
        .with_conn(|c| {
            if checks {
                let mut t = Table::new(CHECK_COLUMNS);
                exports::each_check(c, from, to, |r| {
                    t.push(check_cells(&r, &Berlin));
                    Ok(())
                })?;
                Ok(t)
            } else {
                let mut t = Table::new(SESSION_COLUMNS);
                exports::each_session(c, from, to, |r| {
                    t.push(session_cells(&r, &Berlin));
                    Ok(())
                })?;
                Ok(t)
            }
        })
        .expect("rows");
    (table.rows.len(), table.to_csv().len())
}

fn figures(store: &Store, label: &str, checks: bool, from: DateTime<Utc>, to: DateTime<Utc>) {
    let mut samples = Vec::new();
    let mut shape = (0, 0);
    for _ in 0..11 {
        let t = Instant::now();
        shape = csv(store, checks, from, to);
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let first = samples.remove(0);
    let (p50, p99, _) = common::percentiles(samples);
    println!(
        "{label} CSV of a month: {} rows, {} KiB, first {first:.0} ms, p50 {p50:.0} ms, p99 {p99:.0} ms",
        shape.0,
        shape.1 / 1024
    );
}

fn main() {
    let wanted: usize =
        std::env::var("VIGIL_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, nurse) = common::store_with_nurse(dir.path(), now());
    write_history(&store, nurse, wanted);
    let from = now() - Duration::days(3 * 365);
    let to = from + Duration::days(30);
    figures(&store, "sessions", false, from, to);
    figures(&store, "checks", true, from, to);
}
