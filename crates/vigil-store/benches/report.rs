//! Issue 16's day report figure, printed (never asserted), on five years of history written
//! through the store's own write paths (`VIGIL_BENCH_SESSIONS`, default 50,000 sessions of 20
//! checks each = 1,000,000 checks, about 27 sessions a day, each with an alert acknowledged,
//! three readiness rows and a departure): 100 reports of a whole day and 100 of a night shift,
//! on days spread over the five years, as the Reports screen asks (`report::load`): p50 / p99
//! / largest in ms. Target < 200 ms.
//!
//! Run: `make bench-report` (`cargo bench -p vigil-store --bench report`).
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
use vigil_core::report::ReportInput;
use vigil_store::{report, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid")
}

fn write_history(store: &Store, nurse: i64, wanted: usize) {
    let t = Instant::now();
    let shape = history::Shape { sessions: wanted, checks: 20, now: now() };
    history::write(store, nurse, shape);
    println!("history: {wanted} sessions written in {:.0} s", t.elapsed().as_secs_f64());
}

fn main() {
    let wanted: usize =
        std::env::var("VIGIL_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, nurse) = common::store_with_nurse(dir.path(), now());
    write_history(&store, nurse, wanted);
    for shift in [None, Some("Night")] {
        let mut samples = Vec::new();
        let (mut patients, mut alerts) = (0, 0);
        for i in 0..100 {
            let day = (now() - Duration::days(3 + i * 18)).with_timezone(&Berlin).date_naive();
            let input = ReportInput { day: day.to_string(), shift: shift.map(Into::into) };
            let t = Instant::now();
            let r = store.with_conn(|c| report::load(c, &input, &Berlin)).expect("report");
            samples.push(t.elapsed().as_secs_f64() * 1e3);
            patients += r.patients.len();
            alerts += r.alerts.total;
        }
        let (p50, p99, max) = common::percentiles(samples);
        let what = shift.map_or("a whole day".to_owned(), |s| format!("a {s} shift"));
        println!(
            "day report, {what}, 100 days on {wanted} sessions: p50 {p50:.2} ms, p99 {p99:.2} ms, \
             max {max:.2} ms ({patients} patients, {alerts} alerts listed; target < 200 ms)"
        );
    }
}
