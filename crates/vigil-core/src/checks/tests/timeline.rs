//! Timeline entries of checks and corrections, the one-line summary, and the order.

use super::*;

fn row(id: i64, corrected_by: Option<i64>, corrects: Option<(i64, String)>) -> CheckRow {
    CheckRow { id, recorded_at: at(58), who: Some("Ana Ruiz, RN".into()), corrected_by, corrects }
}

#[test]
fn the_summary_gives_values_and_verdicts_without_the_note() {
    let c = valid(&with(|i| {
        (i.symptom_grade, i.symptoms) =
            (Some(2.0), vec!["lightheaded".into(), "blurred_vision".into()]);
        i.orthostatic = Some(sit((120.0, 80.0), (104.0, 80.0)));
        i.chest_pain = true;
    }));
    assert_eq!(
        c.summary(),
        "Observation: BP 128/82, HR 74, SpO2 97 % room air, RR 14, 36.8 °C; \
         moderate lightheaded, blurred vision; chest pain; \
         orthostatic sit-to-stand (sitting 120/80, standing 104/80) positive: systolic fell 16 mmHg (≥ 15); \
         gait 2, MOAA/S 5, CADSS 3, nausea 0, pain 1; lightheadedness POSITIVE \
         (orthostatic sit-to-stand: systolic fell 16 mmHg (≥ 15); symptoms: lightheaded (moderate))"
    );
    assert_eq!(valid(&minimal()).summary(), "Observation: no symptoms");
    let not_done = valid(&with(|i| {
        i.orthostatic = Some(OrthostaticInput {
            method: "not_done".into(),
            not_done_reason: "Fall risk".into(),
            ..OrthostaticInput::default()
        });
        i.vitals = Some(VitalsInput {
            spo2: Some(95.0),
            oxygen: "oxygen".into(),
            ..VitalsInput::default()
        });
        (i.purpose, i.observed_at, i.late_reason) =
            ("baseline".into(), local(-20), "Entered at admission.".into());
        (i.gait, i.moaas, i.cadss, i.nausea, i.pain) = (None, None, None, None, None);
    }));
    assert_eq!(
        not_done.summary(),
        "Baseline (pre-dose): SpO2 95 % on oxygen; mild blurred vision; orthostatic not done (Fall risk)"
    );
}

#[test]
fn a_corrected_check_is_struck_and_points_at_its_correction() {
    let original = valid(&full());
    let e = TimelineEntry::check(row(41, Some(42), None), &original);
    assert_eq!(
        (e.kind, e.record_id, e.at, e.recorded_at),
        (TimelineKind::Check, 41, at(55), at(58))
    );
    assert_eq!((e.struck, e.corrected_by, e.corrects), (true, Some(42), None));
    assert_eq!(e.who.as_deref(), Some("Ana Ruiz, RN"));
    let fixed = valid(&with(|i| i.pain = Some(0.0)));
    let e = TimelineEntry::check(row(42, None, Some((41, "Pain was 0.".into()))), &fixed);
    assert_eq!((e.kind, e.struck, e.corrects), (TimelineKind::Correction, false, Some(41)));
    assert!(
        e.summary.starts_with("Corrects an earlier check (Pain was 0.). Observation:"),
        "{}",
        e.summary
    );
}

#[test]
fn late_entries_carry_their_reason() {
    let late = valid(&with(|i| {
        (i.observed_at, i.late_reason) = (local(20), "Busy with another patient.".into())
    }));
    let e = TimelineEntry::check(row(5, None, None), &late);
    assert_eq!(e.late_reason.as_deref(), Some("Busy with another patient."));
}

#[test]
fn entries_sort_by_clinical_time_then_recording() {
    let c = |id, m| {
        let mut check = valid(&full());
        check.observed_at = at(m);
        TimelineEntry::check(row(id, None, None), &check)
    };
    let alert = TimelineEntry::new(TimelineKind::Alert, 9, at(20), at(58), None, "Alert".into());
    let mut entries = vec![c(3, 30), alert.clone(), c(1, 20), c(2, 10)];
    sort_timeline(&mut entries);
    let order: Vec<(TimelineKind, i64)> = entries.iter().map(|e| (e.kind, e.record_id)).collect();
    assert_eq!(
        order,
        [
            (TimelineKind::Check, 2),
            (TimelineKind::Check, 1),
            (TimelineKind::Alert, 9),
            (TimelineKind::Check, 3)
        ]
    );
}
