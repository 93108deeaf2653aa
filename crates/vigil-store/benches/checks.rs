//! Issue 4's figures, printed (never asserted), on a real file with `synchronous=FULL`:
//! - saving a check through the store (its transaction: row, clinical alerts, overdue
//!   resolutions, audit entry), p50 / p99;
//! - loading the board (everything the board command reads and computes) with 10, 25 and 50
//!   patients in recovery, first on an empty history, then after generating five years of
//!   history (`VIGIL_BENCH_SESSIONS`, default 50,000 sessions of 20 checks: 1,000,000 checks,
//!   each with its minimum alert fired and acknowledged and three readiness history rows),
//!   through the store's own write paths;
//! - what readiness history adds to the scheduler's sweep with 50 patients (issue 11).
//!
//! Run: `make bench-checks` (`cargo bench -p vigil-store --bench checks`).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;
#[allow(dead_code)] // the tests' fixtures: only the check builders are used here
#[path = "../tests/common/mod.rs"]
mod fixtures;
#[path = "common/history.rs"]
mod history;

use chrono::{DateTime, Duration, TimeZone, Utc};
use history::vitals_check;
use std::collections::HashSet;
use std::time::Instant;
use vigil_core::checks::AlertSeverity;
use vigil_core::{Admission, RecoveryBoard};
use vigil_store::{alerts, checks, discharge, readiness, sessions, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid")
}

fn admission(n: usize, start: DateTime<Utc>) -> Admission {
    common::admission(n, 60, start)
}

fn percentiles(samples: Vec<f64>) -> (f64, f64) {
    let (p50, p99, _) = common::percentiles(samples);
    (p50, p99)
}

/// What the board command does: active alerts, the board's sessions, their check statuses and
/// discharge gates.
fn load_board(store: &Store) -> RecoveryBoard {
    store
        .with_conn(|c| {
            let alerted: HashSet<i64> =
                alerts::active(c, now())?.into_iter().map(|a| a.session_id).collect();
            let rows = sessions::on_board(c, now())?;
            let statuses = checks::statuses(c, &rows, now())?;
            let unreadable = &mut vigil_store::unreadable::Unreadable::default();
            let standing = discharge::board(c, &rows, now(), unreadable)?;
            Ok(RecoveryBoard::build(&rows, &alerted, &statuses, now()).with_discharge(&standing))
        })
        .expect("board")
}

fn board_figures(store: &Store, label: &str) {
    let mut samples = Vec::new();
    let mut rows = 0;
    for _ in 0..200 {
        let t = Instant::now();
        rows = load_board(store).rows.len();
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99) = percentiles(samples);
    println!("board load, {rows} patients in recovery, {label}: p50 {p50:.2} ms, p99 {p99:.2} ms");
}

/// What the scheduler reads every sweep (every 2 s): the deadlines not yet fired, the
/// escort-not-arrived ones included (they need every board session's gates).
fn sweep_figures(store: &Store, label: &str) {
    let mut samples = Vec::new();
    let mut due = 0;
    for _ in 0..200 {
        let t = Instant::now();
        due = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("deadlines").len();
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99) = percentiles(samples);
    println!("scheduler read, {due} unfired deadlines, {label}: p50 {p50:.2} ms, p99 {p99:.2} ms");
}

/// What readiness history adds to each sweep (issue 11, feature 10): its own transaction that
/// assesses every observed board session and appends the rows that changed. The first run
/// writes every session's first row; the samples after it are the steady state (no change).
fn readiness_figures(store: &Store, label: &str) {
    let t = Instant::now();
    let first = store.with_tx(|tx| readiness::record_changes(tx, now())).expect("record").len();
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    let (mut alone, mut whole) = (Vec::new(), Vec::new());
    for _ in 0..200 {
        let t = Instant::now();
        store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("deadlines");
        let read = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let rows = store.with_tx(|tx| readiness::record_changes(tx, now())).expect("record");
        assert!(rows.is_empty(), "nothing changed");
        let recorded = t.elapsed().as_secs_f64() * 1e3;
        alone.push(recorded);
        whole.push(read + recorded);
    }
    let (p50, p99) = percentiles(alone);
    let (w50, w99) = percentiles(whole);
    println!(
        "readiness recording, {label}: first sweep ({first} rows) {first_ms:.2} ms; \
         unchanged p50 {p50:.2} ms, p99 {p99:.2} ms; scheduler read + readiness p50 {w50:.2} ms, \
         p99 {w99:.2} ms"
    );
}

