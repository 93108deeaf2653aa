//! What the close guard remembers between close requests (managed state): since when a close
//! question sent to the page has gone unacknowledged (the page acknowledges with
//! `load_close_request`, `keep_running_hidden` or `quit_vigil`), and whether Vigil is already
//! exiting, so that only the first of several closes records an `app_quit` entry and exits.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long the page has to acknowledge a close question before a window close is taken as
/// the page not answering.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(10);

/// The close guard's memory; one per app.
#[derive(Debug, Default)]
pub struct Closing {
    /// When the first question not acknowledged since was sent (None: all acknowledged).
    unanswered_since: Mutex<Option<Instant>>,
    /// Set by the first close or quit that exits.
    exiting: AtomicBool,
}

impl Closing {
    /// A question was sent to the page at `at`.
    pub fn asked(&self, at: Instant) {
        let mut since = self.unanswered_since.lock().unwrap_or_else(|e| e.into_inner());
        since.get_or_insert(at);
    }

    /// The page answered (it received the question or chose).
    pub fn acknowledged(&self) {
        *self.unanswered_since.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Whether the page has left a question unacknowledged for longer than [`ANSWER_WITHIN`].
    pub fn page_silent(&self, now: Instant) -> bool {
        silent(*self.unanswered_since.lock().unwrap_or_else(|e| e.into_inner()), now)
    }

    /// Claims the exit: true for the first caller only.
    pub fn begin_exit(&self) -> bool {
        !self.exiting.swap(true, Ordering::SeqCst)
    }

    /// Gives the exit back (a quit that was refused).
    pub fn cancel_exit(&self) {
        self.exiting.store(false, Ordering::SeqCst);
    }

    /// Whether a close or quit is already exiting.
    pub fn exiting(&self) -> bool {
        self.exiting.load(Ordering::SeqCst)
    }
}

/// Whether a question unacknowledged since `unanswered_since` shows the page not answering
/// at `now`.
pub fn silent(unanswered_since: Option<Instant>, now: Instant) -> bool {
    unanswered_since.is_some_and(|at| now.saturating_duration_since(at) > ANSWER_WITHIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_silent_only_after_a_question_unacknowledged_for_more_than_ten_seconds() {
        let t = Instant::now();
        assert!(!silent(None, t + Duration::from_secs(60)), "nothing asked");
        assert!(!silent(Some(t), t + Duration::from_secs(10)));
        assert!(silent(Some(t), t + Duration::from_secs(11)));
        assert!(!silent(Some(t + Duration::from_secs(5)), t), "a clock read before the ask");
    }

    #[test]
    fn an_acknowledgement_clears_the_question_and_the_first_unanswered_one_counts() {
        let closing = Closing::default();
        let t = Instant::now();
        closing.asked(t);
        closing.asked(t + Duration::from_secs(8));
        assert!(closing.page_silent(t + Duration::from_secs(11)), "silent since the first");
        closing.acknowledged();
        assert!(!closing.page_silent(t + Duration::from_secs(60)));
        closing.asked(t + Duration::from_secs(60));
        assert!(!closing.page_silent(t + Duration::from_secs(65)));
    }

    #[test]
    fn only_the_first_exit_is_claimed_and_a_refused_quit_gives_it_back() {
        let closing = Closing::default();
        assert!(!closing.exiting());
        assert!(closing.begin_exit());
        assert!(!closing.begin_exit(), "a second close neither records nor exits");
        assert!(closing.exiting());
        closing.cancel_exit();
        assert!(closing.begin_exit());
    }
}
