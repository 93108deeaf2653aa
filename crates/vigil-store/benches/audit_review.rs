//! Issue 16's audit trail review figures, printed (never asserted), on five years of history
//! written through the store's own write paths (`VIGIL_BENCH_SESSIONS`, default 50,000
//! sessions of 20 checks, each with its admission, minimum alert fired and acknowledged and
//! three readiness rows: about 1.3 million audit entries):
//! - the first page (200 entries) with no filter, one local day three years ago, that day and
//!   one action, one nurse and one action, an action that matches nothing (the worst case: a
//!   scan of the whole trail), and one patient (a session three years ago);
//! - all of a month's entries, read and written as CSV (what the export does).
//!
//! Run: `make bench-audit` (`cargo bench -p vigil-store --bench audit_review`).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;
#[allow(dead_code)] // the tests' fixtures: only the check builders are used here
#[path = "../tests/common/mod.rs"]
mod fixtures;
#[path = "common/history.rs"]
mod history;

use chrono::{DateTime, Duration, TimeZone, Utc};
use std::time::Instant;
use vigil_core::audit_review::{audit_table, AuditQuery, PAGE_SIZE};
use vigil_store::audit::review;
use vigil_store::Store;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid")
}

fn write_history(store: &Store, nurse: i64, wanted: usize) {
    let t = Instant::now();
    let shape = history::Shape { sessions: wanted, checks: 20, now: now() };
    history::write(store, nurse, shape);
    let entries = store.with_conn(vigil_store::audit::count).expect("count");
    println!(
        "history: {wanted} sessions, {entries} audit entries, written in {:.0} s",
        t.elapsed().as_secs_f64()
    );
}

fn page_figures(store: &Store, label: &str, query: &AuditQuery) {
    let mut samples = Vec::new();
    let mut shown = 0;
    for _ in 0..20 {
        let t = Instant::now();
        shown = store.with_conn(|c| review::page(c, query, PAGE_SIZE)).expect("page").rows.len();
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p99, _) = common::percentiles(samples);
    println!("audit page, {label}: {shown} rows, p50 {p50:.1} ms, p99 {p99:.1} ms");
}

fn main() {
    let wanted: usize =
        std::env::var("VIGIL_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, nurse) = common::store_with_nurse(dir.path(), now());
    write_history(&store, nurse, wanted);

    let day_start = now() - Duration::days(3 * 365);
    let day = AuditQuery {
        from: Some(day_start),
        until: Some(day_start + Duration::days(1)),
        ..AuditQuery::default()
    };
    let action = |a: &str| Some(a.to_owned());
    page_figures(&store, "no filter", &AuditQuery::default());
    page_figures(&store, "one day 3 years ago", &day);
    let since = AuditQuery { from: Some(now() - Duration::days(4 * 365)), ..AuditQuery::default() };
    page_figures(&store, "the last 4 years", &since);
    page_figures(
        &store,
        "that day, record_check",
        &AuditQuery { action: action("record_check"), ..day.clone() },
    );
    let acks = AuditQuery {
        nurse_id: Some(nurse),
        action: action("acknowledge"),
        ..AuditQuery::default()
    };
    page_figures(&store, "one nurse, acknowledge", &acks);
    page_figures(
        &store,
        "one nurse",
        &AuditQuery { nurse_id: Some(nurse), ..AuditQuery::default() },
    );
    page_figures(
        &store,
        "an action found nowhere",
        &AuditQuery { action: action("restore"), ..AuditQuery::default() },
    );
    let session = i64::try_from(wanted * 3 / 5).expect("id"); // sessions are written newest last
    page_figures(
        &store,
        "one patient 3 years ago",
        &AuditQuery { session_id: Some(session), ..AuditQuery::default() },
    );

    let month = AuditQuery {
        from: Some(day_start),
        until: Some(day_start + Duration::days(30)),
        ..AuditQuery::default()
    };
    let t = Instant::now();
    let rows = store.with_conn(|c| review::all(c, &month)).expect("month");
    let bytes = audit_table(&rows).to_csv().len();
    println!(
        "audit export of a month: {} entries, {} KiB of CSV in {:.0} ms",
        rows.len(),
        bytes / 1024,
        t.elapsed().as_secs_f64() * 1e3
    );
}
