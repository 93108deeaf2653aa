//! kill -9 of a process writing records at random moments, hundreds of rounds (reliability.md):
//! every record whose commit was acknowledged (printed) is there afterwards, the file passes
//! `integrity_check`, the audit chain verifies, and every admission has exactly its one entry.
//! Prints the counts. Rounds: `VIGIL_CRASH_ROUNDS` (default 300); seed: `VIGIL_CRASH_SEED`.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{DbKey, Store};

/// The key the writer's database is encrypted with.
fn key() -> DbKey {
    DbKey::from_bytes([7; 32])
}

/// xorshift64*: reproducible kill moments without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn kill_9_at_random_moments_loses_no_acknowledged_record() {
    let rounds = env_u64("VIGIL_CRASH_ROUNDS", 300);
    let seed = env_u64("VIGIL_CRASH_SEED", 0x005e_ed0f_0001);
    let mut rng = Rng(seed | 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut acknowledged: HashSet<i64> = HashSet::new();
    let mut killed_mid_write = 0;
    for round in 0..rounds {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vigil-crash-writer"))
            .arg(dir.path())
            .arg(key().to_hex())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn writer");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("ok ").and_then(|id| id.parse::<i64>().ok()))
                .collect::<Vec<i64>>()
        });
        let start = Instant::now();
        std::thread::sleep(Duration::from_micros(rng.below(30_000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let ids = reader.join().expect("reader");
        if !ids.is_empty() && start.elapsed() > Duration::from_millis(1) {
            killed_mid_write += 1;
        }
        acknowledged.extend(ids);

        let store =
            Store::open_in(dir.path(), &key()).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let status = store
            .with_conn(|c| integrity::verify(c, FileCheck::Full, chrono::Utc::now()))
            .expect("verify");
        assert!(status.ok, "round {round}: {status:?}");
        let (present, admits): (HashSet<i64>, i64) = store
            .with_conn(|c| {
                let mut stmt = c.prepare("SELECT id FROM recovery_sessions")?;
                let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
                let admits = c.query_row(
                    "SELECT count(*) FROM audit_events WHERE action = 'admit'",
                    [],
                    |r| r.get(0),
                )?;
                Ok((ids, admits))
            })
            .expect("read");
        let lost: Vec<&i64> = acknowledged.difference(&present).collect();
        assert!(lost.is_empty(), "round {round}: acknowledged but lost: {lost:?}");
        assert_eq!(admits, present.len() as i64, "round {round}: one audit entry per admission");
    }
    let store = Store::open_in(dir.path(), &key()).expect("open");
    let total: i64 = store
        .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM recovery_sessions", [], |r| r.get(0))?))
        .expect("count");
    println!(
        "crash test: {rounds} rounds (seed {seed:#x}), {} commits acknowledged, {total} records \
         present, 0 lost, integrity_check ok and chain verified every round, {killed_mid_write} \
         rounds killed after at least one commit",
        acknowledged.len()
    );
}
