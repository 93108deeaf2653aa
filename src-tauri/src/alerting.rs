//! Raising a fired alert: the in-app alert first (events for the banner and sound, the window
//! asks for attention), then the desktop notification, queued so it can never delay the rest.
//! Also the scheduler's thread, which also locks the workstation after the idle time.

use std::sync::Arc;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager, UserAttentionType};
use vigil_core::alert::notification_text;
use vigil_core::deadline::MAX_SLEEP;

use crate::commands::{signal, ALERT_RAISED, AUTH_CHANGED, RECORDS_CHANGED};
use crate::notifier::{Job, Notifier};
use crate::scheduler::{Fired, Scheduler};
use crate::state::AppState;

/// Raises one fired alert in the app, then queues its notification.
pub fn raise(app: &AppHandle, notifier: &Notifier, fired: &Fired) {
    eprintln!("vigil: alert firing {} (session {})", fired.firing_id, fired.deadline.session_id);
    signal(app, ALERT_RAISED);
    signal(app, RECORDS_CHANGED);
    if let Some(window) = app.get_webview_window("main") {
        if let Err(e) = window.request_user_attention(Some(UserAttentionType::Critical)) {
            eprintln!("vigil: window attention request failed: {e}");
        }
    }
    notifier.send(notification_job(fired));
}

/// The desktop notification of one fired alert: bay, initials and the alert's detail.
pub fn notification_job(fired: &Fired) -> Job {
    let (summary, body) = notification_text(
        fired.deadline.kind,
        &fired.bay,
        &fired.patient_name,
        &fired.deadline.detail,
    );
    Job { firing_id: Some(fired.firing_id), summary, body }
}

/// Runs the scheduler on a thread of its own for the life of the app: sweep, raise, sleep.
pub fn spawn_scheduler(app: AppHandle, mut scheduler: Scheduler, notifier: Arc<Notifier>) {
    let spawned = std::thread::Builder::new().name("vigil-scheduler".into()).spawn(move || {
        let origin = Instant::now();
        loop {
            let sleep = match scheduler.sweep_alerts(origin.elapsed()) {
                Ok(sweep) => {
                    for fired in &sweep.fired {
                        raise(&app, &notifier, fired);
                    }
                    // After the alerts are raised: readiness history never holds one up.
                    let readiness = Instant::now();
                    if scheduler.record_readiness() > 0 {
                        signal(&app, RECORDS_CHANGED);
                    }
                    // `sleep` counts from the sweep's start: the readiness step used some.
                    sweep.sleep.saturating_sub(readiness.elapsed())
                }
                Err(e) => {
                    eprintln!("vigil: scheduler sweep failed: {e}");
                    MAX_SLEEP
                }
            };
            let state = app.state::<AppState>();
            match crate::commands::auth::lock_if_idle(&state) {
                Ok(true) => {
                    signal(&app, AUTH_CHANGED);
                    signal(&app, RECORDS_CHANGED);
                }
                Ok(false) => {}
                Err(e) => eprintln!("vigil: idle lock check failed: {}", e.message),
            }
            // A floor keeps a deadline that is due "now" from spinning the loop.
            std::thread::sleep(sleep.max(Duration::from_millis(20)));
        }
    });
    if let Err(e) = spawned {
        eprintln!("vigil: scheduler thread did not start: {e}");
    }
}
