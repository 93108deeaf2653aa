//! The scheduler against a real database file and a fake clock.

use super::*;
use chrono::{DateTime, Duration as Span, Utc};
use vigil_core::{AdmitInput, DeadlineKind, FixedClock};

struct Ward {
    dir: tempfile::TempDir,
    clock: Arc<FixedClock>,
    store: Arc<Store>,
}

/// The test administrator's account id (the first account).
const NURSE: i64 = 1;

fn t0() -> DateTime<Utc> {
    crate::test_support::t0()
}

impl Ward {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = Arc::new(FixedClock::new(t0()));
        let state = crate::test_support::admin_state(dir.path(), clock.clone());
        Self { dir, clock, store: state.store.clone() }
    }

    /// Admits a 120-minute IV session whose minimum ends `ends_in` (< 120 min) from now.
    fn admit(&self, bay: &str, ends_in: Span) -> i64 {
        let now = self.clock.now();
        let start = now + ends_in - Span::minutes(120);
        let admission = AdmitInput {
            patient_name: "Testy McTestface".into(),
            bay: bay.into(),
            protocol: "iv_ketamine".into(),
            recovery_minutes: Some(120.0),
            clock_started_at: start.format("%Y-%m-%d %H:%M:%S").to_string(),
            ..admit_input()
        }
        .validate(now, &Utc, &self.protocols())
        .expect("valid admission");
        self.store
            .with_tx(|tx| vigil_store::sessions::insert(tx, &admission, NURSE, now))
            .expect("insert")
    }

    /// A scheduler as after an app start: the previous app (its scheduler and store, and with
    /// them the writer lock) gone, the store reopened from the file.
    fn restart(&mut self, previous: Option<Scheduler>) -> Scheduler {
        drop(previous);
        let path = self.store.path().to_owned();
        self.store = Arc::new(
            Store::open_read_only(&path, &crate::test_support::test_key())
                .expect("stand-in while reopening"),
        );
        self.store = Arc::new(
            Store::open_in(self.dir.path(), &crate::test_support::test_key()).expect("reopen"),
        );
        Scheduler::new(self.store.clone(), self.clock.clone())
    }

    fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.store.clone(), self.clock.clone())
    }

    fn protocols(&self) -> Vec<vigil_core::ProtocolVersion> {
        self.store.with_conn(vigil_store::protocols::current).expect("protocols")
    }

    fn firings(&self) -> i64 {
        self.store
            .with_conn(|c| {
                Ok(c.query_row(
                    "SELECT count(*) FROM alert_firings WHERE kind = 'minimum_reached'",
                    [],
                    |r| r.get(0),
                )?)
            })
            .expect("count")
    }
}

fn admit_input() -> AdmitInput {
    AdmitInput {
        patient_name: "Testy McTestface".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        bay: "Bay 1".into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        clock_started_at: String::new(),
        later_device_times: Vec::new(),
        note: String::new(),
    }
}

/// The sessions whose minimum fired in one sweep (these tests are about the recovery timer;
/// the overdue-check alerts the same sweeps raise are tested on their own below).
fn fired_ids(s: &mut Scheduler, mono: Duration) -> Vec<i64> {
    minimum_fired(&s.sweep(mono).expect("sweep").fired)
}

fn minimum_fired(fired: &[Fired]) -> Vec<i64> {
    fired
        .iter()
        .filter(|f| f.deadline.kind == DeadlineKind::MinimumReached)
        .map(|f| f.deadline.session_id)
        .collect()
}

