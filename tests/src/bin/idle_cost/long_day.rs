//! The long day: Vigil restarted on the same records (the patients admitted for the idle
//! figures), its wall clock running `LONG_SPEED` times fast under libfaketime's `faketime`
//! wrapper (which gives the app and its WebKit processes one shared clock), for
//! `LONG_SECONDS` of real time: minimums are reached, checks fall due and go overdue, alerts
//! fire, and this program acknowledges each from the alert strip as it comes (signing in
//! again when the screen has locked). PSS of the process tree at the start and at the end.
//! `LONG_SPEED=1` runs the app on the real clock, without libfaketime
//! (e.g. `LONG_SECONDS=3600 LONG_SPEED=1` for a real hour).
//!
//! The monotonic clock stays real (`--exclude-monotonic`): WebKit's and the scheduler's timers
//! and the idle lock keep real time. libfaketime also shortens sleeps by the same factor, so
//! the scheduler sweeps as often per app-minute as it would in a real hour.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::{By, Desktop, Session};

use crate::{app_pid, proc_tree, Config};

/// Clicks the first alert's acknowledge button, if any; true when it clicked one. Found by
/// name ("Acknowledge ..."), in the page, so a strip that re-renders meanwhile is no error.
const ACKNOWLEDGE_ONE: &str = "const b = [...document.querySelectorAll('button')].find((b) => \
    (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith('Acknowledge'));\
    if (!b) return false; b.click(); return true;";

/// Restarts the app (ending `app`) for the long day and prints its figures.
pub fn run(desktop: &mut Desktop, app: Session, config: &Config) {
    let binary = vigil_e2e::app_binary().canonicalize().expect("app path");
    let old = app_pid(desktop, &binary);
    drop(app);
    wait_for("the app to exit", Duration::from_secs(15), || (!proc_tree::alive(old)).then_some(()));

    let scripts = tempfile::tempdir().expect("script dir");
    let launcher = launcher(scripts.path(), &binary, config.speed);
    let app = Session::launch(&desktop.driver_url, &launcher);
    nurse::sign_in(&app, ADMIN_LABEL, ADMIN_PIN);
    let pid = app_pid(desktop, &binary);
    std::thread::sleep(config.idle);
    let (_, start_kb) = proc_tree::pss_kb(pid);

    let started = Instant::now();
    let mut acknowledged = 0;
    let mut sign_ins = 0;
    while started.elapsed() < config.long {
        if app.try_find(&By::button("Unlock")).is_some()
            || app.try_find(&By::heading("Sign in")).is_some()
        {
            nurse::sign_in(&app, ADMIN_LABEL, ADMIN_PIN);
            sign_ins += 1;
        }
        while app.execute(ACKNOWLEDGE_ONE).as_bool() == Some(true) {
            acknowledged += 1;
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    std::thread::sleep(config.idle);
    let (_, end_kb) = proc_tree::pss_kb(pid);
    let rows = app.count(&By::xpath("//tr[th[@scope='row']]"));
    let wrapper = proc_tree::parent(pid).filter(|_| config.speed > 1);
    drop(app);
    // The driver stops the process it started: under faketime that is the wrapper, and the
    // app, its child, is left running; it is stopped here.
    std::thread::sleep(Duration::from_secs(2));
    if proc_tree::alive(pid) {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::SIGTERM);
    }
    wait_for("the app to exit", Duration::from_secs(15), || (!proc_tree::alive(pid)).then_some(()));
    // The wrapper, stopped by the driver, leaves its shared clock behind.
    if let Some(wrapper) = wrapper {
        let _ = std::fs::remove_file(format!("/dev/shm/faketime_shm_{wrapper}"));
        let _ = std::fs::remove_file(format!("/dev/shm/sem.faketime_sem_{wrapper}"));
    }
    let app_hours = config.long.as_secs_f64() * f64::from(config.speed) / 3600.0;
    println!(
        "long day: {:.1} h of app time ({} s real, clock x{}), {} rows on the board, {} alerts \
         acknowledged, {} sign-ins after a lock",
        app_hours,
        config.long.as_secs(),
        config.speed,
        rows,
        acknowledged,
        sign_ins
    );
    println!(
        "long day PSS: start {:.1} MiB, end {:.1} MiB, growth {:+.1} MiB (target: no growth) \
         (load average {})",
        start_kb as f64 / 1024.0,
        end_kb as f64 / 1024.0,
        (end_kb as f64 - start_kb as f64) / 1024.0,
        proc_tree::load_average()
    );
}

/// A script that starts the app, under `faketime` at `speed` when it is above 1.
fn launcher(dir: &Path, binary: &Path, speed: u32) -> PathBuf {
    let app = format!("'{}'", binary.display().to_string().replace('\'', r"'\''"));
    let line = if speed > 1 {
        assert!(
            Path::new("/usr/bin/faketime").is_file(),
            "the faketime wrapper is missing: `make setup` installs the faketime package"
        );
        format!("exec faketime -m --exclude-monotonic -f '+0 x{speed}' {app} \"$@\"")
    } else {
        format!("exec {app} \"$@\"")
    };
    let path = dir.join("vigil-long-day.sh");
    std::fs::write(&path, format!("#!/bin/sh\n{line}\n")).expect("write the launcher");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
        .expect("make the launcher executable");
    path
}
