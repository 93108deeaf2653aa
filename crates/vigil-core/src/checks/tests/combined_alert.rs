//! One reading, one alert (issue 11 bug 6): the per-rule alerts of a check combined into one
//! naming every reason, of the highest severity, keyed by the most urgent rule.

use super::*;

fn baseline(systolic: u32, diastolic: u32) -> Baseline {
    Baseline {
        bp: Some(BloodPressure { systolic, diastolic }),
        heart_rate: Some(70),
        moaas: Some(5),
    }
}

fn reading(f: impl FnOnce(&mut CheckInput)) -> Check {
    valid(&with(f))
}

#[test]
fn a_critical_pressure_that_also_rose_over_the_baseline_is_one_critical_alert() {
    let c = reading(|i| i.vitals = Some(vitals(185.0, 100.0)));
    let rules = clinical_alerts(&c, Some(&baseline(140, 80)), &ThresholdSettings::default());
    let kinds: Vec<_> = rules.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, [ClinicalAlertKind::CriticalBp, ClinicalAlertKind::BpRise]);

    let one = combined_alert(&rules).expect("an alert");
    assert_eq!((one.kind, one.severity), (ClinicalAlertKind::CriticalBp, AlertSeverity::Critical));
    assert_eq!(
        one.message,
        "Blood pressure 185/100 is critical (at or above 180/110): re-check in 5 min; \
         over the pre-dose baseline, systolic rose 45 mmHg (alert at 40)."
    );
    assert_eq!((one.observed_at, one.recheck_at), (at(55), Some(at(60))));
}

#[test]
fn the_emergency_prompt_leads_and_keeps_the_pressure_recheck() {
    let c = reading(|i| {
        i.chest_pain = true;
        i.vitals = Some(VitalsInput { spo2: Some(90.0), ..vitals(185.0, 100.0) });
    });
    let rules = clinical_alerts(&c, Some(&baseline(140, 80)), &ThresholdSettings::default());
    assert_eq!(rules.len(), 4, "emergency, critical BP, rise, SpO2: {rules:#?}");
    let one = combined_alert(&rules).expect("an alert");
    assert_eq!((one.kind, one.severity), (ClinicalAlertKind::Emergency, AlertSeverity::Critical));
    assert_eq!(one.recheck_at, Some(at(60)), "the critical pressure's re-check");
    let m = &one.message;
    assert!(m.starts_with("Chest pain with high blood pressure (185/100"), "{m}");
    for part in
        ["; blood pressure 185/100 is critical", "; over the pre-dose baseline", "; SpO2 90 %"]
    {
        assert!(m.contains(part), "{part} in {m}");
    }
    assert_eq!(m.matches('.').count(), 1, "one sentence: {m}");
}

#[test]
fn the_highest_severity_leads_whatever_the_order_given() {
    let c = reading(|i| {
        i.vitals = Some(VitalsInput { heart_rate: Some(130.0), ..vitals(185.0, 100.0) })
    });
    let mut rules = clinical_alerts(&c, None, &ThresholdSettings::default());
    rules.reverse();
    let one = combined_alert(&rules).expect("an alert");
    assert_eq!((one.kind, one.severity), (ClinicalAlertKind::CriticalBp, AlertSeverity::Critical));
    assert!(one.message.starts_with("Blood pressure 185/100"), "{}", one.message);
    assert!(one.message.ends_with("; heart rate 130/min is outside 50-120."), "{}", one.message);
}

#[test]
fn a_single_reason_is_unchanged_and_none_is_no_alert() {
    let c = reading(|i| i.vitals = Some(VitalsInput { spo2: Some(90.0), ..vitals(128.0, 82.0) }));
    let rules = clinical_alerts(&c, None, &ThresholdSettings::default());
    assert_eq!(combined_alert(&rules).as_ref(), rules.first());
    assert_eq!(combined_alert(&[]), None);
}
