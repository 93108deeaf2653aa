//! Which record a click on a desktop notification opens, and the bound on notifications still
//! waiting. Every alert notification is shown with the spec's default action; its task (in
//! `desktop`) waits on its own D-Bus connection for the daemon's answer and hands it here: a
//! click (the default action) opens that session. At most [`KEPT`] notifications wait at once;
//! beyond that the oldest is stopped (a click on it then opens nothing). No I/O.

use notify_rust::NotificationResponse;
use std::collections::VecDeque;
use std::sync::Mutex;

/// The action key of a click on the notification itself (Desktop Notifications spec).
pub const DEFAULT_ACTION: &str = "default";

/// How many notifications may wait for a click at once (each holds a task and its D-Bus
/// connection); the oldest is stopped first. A click on one stopped (dozens of alerts ago)
/// brings nothing.
pub const KEPT: usize = 64;

/// One waiting notification's place in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

/// Ends a waiting notification's task.
type Stop = Box<dyn FnOnce() + Send>;

struct Waiting {
    ticket: Ticket,
    /// `None` until the task's stop is handed over ([`Clicks::keep`]).
    stop: Option<Stop>,
}

#[derive(Default)]
struct List {
    next: u64,
    waiting: VecDeque<Waiting>,
}

/// The waiting notifications and what a click on one does.
pub struct Clicks {
    list: Mutex<List>,
    on_open: Box<dyn Fn(i64) + Send + Sync>,
}

impl std::fmt::Debug for Clicks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clicks")
            .field("waiting", &self.lock().waiting.len())
            .finish_non_exhaustive()
    }
}

impl Clicks {
    /// `on_open` gets the session id of a clicked notification (the shell opens its record).
    pub fn new(on_open: impl Fn(i64) + Send + Sync + 'static) -> Self {
        Self { list: Mutex::new(List::default()), on_open: Box::new(on_open) }
    }

    /// A place for a notification about to be shown. Beyond [`KEPT`], the oldest is stopped.
    pub fn wait(&self) -> Ticket {
        let (ticket, dropped) = {
            let mut list = self.lock();
            let ticket = Ticket(list.next);
            list.next += 1;
            list.waiting.push_back(Waiting { ticket, stop: None });
            let dropped = if list.waiting.len() > KEPT { list.waiting.pop_front() } else { None };
            (ticket, dropped)
        };
        // Outside the lock: the task, as it ends, forgets its ticket.
        if let Some(stop) = dropped.and_then(|w| w.stop) {
            stop();
        }
        ticket
    }

    /// Hands over how to stop `ticket`'s task; stops it at once if its place went meanwhile
    /// (it ended, harmlessly stopped again, or the list dropped it while it was being shown).
    pub fn keep(&self, ticket: Ticket, stop: impl FnOnce() + Send + 'static) {
        let mut list = self.lock();
        match list.waiting.iter_mut().find(|w| w.ticket == ticket) {
            Some(waiting) => waiting.stop = Some(Box::new(stop)),
            None => {
                drop(list);
                stop();
            }
        }
    }

    /// The daemon's answer for `ticket` (the notification of `session_id`): a click opens the
    /// session; any answer ends the wait. Returns the session opened, if any.
    pub fn answered(
        &self,
        ticket: Ticket,
        session_id: i64,
        response: &NotificationResponse,
    ) -> Option<i64> {
        self.forget(ticket);
        if !response.is_default_action() {
            return None;
        }
        (self.on_open)(session_id); // outside the lock: the shell may take its time
        Some(session_id)
    }

    /// `ticket`'s task has ended: its place is free (its stop is dropped, not run).
    pub fn forget(&self, ticket: Ticket) {
        self.lock().waiting.retain(|w| w.ticket != ticket);
    }

    /// How many notifications wait.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().waiting.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, List> {
        // A panic while holding it cannot leave the list inconsistent: use it as it is.
        self.list.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_rust::CloseReason;
    use std::sync::Arc;

    fn recording() -> (Clicks, Arc<Mutex<Vec<i64>>>) {
        let opened = Arc::new(Mutex::new(Vec::new()));
        let seen = opened.clone();
        let clicks = Clicks::new(move |id| seen.lock().expect("lock").push(id));
        (clicks, opened)
    }

    /// A stop that notes `n` in `stopped`.
    fn noting(stopped: &Arc<Mutex<Vec<usize>>>, n: usize) -> impl FnOnce() + Send + 'static {
        let stopped = stopped.clone();
        move || stopped.lock().expect("lock").push(n)
    }

    #[test]
    fn a_click_opens_the_session_of_that_notification() {
        let (clicks, opened) = recording();
        let (first, second) = (clicks.wait(), clicks.wait());
        assert_eq!(clicks.answered(second, 42, &NotificationResponse::Default), Some(42));
        assert_eq!(clicks.answered(first, 41, &NotificationResponse::Default), Some(41));
        assert_eq!(*opened.lock().expect("lock"), vec![42, 41]);
    }

    #[test]
    fn other_actions_and_closing_open_nothing() {
        let (clicks, opened) = recording();
        let snooze = NotificationResponse::Action("snooze".into());
        assert_eq!(clicks.answered(clicks.wait(), 41, &snooze), None, "not the default action");
        let closed = NotificationResponse::Closed(CloseReason::Dismissed);
        assert_eq!(clicks.answered(clicks.wait(), 41, &closed), None, "dismissed");
        assert!(opened.lock().expect("lock").is_empty());
        assert_eq!(clicks.len(), 0, "both answers ended the wait");
    }

    #[test]
    fn an_answered_notification_is_forgotten_and_not_stopped() {
        let (clicks, _) = recording();
        let stopped = Arc::new(Mutex::new(Vec::new()));
        let ticket = clicks.wait();
        clicks.keep(ticket, noting(&stopped, 0));
        assert_eq!(clicks.len(), 1);
        clicks.answered(ticket, 41, &NotificationResponse::Closed(CloseReason::Expired));
        assert_eq!(clicks.len(), 0);
        assert!(stopped.lock().expect("lock").is_empty(), "it ended by itself");
    }

    #[test]
    fn the_list_is_bounded_and_stops_the_oldest() {
        let (clicks, _) = recording();
        let stopped = Arc::new(Mutex::new(Vec::new()));
        let mut tickets = Vec::new();
        for n in 0..KEPT + 10 {
            let ticket = clicks.wait();
            clicks.keep(ticket, noting(&stopped, n));
            tickets.push(ticket);
        }
        assert_eq!(clicks.len(), KEPT);
        assert_eq!(*stopped.lock().expect("lock"), (0..10).collect::<Vec<_>>(), "the oldest");
        let newest = tickets[KEPT + 9];
        assert_eq!(clicks.answered(newest, 7, &NotificationResponse::Default), Some(7));
    }

    #[test]
    fn a_stop_handed_over_after_its_place_went_runs_at_once() {
        let (clicks, _) = recording();
        let stopped = Arc::new(Mutex::new(Vec::new()));
        let ended = clicks.wait();
        clicks.forget(ended); // the task ended before its stop was handed over
        clicks.keep(ended, noting(&stopped, 1));
        let first = clicks.wait(); // still being shown when the list overflows
        for _ in 0..KEPT {
            clicks.wait();
        }
        clicks.keep(first, noting(&stopped, 2));
        assert_eq!(*stopped.lock().expect("lock"), vec![1, 2]);
        assert_eq!(clicks.len(), KEPT);
    }
}
