//! One desktop notification through notify-rust, as a task on the notifier's own runtime
//! (`runtime`: tokio, which notify-rust's zbus runs on; not tauri's shared one). The task shows the
//! notification, reports the outcome of the `Notify` call, and, when the notification opens a
//! record, waits on the handle's own D-Bus connection (the one the daemon answers) for a click
//! or its closing. The waiting tasks are bounded by `clicks`.

use notify_rust::{Notification, Timeout, Urgency};
use std::sync::{mpsc, Arc};
use tokio::task::JoinHandle;

use super::clicks::{Clicks, Ticket, DEFAULT_ACTION};
use super::runtime::Runtime;
use super::Job;

/// The notification for `job`: critical, kept until dismissed, and with the default action
/// ("Open Bay 5", the bay and never a name) when it opens a record.
pub fn notification(job: &Job) -> Notification {
    let mut notification = Notification::new();
    notification
        .appname("Vigil")
        .summary(&job.summary)
        .body(&job.body)
        .urgency(Urgency::Critical)
        .timeout(Timeout::Never);
    if let Some(opens) = &job.opens {
        notification.action(DEFAULT_ACTION, &format!("Open {}", opens.bay));
    }
    notification
}

/// Shows `job` on a task of `runtime` holding `ticket`; `shown` gets the outcome of the `Notify` call (the
/// error says why, without patient data).
pub fn spawn(
    runtime: &Runtime,
    job: &Job,
    ticket: Ticket,
    clicks: Arc<Clicks>,
    shown: mpsc::Sender<Result<(), String>>,
) -> JoinHandle<()> {
    let notification = notification(job);
    let session_id = job.opens.as_ref().map(|o| o.session_id);
    runtime.spawn(async move {
        // However the task ends (done, failed, stopped), its place in the list is freed.
        let _place = Place { clicks: clicks.clone(), ticket };
        let handle = match notification.show_async().await {
            Ok(handle) => handle,
            Err(e) => {
                let _ =
                    shown.send(Err(format!("the notification service refused or is absent: {e}")));
                return;
            }
        };
        let _ = shown.send(Ok(()));
        let Some(session_id) = session_id else { return };
        let mut answer = None;
        handle.wait_for_action_async(|response| answer = Some(response.clone())).await;
        if let Some(opened) = answer.and_then(|a| clicks.answered(ticket, session_id, &a)) {
            tracing::info!("notification clicked: opening session {opened}");
        }
    })
}

/// Frees a task's place in the list when the task ends or is stopped.
struct Place {
    clicks: Arc<Clicks>,
    ticket: Ticket,
}

impl Drop for Place {
    fn drop(&mut self) {
        self.clicks.forget(self.ticket);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notifier::Opens;

    fn job(opens: Option<Opens>) -> Job {
        Job {
            firing_id: Some(9),
            summary: "Bay 5: minimum reached".into(),
            body: "T.P.".into(),
            opens,
        }
    }

    #[test]
    fn an_alert_opening_a_record_has_the_default_action_named_by_its_bay() {
        let opens = Opens { session_id: 42, bay: "Bay 5".into() };
        let shown = notification(&job(Some(opens)));
        assert_eq!(shown.actions, vec![DEFAULT_ACTION.to_owned(), "Open Bay 5".to_owned()]);
        assert_eq!(
            (shown.appname.as_str(), shown.summary.as_str()),
            ("Vigil", "Bay 5: minimum reached")
        );
        assert_eq!(shown.timeout, Timeout::Never);
    }

    #[test]
    fn a_test_notification_has_no_action() {
        assert!(notification(&job(None)).actions.is_empty());
    }
}