/// Admits `count` patients in recovery now, each with 4 checks.
fn admit_active(store: &Store, nurse: i64, from: usize, count: usize) -> Vec<i64> {
    (from..from + count)
        .map(|n| {
            let start = now() - Duration::minutes(50);
            let id = store
                .with_tx(|tx| sessions::insert(tx, &admission(n, start), nurse, now()))
                .expect("admit");
            let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
            for k in 1..=4 {
                let check = vitals_check(id, start + Duration::minutes(10 * k), 122);
                store
                    .with_tx(|tx| checks::record(tx, &session, &check, None, nurse, now()))
                    .expect("check");
            }
            id
        })
        .collect()
}

fn main() {
    let sessions_wanted: usize =
        std::env::var("VIGIL_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, nurse) = common::store_with_nurse(dir.path(), now());

    let mut active = admit_active(&store, nurse, 0, 10);
    board_figures(&store, "no history");
    active.extend(admit_active(&store, nurse, 10, 15));
    board_figures(&store, "no history");
    active.extend(admit_active(&store, nurse, 25, 25));
    board_figures(&store, "no history");
    sweep_figures(&store, "50 patients, no history");
    readiness_figures(&store, "50 patients, no history");

    write_history(&store, nurse, sessions_wanted);
    board_figures(&store, "with the history");
    sweep_figures(&store, "50 patients, with the history");
    readiness_figures(&store, "50 patients, with the history");
    save_figures(&store, nurse, &active);
}

/// Five years of history (`wanted` past sessions) through the store's own write paths, 1,000
/// sessions per transaction; prints what it wrote.
fn write_history(store: &Store, nurse: i64, wanted: usize) {
    let t = Instant::now();
    let shape = history::Shape { sessions: wanted, checks: 20, now: now() };
    history::write(store, nurse, shape);
    let (sessions_n, checks_n): (i64, i64) = store
        .with_conn(|c| {
            Ok((
                c.query_row("SELECT count(*) FROM recovery_sessions", [], |r| r.get(0))?,
                c.query_row("SELECT count(*) FROM checks", [], |r| r.get(0))?,
            ))
        })
        .expect("counts");
    let bytes = std::fs::metadata(store.path()).map(|m| m.len()).unwrap_or(0);
    println!(
        "history generated: {sessions_n} sessions, {checks_n} checks, {:.0} MiB, in {:.0} s",
        bytes as f64 / 1048576.0,
        t.elapsed().as_secs_f64()
    );
}

/// Saving a check with the history in place, 500 times over the `active` sessions.
fn save_figures(store: &Store, nurse: i64, active: &[i64]) {
    let mut saves = Vec::new();
    let mut critical = 0;
    for i in 0..500 {
        let id = active[i % active.len()];
        let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
        let check = vitals_check(id, now(), if i % 50 == 0 { 185 } else { 120 });
        let t = Instant::now();
        let recorded = store
            .with_tx(|tx| checks::record(tx, &session, &check, None, nurse, now()))
            .expect("save");
        saves.push(t.elapsed().as_secs_f64() * 1e3);
        critical +=
            recorded.alerts.iter().filter(|(_, a)| a.severity == AlertSeverity::Critical).count();
    }
    let (p50, p99) = percentiles(saves);
    println!(
        "save a check (synchronous=FULL, with the history), 500 saves ({critical} raising a critical alert): p50 {p50:.2} ms, p99 {p99:.2} ms"
    );
}
