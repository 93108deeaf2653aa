//! Clinical alerts at every threshold, one unit either side, and the threshold settings edit.

use super::*;

fn observation(f: impl FnOnce(&mut VitalsInput)) -> Check {
    let mut v = vitals(130.0, 80.0);
    f(&mut v);
    valid(&with(|i| i.vitals = Some(v)))
}

fn kinds(check: &Check, baseline: Option<&Baseline>) -> Vec<(ClinicalAlertKind, AlertSeverity)> {
    clinical_alerts(check, baseline, &ThresholdSettings::default())
        .into_iter()
        .map(|a| (a.kind, a.severity))
        .collect()
}

fn base_120_80() -> Baseline {
    Baseline {
        bp: Some(BloodPressure { systolic: 120, diastolic: 80 }),
        heart_rate: Some(70),
        moaas: Some(5),
    }
}

use AlertSeverity::{Critical, Warning};
use ClinicalAlertKind::*;

#[test]
fn a_normal_check_raises_nothing() {
    assert!(kinds(&valid(&full()), Some(&base_120_80())).is_empty());
    assert!(kinds(&valid(&minimal()), None).is_empty());
}

#[test]
fn critical_blood_pressure_at_180_over_110_with_a_recheck_in_5_minutes() {
    let cases = [
        ((179.0, 90.0), false),
        ((180.0, 90.0), true),
        ((181.0, 90.0), true),
        ((150.0, 109.0), false),
        ((150.0, 110.0), true),
        ((150.0, 111.0), true),
    ];
    for ((sys, dia), critical) in cases {
        let c = observation(|v| (v.systolic, v.diastolic) = (Some(sys), Some(dia)));
        let alerts = clinical_alerts(&c, None, &ThresholdSettings::default());
        let found = alerts.iter().find(|a| a.kind == CriticalBp);
        assert_eq!(found.is_some(), critical, "{sys}/{dia}");
        if let Some(a) = found {
            assert_eq!(a.severity, Critical);
            assert_eq!(a.recheck_at, Some(at(55 + 5)));
            assert_eq!(a.observed_at, at(55));
            assert!(a.message.contains("re-check in 5 min"), "{}", a.message);
        }
    }
    let later = ThresholdSettings { critical_recheck_minutes: 10, ..ThresholdSettings::default() };
    let c = observation(|v| v.systolic = Some(200.0));
    assert_eq!(clinical_alerts(&c, None, &later)[0].recheck_at, Some(at(65)));
}

#[test]
fn rise_over_the_pre_dose_baseline_at_40_systolic_or_25_diastolic() {
    let base = base_120_80();
    let cases = [
        ((159.0, 80.0), false),
        ((160.0, 80.0), true),
        ((161.0, 80.0), true),
        ((130.0, 104.0), false),
        ((130.0, 105.0), true),
        ((130.0, 106.0), true),
    ];
    for ((sys, dia), rise) in cases {
        let c = observation(|v| (v.systolic, v.diastolic) = (Some(sys), Some(dia)));
        assert_eq!(kinds(&c, Some(&base)).contains(&(BpRise, Warning)), rise, "{sys}/{dia}");
    }
    let c = observation(|v| (v.systolic, v.diastolic) = (Some(160.0), Some(105.0)));
    let a = clinical_alerts(&c, Some(&base), &ThresholdSettings::default());
    assert_eq!(a[0].message, "Over the pre-dose baseline, systolic rose 40 mmHg (alert at 40) and diastolic rose 25 mmHg (alert at 25).");
    // No baseline, or the baseline check itself: no rise.
    assert!(!kinds(&c, None).iter().any(|(k, _)| *k == BpRise));
    let pre = valid(&with(|i| {
        (i.purpose, i.observed_at, i.late_reason) =
            ("baseline".into(), local(-30), "Entered at admission.".into());
        i.vitals = Some(vitals(160.0, 105.0));
    }));
    assert!(!kinds(&pre, Some(&base)).iter().any(|(k, _)| *k == BpRise));
}

#[test]
fn low_spo2_below_92_on_room_air_only() {
    for (spo2, alert) in [(91.0, true), (92.0, false), (93.0, false)] {
        let c = observation(|v| v.spo2 = Some(spo2));
        assert_eq!(
            kinds(&c, None),
            if alert { vec![(LowSpo2, Warning)] } else { vec![] },
            "{spo2}"
        );
        let on_oxygen = observation(|v| (v.spo2, v.oxygen) = (Some(spo2), "oxygen".into()));
        assert!(kinds(&on_oxygen, None).is_empty(), "{spo2} on oxygen");
    }
    let very_low_on_oxygen = observation(|v| (v.spo2, v.oxygen) = (Some(80.0), "oxygen".into()));
    assert!(kinds(&very_low_on_oxygen, None).is_empty());
}

