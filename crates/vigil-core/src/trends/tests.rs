//! Tests of the trend chart: panels, minutes, corrections and limit lines, and a property test
//! over random sessions with corrections. All data is fictional.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::checks::{
    BloodPressure, Check, CheckPurpose, OxygenSupport, StoredCheck, ThresholdSettings, Vitals,
};
use crate::{Protocol, RecoverySession};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid")
}

fn session() -> RecoverySession {
    RecoverySession {
        id: 7,
        patient_name: "Zoë O'Brien-Müller".into(),
        bay: "3".into(),
        protocol: Protocol::IvKetamine,
        minimum_minutes: 60,
        clock_started_at: start(),
        recorded_at: start(),
        admitted_by: None,
    }
}

fn vitals(bp: Option<(u32, u32)>, heart_rate: Option<u32>, spo2: Option<u32>) -> Vitals {
    Vitals {
        bp: bp.map(|(systolic, diastolic)| BloodPressure { systolic, diastolic }),
        heart_rate,
        spo2,
        oxygen: spo2.map(|_| OxygenSupport::RoomAir),
        ..Vitals::default()
    }
}

/// A stored check `id` at `seconds` after the clock start with `vitals`.
fn stored(id: i64, seconds: i64, vitals: Option<Vitals>) -> StoredCheck {
    let purpose = if seconds < 0 { CheckPurpose::Baseline } else { CheckPurpose::Observation };
    let observed_at = start() + Duration::seconds(seconds);
    let check = Check {
        session_id: 7,
        purpose,
        observed_at,
        late_reason: None,
        symptom_grade: 0,
        symptoms: Vec::new(),
        severe_headache: false,
        chest_pain: false,
        shortness_of_breath: false,
        orthostatic: None,
        gait: None,
        vitals,
        moaas: None,
        cadss: None,
        nausea: None,
        pain: None,
        note: String::new(),
    };
    StoredCheck {
        id,
        check,
        recorded_at: observed_at,
        who: Some("Ana Ruiz, RN".into()),
        corrects: None,
        corrected_by: None,
    }
}

fn points(chart: &TrendChart, panel: &str, line: &str) -> Vec<(i32, i32)> {
    let panel = chart.panels.iter().find(|p| p.title == panel).expect("panel");
    let series = panel.series.iter().find(|s| s.name == line).expect("series");
    series.points.iter().map(|p| (p.minute, p.value)).collect()
}

fn limits(chart: &TrendChart, panel: &str) -> Vec<(String, i32)> {
    let panel = chart.panels.iter().find(|p| p.title == panel).expect("panel");
    panel.limits.iter().map(|l| (l.label.clone(), l.value)).collect()
}

#[test]
fn no_reading_gives_no_panel() {
    let checks = [stored(1, 600, None)];
    let chart = trend_chart(&session(), &checks, &ThresholdSettings::default());
    assert_eq!(chart, TrendChart { panels: Vec::new() });
}

#[test]
fn three_panels_in_order_with_the_predose_check_before_zero() {
    let checks = [
        stored(2, 15 * 60, Some(vitals(Some((150, 95)), Some(88), Some(95)))),
        stored(1, -10 * 60, Some(vitals(Some((120, 80)), Some(72), Some(98)))),
    ];
    let chart = trend_chart(&session(), &checks, &ThresholdSettings::default());
    let titles: Vec<(&str, &str)> =
        chart.panels.iter().map(|p| (p.title.as_str(), p.unit.as_str())).collect();
    assert_eq!(titles, [("Blood pressure", "mmHg"), ("Heart rate", "beats/min"), ("SpO2", "%")]);
    assert_eq!(points(&chart, "Blood pressure", "Systolic"), [(-10, 120), (15, 150)]);
    assert_eq!(points(&chart, "Blood pressure", "Diastolic"), [(-10, 80), (15, 95)]);
    assert_eq!(points(&chart, "Heart rate", "Heart rate"), [(-10, 72), (15, 88)]);
    assert_eq!(points(&chart, "SpO2", "SpO2"), [(-10, 98), (15, 95)]);
}

#[test]
fn limits_come_from_the_thresholds_and_the_baseline() {
    let checks = [
        stored(1, -300, Some(vitals(Some((130, 85)), None, None))),
        stored(2, 1200, Some(vitals(Some((140, 90)), Some(70), Some(96)))),
    ];
    let chart = trend_chart(&session(), &checks, &ThresholdSettings::default());
    let want = [
        ("Systolic critical at 180", 180),
        ("Systolic rise alert at 170 (baseline 130 + 40)", 170),
        ("Diastolic critical at 110", 110),
        ("Diastolic rise alert at 110 (baseline 85 + 25)", 110),
    ];
    let want: Vec<(String, i32)> = want.iter().map(|(l, v)| ((*l).to_owned(), *v)).collect();
    assert_eq!(limits(&chart, "Blood pressure"), want);
    let hr = [("Alert below 50".to_owned(), 50), ("Alert above 120".to_owned(), 120)];
    assert_eq!(limits(&chart, "Heart rate"), hr);
    assert_eq!(limits(&chart, "SpO2"), [("Alert below 92 on room air".to_owned(), 92)]);
}

