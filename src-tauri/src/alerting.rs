//! Raising a fired alert: the in-app alert first (events for the banner and sound, the window
//! asks for attention), then the desktop notification, queued so it can never delay the rest.
//! Also the scheduler's thread, which also locks the workstation after the idle time, tells
//! the UI (and, once, the desktop) when records stop (or start again) being saved, and brings
//! the window back while an alert stays open out of sight.

use std::sync::Arc;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Manager, UserAttentionType};
use vigil_core::alert::{notification_text, OpenSession};
use vigil_core::deadline::MAX_SLEEP;

use crate::events::{signal, ALERT_RAISED, AUTH_CHANGED, OPEN_SESSION, RECORDS_CHANGED};
use crate::locks;
use crate::notifier::{Job, Notifier, Opens};
use crate::scheduler::{Fired, Scheduler};
use crate::state::AppState;
use crate::storage_watch::{self, StorageWatch};
use crate::tray::reminder::{self, Reminder};

/// Raises one fired alert in the app, then queues its notification.
pub fn raise<R: tauri::Runtime>(app: &AppHandle<R>, notifier: &Notifier, fired: &Fired) {
    tracing::warn!("alert firing {} (session {})", fired.firing_id, fired.deadline.session_id);
    signal(app, ALERT_RAISED);
    signal(app, RECORDS_CHANGED);
    if let Some(window) = app.get_webview_window("main") {
        if let Err(e) = window.request_user_attention(Some(UserAttentionType::Critical)) {
            tracing::warn!("window attention request failed: {e}");
        }
    }
    notifier.send(notification_job(fired));
    // Kept running in the tray (or minimized): the alert brings the window back (posted to
    // the main thread, never waited for).
    crate::tray::bring_back(app, "an alert");
}

/// The desktop notification of one fired alert: bay, initials and the alert's detail.
pub fn notification_job(fired: &Fired) -> Job {
    let (summary, body) = notification_text(
        fired.deadline.kind,
        &fired.bay,
        &fired.patient_name,
        &fired.deadline.detail,
    );
    // An alert not written yet has no row for its outcome to point at.
    Job {
        firing_id: fired.is_saved().then_some(fired.firing_id),
        summary,
        body,
        opens: Some(Opens { session_id: fired.deadline.session_id, bay: fired.bay.clone() }),
    }
}

/// A click on an alert's desktop notification: the window comes forward and the page opens
/// that patient's record ([`OPEN_SESSION`]; locked or signed out, once a nurse signs in).
pub fn open_from_notification<R: tauri::Runtime>(app: &AppHandle<R>, session_id: i64) {
    crate::focus(app);
    if let Err(e) = app.emit(OPEN_SESSION, OpenSession { session_id }) {
        tracing::warn!("could not ask the page to open session {session_id}: {e}");
    }
}

/// Runs the scheduler on a thread of its own for the life of the app: sweep, raise, sleep.
/// A panic anywhere in one round (a bug) is logged and the next round comes after
/// [`MAX_SLEEP`]: it must not end monitoring for every patient (the release profile unwinds
/// for this).
pub fn spawn_scheduler(app: AppHandle, mut scheduler: Scheduler, notifier: Arc<Notifier>) {
    let spawned = std::thread::Builder::new().name("vigil-scheduler".into()).spawn(move || {
        let origin = Instant::now();
        let mut storage = StorageWatch::default();
        let mut reminder = Reminder::default();
        loop {
            let sleep = guarded(|| {
                let sleep = sweep_and_raise(&app, &mut scheduler, &notifier, origin);
                chores(&app, &notifier, &mut storage, &mut reminder);
                sleep
            });
            // A floor keeps a deadline that is due "now" from spinning the loop.
            std::thread::sleep(sleep.max(Duration::from_millis(20)));
        }
    });
    if let Err(e) = spawned {
        tracing::error!("scheduler thread did not start: {e}");
    }
}

/// `round`'s sleep; [`MAX_SLEEP`], logged, when it panics (a bug): the scheduler's thread
/// lives on and the next round comes.
fn guarded(round: impl FnOnce() -> Duration) -> Duration {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(round)).unwrap_or_else(|_| {
        tracing::error!("a scheduler round panicked; the next one comes");
        MAX_SLEEP
    })
}

