//! The board's order (issue 11, bug 5): alerted first, then the next action, nothing pending
//! last, ties by bay then id; examples and a property test over random sessions and schedules.

use super::*;
use crate::checks::{CheckPlanSettings, PlannedCheckKind, ThresholdSettings};
use chrono::{Duration, TimeZone};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

fn session(id: i64, bay: &str, minutes_ago: i64, minimum: u32) -> RecoverySession {
    RecoverySession {
        id,
        patient_name: format!("Test Patient {id}"),
        bay: bay.into(),
        protocol: Protocol::IvKetamine,
        minimum_minutes: minimum,
        clock_started_at: now() - Duration::minutes(minutes_ago),
        recorded_at: now(),
        admitted_by: None,
    }
}

/// The status of `s` with no checks recorded, under the default plan.
fn status(s: &RecoverySession) -> CheckStatus {
    let plan = CheckPlanSettings::default();
    CheckStatus::assess(s, &[], &ThresholdSettings::default(), &plan, now())
}

fn statuses(sessions: &[RecoverySession]) -> HashMap<i64, CheckStatus> {
    sessions.iter().map(|s| (s.id, status(s))).collect()
}

fn ids(board: &RecoveryBoard) -> Vec<i64> {
    board.rows.iter().map(|r| r.session_id).collect()
}

#[test]
fn the_patient_who_needs_the_nurse_next_comes_first() {
    // IM, minimum 45, 35 min ago: its only check is at the end, in 10 min.
    let mut im = session(1, "Bay 1", 35, 45);
    im.protocol = Protocol::ImKetamine;
    // IV, 25 min ago: the +15 vitals are 10 min overdue, though the minimum ends later.
    let overdue = session(2, "Bay 2", 25, 60);
    // IV, 8 min ago: the +15 vitals are due in 7 min.
    let soon = session(3, "Bay 3", 8, 60);
    let sessions = [im, overdue, soon];
    let board = RecoveryBoard::build(&sessions, &HashSet::new(), &statuses(&sessions), now());
    assert_eq!(ids(&board), [2, 3, 1]);
    let next: Vec<_> = board.rows.iter().map(|r| r.next_action_at).collect();
    let at = |m| Some(now() + Duration::minutes(m));
    assert_eq!(next, [at(-10), at(7), at(10)]);
}

#[test]
fn without_checks_the_end_of_the_minimum_is_the_next_action() {
    let sessions = [session(1, "A", 10, 60), session(2, "B", 70, 60), session(3, "C", 50, 60)];
    let board = RecoveryBoard::build(&sessions, &HashSet::new(), &HashMap::new(), now());
    // Session 2's minimum passed and nothing is planned: nothing pending, last.
    assert_eq!(ids(&board), [3, 1, 2]);
    assert_eq!(board.rows[2].next_action_at, None);
    assert_eq!(board.rows[2].state, RecoveryState::MinimumReached);
    assert_eq!(board.rows[0].state, RecoveryState::Recovering);
}

#[test]
fn nothing_pending_comes_after_any_pending_action() {
    let done = session(1, "A", 90, 60);
    let mut all_done = status(&done);
    for item in &mut all_done.schedule.items {
        item.status = PlannedCheckStatus::Done;
    }
    let later = session(2, "B", 1, 480);
    let checks = HashMap::from([(1, all_done), (2, status(&later))]);
    let board = RecoveryBoard::build(&[done, later], &HashSet::new(), &checks, now());
    assert_eq!(ids(&board), [2, 1]);
    assert_eq!(board.rows[1].next_action_at, None);
}

#[test]
fn ties_are_broken_by_bay_then_id() {
    let sessions = [session(3, "B", 10, 60), session(2, "A", 10, 60), session(1, "B", 10, 60)];
    let board = RecoveryBoard::build(&sessions, &HashSet::new(), &statuses(&sessions), now());
    assert_eq!(ids(&board), [2, 1, 3]);
}

#[test]
fn unacknowledged_alerts_come_first() {
    let sessions = [
        session(1, "A", 65, 60), // reached, acknowledged
        session(2, "B", 30, 60), // recovering
        session(3, "C", 61, 60), // reached, alert open
        session(4, "D", 90, 60), // reached longest ago, acknowledged
    ];
    let board = RecoveryBoard::build(&sessions, &HashSet::from([3]), &statuses(&sessions), now());
    assert_eq!(ids(&board)[0], 3);
    assert!(board.rows[0].alert_active && !board.rows[1].alert_active);
}

#[test]
fn a_redacted_board_has_initials_only() {
    let mut s = session(1, "A", 10, 60);
    s.admitted_by = Some("Test Nurse, RN".into());
    let board = RecoveryBoard::build(&[s], &HashSet::new(), &HashMap::new(), now()).redacted();
    assert!(board.locked);
    assert_eq!(board.rows[0].patient_name, "T.P.1.");
    assert_eq!(board.rows[0].admitted_by, None);
}