#[test]
fn without_a_baseline_pressure_no_rise_line_is_drawn() {
    let thresholds = ThresholdSettings { critical_systolic: 175, ..ThresholdSettings::default() };
    let checks = [stored(1, 600, Some(vitals(Some((140, 90)), None, None)))];
    let chart = trend_chart(&session(), &checks, &thresholds);
    let labels: Vec<String> = limits(&chart, "Blood pressure").into_iter().map(|l| l.0).collect();
    assert_eq!(labels, ["Systolic critical at 175", "Diastolic critical at 110"]);
    assert_eq!(chart.panels.len(), 1, "no heart rate or SpO2 reading, no panel");
}

#[test]
fn a_corrected_reading_is_replaced_by_its_correction() {
    let mut original = stored(1, 900, Some(vitals(Some((210, 120)), Some(80), None)));
    original.corrected_by = Some(2);
    let mut correction = stored(2, 960, Some(vitals(Some((120, 80)), Some(80), None)));
    correction.corrects = Some((1, "Typed 210 for 120.".into()));
    let chart = trend_chart(&session(), &[original, correction], &ThresholdSettings::default());
    assert_eq!(points(&chart, "Blood pressure", "Systolic"), [(16, 120)]);
    assert_eq!(points(&chart, "Heart rate", "Heart rate"), [(16, 80)]);
}

#[test]
fn a_corrected_baseline_moves_the_rise_line() {
    let mut original = stored(1, -600, Some(vitals(Some((160, 100)), None, None)));
    original.corrected_by = Some(2);
    let mut correction = stored(2, -600, Some(vitals(Some((110, 70)), None, None)));
    correction.corrects = Some((1, "Wrong patient's cuff.".into()));
    let chart = trend_chart(&session(), &[original, correction], &ThresholdSettings::default());
    let values: Vec<i32> = limits(&chart, "Blood pressure").into_iter().map(|l| l.1).collect();
    assert_eq!(values, [180, 150, 110, 95]);
}

#[test]
fn spo2_on_oxygen_is_its_own_line() {
    let mut on_oxygen = vitals(None, None, Some(94));
    on_oxygen.oxygen = Some(OxygenSupport::Oxygen);
    let checks =
        [stored(1, 300, Some(vitals(None, None, Some(90)))), stored(2, 600, Some(on_oxygen))];
    let chart = trend_chart(&session(), &checks, &ThresholdSettings::default());
    assert_eq!(points(&chart, "SpO2", "SpO2"), [(5, 90)]);
    assert_eq!(points(&chart, "SpO2", "SpO2 on oxygen"), [(10, 94)]);
}

#[test]
fn minutes_round_to_the_nearest_on_both_sides_of_the_start() {
    let at = |s: i64| minute_after(start(), start() + Duration::seconds(s));
    assert_eq!([at(0), at(29), at(30), at(89), at(90)], [0, 0, 1, 1, 2]);
    assert_eq!([at(-29), at(-31), at(-90), at(-91)], [0, -1, -1, -2]);
}

/// (seconds after the start, systolic, heart rate or none, index of an earlier check it
/// corrects).
type Plan = (i64, u32, Option<u32>, Option<prop::sample::Index>);

fn checks_of(plan: &[Plan]) -> Vec<StoredCheck> {
    let mut out: Vec<StoredCheck> = Vec::new();
    for (i, (seconds, systolic, heart_rate, corrects)) in plan.iter().enumerate() {
        let id = i as i64 + 1;
        let live: Vec<usize> = (0..out.len()).filter(|j| out[*j].is_live()).collect();
        let original =
            corrects.as_ref().filter(|_| !live.is_empty()).map(|ix| live[ix.index(live.len())]);
        let mut check =
            stored(id, *seconds, Some(vitals(Some((*systolic, 40)), *heart_rate, None)));
        if let Some(j) = original {
            out[j].corrected_by = Some(id);
            check.corrects = Some((out[j].id, "Wrong value typed.".into()));
        }
        out.push(check);
    }
    out
}

proptest! {
    #[test]
    fn points_are_sorted_and_only_standing_readings_are_shown(
        plan in prop::collection::vec(
            (-3600i64..14_400, 60u32..260, proptest::option::of(30u32..220),
             proptest::option::of(any::<prop::sample::Index>())),
            0..12,
        ),
    ) {
        let checks = checks_of(&plan);
        let chart = trend_chart(&session(), &checks, &ThresholdSettings::default());
        for panel in &chart.panels {
            for series in &panel.series {
                let minutes: Vec<i32> = series.points.iter().map(|p| p.minute).collect();
                prop_assert!(minutes.windows(2).all(|w| w[0] <= w[1]), "{minutes:?}");
            }
        }
        let standing = |pick: &dyn Fn(&StoredCheck) -> Option<u32>| {
            let mut v: Vec<(i32, i32)> = checks
                .iter()
                .filter(|c| c.is_live())
                .filter_map(|c| {
                    Some((minute_after(start(), c.check.observed_at), pick(c)? as i32))
                })
                .collect();
            v.sort_unstable();
            v
        };
        let shown = |panel: &str, line: &str| {
            let mut v = chart
                .panels
                .iter()
                .filter(|p| p.title == panel)
                .flat_map(|p| p.series.iter().filter(|s| s.name == line))
                .flat_map(|s| s.points.iter().map(|p| (p.minute, p.value)))
                .collect::<Vec<_>>();
            v.sort_unstable();
            v
        };
        let systolic = standing(&|c| c.check.vitals?.bp.map(|bp| bp.systolic));
        prop_assert_eq!(shown("Blood pressure", "Systolic"), systolic);
        let heart = standing(&|c| c.check.vitals?.heart_rate);
        prop_assert_eq!(shown("Heart rate", "Heart rate"), heart);
    }
}