#[test]
fn heart_rate_outside_50_to_120() {
    for (hr, alert) in
        [(49.0, true), (50.0, false), (51.0, false), (119.0, false), (120.0, false), (121.0, true)]
    {
        let c = observation(|v| v.heart_rate = Some(hr));
        assert_eq!(
            kinds(&c, None),
            if alert { vec![(HeartRate, Warning)] } else { vec![] },
            "{hr}"
        );
    }
}

#[test]
fn respiratory_rate_outside_10_to_24() {
    for (rr, alert) in
        [(9.0, true), (10.0, false), (11.0, false), (23.0, false), (24.0, false), (25.0, true)]
    {
        let c = observation(|v| v.respiratory_rate = Some(rr));
        assert_eq!(
            kinds(&c, None),
            if alert { vec![(RespiratoryRate, Warning)] } else { vec![] },
            "{rr}"
        );
    }
}

#[test]
fn emergency_prompt_is_critical_with_high_blood_pressure() {
    let symptom: [fn(&mut CheckInput); 3] =
        [|i| i.severe_headache = true, |i| i.chest_pain = true, |i| i.shortness_of_breath = true];
    for (n, set) in symptom.into_iter().enumerate() {
        let bp = [
            ((159.0, 99.0), Warning),
            ((160.0, 90.0), Critical),
            ((150.0, 100.0), Critical),
            ((161.0, 101.0), Critical),
        ];
        for ((sys, dia), severity) in bp {
            let c = valid(&with(|i| {
                set(i);
                (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(sys), Some(dia));
            }));
            let a = clinical_alerts(&c, None, &ThresholdSettings::default());
            assert_eq!(
                (a[0].kind, a[0].severity),
                (Emergency, severity),
                "symptom {n} at {sys}/{dia}"
            );
        }
        // No blood pressure in the check: measure it.
        let c = valid(&with(|i| {
            set(i);
            i.vitals = None;
        }));
        let a = clinical_alerts(&c, None, &ThresholdSettings::default());
        assert_eq!((a[0].kind, a[0].severity), (Emergency, Warning));
        assert!(a[0].message.contains("measure it now"), "{}", a[0].message);
    }
    // High blood pressure without the symptoms: no emergency prompt.
    let c = observation(|v| (v.systolic, v.diastolic) = (Some(170.0), Some(100.0)));
    assert!(kinds(&c, None).is_empty());
    let c = valid(&with(|i| {
        (i.chest_pain, i.severe_headache) = (true, true);
        (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(185.0), Some(100.0));
    }));
    let a = clinical_alerts(&c, None, &ThresholdSettings::default());
    assert_eq!(a.iter().map(|a| a.kind).collect::<Vec<_>>(), [Emergency, CriticalBp]);
    assert!(
        a[0].message.starts_with("Severe headache, chest pain with high blood pressure (185/100"),
        "{}",
        a[0].message
    );
}

#[test]
fn alerts_come_most_urgent_first_and_never_name_the_patient() {
    let c = observation(|v| {
        (v.systolic, v.diastolic, v.spo2, v.heart_rate, v.respiratory_rate) =
            (Some(185.0), Some(112.0), Some(88.0), Some(130.0), Some(30.0));
    });
    let a = clinical_alerts(&c, Some(&base_120_80()), &ThresholdSettings::default());
    let order: Vec<_> = a.iter().map(|a| a.kind).collect();
    assert_eq!(order, [CriticalBp, BpRise, LowSpo2, HeartRate, RespiratoryRate]);
    assert_eq!(ClinicalAlertKind::LowSpo2.as_str(), "low_spo2");
}

#[test]
fn settings_move_the_cut_offs() {
    let strict =
        ThresholdSettings { heart_rate_high: 100, low_spo2: 95, ..ThresholdSettings::default() };
    let c = observation(|v| (v.heart_rate, v.spo2) = (Some(101.0), Some(94.0)));
    let a: Vec<_> = clinical_alerts(&c, None, &strict).into_iter().map(|a| a.kind).collect();
    assert_eq!(a, [LowSpo2, HeartRate]);
}

fn edit() -> ThresholdSettingsEdit {
    let d = ThresholdSettings::default();
    let f = |v: u32| Some(f64::from(v));
    ThresholdSettingsEdit {
        critical_systolic: f(d.critical_systolic),
        critical_diastolic: f(d.critical_diastolic),
        rise_systolic: f(d.rise_systolic),
        rise_diastolic: f(d.rise_diastolic),
        low_spo2: f(d.low_spo2),
        heart_rate_low: f(d.heart_rate_low),
        heart_rate_high: f(d.heart_rate_high),
        respiratory_rate_low: f(d.respiratory_rate_low),
        respiratory_rate_high: f(d.respiratory_rate_high),
        high_systolic: f(d.high_systolic),
        high_diastolic: f(d.high_diastolic),
        critical_recheck_minutes: f(d.critical_recheck_minutes),
        predose_systolic: f(d.predose_systolic),
        predose_diastolic: f(d.predose_diastolic),
        orthostatic_hr_rise: f(d.orthostatic_hr_rise),
    }
}