#[test]
fn restart_after_the_deadline_fires_at_once_and_once() {
    let mut ward = Ward::new();
    let id = ward.admit("Bay 1", Span::seconds(30));
    ward.clock.advance(Span::minutes(5)); // the app was closed across the deadline
    let mut s = ward.restart(None);
    let sweep = s.sweep(Duration::ZERO).expect("sweep");
    assert_eq!(sweep.fired.len(), 1);
    let f = &sweep.fired[0];
    assert_eq!((f.deadline.session_id, f.deadline.kind), (id, DeadlineKind::MinimumReached));
    assert_eq!(f.bay, "Bay 1");
    assert!(fired_ids(&mut s, Duration::from_secs(2)).is_empty());
    let mut again = ward.restart(Some(s));
    assert!(fired_ids(&mut again, Duration::ZERO).is_empty(), "a second restart fires nothing");
    assert_eq!(ward.firings(), 1);
}

#[test]
fn restart_before_the_deadline_fires_at_the_deadline_once() {
    let mut ward = Ward::new();
    ward.admit("Bay 1", Span::seconds(90));
    let mut s = ward.restart(None);
    assert!(fired_ids(&mut s, Duration::ZERO).is_empty());
    ward.clock.advance(Span::seconds(89));
    let mut s = ward.restart(Some(s));
    let sweep = s.sweep(Duration::ZERO).expect("sweep");
    assert!(sweep.fired.is_empty());
    assert_eq!(sweep.sleep, Duration::from_secs(1), "wakes exactly at the deadline");
    ward.clock.advance(Span::seconds(1));
    assert_eq!(fired_ids(&mut s, Duration::from_secs(1)).len(), 1);
    ward.clock.advance(Span::seconds(10));
    assert!(fired_ids(&mut ward.restart(Some(s)), Duration::ZERO).is_empty());
    assert_eq!(ward.firings(), 1);
}

