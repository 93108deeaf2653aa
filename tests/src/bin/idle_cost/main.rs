//! Measurement: what keeping Vigil open all day costs, side by side with a bare Tauri window
//! with the same WebKit tuning (`src-tauri/examples/bare_window.rs`), on one private Xvfb +
//! D-Bus + dunst desktop. For each, once idle: the PSS of the process tree (the app and its
//! WebKit processes) after `IDLE_SECONDS`, and its CPU time (utime + stime) over
//! `CPU_SECONDS`, as a percentage of one core. Vigil is measured with `PATIENTS` patients
//! admitted through its admit form, signed in. Then the long day (`long_day`): PSS at the
//! start and the end of an hour of ticking with alerts raised and acknowledged.
//! Prints labelled figures; asserts nothing about speed or size. `EXPERIMENTS=1` adds where
//! the idle CPU goes (`experiments`); `LONG_SECONDS=0` skips the long day.
//!
//! Run: `make measure` (or `scripts/measure.sh`), which builds the release app and the bare
//! window and passes their paths in `VIGIL_E2E_APP` and `BARE_WINDOW`.

mod experiments;
mod long_day;
mod proc_tree;

use chrono::{Duration as Span, Local};
use std::path::{Path, PathBuf};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

/// Fictional patients, one per bay.
const NAMES: [&str; 12] = [
    "Testy McTestface",
    "Test Patient Alpha",
    "Test Patient Bravo",
    "Test Patient Charlie",
    "Test Patient Delta",
    "Test Patient Echo",
    "Test Patient Foxtrot",
    "Test Patient Golf",
    "Test Patient Hotel",
    "Test Patient India",
    "Test Patient Juliet",
    "Test Patient Kilo",
];

/// What to measure, from the environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub idle: Duration,
    pub cpu: Duration,
    pub patients: usize,
    pub long: Duration,
    pub speed: u32,
    pub bare: PathBuf,
}

impl Config {
    fn from_env() -> Self {
        let num = |name: &str, default: u64| {
            std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
        };
        let bare = std::env::var_os("BARE_WINDOW").map(PathBuf::from).unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/examples/bare_window")
        });
        Self {
            idle: Duration::from_secs(num("IDLE_SECONDS", 10)),
            cpu: Duration::from_secs(num("CPU_SECONDS", 30)),
            patients: (num("PATIENTS", 12) as usize).min(NAMES.len()),
            long: Duration::from_secs(num("LONG_SECONDS", 60)),
            speed: num("LONG_SPEED", 60).max(1) as u32,
            bare,
        }
    }
}

/// Idle figures of one process tree.
#[derive(Debug, Clone, Copy)]
pub struct Idle {
    pub pss_kb: u64,
    pub cpu_percent: f64,
}

fn main() {
    let config = Config::from_env();
    assert!(
        config.bare.is_file(),
        "{} missing: `cargo build --release -p vigil --example bare_window`",
        config.bare.display()
    );
    println!(
        "idle cost, {} ({} cores, load average {}): PSS after {} s idle, CPU over {} s",
        Local::now().format("%Y-%m-%d %H:%M"),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        proc_tree::load_average(),
        config.idle.as_secs(),
        config.cpu.as_secs()
    );
    let mut desktop = Desktop::start();
    let bare = measure_bare(&desktop, &config);
    let (vigil, app, pid) = measure_vigil(&mut desktop, &config);
    println!(
        "memory Vigil / bare: {:.2}x (target <= 1.05x); idle CPU Vigil {:.2} % vs bare {:.2} % of a core (target <= 0.50 %)",
        vigil.pss_kb as f64 / bare.pss_kb.max(1) as f64,
        vigil.cpu_percent,
        bare.cpu_percent
    );
    if std::env::var_os("EXPERIMENTS").is_some() {
        experiments::run(&app, pid, &config);
    }
    if config.long.is_zero() {
        return;
    }
    long_day::run(&mut desktop, app, &config);
}

/// The bare window, started through the same driver, measured idle.
fn measure_bare(desktop: &Desktop, config: &Config) -> Idle {
    let window = Session::launch(&desktop.driver_url, &config.bare);
    let pid = app_pid(desktop, &config.bare);
    let idle = measure_idle("bare window", pid, config);
    if std::env::var_os("EXPERIMENTS").is_some() {
        experiments::run_bare(&window, pid, config);
    }
    drop(window);
    wait_for("the bare window to close", Duration::from_secs(15), || {
        (!proc_tree::alive(pid)).then_some(())
    });
    idle
}

/// Vigil with `config.patients` admitted through the form, signed in, measured idle.
fn measure_vigil(desktop: &mut Desktop, config: &Config) -> (Idle, Session, i32) {
    let app = desktop.launch_app();
    for (i, name) in NAMES.iter().take(config.patients).enumerate() {
        let ended = (Local::now() - Span::minutes(i as i64)).format("%Y-%m-%d %H:%M").to_string();
        let bay = format!("Bay {}", i + 1);
        let mut form = AdmitForm::iv(&bay, &ended);
        form.name = (*name).into();
        form.chart_number = format!("TEST-{:04}", i + 1);
        form.submit(&app);
        app.find(&By::row(&bay));
    }
    let pid = app_pid(desktop, &vigil_e2e::app_binary());
    let label = format!("Vigil, {} patients, signed in", config.patients);
    let idle = measure_idle(&label, pid, config);
    desktop.screenshot("idle-cost-board");
    (idle, app, pid)
}

/// Waits `config.idle`, reads PSS, then CPU over `config.cpu`; prints both.
pub fn measure_idle(label: &str, pid: i32, config: &Config) -> Idle {
    std::thread::sleep(config.idle);
    let (each, pss_kb) = proc_tree::pss_kb(pid);
    let parts: Vec<String> =
        each.iter().map(|(p, kb)| format!("{} {:.1}", p.name, *kb as f64 / 1024.0)).collect();
    println!("{label}: PSS {:.1} MiB ({})", pss_kb as f64 / 1024.0, parts.join(", "));
    let cpu_percent = measure_cpu(label, pid, config);
    Idle { pss_kb, cpu_percent }
}

/// CPU of the tree over `config.cpu`, printed with each process's share.
pub fn measure_cpu(label: &str, pid: i32, config: &Config) -> f64 {
    let (cpu_percent, each) = proc_tree::cpu_percent(pid, config.cpu);
    let parts: Vec<String> = each.iter().map(|(name, c)| format!("{name} {c:.2}")).collect();
    println!(
        "{label}: CPU {cpu_percent:.2} % of a core over {} s ({}) (load average {})",
        config.cpu.as_secs(),
        parts.join(", "),
        proc_tree::load_average()
    );
    cpu_percent
}

/// The process of `exe` started on this desktop (its data directory in its environment).
pub fn app_pid(desktop: &Desktop, exe: &Path) -> i32 {
    let marker = format!("VIGIL_DATA_DIR={}", desktop.data_dir().display());
    wait_for(&format!("the process of {}", exe.display()), Duration::from_secs(15), || {
        proc_tree::find(exe, &marker)
    })
}
