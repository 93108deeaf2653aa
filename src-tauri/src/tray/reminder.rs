//! An alert left open while the window is out of sight (kept running in the tray, or
//! minimized) brings the window back again at the clinic's repeat interval, when the page
//! repeats the alert's sound. A new alert brings the window back once, as it is raised
//! ([`crate::alerting::raise`]); this keeps an open alert from staying out of sight for
//! longer than the interval after the nurse hid the window again without acknowledging it.
//! The decision is kept apart (`Reminder`) from reading the records (`look`).

use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager, Runtime};
use vigil_store::settings;

use crate::state::AppState;

/// How often the records are read for open alerts (the scheduler's rounds come more often).
pub const LOOK_EVERY: Duration = Duration::from_secs(5);

/// When the window was last brought back for alerts that stayed open.
#[derive(Debug, Default)]
pub struct Reminder {
    /// Since when alerts have been seen open, or when they last brought the window back.
    last: Option<Instant>,
    /// When the records were last read.
    looked: Option<Instant>,
    /// The last read failed (logged once until a read succeeds again).
    failing: bool,
}

impl Reminder {
    /// Whether to read the records now (at most every [`LOOK_EVERY`]).
    pub fn time_to_look(&mut self, now: Instant) -> bool {
        let due = self.looked.is_none_or(|at| now.saturating_duration_since(at) >= LOOK_EVERY);
        if due {
            self.looked = Some(now);
        }
        due
    }

    /// With `open` alerts open at `now` and the repeat interval `every`: whether the window is
    /// to be brought back now. Counted from when alerts were first seen open (about when the
    /// first was raised and its sound played), then from each bring-back; none open resets it.
    pub fn due(&mut self, open: usize, now: Instant, every: Duration) -> bool {
        if open == 0 {
            self.last = None;
            return false;
        }
        match self.last {
            Some(at) if now.saturating_duration_since(at) >= every => {
                self.last = Some(now);
                true
            }
            Some(_) => false,
            None => {
                self.last = Some(now);
                false
            }
        }
    }
}

/// One look (at most every [`LOOK_EVERY`]): the open alerts (those not written yet too) and
/// the clinic's repeat interval; brings the window back when an alert has stayed open for it.
/// A read that fails is logged (once until one succeeds) and tried again at the next look.
pub fn look<R: Runtime>(app: &AppHandle<R>, reminder: &mut Reminder) {
    let now = Instant::now();
    if !reminder.time_to_look(now) {
        return;
    }
    let state = app.state::<AppState>();
    let read = crate::commands::alerts::active(&state).and_then(|open| {
        let minutes = state.store.with_conn(settings::alert_repeat_minutes)?;
        Ok((open.len(), minutes))
    });
    match read {
        Ok((open, minutes)) => {
            if std::mem::take(&mut reminder.failing) {
                tracing::info!("open alerts read again for the reminder");
            }
            let every = Duration::from_secs(u64::from(minutes.max(1)) * 60);
            if reminder.due(open, now, every) {
                super::bring_back(app, "an alert still open");
            }
        }
        Err(e) if !reminder.failing => {
            reminder.failing = true;
            tracing::warn!("open alerts not read for the reminder: {}", e.message);
        }
        Err(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY: Duration = Duration::from_secs(180);

    fn at(base: Instant, secs: u64) -> Instant {
        base + Duration::from_secs(secs)
    }

    #[test]
    fn an_open_alert_brings_the_window_back_once_every_interval_and_none_open_resets() {
        let t0 = Instant::now();
        let mut r = Reminder::default();
        assert!(!r.due(0, t0, EVERY), "nothing open");
        assert!(!r.due(1, at(t0, 5), EVERY), "first seen open: raised just now, shown then");
        assert!(!r.due(1, at(t0, 184), EVERY), "not yet an interval");
        assert!(r.due(1, at(t0, 185), EVERY), "one interval after it was seen");
        assert!(!r.due(2, at(t0, 190), EVERY), "not again before the next interval");
        assert!(r.due(2, at(t0, 365), EVERY), "again one interval later");
        assert!(!r.due(0, at(t0, 370), EVERY), "acknowledged");
        assert!(!r.due(1, at(t0, 371), EVERY), "a new alert counts afresh");
        assert!(!r.due(1, at(t0, 550), EVERY));
        assert!(r.due(1, at(t0, 551), EVERY));
    }

    #[test]
    fn an_earlier_instant_never_brings_it_back_early_nor_panics() {
        let t0 = Instant::now() + Duration::from_secs(1000);
        let mut r = Reminder::default();
        assert!(!r.due(1, t0, EVERY));
        assert!(!r.due(1, t0 - Duration::from_secs(500), EVERY));
        assert!(r.due(1, at(t0, 180), EVERY));
    }

    #[test]
    fn the_records_are_read_at_most_every_five_seconds() {
        let t0 = Instant::now();
        let mut r = Reminder::default();
        assert!(r.time_to_look(t0));
        assert!(!r.time_to_look(at(t0, 4)));
        assert!(r.time_to_look(at(t0, 5)));
        assert!(!r.time_to_look(at(t0, 9)));
        assert!(r.time_to_look(at(t0, 10)));
    }

    #[test]
    fn a_shorter_interval_set_meanwhile_takes_effect_at_the_next_look() {
        let t0 = Instant::now();
        let mut r = Reminder::default();
        assert!(!r.due(1, t0, EVERY));
        assert!(r.due(1, at(t0, 60), Duration::from_secs(60)), "the clinic chose 1 minute");
    }
}
