//! Building a session's trend chart from its stored checks: the readings that stand (a
//! corrected check is replaced by its correction, as everywhere but the timeline), at minutes
//! after the clock start, with the clinic's alert thresholds as limit lines. A rise limit is
//! drawn only when the pre-dose baseline holds the value it rises from.

use chrono::{DateTime, Utc};

use super::{TrendChart, TrendLimit, TrendPanel, TrendPoint, TrendSeries};
use crate::checks::{Baseline, OxygenSupport, StoredCheck, ThresholdSettings, Vitals};
use crate::RecoverySession;

/// One standing reading: its minute after the clock start and its vitals.
type Reading = (i32, Vitals);

/// The chart of `session` from its stored `checks` (corrected originals included or not: they
/// are left out here) under the clinic's `thresholds`. Panels "Blood pressure" (mmHg),
/// "Heart rate" (beats/min) and "SpO2" (%), in that order; a panel with no reading is left
/// out, and so is a line with no point. Points are in time order.
pub fn trend_chart(
    session: &RecoverySession,
    checks: &[StoredCheck],
    thresholds: &ThresholdSettings,
) -> TrendChart {
    let mut live: Vec<&StoredCheck> = checks.iter().filter(|c| c.is_live()).collect();
    live.sort_by_key(|c| (c.check.observed_at, c.id));
    let baseline = Baseline::from_checks(live.iter().map(|c| &c.check));
    let start = session.clock_started_at;
    let readings: Vec<Reading> = live
        .iter()
        .filter_map(|c| Some((minute_after(start, c.check.observed_at), c.check.vitals?)))
        .collect();
    let panels = [
        blood_pressure(&readings, thresholds, baseline.as_ref()),
        heart_rate(&readings, thresholds),
        spo2(&readings, thresholds),
    ];
    TrendChart { panels: panels.into_iter().flatten().collect() }
}

/// Whole minutes from `start` to `at`, rounded to the nearest (half a minute rounds up);
/// negative before the start.
pub fn minute_after(start: DateTime<Utc>, at: DateTime<Utc>) -> i32 {
    let minutes = ((at - start).num_milliseconds() + 30_000).div_euclid(60_000);
    let clamped = minutes.clamp(i64::from(i32::MIN), i64::from(i32::MAX));
    i32::try_from(clamped).unwrap_or_default()
}

fn value(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// A line named `name` of the readings `pick` finds a value in.
fn series(name: &str, readings: &[Reading], pick: impl Fn(&Vitals) -> Option<u32>) -> TrendSeries {
    let points = readings
        .iter()
        .filter_map(|(minute, v)| Some(TrendPoint { minute: *minute, value: value(pick(v)?) }))
        .collect();
    TrendSeries { name: name.to_owned(), points }
}

/// The panel, or `None` when none of its lines has a point.
fn panel(
    title: &str,
    unit: &str,
    series: Vec<TrendSeries>,
    limits: Vec<TrendLimit>,
) -> Option<TrendPanel> {
    let series: Vec<TrendSeries> = series.into_iter().filter(|s| !s.points.is_empty()).collect();
    (!series.is_empty()).then(|| TrendPanel {
        title: title.to_owned(),
        unit: unit.to_owned(),
        series,
        limits,
    })
}

fn limit(label: String, at: u32) -> TrendLimit {
    TrendLimit { label, value: value(at) }
}

fn blood_pressure(
    readings: &[Reading],
    s: &ThresholdSettings,
    baseline: Option<&Baseline>,
) -> Option<TrendPanel> {
    let lines = vec![
        series("Systolic", readings, |v| v.bp.map(|bp| bp.systolic)),
        series("Diastolic", readings, |v| v.bp.map(|bp| bp.diastolic)),
    ];
    let mut limits =
        vec![limit(format!("Systolic critical at {}", s.critical_systolic), s.critical_systolic)];
    let base = baseline.and_then(|b| b.bp);
    if let Some(bp) = base {
        let at = bp.systolic + s.rise_systolic;
        let label =
            format!("Systolic rise alert at {at} (baseline {} + {})", bp.systolic, s.rise_systolic);
        limits.push(limit(label, at));
    }
    limits.push(limit(
        format!("Diastolic critical at {}", s.critical_diastolic),
        s.critical_diastolic,
    ));
    if let Some(bp) = base {
        let at = bp.diastolic + s.rise_diastolic;
        let label = format!(
            "Diastolic rise alert at {at} (baseline {} + {})",
            bp.diastolic, s.rise_diastolic
        );
        limits.push(limit(label, at));
    }
    panel("Blood pressure", "mmHg", lines, limits)
}

fn heart_rate(readings: &[Reading], s: &ThresholdSettings) -> Option<TrendPanel> {
    let limits = vec![
        limit(format!("Alert below {}", s.heart_rate_low), s.heart_rate_low),
        limit(format!("Alert above {}", s.heart_rate_high), s.heart_rate_high),
    ];
    panel("Heart rate", "beats/min", vec![series("Heart rate", readings, |v| v.heart_rate)], limits)
}

/// SpO2 on room air and on supplemental oxygen are separate lines: the alert limit applies on
/// room air only.
fn spo2(readings: &[Reading], s: &ThresholdSettings) -> Option<TrendPanel> {
    let on = |support: OxygenSupport| {
        move |v: &Vitals| v.spo2.filter(|_| v.oxygen.unwrap_or(OxygenSupport::RoomAir) == support)
    };
    let lines = vec![
        series("SpO2", readings, on(OxygenSupport::RoomAir)),
        series("SpO2 on oxygen", readings, on(OxygenSupport::Oxygen)),
    ];
    let limits = vec![limit(format!("Alert below {} on room air", s.low_spo2), s.low_spo2)];
    panel("SpO2", "%", lines, limits)
}
