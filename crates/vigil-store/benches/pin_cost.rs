//! The time of one PIN check (argon2id) at several costs, printed (never asserted), to choose
//! `nurses::PIN_COST`: the highest cost whose check stays under 250 ms on the clinic's
//! machine. Wall time, and the thread's CPU time (close to the wall time of an idle machine
//! even when other work shares the cores). Run: `cargo bench -p vigil-store --bench pin_cost`
//! (or `make bench-pin`); other costs as arguments `MiB:passes`, e.g. `-- 80:2 96:1`.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

use nix::time::{clock_gettime, ClockId};
use std::time::{Duration, Instant};
use vigil_core::people::Pin;
use vigil_store::nurses::{self, PinCost, StoredPin, PIN_COST};

const COSTS: [(u32, u32); 12] = [
    (19, 2),
    (32, 2),
    (46, 1),
    (64, 1),
    (64, 2),
    (64, 3),
    (96, 2),
    (128, 1),
    (128, 2),
    (192, 1),
    (192, 2),
    (256, 1),
];

fn cpu() -> Duration {
    Duration::from(clock_gettime(ClockId::CLOCK_THREAD_CPUTIME_ID).expect("thread CPU clock"))
}

fn median(mut ms: Vec<f64>) -> f64 {
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

/// Median and fastest wall time, and median CPU time, of `runs` checks at `cost`, in ms.
fn check_time(cost: PinCost, runs: usize) -> (f64, f64, f64) {
    let pin = Pin::parse("246813", "pin").expect("pin");
    let stored = StoredPin::for_bench(nurses::hash_at(&pin, cost).expect("hash"));
    let (mut wall, mut busy) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (t, c) = (Instant::now(), cpu());
        assert!(stored.matches(&pin).expect("check"));
        busy.push((cpu() - c).as_secs_f64() * 1e3);
        wall.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let fastest = wall.iter().copied().fold(f64::INFINITY, f64::min);
    (median(wall), fastest, median(busy))
}

fn main() {
    let asked: Vec<(u32, u32)> = std::env::args()
        .skip(1)
        .filter_map(|a| {
            let (m, t) = a.split_once(':')?;
            Some((m.parse().ok()?, t.parse().ok()?))
        })
        .collect();
    let costs = if asked.is_empty() { COSTS.to_vec() } else { asked };
    println!("PIN check (argon2id, 1 lane), 9 checks each: wall median / fastest, CPU median");
    for (mib, passes) in costs {
        let cost = PinCost { memory_kib: mib * 1024, passes, lanes: 1 };
        let (wall, fastest, busy) = check_time(cost, 9);
        println!("  m = {mib:>3} MiB, t = {passes}: {wall:6.1} / {fastest:6.1} ms, {busy:6.1} ms");
    }
    let (wall, fastest, busy) = check_time(PIN_COST, 21);
    let (mib, passes) = (PIN_COST.memory_kib / 1024, PIN_COST.passes);
    println!("in force ({mib} MiB, t = {passes}), 21 checks: wall median {wall:.1} ms,");
    println!("  fastest {fastest:.1} ms, CPU {busy:.1} ms");
}
