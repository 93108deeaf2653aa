//! The check schedule across whole IV, IM and Spravato sessions: statuses before, at, at the
//! grace limit and after a satisfying check; "not done" stays due; re-checks.

use super::*;
use crate::alerting::overdue_check_deadlines;
use crate::RecoverySession;
use PlannedCheckStatus::{Done, Due, Overdue, Upcoming};

fn session(protocol: Protocol, minimum_minutes: u32) -> RecoverySession {
    RecoverySession {
        id: 7,
        patient_name: "Testy McTestface".into(),
        bay: "Bay 1".into(),
        protocol,
        minimum_minutes,
        clock_started_at: start(),
        recorded_at: start(),
        admitted_by: None,
    }
}

/// A check at `start + m` minutes holding nothing the plan asks for.
fn empty(id: i64, m: i64) -> RecordedCheck {
    RecordedCheck {
        id,
        observed_at: at(m),
        baseline: false,
        has_bp: false,
        has_vitals: false,
        has_sedation: false,
        has_lightheadedness: false,
        positive: false,
        bp_recheck_at: None,
        corrected: false,
    }
}

fn vitals_at(id: i64, m: i64) -> RecordedCheck {
    RecordedCheck { has_bp: true, has_vitals: true, ..empty(id, m) }
}

fn lightheadedness_at(id: i64, m: i64, positive: bool) -> RecordedCheck {
    RecordedCheck { has_lightheadedness: true, positive, ..empty(id, m) }
}

fn build(
    protocol: Protocol,
    minimum: u32,
    checks: &[RecordedCheck],
    now: DateTime<Utc>,
) -> CheckSchedule {
    let s = session(protocol, minimum);
    CheckSchedule::build(&CheckPlan::default_for(protocol), &s, checks, now)
}

fn iv(checks: &[RecordedCheck], now: DateTime<Utc>) -> CheckSchedule {
    build(Protocol::IvKetamine, 60, checks, now)
}

fn status(s: &CheckSchedule, key: &str) -> PlannedCheckStatus {
    s.items
        .iter()
        .find(|c| c.key == key)
        .map(|c| c.status)
        .unwrap_or_else(|| panic!("no {key} in {s:?}"))
}

fn keys(s: &CheckSchedule) -> Vec<&str> {
    s.items.iter().map(|c| c.key.as_str()).collect()
}

fn secs(s: i64) -> DateTime<Utc> {
    start() + Duration::seconds(s)
}

#[test]
fn iv_plans_vitals_every_15_minutes_and_lightheadedness_at_the_end() {
    let s = iv(&[], at(0));
    assert_eq!(
        keys(&s),
        [
            "iv:vitals:+15",
            "iv:vitals:+30",
            "iv:vitals:+45",
            "iv:vitals:+60",
            "iv:lightheadedness:+60"
        ]
    );
    let first = &s.items[0];
    assert_eq!(
        (first.kind, first.planned_at, first.overdue_at),
        (PlannedCheckKind::Vitals, at(15), at(20))
    );
    assert_eq!(first.label, "Vitals at +15 min");
    assert_eq!(s.next_check().map(|c| c.key.as_str()), Some("iv:vitals:+15"));
}

#[test]
fn im_plans_vitals_and_lightheadedness_at_the_end() {
    assert_eq!(
        keys(&build(Protocol::ImKetamine, 45, &[], at(0))),
        ["im:vitals:+45", "im:lightheadedness:+45"]
    );
}

#[test]
fn spravato_plans_bp_and_sedation_at_40_and_before_leaving() {
    assert_eq!(
        keys(&build(Protocol::Spravato, 120, &[], at(0))),
        [
            "spravato:bp:+40",
            "spravato:sedation_dissociation:+40",
            "spravato:bp:+120",
            "spravato:sedation_dissociation:+120",
            "spravato:lightheadedness:+120",
        ]
    );
}

#[test]
fn a_longer_or_uneven_minimum_moves_the_end() {
    let keys90 = keys(&build(Protocol::IvKetamine, 90, &[], at(0))).join(" ");
    assert!(
        keys90.contains("iv:vitals:+90") && keys90.contains("iv:lightheadedness:+90"),
        "{keys90}"
    );
    let s = build(Protocol::IvKetamine, 50, &[], at(0));
    assert_eq!(
        keys(&s),
        [
            "iv:vitals:+15",
            "iv:vitals:+30",
            "iv:vitals:+45",
            "iv:vitals:+50",
            "iv:lightheadedness:+50"
        ]
    );
}

#[test]
fn with_no_checks_every_planned_check_goes_upcoming_due_overdue_on_the_minute() {
    for (protocol, minimum) in
        [(Protocol::IvKetamine, 60), (Protocol::ImKetamine, 45), (Protocol::Spravato, 120)]
    {
        for t in (-5 * 60..=(i64::from(minimum) + 15) * 60).step_by(30) {
            let s = build(protocol, minimum, &[], secs(t));
            for c in &s.items {
                let planned = (c.planned_at - start()).num_seconds();
                let want = if t < planned {
                    Upcoming
                } else if t < planned + 5 * 60 {
                    Due
                } else {
                    Overdue
                };
                assert_eq!(c.status, want, "{} at {t} s", c.key);
            }
        }
    }
}

