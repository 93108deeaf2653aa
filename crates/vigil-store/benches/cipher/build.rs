//! The two databases the bench compares, holding the same records: one built plain through
//! the store's own write paths (past sessions spread over five years, then patients in
//! recovery now), and its copy encrypted with `cipher::export`.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Instant;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::Role;
use vigil_store::cipher::{self, DbKey, Source};
use vigil_store::{checks, migrations, nurses, protocols, sessions, StoreError, DB_FILE_NAME};

use crate::history::{self, Shape};

/// The plain database, its encrypted copy, and what the saves need.
pub struct Pair {
    pub plain: PathBuf,
    pub encrypted: PathBuf,
    pub nurse: i64,
    /// The sessions in recovery now (the board's patients).
    pub active: Vec<i64>,
}

/// Builds the plain database in `dir/plain` with `shape`'s history and `active` patients in
/// recovery, then its encrypted copy in `dir/encrypted`; prints how long each took.
pub fn pair(dir: &Path, shape: Shape, active: usize, key: &DbKey) -> Pair {
    let [plain, encrypted] = ["plain", "encrypted"].map(|side| {
        std::fs::create_dir_all(dir.join(side)).expect("folder");
        dir.join(side).join(DB_FILE_NAME)
    });
    let t = Instant::now();
    let mut conn = Connection::open(&plain).expect("plain file");
    // Built quickly (no fsync); measured later with the store's own pragmas.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;",
    )
    .expect("pragmas");
    migrations::apply(&mut conn).expect("schema");
    let nurse = in_tx(&mut conn, |tx| {
        protocols::seed_defaults(tx, DateTime::UNIX_EPOCH)?;
        nurses::create(tx, &bench_nurse(), None, shape.now)
    });
    write_history(&mut conn, nurse, shape);
    let active = admit_active(&mut conn, nurse, active, shape.now);
    // Compacted as the export compacts its copy, so both files have the same layout.
    conn.execute_batch("VACUUM").expect("vacuum");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
    drop(conn);
    let built = t.elapsed().as_secs_f64();
    let t = Instant::now();
    cipher::export(&plain, Source::Plain, &encrypted, key).expect("export");
    println!(
        "{}: {} past sessions x {} checks + {} in recovery; plain {:.0} MiB built in {built:.1} s, \
         exported encrypted ({:.0} MiB) in {:.1} s",
        dir.file_name().unwrap_or_default().to_string_lossy(),
        shape.sessions,
        shape.checks,
        active.len(),
        mib(&plain),
        mib(&encrypted),
        t.elapsed().as_secs_f64()
    );
    Pair { plain, encrypted, nurse, active }
}

pub fn mib(path: &Path) -> f64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1048576.0
}

fn bench_nurse() -> NewNurse {
    NewNurse {
        display_name: "Bench Nurse".into(),
        credentials: "RN".into(),
        role: Role::Admin,
        pin: Pin::parse("246813", "pin").expect("pin"),
    }
}

fn in_tx<T>(
    conn: &mut Connection,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
) -> T {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).expect("tx");
    let value = f(&tx).expect("write");
    tx.commit().expect("commit");
    value
}

/// The history, 1,000 past sessions per transaction.
fn write_history(conn: &mut Connection, nurse: i64, shape: Shape) {
    let mut written = 0;
    while written < shape.sessions {
        let batch = (shape.sessions - written).min(1_000);
        in_tx(conn, |tx| {
            (written..written + batch).try_for_each(|n| history::past_session(tx, nurse, n, shape))
        });
        written += batch;
    }
}

/// `count` patients in recovery for 50 minutes, each with 4 checks.
fn admit_active(conn: &mut Connection, nurse: i64, count: usize, now: DateTime<Utc>) -> Vec<i64> {
    let start = now - Duration::minutes(50);
    in_tx(conn, |tx| {
        (0..count)
            .map(|n| {
                let id = sessions::insert(tx, &crate::common::admission(n, 60, start), nurse, now)?;
                let session = sessions::get(tx, id)?;
                for k in 1..=4 {
                    let check = history::vitals_check(id, start + Duration::minutes(10 * k), 122);
                    checks::record(tx, &session, &check, None, nurse, now)?;
                }
                Ok(id)
            })
            .collect()
    })
}
