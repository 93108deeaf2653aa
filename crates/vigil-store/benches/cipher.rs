//! Encryption at rest side by side with plain SQLite, in one run (issue 15), printed as a table
//! (never asserted): opening (key, pragmas, quick check) on new records and on five years of
//! records, loading the board with 50 patients after five years, and saving a check and an
//! admission (each its own transaction, `synchronous=FULL`), p50 / p99. The five-year database
//! is built once, plain, through the store's write paths, and exported encrypted with
//! `cipher::export`, so both hold the same records. Targets: saves and board within 1.5x of
//! plain, open under 300 ms.
//!
//! Run: `cargo bench -p vigil-store --bench cipher`. Sizes (environment): `VIGIL_BENCH_SESSIONS`
//! (past sessions, default 50,000), `VIGIL_BENCH_CHECKS` (checks per past session, default 20),
//! `VIGIL_BENCH_OPENS` (opens without a full read, 30), `VIGIL_BENCH_BIG_OPENS` (opens of the
//! grown records with their quick check, 3), `VIGIL_BENCH_SAVES` (500), `VIGIL_BENCH_BOARDS` (200).
#![allow(clippy::expect_used)] // bench code: a failed step stops the run

#[path = "cipher/build.rs"]
mod build;
mod common;
#[allow(dead_code)] // the tests' fixtures: only the check builders are used here
#[path = "../tests/common/mod.rs"]
mod fixtures;
#[path = "common/history.rs"]
mod history;
#[path = "cipher/measure.rs"]
mod measure;

use chrono::{DateTime, Duration, TimeZone, Utc};
use measure::{alternate, open_like_store, timed, write, Figure, Target};
use vigil_store::cipher::{self, DbKey};
use vigil_store::{checks, sessions, Store};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).single().expect("valid")
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let version = cipher::cipher_version().expect("cipher version");
    println!("SQLCipher {version}; {cores} cores; load average {}", load.trim());
    let dir = tempfile::tempdir().expect("tempdir");
    let key = DbKey::generate();
    let mut figures = Vec::new();

    let shape =
        |sessions| history::Shape { sessions, checks: env("VIGIL_BENCH_CHECKS", 20), now: now() };
    let fresh = build::pair(&dir.path().join("new"), shape(0), 0, &key);
    let (small, big) = (env("VIGIL_BENCH_OPENS", 30), env("VIGIL_BENCH_BIG_OPENS", 3));
    figures.push(opens("open, new records", &fresh, &key, small, true));
    let grown = shape(env("VIGIL_BENCH_SESSIONS", 50_000));
    let years = build::pair(&dir.path().join("five-years"), grown, 50, &key);
    let label = format!("open, {} past sessions", grown.sessions);
    figures.push(opens(&label, &years, &key, big, true));
    figures.push(opens(&format!("{label}, no quick_check"), &years, &key, small, false));
    figures.push(store_opens(&years, &key, big));

    let mut plain = open_like_store(&years.plain, None, false);
    let mut encrypted = open_like_store(&years.encrypted, Some(&key), false);
    figures.push(boards(&plain, &encrypted, env("VIGIL_BENCH_BOARDS", 200)));
    let saves = env("VIGIL_BENCH_SAVES", 500);
    figures.push(check_saves(&mut plain, &mut encrypted, &years, saves));
    figures.push(admission_saves(&mut plain, &mut encrypted, &years, saves));
    measure::print_table(figures);
}

/// Opening each database `n` times as the store does (closing it between opens), with or
/// without its quick check.
fn opens(label: &str, pair: &build::Pair, key: &DbKey, n: usize, check: bool) -> Figure {
    let (plain, encrypted) = alternate(
        n,
        |_| timed(|| open_like_store(&pair.plain, None, check)).0,
        |_| timed(|| open_like_store(&pair.encrypted, Some(key), check)).0,
    );
    let metric = format!("{label} ({} MiB), {n} opens", build::mib(&pair.plain).round());
    Figure { metric, plain: Some(plain), encrypted, target: Target::Under(300.0) }
}

/// `Store::open` itself on the encrypted database (lock, file modes, then the steps above):
/// the plain side has no such call (it refuses a plain file).
fn store_opens(pair: &build::Pair, key: &DbKey, n: usize) -> Figure {
    let encrypted =
        (0..n).map(|_| timed(|| Store::open(&pair.encrypted, key).expect("open")).0).collect();
    let metric = format!("Store::open as the app calls it, encrypted only, {n} opens");
    Figure { metric, plain: None, encrypted, target: Target::Under(300.0) }
}

fn boards(plain: &rusqlite::Connection, encrypted: &rusqlite::Connection, n: usize) -> Figure {
    let rows = measure::load_board(plain, now());
    assert_eq!(rows, measure::load_board(encrypted, now()), "both boards alike");
    let (p, e) = alternate(
        n,
        |_| timed(|| measure::load_board(plain, now())).0,
        |_| timed(|| measure::load_board(encrypted, now())).0,
    );
    let metric = format!("board load, {rows} patients, after the history, {n} loads");
    Figure { metric, plain: Some(p), encrypted: e, target: Target::Ratio(1.5) }
}

/// A check saved through `checks::record` (row, alerts, resolutions, audit entry), `n` times
/// on each side, over the patients in recovery.
fn check_saves(
    plain: &mut rusqlite::Connection,
    encrypted: &mut rusqlite::Connection,
    pair: &build::Pair,
    n: usize,
) -> Figure {
    let save = |conn: &mut rusqlite::Connection, i: usize| {
        let id = pair.active[i % pair.active.len()];
        let session = sessions::get(conn, id).expect("session");
        let check = history::vitals_check(id, now(), if i.is_multiple_of(50) { 185 } else { 120 });
        timed(|| write(conn, |tx| checks::record(tx, &session, &check, None, pair.nurse, now()))).0
    };
    let (p, e) = alternate(n, |i| save(plain, i), |i| save(encrypted, i));
    let metric = format!("save a check (synchronous=FULL), {n} saves");
    Figure { metric, plain: Some(p), encrypted: e, target: Target::Ratio(1.5) }
}

/// An admission saved through `sessions::insert` (row and audit entry), `n` times each side.
fn admission_saves(
    plain: &mut rusqlite::Connection,
    encrypted: &mut rusqlite::Connection,
    pair: &build::Pair,
    n: usize,
) -> Figure {
    let save = |conn: &mut rusqlite::Connection, i: usize| {
        let admission = common::admission(1_000_000 + i, 60, now() - Duration::minutes(5));
        timed(|| write(conn, |tx| sessions::insert(tx, &admission, pair.nurse, now()))).0
    };
    let (p, e) = alternate(n, |i| save(plain, i), |i| save(encrypted, i));
    let metric = format!("save an admission (synchronous=FULL), {n} saves");
    Figure { metric, plain: Some(p), encrypted: e, target: Target::Ratio(1.5) }
}