#[test]
fn exact_instants_of_the_first_iv_vitals() {
    let key = "iv:vitals:+15";
    assert_eq!(status(&iv(&[], secs(15 * 60 - 1)), key), Upcoming);
    assert_eq!(status(&iv(&[], at(15)), key), Due);
    assert_eq!(status(&iv(&[], secs(20 * 60 - 1)), key), Due);
    assert_eq!(status(&iv(&[], at(20)), key), Overdue);
    assert_eq!(iv(&[], at(20)).overdue().len(), 1);
}

#[test]
fn a_check_with_what_the_plan_needs_does_it() {
    let done = iv(&[vitals_at(11, 16)], at(21));
    let c = &done.items[0];
    assert_eq!((c.status, c.done_by, c.done_at), (Done, Some(11), Some(at(16))));
    assert_eq!(done.next_check().map(|c| c.key.as_str()), Some("iv:vitals:+30"));
    // Up to 5 minutes early counts; earlier does not.
    assert_eq!(status(&iv(&[vitals_at(11, 25)], at(26)), "iv:vitals:+30"), Done);
    let early = RecordedCheck { observed_at: secs(25 * 60 - 1), ..vitals_at(11, 0) };
    assert_eq!(status(&iv(&[early], at(30)), "iv:vitals:+30"), Due);
    // Blood pressure alone is not a set of vitals.
    let bp_only = RecordedCheck { has_bp: true, ..empty(12, 16) };
    assert_eq!(status(&iv(&[bp_only], at(21)), "iv:vitals:+15"), Overdue);
    // A late check clears every overdue check before it.
    let s = iv(&[vitals_at(13, 50)], at(50));
    assert_eq!(
        [status(&s, "iv:vitals:+15"), status(&s, "iv:vitals:+30"), status(&s, "iv:vitals:+45")],
        [Done; 3]
    );
    assert!(s.overdue().is_empty());
}

#[test]
fn corrected_and_baseline_checks_do_not_count() {
    let corrected = RecordedCheck { corrected: true, ..vitals_at(11, 16) };
    assert_eq!(status(&iv(&[corrected], at(21)), "iv:vitals:+15"), Overdue);
    let correction = vitals_at(12, 16);
    assert_eq!(iv(&[corrected, correction], at(21)).items[0].done_by, Some(12));
    let baseline = RecordedCheck { baseline: true, ..vitals_at(10, 14) };
    assert_eq!(status(&iv(&[baseline], at(16)), "iv:vitals:+15"), Due);
}

#[test]
fn a_not_done_orthostatic_test_leaves_the_lightheadedness_check_due() {
    let real = valid(&with(|i| {
        i.orthostatic = Some(OrthostaticInput {
            method: "not_done".into(),
            not_done_reason: "Fall risk".into(),
            ..OrthostaticInput::default()
        })
    }));
    let recorded = RecordedCheck::of(20, &real, false, &ThresholdSettings::default());
    assert!(!recorded.has_lightheadedness && recorded.has_vitals);
    let key = "iv:lightheadedness:+60";
    assert_eq!(status(&iv(&[recorded], at(60)), key), Due);
    assert_eq!(status(&iv(&[recorded], secs(65 * 60 - 1)), key), Due);
    assert_eq!(status(&iv(&[recorded], at(65)), key), Overdue);
    // Done later, negative: done, no re-check.
    let later = lightheadedness_at(21, 70, false);
    let s = iv(&[recorded, later], at(70));
    assert_eq!(status(&s, key), Done);
    assert!(!keys(&s).iter().any(|k| k.starts_with("recheck:")));
}

#[test]
fn a_positive_check_is_rechecked_15_minutes_later() {
    let positive = lightheadedness_at(30, 61, true);
    let s = iv(&[positive], at(62));
    assert_eq!(status(&s, "iv:lightheadedness:+60"), Done, "entering it clears the planned one");
    let key = "recheck:lightheadedness:30";
    let re = s.items.iter().find(|c| c.key == key).expect("re-check");
    assert_eq!(
        (re.kind, re.planned_at, re.overdue_at),
        (PlannedCheckKind::Lightheadedness, at(76), at(81))
    );
    assert_eq!(re.label, "Lightheadedness re-check (positive check)");
    assert_eq!(status(&iv(&[positive], secs(76 * 60 - 1)), key), Upcoming);
    assert_eq!(status(&iv(&[positive], at(76)), key), Due);
    assert_eq!(status(&iv(&[positive], at(81)), key), Overdue);
    // Too early (before 76 - 5) does not count; from 71 it does.
    assert_eq!(status(&iv(&[positive, lightheadedness_at(31, 70, false)], at(77)), key), Due);
    let s = iv(&[positive, lightheadedness_at(31, 71, false)], at(77));
    assert_eq!(status(&s, key), Done);
    // Positive again: another re-check from the new one.
    let s = iv(&[positive, lightheadedness_at(32, 76, true)], at(77));
    assert_eq!(status(&s, key), Done);
    assert_eq!(status(&s, "recheck:lightheadedness:32"), Upcoming);
    let again = s.items.iter().find(|c| c.key == "recheck:lightheadedness:32").expect("re-check");
    assert_eq!(again.planned_at, at(91));
}

