//! The desktop notification is not held up when tauri's shared async runtime is full of blocking
//! work (sign-in hashing, verification, backups on its worker threads): the notifier runs its
//! notifications on a runtime of its own. A process of its own, since it points the session bus
//! at a fake daemon through the environment.
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

use std::os::unix::net::UnixListener;
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};
use vigil_app::notifier::{clicks::Clicks, Job, Notifier, SHOW_TIMEOUT};
use vigil_core::FixedClock;
use vigil_store::{alerts, Store};

/// How long each blocking task holds a worker of tauri's runtime: past the whole test.
const BLOCKED: Duration = Duration::from_secs(30);

/// Fills every worker thread of tauri's runtime with a task that blocks, and checks it: a probe
/// task spawned after them does not run.
fn saturate_tauri_runtime() {
    let workers = thread::available_parallelism().map_or(2, usize::from);
    let (started, starts) = mpsc::channel();
    for _ in 0..workers * 4 {
        let started = started.clone();
        tauri::async_runtime::spawn(async move {
            let _ = started.send(());
            thread::sleep(BLOCKED);
        });
    }
    for _ in 0..workers {
        starts.recv_timeout(Duration::from_secs(5)).expect("a blocking task started");
    }
    let (probed, probe) = mpsc::channel();
    tauri::async_runtime::spawn(async move {
        let _ = probed.send(());
    });
    assert!(
        probe.recv_timeout(Duration::from_millis(500)).is_err(),
        "tauri's runtime still ran a task: the test did not saturate it"
    );
}

/// A fake session bus: notes when a client connects, then hangs up (the D-Bus handshake fails at
/// once, so the `Notify` call ends with an error rather than hanging).
fn fake_bus(dir: &std::path::Path) -> mpsc::Receiver<Instant> {
    let path = dir.join("bus");
    let listener = UnixListener::bind(&path).expect("bind the fake bus");
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", path.display()));
    let (seen, connections) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let _ = seen.send(Instant::now());
            drop(stream);
        }
    });
    connections
}

#[test]
fn a_notification_reaches_the_bus_in_time_while_tauris_runtime_is_blocked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let connections = fake_bus(dir.path());
    let store = Arc::new(
        Store::open_in(dir.path(), &vigil_store::DbKey::from_bytes([7; 32])).expect("store"),
    );
    let clock = Arc::new(FixedClock::new(chrono::Utc::now()));
    let (done, outcomes) = mpsc::channel();
    let notifier = Notifier::start(
        store.clone(),
        clock,
        move || {
            let _ = done.send(Instant::now());
        },
        Arc::new(Clicks::new(|_| {})),
    );
    saturate_tauri_runtime();

    let sent = Instant::now();
    notifier.send(Job {
        firing_id: None,
        summary: "Bay 5: check overdue".into(),
        body: "T.P.".into(),
        opens: None,
    });
    let connected = connections.recv_timeout(SHOW_TIMEOUT).expect("the job reached the bus");
    let recorded = outcomes.recv_timeout(SHOW_TIMEOUT * 2).expect("the outcome was recorded");
    assert!(connected - sent < SHOW_TIMEOUT, "reached the bus after {:?}", connected - sent);
    assert!(recorded - sent < SHOW_TIMEOUT, "answered after {:?}", recorded - sent);

    let outcome = store.with_conn(alerts::last_outcome).expect("read").expect("an outcome");
    assert!(!outcome.delivered);
    assert!(
        outcome.detail.starts_with("the notification service refused or is absent"),
        "the call itself answered (not the timeout): {}",
        outcome.detail
    );
}