/// One random patient: bay, clock start, minimum, alert, and planned checks as (minutes from
/// now, done) when a status is known.
type Patient = (u8, i64, u32, bool, Option<Vec<(i64, bool)>>);

fn patient() -> impl Strategy<Value = Patient> {
    let items = proptest::collection::vec((-120i64..120, any::<bool>()), 0..4);
    (0u8..3, 0i64..200, 15u32..120, any::<bool>(), proptest::option::of(items))
}

fn planned(at: i64, done: bool) -> PlannedCheck {
    let planned_at = now() + Duration::minutes(at);
    PlannedCheck {
        key: format!("iv:vitals:{at}"),
        kind: PlannedCheckKind::Vitals,
        label: "Vitals".into(),
        planned_at,
        overdue_at: planned_at + Duration::minutes(5),
        status: match (done, at) {
            (true, _) => PlannedCheckStatus::Done,
            (false, ..=-5) => PlannedCheckStatus::Overdue,
            (false, ..=0) => PlannedCheckStatus::Due,
            (false, _) => PlannedCheckStatus::Upcoming,
        },
        done_by: None,
        done_at: None,
    }
}

/// Sessions (ids 1..), the alerted ids and the statuses of `patients`.
fn inputs(patients: &[Patient]) -> (Vec<RecoverySession>, HashSet<i64>, HashMap<i64, CheckStatus>) {
    let mut sessions = Vec::new();
    let mut alerted = HashSet::new();
    let mut checks = HashMap::new();
    for (i, (bay, ago, minimum, alert, items)) in patients.iter().enumerate() {
        let id = i64::try_from(i).expect("few") + 1;
        let s = session(id, &format!("Bay {bay}"), *ago, *minimum);
        if *alert {
            alerted.insert(id);
        }
        if let Some(items) = items {
            let mut st = status(&s);
            st.schedule.items = items.iter().map(|(at, done)| planned(*at, *done)).collect();
            checks.insert(id, st);
        }
        sessions.push(s);
    }
    (sessions, alerted, checks)
}

/// The rule, written independently of the board: the earliest pending planned check or the
/// end of the minimum still ahead; `None` is +infinity.
fn expected_next(s: &RecoverySession, status: Option<&CheckStatus>) -> Option<DateTime<Utc>> {
    let mut all: Vec<DateTime<Utc>> = status
        .map(|st| st.schedule.items.iter())
        .into_iter()
        .flatten()
        .filter(|c| c.status != PlannedCheckStatus::Done)
        .map(|c| c.planned_at)
        .collect();
    if s.ends_at() > now() {
        all.push(s.ends_at());
    }
    all.into_iter().min()
}

proptest! {
    #[test]
    fn the_order_is_total_follows_the_rules_and_ignores_input_order(
        (patients, shuffled) in proptest::collection::vec(patient(), 1..8)
            .prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle()))
    ) {
        let (sessions, alerted, checks) = inputs(&patients);
        let board = RecoveryBoard::build(&sessions, &alerted, &checks, now());
        prop_assert_eq!(board.rows.len(), sessions.len());
        for row in &board.rows {
            let s = sessions.iter().find(|s| s.id == row.session_id).expect("a row per session");
            prop_assert_eq!(row.next_action_at, expected_next(s, checks.get(&s.id)));
            prop_assert_eq!(row.alert_active, alerted.contains(&s.id));
        }
        // +infinity for nothing pending: (is none, instant) orders None after every instant.
        let key = |r: &BoardRow| (r.next_action_at.is_none(), r.next_action_at);
        for pair in board.rows.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.alert_active || !b.alert_active, "alerted before non-alerted");
            if a.alert_active == b.alert_active {
                prop_assert!(key(a) <= key(b), "next action non-decreasing");
                if key(a) == key(b) {
                    prop_assert!((&a.bay, a.session_id) < (&b.bay, b.session_id), "strict ties");
                }
            }
        }
        // The same patients given in another order: the same board. Ids follow the patient,
        // so the shuffled inputs are renumbered back to the original ids.
        let (mut again, _, _) = inputs(&shuffled);
        let position = |p: &Patient, taken: &mut Vec<bool>| {
            let i = patients.iter().enumerate().position(|(i, q)| q == p && !taken[i]).expect("same");
            taken[i] = true;
            i64::try_from(i).expect("few") + 1
        };
        let mut taken = vec![false; patients.len()];
        for (s, p) in again.iter_mut().zip(&shuffled) {
            s.id = position(p, &mut taken);
        }
        let rebuilt = RecoveryBoard::build(&again, &alerted, &checks, now());
        prop_assert_eq!(ids(&rebuilt), ids(&board));
    }
}