#[test]
fn symptoms_without_a_gait_assessment_still_schedule_a_recheck() {
    let symptomatic = RecordedCheck { positive: true, ..vitals_at(40, 30) };
    let s = iv(&[symptomatic], at(31));
    assert_eq!(status(&s, "recheck:lightheadedness:40"), Upcoming);
}

#[test]
fn a_critical_blood_pressure_is_rechecked_5_minutes_later() {
    let real = valid(&with(|i| {
        (i.observed_at, i.late_reason) = (local(31), "Entered after the rounds.".into());
        (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(182.0), Some(100.0));
    }));
    let critical = RecordedCheck::of(50, &real, false, &ThresholdSettings::default());
    assert_eq!(critical.bp_recheck_at, Some(at(36)));
    let key = "recheck:bp:50";
    let s = iv(&[critical], at(32));
    assert_eq!(status(&s, key), Upcoming, "the critical reading is not its own re-check");
    assert_eq!(status(&s, "iv:vitals:+30"), Done);
    assert_eq!(status(&iv(&[critical], at(36)), key), Due);
    assert_eq!(status(&iv(&[critical], secs(41 * 60 - 1)), key), Due);
    assert_eq!(status(&iv(&[critical], at(41)), key), Overdue);
    let bp = RecordedCheck { has_bp: true, ..empty(51, 36) };
    assert_eq!(status(&iv(&[critical, bp], at(41)), key), Done);
    let s = iv(&[critical], at(32));
    let re = s.items.iter().find(|c| c.key == key).expect("re-check");
    assert_eq!(
        (re.kind, re.label.as_str()),
        (PlannedCheckKind::Bp, "Blood pressure re-check (critical reading)")
    );
}

#[test]
fn a_whole_spravato_session() {
    let sp = |checks: &[RecordedCheck], m| build(Protocol::Spravato, 120, checks, at(m));
    let peak = RecordedCheck { has_bp: true, has_sedation: true, ..empty(1, 41) };
    let moaas_only = RecordedCheck { has_bp: true, ..empty(2, 41) };
    assert_eq!(status(&sp(&[], 39), "spravato:bp:+40"), Upcoming);
    assert_eq!(status(&sp(&[], 40), "spravato:sedation_dissociation:+40"), Due);
    assert_eq!(status(&sp(&[], 45), "spravato:bp:+40"), Overdue);
    let s = sp(&[peak], 45);
    assert_eq!(
        [status(&s, "spravato:bp:+40"), status(&s, "spravato:sedation_dissociation:+40")],
        [Done, Done]
    );
    let s = sp(&[moaas_only], 45);
    assert_eq!(
        [status(&s, "spravato:bp:+40"), status(&s, "spravato:sedation_dissociation:+40")],
        [Done, Overdue]
    );
    assert_eq!(s.next_check().map(|c| c.key.as_str()), Some("spravato:sedation_dissociation:+40"));
    // Before leaving: BP, sedation and lightheadedness in one check at +118.
    let end = RecordedCheck {
        has_bp: true,
        has_sedation: true,
        has_lightheadedness: true,
        ..empty(3, 118)
    };
    let s = sp(&[peak, end], 121);
    assert!(s.items.iter().all(|c| c.status == Done), "{s:?}");
    let session = session(Protocol::Spravato, 120);
    assert!(s.next_check().is_none() && overdue_check_deadlines(&session, &s).is_empty());
    // Without the end check, at +125 three are overdue.
    assert_eq!(sp(&[peak], 125).overdue().len(), 3);
}

#[test]
fn a_whole_im_session() {
    let im = |checks: &[RecordedCheck], m| build(Protocol::ImKetamine, 45, checks, at(m));
    assert!(im(&[], 44).items.iter().all(|c| c.status == Upcoming));
    assert!(im(&[], 45).items.iter().all(|c| c.status == Due));
    assert!(im(&[], 50).items.iter().all(|c| c.status == Overdue));
    let both = RecordedCheck { has_lightheadedness: true, ..vitals_at(1, 47) };
    assert!(im(&[both], 50).items.iter().all(|c| c.status == Done));
}

#[test]
fn overdue_deadlines_give_each_open_check_its_key_and_instant() {
    let s = iv(&[vitals_at(1, 16)], at(16));
    let deadlines = overdue_check_deadlines(&session(Protocol::IvKetamine, 60), &s);
    let first = deadlines.first().map(|d| (d.key.as_str(), d.due_at));
    assert_eq!(first, Some(("iv:vitals:+30", at(35))));
    assert_eq!(deadlines.len(), 4);
}