#[test]
fn wall_clock_jumps_neither_double_nor_miss() {
    let ward = Ward::new();
    ward.admit("Bay 1", Span::minutes(30));
    ward.admit("Bay 2", Span::minutes(90));
    let mut s = ward.scheduler();
    assert!(fired_ids(&mut s, Duration::from_secs(0)).is_empty());
    ward.clock.advance(Span::hours(1)); // +1 h jump: Bay 1 is due, Bay 2 not yet
    assert_eq!(fired_ids(&mut s, Duration::from_secs(2)).len(), 1);
    ward.clock.advance(Span::hours(-1)); // -1 h jump back: nothing fires again
    assert!(fired_ids(&mut s, Duration::from_secs(4)).is_empty());
    ward.clock.advance(Span::minutes(89)); // time passes normally up to just before Bay 2
    assert!(fired_ids(&mut s, Duration::from_secs(4 + 89 * 60)).is_empty());
    ward.clock.advance(Span::minutes(1));
    assert_eq!(fired_ids(&mut s, Duration::from_secs(4 + 90 * 60)).len(), 1);
    assert_eq!(ward.firings(), 2);
    let jumps: Vec<i64> = ward
        .store
        .with_conn(|c| {
            let mut st = c.prepare("SELECT jump_ms FROM clock_jumps ORDER BY id")?;
            let rows = st.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("jumps");
    assert_eq!(jumps, [3_600_000 - 2_000, -3_600_000 - 2_000], "both jumps recorded");
}

/// Drives the scheduler as its thread does, on virtual time: it sleeps what the sweep says,
/// and during a suspend the wall clock runs on while the monotonic clock and timers stand
/// still. The alert must come within 5 s of resuming; a scheduler that slept until the
/// deadline would sleep through it.
#[test]
fn a_suspend_delays_the_alert_by_at_most_one_short_sleep() {
    let ward = Ward::new();
    ward.admit("Bay 1", Span::minutes(20));
    let mut s = ward.scheduler();
    let mut mono = Duration::ZERO;
    let mut sleep = s.sweep(mono).expect("sweep").sleep;
    for _ in 0..30 {
        // one minute of ordinary running
        mono += sleep;
        ward.clock.advance(Span::from_std(sleep).expect("span"));
        let sweep = s.sweep(mono).expect("sweep");
        assert!(sweep.fired.is_empty());
        assert!(sweep.sleep <= Duration::from_secs(5), "slept {:?}", sweep.sleep);
        sleep = sweep.sleep;
    }
    // Suspend in the middle of a sleep for 1 h: wall time passes, monotonic time does not.
    ward.clock.advance(Span::hours(1));
    let mut waited_after_resume = Duration::ZERO;
    loop {
        waited_after_resume += sleep;
        mono += sleep;
        ward.clock.advance(Span::from_std(sleep).expect("span"));
        let sweep = s.sweep(mono).expect("sweep");
        if !minimum_fired(&sweep.fired).is_empty() {
            break;
        }
        sleep = sweep.sleep;
    }
    assert!(
        waited_after_resume <= Duration::from_secs(5),
        "fired {waited_after_resume:?} after resume"
    );
    assert_eq!(ward.firings(), 1);
}

#[test]
fn fifty_timers_fire_once_each_in_deadline_order() {
    let ward = Ward::new();
    // Admitted in a shuffled order; deadline i is i seconds from now.
    let mut expected: Vec<(i64, i64)> = (0..50)
        .map(|i| (i * 37 % 50, 0))
        .map(|(i, _)| (i, ward.admit(&format!("Bay {i}"), Span::seconds(i + 1))))
        .collect();
    expected.sort();
    let mut s = ward.scheduler();
    let mut order = Vec::new();
    for step in 0..60 {
        ward.clock.advance(Span::seconds(1));
        order.extend(fired_ids(&mut s, Duration::from_secs(step)));
    }
    let want: Vec<i64> = expected.iter().map(|(_, id)| *id).collect();
    assert_eq!(order, want);
    assert_eq!(ward.firings(), 50);

    let all_at_once = Ward::new();
    for i in 0..50 {
        all_at_once.admit(&format!("Bay {i}"), Span::seconds(50 - i));
    }
    all_at_once.clock.advance(Span::minutes(2));
    let fired = all_at_once.scheduler().sweep(Duration::ZERO).expect("sweep").fired;
    let dues: Vec<_> = fired.iter().map(|f| f.deadline.due_at).collect();
    assert_eq!(fired.len(), 50);
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "raised in deadline order");
}

#[test]
fn deadlines_across_dst_are_real_minutes_later() {
    use chrono_tz::{America::New_York, Europe::Berlin};
    // Clock started 01:30 local on the night the clocks go forward; 60 min later is 03:30
    // local (one real hour), not 02:30 (which does not exist).
    for (tz, day, started) in [(New_York, "2026-03-08", "01:30"), (Berlin, "2026-03-29", "01:30")] {
        let input = AdmitInput { clock_started_at: format!("{day} {started}"), ..admit_input() };
        let start =
            chrono::NaiveDateTime::parse_from_str(&format!("{day} {started}"), "%Y-%m-%d %H:%M")
                .expect("time")
                .and_local_timezone(tz)
                .single()
                .expect("before the gap")
                .with_timezone(&Utc);
        let ward = Ward::new();
        let admission =
            input.validate(start + Span::minutes(5), &tz, &ward.protocols()).expect("valid");
        ward.clock.advance(start - t0() + Span::minutes(5));
        let id = ward
            .store
            .with_tx(|tx| vigil_store::sessions::insert(tx, &admission, NURSE, ward.clock.now()))
            .expect("insert");
        let mut s = ward.scheduler();
        ward.clock.advance(Span::minutes(54)); // 59 real minutes after the start
        assert!(fired_ids(&mut s, Duration::ZERO).is_empty(), "{tz}");
        ward.clock.advance(Span::minutes(1));
        let fired = s.sweep(Duration::from_secs(60)).expect("sweep").fired;
        assert_eq!(fired.len(), 1, "{tz}");
        assert_eq!(fired[0].deadline.session_id, id);
        let local_end = fired[0].deadline.due_at.with_timezone(&tz).format("%H:%M").to_string();
        assert_eq!(local_end, "03:30", "{tz}");
    }
}
