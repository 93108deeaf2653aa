//! Benchmark: the latency from a recovery deadline to the D-Bus `Notify` call that reaches the
//! notification daemon, over many timers, through the real scheduler, store (a SQLite file with
//! `synchronous=FULL`) and notifier, on a private Xvfb + D-Bus + dunst desktop. The bus's own
//! timestamps (dbus-monitor) mark the call. Prints p50, p99 and max; asserts nothing about
//! speed.
//!
//! Run: `make bench-alerts` (or `cargo run --release -p vigil-e2e --bin alert-latency -- 60`).

use chrono::{Duration as Span, Utc};
use std::sync::Arc;
use std::time::{Duration, Instant};
use vigil_app::notifier::clicks::Clicks;
use vigil_app::notifier::{Job, Notifier, Opens};
use vigil_app::scheduler::Scheduler;
use vigil_app::state::SystemClock;
use vigil_core::alert::notification_text;
use vigil_core::{Admission, Clock, Protocol};
use vigil_e2e::Desktop;
use vigil_store::cipher::DbKey;
use vigil_store::{sessions, Store};

fn main() {
    let timers: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(60);
    let desktop = Desktop::start();
    // Before any thread of ours exists: the notifier connects to this bus.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &desktop.bus_address);

    let data = tempfile::tempdir().expect("data dir");
    let store = Arc::new(Store::open_in(data.path(), &DbKey::generate()).expect("open store"));
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let now = clock.now();
    let im_version = store
        .with_conn(vigil_store::protocols::current)
        .expect("protocols")
        .iter()
        .find(|v| v.protocol == Protocol::ImKetamine)
        .expect("IM ketamine protocol")
        .id;
    let bench_nurse = vigil_core::people::NewNurse {
        display_name: "Bench Nurse".into(),
        credentials: "RN".into(),
        role: vigil_core::Role::Nurse,
        pin: vigil_core::people::Pin::parse("2468", "pin").expect("pin"),
    };
    let nurse = store
        .with_tx(|tx| vigil_store::nurses::create(tx, &bench_nurse, None, now))
        .expect("bench nurse");
    // Deadlines from 3 s from now, 200 ms apart.
    let mut due = Vec::with_capacity(timers);
    for i in 0..timers {
        let ends = now + Span::seconds(3) + Span::milliseconds(200 * i as i64);
        let admission = Admission {
            patient_name: format!("Bench Patient {i}"),
            bay: format!("Bay {i}"),
            protocol: Protocol::ImKetamine,
            minimum_minutes: 15,
            clock_started_at: ends - Span::minutes(15),
            protocol_version_id: im_version,
            chart_number: format!("BENCH-{i}"),
            date_of_birth: chrono::NaiveDate::from_ymd_opt(1980, 1, 1).expect("date"),
            dose_mg: 35.0,
            weight_kg: None,
            device_times: Vec::new(),
            note: String::new(),
        };
        store.with_tx(|tx| sessions::insert(tx, &admission, nurse, now)).expect("admit");
        due.push(ends);
    }

    let notifier =
        Notifier::start(store.clone(), clock.clone(), || {}, Arc::new(Clicks::new(|_| {})));
    let mut scheduler = Scheduler::new(store.clone(), clock.clone());
    let origin = Instant::now();
    let mut fired = 0;
    while fired < timers {
        let sweep = scheduler.sweep(origin.elapsed()).expect("sweep");
        for f in &sweep.fired {
            let (summary, body) =
                notification_text(f.deadline.kind, &f.bay, &f.patient_name, &f.deadline.detail);
            let opens = Some(Opens { session_id: f.deadline.session_id, bay: f.bay.clone() });
            notifier.send(Job { firing_id: Some(f.firing_id), summary, body, opens });
        }
        fired += sweep.fired.len();
        std::thread::sleep(sweep.sleep.max(Duration::from_millis(1)));
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while desktop.timed_notifications().len() < timers && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }

    let mut latencies_ms: Vec<f64> = desktop
        .timed_notifications()
        .iter()
        .filter_map(|(at, args)| {
            let bay = args.iter().find_map(|a| a.strip_prefix("Vigil: Bay "))?;
            let i: usize = bay.split_whitespace().next()?.parse().ok()?;
            let due_s = due.get(i)?.timestamp_micros() as f64 / 1e6;
            Some((at - due_s) * 1000.0)
        })
        .collect();
    latencies_ms.sort_by(f64::total_cmp);
    let n = latencies_ms.len();
    assert!(n > 0, "no Notify call reached the bus");
    let pct = |p: f64| latencies_ms[((p / 100.0) * (n - 1) as f64).round() as usize];
    println!(
        "alert latency, deadline -> D-Bus Notify call ({n} of {timers} timers, dunst, {})",
        Utc::now().format("%Y-%m-%d")
    );
    println!(
        "p50 {:.1} ms  p99 {:.1} ms  max {:.1} ms  min {:.1} ms",
        pct(50.0),
        pct(99.0),
        latencies_ms[n - 1],
        latencies_ms[0]
    );
}
