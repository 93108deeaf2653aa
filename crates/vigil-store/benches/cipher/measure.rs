//! How the bench opens, writes and reads each database, the same way for both: the store's
//! own opening steps (key, pragmas, quick check, migrations, seeds) on a bare connection, since
//! `Store::open` refuses a plain file; timings taken in alternation so that a busy machine
//! weighs on both sides alike; the table of figures.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;
use vigil_store::cipher::DbKey;
use vigil_store::unreadable::Unreadable;
use vigil_store::{alerts, checks, discharge, migrations, predose, protocols, sessions};
use vigil_store::{StoreError, Transaction};

/// Opens `path` as `Store::open_at` does, with `key` or (plain) without: keys it, sets the
/// pragmas (WAL, synchronous=FULL, foreign keys, no trusted schema, busy timeout), runs
/// `PRAGMA quick_check`, applies pending migrations (none) and seeds the protocols (nothing
/// to add) in a write transaction. Without the writer lock and the file modes. `check: false`
/// leaves out the quick check (what the key itself costs).
pub fn open_like_store(path: &Path, key: Option<&DbKey>, check: bool) -> Connection {
    let mut conn = Connection::open(path).expect("open");
    if let Some(key) = key {
        key.apply(&conn).expect("key");
    }
    conn.busy_timeout(std::time::Duration::from_secs(5)).expect("busy timeout");
    let mode: String =
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("journal mode");
    assert_eq!(mode, "wal");
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;",
    )
    .expect("pragmas");
    if check {
        let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).expect("check");
        assert_eq!(quick, "ok");
    }
    migrations::apply(&mut conn).expect("migrations");
    write(&mut conn, |tx| protocols::seed_defaults(tx, DateTime::UNIX_EPOCH));
    conn
}

/// One write through the store's path: its own `BEGIN IMMEDIATE` transaction, committed.
pub fn write<T>(
    conn: &mut Connection,
    f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
) -> T {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).expect("tx");
    let value = f(&tx).expect("write");
    tx.commit().expect("commit");
    value
}

/// What the board command reads (`commands::sessions::board`); the number of rows.
pub fn load_board(conn: &Connection, now: DateTime<Utc>) -> usize {
    let mut unreadable = Unreadable::default();
    let u = &mut unreadable;
    let alerted: HashSet<i64> = alerts::active_each(conn, now, u)
        .expect("alerts")
        .into_iter()
        .map(|a| a.session_id)
        .collect();
    let rows = sessions::on_board_each(conn, now, u).expect("sessions");
    let mut statuses = checks::statuses_each(conn, &rows, now, u).expect("statuses");
    predose::attach_each(conn, &mut statuses, u).expect("predose");
    let standing = discharge::board(conn, &rows, now, u).expect("gates");
    let (reasons, lost) = unreadable.for_board();
    vigil_core::RecoveryBoard::build(&rows, &alerted, &statuses, now)
        .with_discharge(&standing)
        .with_unreadable(&reasons, lost)
        .rows
        .len()
}

/// Runs `plain(i)` and `encrypted(i)` `n` times each, alternating which goes first; each
/// returns the milliseconds it measured.
pub fn alternate(
    n: usize,
    mut plain: impl FnMut(usize) -> f64,
    mut encrypted: impl FnMut(usize) -> f64,
) -> (Vec<f64>, Vec<f64>) {
    let (mut p, mut e) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        if i % 2 == 0 {
            p.push(plain(i));
            e.push(encrypted(i));
        } else {
            e.push(encrypted(i));
            p.push(plain(i));
        }
    }
    (p, e)
}

/// Milliseconds `f` takes, and its value.
pub fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let value = f();
    (t.elapsed().as_secs_f64() * 1e3, value)
}

/// A row of the table: a metric's samples on each side and its target.
pub struct Figure {
    pub metric: String,
    pub plain: Option<Vec<f64>>,
    pub encrypted: Vec<f64>,
    pub target: Target,
}

#[derive(Clone, Copy)]
pub enum Target {
    /// Encrypted p50 and p99 within this ratio of plain.
    Ratio(f64),
    /// Encrypted p99 under this many milliseconds.
    Under(f64),
}

/// Prints the figures as a table: metric, plain and encrypted p50 / p99, ratios, target.
pub fn print_table(figures: Vec<Figure>) {
    println!();
    println!("| metric | plain p50 / p99 ms | encrypted p50 / p99 ms | ratio p50 / p99 | target |");
    println!("| --- | --- | --- | --- | --- |");
    for f in figures {
        let (e50, e99, _) = crate::common::percentiles(f.encrypted);
        let plain = f.plain.map(crate::common::percentiles);
        let (plain_text, ratio_text) = match plain {
            Some((p50, p99, _)) => {
                (format!("{p50:.2} / {p99:.2}"), format!("{:.2}x / {:.2}x", e50 / p50, e99 / p99))
            }
            None => ("-".into(), "-".into()),
        };
        let target = match (f.target, plain) {
            (Target::Ratio(r), Some((p50, p99, _))) => {
                let met = e50 / p50 <= r && e99 / p99 <= r;
                format!("within {r}x: {}", if met { "met" } else { "NOT met" })
            }
            (Target::Under(ms), _) => {
                format!("under {ms:.0} ms: {}", if e99 < ms { "met" } else { "NOT met" })
            }
            (Target::Ratio(_), None) => String::new(),
        };
        println!("| {} | {plain_text} | {e50:.2} / {e99:.2} | {ratio_text} | {target} |", f.metric);
    }
}
