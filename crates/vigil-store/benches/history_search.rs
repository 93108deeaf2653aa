//! Issue 16's history search figures, printed (never asserted), on five years of history
//! written through the store's own write paths (`VIGIL_BENCH_SESSIONS`, default 50,000
//! sessions of 20 checks each = 1,000,000 checks; fictional accented names, chart numbers,
//! every kind of departure): 200 searches as the History screen sends them (a name's prefix,
//! two words' prefixes, a chart number, a name with a month's range, a protocol and how-left
//! filter without text, accent-free spellings), p50 / p99 / largest in ms. Target p99 < 50 ms.
//!
//! Run: `make bench-history` (`cargo bench -p vigil-store --bench history_search`).
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
use vigil_core::history::{HistoryLeft, HistoryQuery};
use vigil_core::Protocol;
use vigil_store::{history as search, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid")
}

fn write_history(store: &Store, nurse: i64, wanted: usize) {
    let t = Instant::now();
    let checks = std::env::var("VIGIL_BENCH_CHECKS").ok().and_then(|v| v.parse().ok());
    let shape = history::Shape { sessions: wanted, checks: checks.unwrap_or(20), now: now() };
    history::write(store, nurse, shape);
    println!("history: {wanted} sessions written in {:.0} s", t.elapsed().as_secs_f64());
}

/// The `i`th of the 200 queries: six kinds in turn, over varied names.
fn query(i: usize, sessions: usize) -> (&'static str, HistoryQuery) {
    let n = (i * 7919) % sessions;
    let name = history::patient_name(n);
    let words: Vec<&str> = name.split(' ').collect();
    let prefix = |w: &str, k: usize| w.chars().take(k).collect::<String>();
    let month = (now() - Duration::days(365 + (i as i64 % 700))).format("%Y-%m-%d").to_string();
    let month_end = (now() - Duration::days(335 + (i as i64 % 700))).format("%Y-%m-%d").to_string();
    let text = |t: String| HistoryQuery { text: t, ..HistoryQuery::default() };
    match i % 6 {
        0 => ("one word's prefix", text(prefix(words[0], 3))),
        1 => (
            "two words' prefixes",
            text(format!("{} {}", prefix(words[0], 2), prefix(words[1], 3))),
        ),
        2 => ("chart number", text(history::chart_number(n))),
        3 => (
            "name and a month",
            HistoryQuery { from: Some(month), to: Some(month_end), ..text(prefix(words[1], 2)) },
        ),
        4 => (
            "protocol and how they left",
            HistoryQuery {
                protocol: Some(Protocol::IvKetamine),
                left: Some(HistoryLeft::Transferred),
                ..HistoryQuery::default()
            },
        ),
        _ => ("accent-free full name", text(plain(&name))),
    }
}

/// `name` typed without accents, as a nurse without the keyboard for them would.
fn plain(name: &str) -> String {
    const BASE: &[(&str, char)] = &[
        ("áàâäãÁ", 'a'),
        ("éèêëễÉĘęÈ", 'e'),
        ("íìîïịÍ", 'i'),
        ("óòôöőÓÖŐØø", 'o'),
        ("úùûüÚÜ", 'u'),
        ("żźŻŹ", 'z'),
        ("śŚ", 's'),
        ("ćĆ", 'c'),
        ("łŁ", 'l'),
        ("đĐ", 'd'),
    ];
    let folded = vigil_core::history::fold(name);
    folded
        .chars()
        .map(|c| BASE.iter().find(|(set, _)| set.contains(c)).map_or(c, |(_, b)| *b))
        .collect()
}

fn main() {
    let wanted: usize =
        std::env::var("VIGIL_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, nurse) = common::store_with_nurse(dir.path(), now());
    write_history(&store, nurse, wanted);
    let mut by_kind: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut all = Vec::new();
    let mut rows = 0;
    let (mut sought, mut found) = (0, 0);
    for i in 0..200 {
        let (kind, q) = query(i, wanted);
        let checked = q.validate(&Berlin).expect("a valid query");
        let t = Instant::now();
        let page = store.with_conn(|c| search::search(c, &checked)).expect("search");
        let ms = t.elapsed().as_secs_f64() * 1e3;
        rows += page.rows.len();
        if matches!(i % 6, 1 | 2 | 5) && !page.more {
            sought += 1;
            let name = history::patient_name((i * 7919) % wanted);
            found += usize::from(page.rows.iter().any(|r| r.patient_name == name));
        }
        all.push(ms);
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, v)) => v.push(ms),
            None => by_kind.push((kind, vec![ms])),
        }
    }
    for (kind, samples) in by_kind {
        let (p50, p99, max) = common::percentiles(samples);
        println!("history search, {kind}: p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms");
    }
    let (p50, p99, max) = common::percentiles(all);
    println!(
        "history search, all 200 on {wanted} sessions: p50 {p50:.2} ms, p99 {p99:.2} ms, \
         max {max:.2} ms ({rows} rows returned; target p99 < 50 ms)"
    );
    println!("the patient sought, when all matches were returned: found {found} of {sought}");
    if std::env::var_os("VIGIL_BENCH_PLAN").is_some() {
        plan(&store, wanted);
    }
}

/// The query plan and the time of the index lookup alone, for a one-word prefix query.
fn plan(store: &Store, sessions: usize) {
    let (_, q) = query(0, sessions);
    let checked = q.validate(&Berlin).expect("valid");
    let expr = search::match_expression(&checked.terms);
    store
        .with_conn(|c| {
            let t = Instant::now();
            let n: i64 = c.query_row(
                "SELECT count(*) FROM session_search WHERE session_search MATCH ?1",
                [&expr],
                |r| r.get(0),
            )?;
            println!("{expr}: {n} index matches in {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
            Ok(())
        })
        .expect("plan");
}
