//! The Modified PADSS at each item's score boundaries, and where its findings come from.

use super::*;

fn baseline(systolic: u32, heart_rate: Option<u32>) -> Baseline {
    Baseline { bp: Some(BloodPressure { systolic, diastolic: 60 }), heart_rate, moaas: Some(5) }
}

fn all_good() -> PadssFindings {
    PadssFindings {
        systolic: Some(100),
        heart_rate: Some(100),
        gait: Some(2),
        nausea: Some(0),
        pain: Some(0),
    }
}

fn item(p: &Padss, kind: PadssItemKind) -> Option<u8> {
    p.items.iter().find(|i| i.item == kind).and_then(|i| i.score)
}

fn vital_score(base: Baseline, systolic: u32, heart_rate: Option<u32>) -> Option<u8> {
    let latest = PadssFindings { systolic: Some(systolic), heart_rate, ..all_good() };
    item(&modified_padss(Some(&base), &latest), PadssItemKind::VitalSigns)
}

#[test]
fn vital_signs_within_20_percent_2_within_40_percent_1_beyond_0() {
    let base = baseline(100, None);
    let cases = [
        (81, 2),
        (80, 2),
        (79, 1),
        (119, 2),
        (120, 2),
        (121, 1),
        (61, 1),
        (60, 1),
        (59, 0),
        (139, 1),
        (140, 1),
        (141, 0),
        (100, 2),
    ];
    for (systolic, want) in cases {
        assert_eq!(vital_score(base, systolic, None), Some(want), "systolic {systolic} vs 100");
    }
    // Non-round baseline: 20 % of 135 is 27.
    let base = baseline(135, None);
    for (systolic, want) in [(162, 2), (163, 1), (108, 2), (107, 1), (189, 1), (190, 0)] {
        assert_eq!(vital_score(base, systolic, None), Some(want), "systolic {systolic} vs 135");
    }
}

#[test]
fn vital_signs_take_the_larger_of_the_systolic_and_heart_rate_changes() {
    let base = baseline(100, Some(100));
    for (hr, want) in [(119, 2), (120, 2), (121, 1), (140, 1), (141, 0), (80, 2), (79, 1), (59, 0)]
    {
        assert_eq!(vital_score(base, 100, Some(hr)), Some(want), "heart rate {hr} vs 100");
    }
    assert_eq!(vital_score(base, 125, Some(110)), Some(1), "systolic is the larger change");
    assert_eq!(vital_score(base, 110, Some(145)), Some(0), "heart rate is the larger change");
    // Without both heart rates the systolic alone decides.
    assert_eq!(vital_score(baseline(100, None), 110, Some(200)), Some(2));
    assert_eq!(vital_score(base, 110, None), Some(2));
}

#[test]
fn vital_signs_need_a_baseline_and_a_recent_blood_pressure() {
    let p = modified_padss(None, &all_good());
    assert_eq!(item(&p, PadssItemKind::VitalSigns), None);
    let no_bp = PadssFindings { systolic: None, ..all_good() };
    assert_eq!(
        item(&modified_padss(Some(&baseline(100, None)), &no_bp), PadssItemKind::VitalSigns),
        None
    );
    let no_base_bp = Baseline { bp: None, heart_rate: Some(80), moaas: None };
    assert_eq!(
        item(&modified_padss(Some(&no_base_bp), &all_good()), PadssItemKind::VitalSigns),
        None
    );
}

#[test]
fn ambulation_nausea_pain_and_bleeding_map_to_0_to_2() {
    let base = baseline(100, Some(100));
    for (gait, want) in [(0, 0), (1, 1), (2, 2)] {
        let p = modified_padss(Some(&base), &PadssFindings { gait: Some(gait), ..all_good() });
        assert_eq!(item(&p, PadssItemKind::Ambulation), Some(want), "gait {gait}");
    }
    for (grade, want) in [(0, 2), (1, 2), (2, 1), (3, 0)] {
        let p = modified_padss(Some(&base), &PadssFindings { nausea: Some(grade), ..all_good() });
        assert_eq!(item(&p, PadssItemKind::NauseaVomiting), Some(want), "nausea {grade}");
        let p = modified_padss(Some(&base), &PadssFindings { pain: Some(grade), ..all_good() });
        assert_eq!(item(&p, PadssItemKind::Pain), Some(want), "pain {grade}");
        assert_eq!(item(&p, PadssItemKind::Bleeding), Some(2));
    }
}

#[test]
fn fit_at_9_of_10_and_only_when_complete() {
    let base = baseline(100, Some(100));
    let p = modified_padss(Some(&base), &all_good());
    assert_eq!((p.total, p.complete, p.fit), (10, true, Some(true)));
    let p = modified_padss(Some(&base), &PadssFindings { pain: Some(2), ..all_good() });
    assert_eq!((p.total, p.fit), (9, Some(true)));
    let p =
        modified_padss(Some(&base), &PadssFindings { pain: Some(2), gait: Some(1), ..all_good() });
    assert_eq!((p.total, p.fit), (8, Some(false)));
    let p = modified_padss(Some(&base), &PadssFindings { gait: None, ..all_good() });
    assert_eq!((p.total, p.complete, p.fit), (8, false, None));
    let order: Vec<PadssItemKind> = p.items.iter().map(|i| i.item).collect();
    assert_eq!(
        order,
        [
            PadssItemKind::VitalSigns,
            PadssItemKind::Ambulation,
            PadssItemKind::NauseaVomiting,
            PadssItemKind::Pain,
            PadssItemKind::Bleeding
        ]
    );
    assert_eq!(p.items[1].detail, "gait not assessed");
}

#[test]
fn a_change_just_over_a_limit_never_reads_as_the_limit() {
    let latest = PadssFindings { systolic: Some(163), heart_rate: None, ..all_good() };
    let p = modified_padss(Some(&baseline(135, None)), &latest);
    assert_eq!(p.items[0].detail, "systolic 21 % from baseline");
}

#[test]
fn findings_and_baseline_come_from_the_latest_checks_holding_them() {
    let late = "Entered after the rounds.";
    let checks = [
        valid(&with(|i| {
            (i.purpose, i.observed_at, i.late_reason) =
                ("baseline".into(), local(-60), late.into());
            i.vitals = Some(vitals(110.0, 70.0));
        })),
        valid(&with(|i| {
            (i.purpose, i.observed_at, i.late_reason) =
                ("baseline".into(), local(-30), late.into());
            i.vitals = Some(VitalsInput { heart_rate: Some(66.0), ..VitalsInput::default() });
        })),
        valid(&with(|i| {
            (i.observed_at, i.late_reason, i.pain) = (local(30), late.into(), Some(2.0));
            i.vitals = Some(vitals(150.0, 90.0));
        })),
        valid(&with(|i| {
            (i.observed_at, i.pain, i.nausea, i.gait) = (local(50), None, Some(2.0), Some(1.0));
            i.vitals = None;
        })),
    ];
    let base = Baseline::from_checks(&checks).expect("baseline");
    assert_eq!(base.bp, Some(BloodPressure { systolic: 110, diastolic: 70 }));
    assert_eq!((base.heart_rate, base.moaas), (Some(66), Some(5)));
    let latest = PadssFindings::latest(&checks);
    assert_eq!(
        latest,
        PadssFindings {
            systolic: Some(150),
            heart_rate: Some(74),
            gait: Some(1),
            nausea: Some(2),
            pain: Some(2)
        }
    );
    assert_eq!(Baseline::from_checks(&checks[2..]), None);
}
