//! When every soft gate first passed, and the REMS form's minutes from it.

use chrono::Duration;

use super::*;

fn first(checks: &[StoredCheck]) -> Option<DateTime<Utc>> {
    let policy = DischargePolicy::default();
    soft_gates_first_passed_at(&session(), checks, &ThresholdSettings::default(), &policy)
}

fn minutes(checks: &[StoredCheck]) -> Option<u32> {
    let policy = DischargePolicy::default();
    ready_without_minimum_minutes(&session(), checks, &ThresholdSettings::default(), &policy)
}

#[test]
fn never_ready_is_none() {
    let nauseous = |m| good_with(m, |c| c.nausea = Some(2));
    let checks = stored_all(vec![baseline(), nauseous(20), nauseous(40), nauseous(60)]);
    assert_eq!(first(&checks), None);
    assert_eq!(minutes(&checks), None);
    assert_eq!(minutes(&[]), None);
    assert_eq!(minutes(&stored_all(vec![baseline()])), None);
}

#[test]
fn ready_at_a_check_at_35_minutes() {
    let checks = stored_all(vec![baseline(), good_with(15, |c| c.moaas = Some(3)), good(35)]);
    assert_eq!(first(&checks), Some(at(35)));
    assert_eq!(minutes(&checks), Some(35));
}

#[test]
fn a_later_failing_check_does_not_move_the_first_time() {
    let checks = stored_all(vec![
        baseline(),
        good(35),
        good_with(50, |c| c.vitals = Some(vitals(170, 95))),
        good(70),
    ]);
    assert_eq!(minutes(&checks), Some(35));
}

#[test]
fn only_checks_known_at_each_instant_count() {
    // The blood pressure comes at +40: the gates pass from then, not from +30.
    let checks = stored_all(vec![
        baseline(),
        good_with(30, |c| c.vitals = None),
        Check { vitals: Some(vitals(126, 80)), ..bare(40) },
    ]);
    assert_eq!(minutes(&checks), Some(40));
    // Entered out of order, replayed by clinical time.
    let checks = stored_all(vec![good(50), baseline(), good_with(20, |c| c.nausea = Some(3))]);
    assert_eq!(minutes(&checks), Some(50));
}

#[test]
fn a_corrected_original_is_ignored() {
    // The original at +20 passed; its correction shows nausea 2, so +20 was not ready.
    let mut original = stored(2, good(20));
    original.corrected_by = Some(3);
    let mut correction = stored(3, good_with(20, |c| c.nausea = Some(2)));
    correction.corrects = Some((2, "Nausea was moderate".into()));
    let checks = vec![stored(1, baseline()), original, correction, stored(4, good(35))];
    assert_eq!(minutes(&checks), Some(35));
    // Without the correction, the original would have counted.
    let uncorrected = stored_all(vec![baseline(), good(20)]);
    assert_eq!(minutes(&uncorrected), Some(20));
}

#[test]
fn seconds_round_up_to_the_next_minute() {
    let at_35m20s = Check { observed_at: at(35) + Duration::seconds(20), ..good(35) };
    let checks = stored_all(vec![baseline(), at_35m20s]);
    assert_eq!(first(&checks), Some(at(35) + Duration::seconds(20)));
    assert_eq!(minutes(&checks), Some(36));
    let at_clock_start = stored_all(vec![baseline(), good(0)]);
    assert_eq!(minutes(&at_clock_start), Some(0));
}

#[test]
fn critical_alerts_and_the_escort_are_left_out() {
    // Neither the minimum period, the escort nor alerts are replayed: only the checks.
    let checks = stored_all(vec![baseline(), good(25)]);
    assert_eq!(minutes(&checks), Some(25));
    let gates = Case { checks, critical: 2, escort: None, now: at(30), ..Case::ready() }.gates();
    assert_eq!(gates.readiness, Readiness::NotReady);
}
