//! Reading a process tree's cost from /proc: the app's process and every process it started
//! (WebKit's web and network processes), their PSS (`/proc/PID/smaps_rollup`, so shared
//! libraries are not counted twice) and their CPU time (utime + stime in `/proc/PID/stat`).

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// One process of the tree: its id and its name (`comm`).
#[derive(Debug, Clone)]
pub struct Proc {
    pub pid: i32,
    pub name: String,
}

/// The running process whose executable is `exe` and whose environment holds `marker`
/// (`NAME=value`), if exactly one does.
pub fn find(exe: &Path, marker: &str) -> Option<i32> {
    let exe = exe.canonicalize().ok()?;
    let found: Vec<i32> = all_pids()
        .into_iter()
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).ok().as_deref() == Some(&exe))
        .filter(|pid| {
            let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            environ.split(|b| *b == 0).any(|v| v == marker.as_bytes())
        })
        .collect();
    (found.len() == 1).then(|| found[0])
}

/// `root` and all its descendants, now.
pub fn tree(root: i32) -> Vec<Proc> {
    let parents: HashMap<i32, i32> =
        all_pids().into_iter().filter_map(|p| stat_fields(p).map(|f| (p, f.ppid))).collect();
    let mut pids = vec![root];
    let mut i = 0;
    while i < pids.len() {
        let parent = pids[i];
        pids.extend(parents.iter().filter(|(_, pp)| **pp == parent).map(|(p, _)| *p));
        i += 1;
    }
    pids.into_iter().map(|pid| Proc { pid, name: comm(pid) }).collect()
}

/// PSS of each process of the tree, in kB, and the total.
pub fn pss_kb(root: i32) -> (Vec<(Proc, u64)>, u64) {
    let each: Vec<(Proc, u64)> = tree(root)
        .into_iter()
        .map(|p| {
            let rollup = std::fs::read_to_string(format!("/proc/{}/smaps_rollup", p.pid))
                .unwrap_or_default();
            let pss = rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or(0);
            (p, pss)
        })
        .collect();
    let total = each.iter().map(|(_, kb)| kb).sum();
    (each, total)
}

/// CPU used by the tree over `span`, as a percentage of one core: the growth of utime + stime
/// of every process in it (one that starts meanwhile counts from zero). Also each process's
/// share, by name.
pub fn cpu_percent(root: i32, span: Duration) -> (f64, Vec<(String, f64)>) {
    let ticks = |pids: &[Proc]| -> HashMap<i32, (String, u64)> {
        pids.iter()
            .filter_map(|p| stat_fields(p.pid).map(|f| (p.pid, (p.name.clone(), f.cpu_ticks))))
            .collect()
    };
    let before = ticks(&tree(root));
    let started = Instant::now();
    std::thread::sleep(span);
    let after = ticks(&tree(root));
    let scale = 100.0 / clock_ticks_per_second() / started.elapsed().as_secs_f64();
    let mut each: Vec<(String, f64)> = after
        .iter()
        .map(|(pid, (name, t))| {
            let was = before.get(pid).map_or(0, |(_, b)| *b);
            (name.clone(), t.saturating_sub(was) as f64 * scale)
        })
        .collect();
    each.sort_by(|a, b| a.0.cmp(&b.0));
    (each.iter().map(|(_, c)| c).sum(), each)
}

/// The load average (1, 5, 15 minutes) as /proc/loadavg gives it.
pub fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// The parent of `pid`, if it is running.
pub fn parent(pid: i32) -> Option<i32> {
    stat_fields(pid).map(|f| f.ppid)
}

/// Whether the process is still there.
pub fn alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

struct StatFields {
    ppid: i32,
    cpu_ticks: u64,
}

/// The parent and utime + stime from `/proc/PID/stat` (fields after the parenthesised name).
fn stat_fields(pid: i32) -> Option<StatFields> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // rest starts at field 3 (state): ppid is field 4, utime 14, stime 15.
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok());
    Some(StatFields { ppid: field(4)? as i32, cpu_ticks: field(14)? + field(15)? })
}

fn comm(pid: i32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_owned()
}

fn all_pids() -> Vec<i32> {
    std::fs::read_dir("/proc")
        .map(|d| d.flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect())
        .unwrap_or_default()
}

/// `getconf CLK_TCK` (100 on Linux when it cannot be asked).
fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}