#[test]
fn the_defaults_are_a_valid_edit() {
    assert_eq!(edit().validate(), Ok(ThresholdSettings::default()));
}

#[test]
fn each_threshold_edit_names_its_field() {
    type Set = fn(&mut ThresholdSettingsEdit, Option<f64>);
    let fields: [(&str, Set, f64, f64); 14] = [
        // The lowest accepted critical values are the default "high" 160/100.
        ("criticalSystolic", |e, v| e.critical_systolic = v, 160.0, 260.0),
        ("criticalDiastolic", |e, v| e.critical_diastolic = v, 100.0, 160.0),
        ("riseSystolic", |e, v| e.rise_systolic = v, 10.0, 100.0),
        ("riseDiastolic", |e, v| e.rise_diastolic = v, 5.0, 60.0),
        ("lowSpo2", |e, v| e.low_spo2 = v, 80.0, 100.0),
        ("heartRateLow", |e, v| e.heart_rate_low = v, 30.0, 80.0),
        ("heartRateHigh", |e, v| e.heart_rate_high = v, 90.0, 220.0),
        ("respiratoryRateLow", |e, v| e.respiratory_rate_low = v, 4.0, 16.0),
        ("respiratoryRateHigh", |e, v| e.respiratory_rate_high = v, 24.0, 60.0),
        ("highSystolic", |e, v| e.high_systolic = v, 120.0, 180.0),
        ("highDiastolic", |e, v| e.high_diastolic = v, 70.0, 110.0),
        ("criticalRecheckMinutes", |e, v| e.critical_recheck_minutes = v, 1.0, 30.0),
        // The highest accepted pre-dose limits are just below the default critical 180/110.
        ("predoseSystolic", |e, v| e.predose_systolic = v, 100.0, 179.0),
        ("predoseDiastolic", |e, v| e.predose_diastolic = v, 60.0, 109.0),
    ];
    for (field, set, lo, hi) in fields {
        for ok in [lo, hi] {
            let mut e = edit();
            set(&mut e, Some(ok));
            assert!(e.validate().is_ok(), "{field} = {ok}");
        }
        for bad in
            [None, Some(f64::NAN), Some(f64::INFINITY), Some(lo + 0.5), Some(-1.0), Some(261.0)]
        {
            let mut e = edit();
            set(&mut e, bad);
            let err = e.validate().expect_err("refused");
            assert_eq!(err.field.as_deref(), Some(field), "{field} = {bad:?}");
        }
    }
}

#[test]
fn threshold_edits_must_be_consistent() {
    let e = ThresholdSettingsEdit {
        respiratory_rate_low: Some(16.0),
        respiratory_rate_high: Some(16.0),
        ..edit()
    };
    assert_eq!(e.validate().expect_err("low = high").field.as_deref(), Some("respiratoryRateHigh"));
    let e = ThresholdSettingsEdit { high_systolic: Some(181.0), ..edit() };
    assert_eq!(e.validate().expect_err("high > critical").field.as_deref(), Some("highSystolic"));
    let e = ThresholdSettingsEdit { high_diastolic: Some(111.0), ..edit() };
    assert_eq!(e.validate().expect_err("high > critical").field.as_deref(), Some("highDiastolic"));
    let e = ThresholdSettingsEdit { predose_systolic: Some(180.0), ..edit() };
    let err = e.validate().expect_err("pre-dose = critical");
    assert_eq!(err.field.as_deref(), Some("predoseSystolic"));
    let e = ThresholdSettingsEdit { predose_diastolic: Some(110.0), ..edit() };
    let err = e.validate().expect_err("pre-dose = critical");
    assert_eq!(err.field.as_deref(), Some("predoseDiastolic"));
}

#[test]
fn thresholds_stored_before_the_pre_dose_limit_load_with_140_90() {
    let mut stored = serde_json::to_value(ThresholdSettings::default()).expect("encode");
    let map = stored.as_object_mut().expect("object");
    map.remove("predoseSystolic");
    map.remove("predoseDiastolic");
    map.insert("criticalSystolic".into(), 170.into());
    let loaded: ThresholdSettings = serde_json::from_value(stored).expect("old version loads");
    assert_eq!((loaded.predose_systolic, loaded.predose_diastolic), (140, 90));
    assert_eq!(loaded.critical_systolic, 170);
}