/// The alert part of one round: sweep, raise, mark raised, record readiness; returns how
/// long to sleep.
fn sweep_and_raise<R: tauri::Runtime>(
    app: &AppHandle<R>,
    scheduler: &mut Scheduler,
    notifier: &Notifier,
    origin: Instant,
) -> Duration {
    // A panic in the sweep (a bug) still lets the chores below run.
    let swept = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        scheduler.sweep_alerts(origin.elapsed())
    }))
    .unwrap_or_else(|_| Err(vigil_core::VigilError::internal("the sweep panicked").into()));
    let sleep = match swept {
        Ok(sweep) => {
            for fired in &sweep.fired {
                raise(app, notifier, fired);
            }
            // Only once raised: a crash before this raises them again at restart.
            scheduler.mark_raised(&sweep.fired);
            if sweep.written_late > 0 {
                signal(app, RECORDS_CHANGED);
            }
            // After the alerts are raised: readiness history never holds one up.
            let readiness = Instant::now();
            let readiness_rows = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                scheduler.record_readiness()
            }))
            .unwrap_or(0);
            if readiness_rows > 0 {
                signal(app, RECORDS_CHANGED);
            }
            // `sleep` counts from the sweep's start: the readiness step used some.
            sweep.sleep.saturating_sub(readiness.elapsed())
        }
        Err(e) => {
            tracing::error!("scheduler sweep failed: {e}");
            MAX_SLEEP
        }
    };
    sleep
}

/// The rest of one round: storage watch (records that start failing to be saved are told in
/// a desktop notification and bring the window back), alerts left open while the window is
/// out of sight, pending audit entries, idle and emergency locks.
fn chores<R: tauri::Runtime>(
    app: &AppHandle<R>,
    notifier: &Notifier,
    storage: &mut StorageWatch,
    reminder: &mut Reminder,
) {
    let state = app.state::<AppState>();
    if let Some(fault) = storage.check(app, &state) {
        notifier.send(storage_watch::fault_job(fault));
        crate::tray::bring_back(app, "records that cannot be saved");
    }
    reminder::look(app, reminder);
    // Lock and sign-out entries storage refused earlier, written once it takes them.
    state.pending_audit.retry(&state.store);
    match locks::lock_if_idle(&state) {
        Ok(true) => {
            signal(app, AUTH_CHANGED);
            signal(app, RECORDS_CHANGED);
        }
        Ok(false) => {}
        Err(e) => tracing::error!("idle lock check failed: {}", e.message),
    }
    match locks::lock_if_emergency_over(&state) {
        Ok(true) => {
            signal(app, AUTH_CHANGED);
            signal(app, RECORDS_CHANGED);
        }
        Ok(false) => {}
        Err(e) => tracing::error!("emergency access check failed: {}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_round_is_survived_and_the_next_comes_after_max_sleep() {
        assert_eq!(guarded(|| panic!("a bug in a round")), MAX_SLEEP);
        assert_eq!(guarded(|| Duration::from_secs(3)), Duration::from_secs(3));
    }

    #[test]
    fn a_clicked_notification_asks_the_page_to_open_that_session() {
        use tauri::Listener;
        let app = tauri::test::mock_builder()
            .build(tauri::test::mock_context(tauri::test::noop_assets()))
            .expect("mock app");
        let (heard, payloads) = std::sync::mpsc::channel();
        app.listen_any(OPEN_SESSION, move |event| {
            let _ = heard.send(event.payload().to_owned());
        });
        open_from_notification(app.handle(), 42);
        let payload = payloads.recv_timeout(Duration::from_secs(5)).expect("the event");
        assert_eq!(payload, r#"{"sessionId":42}"#);
    }

    #[test]
    fn an_alert_notification_opens_its_bay_and_names_no_patient() {
        let fired = Fired {
            firing_id: 9,
            deadline: vigil_core::deadline::Deadline {
                session_id: 42,
                kind: vigil_core::DeadlineKind::MinimumReached,
                key: "minimum".into(),
                due_at: crate::test_support::t0(),
                detail: String::new(),
            },
            bay: "Bay 5".into(),
            patient_name: "Testy McTestface".into(),
        };
        let job = notification_job(&fired);
        assert_eq!(job.opens, Some(Opens { session_id: 42, bay: "Bay 5".into() }));
        assert!(!format!("{}{}", job.summary, job.body).contains("Testy"), "{job:?}");
    }
}
