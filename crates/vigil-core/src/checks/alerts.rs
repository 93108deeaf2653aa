//! Clinical alerts raised by one check against the clinic's thresholds (clinical.md
//! section 4). Messages give values and limits, never patient names.
//!
//! The emergency prompt (SPRAVATO label 5.6) is critical when a severe headache, chest pain or
//! shortness of breath comes with high blood pressure (at or above the discharge limit,
//! 160/100 by default). The same symptoms without high blood pressure, or without any
//! blood pressure in the check, still raise a warning of the same kind asking the nurse to
//! assess (and measure the pressure): such symptoms are never silently recorded.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::baseline::Baseline;
use super::check::{Check, CheckPurpose};
use super::thresholds::ThresholdSettings;
use super::vitals::{BloodPressure, OxygenSupport, Vitals};

/// What an alert is about. Stable snake_case names for storage and the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClinicalAlertKind {
    Emergency,
    CriticalBp,
    BpRise,
    LowSpo2,
    HeartRate,
    RespiratoryRate,
}

impl ClinicalAlertKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Emergency => "emergency",
            Self::CriticalBp => "critical_bp",
            Self::BpRise => "bp_rise",
            Self::LowSpo2 => "low_spo2",
            Self::HeartRate => "heart_rate",
            Self::RespiratoryRate => "respiratory_rate",
        }
    }
}

/// How urgent an alert is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AlertSeverity {
    Warning,
    Critical,
}

impl AlertSeverity {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Critical => "critical",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Warning, Self::Critical].into_iter().find(|s| s.as_str() == name)
    }
}

/// One alert raised by one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClinicalAlert {
    pub kind: ClinicalAlertKind,
    pub severity: AlertSeverity,
    /// For the nurse: values and limits, no names.
    pub message: String,
    /// The clinical time of the check that raised it.
    pub observed_at: DateTime<Utc>,
    /// Critical blood pressure: when the re-check is due.
    pub recheck_at: Option<DateTime<Utc>>,
}

/// The alerts `check` raises, most urgent first (emergency, critical BP, rise, SpO2, heart
/// rate, respiratory rate). The rise is measured against `baseline` for observations only.
pub fn clinical_alerts(
    check: &Check,
    baseline: Option<&Baseline>,
    settings: &ThresholdSettings,
) -> Vec<ClinicalAlert> {
    let s = settings;
    let at = check.observed_at;
    let alert = |kind, severity, message: String| ClinicalAlert {
        kind,
        severity,
        message,
        observed_at: at,
        recheck_at: None,
    };
    let mut alerts = Vec::new();
    let vitals = check.vitals.unwrap_or_default();
    if let Some(a) = emergency(check, s) {
        alerts.push(alert(ClinicalAlertKind::Emergency, a.0, a.1));
    }
    if let Some(bp) = vitals.bp {
        if let Some(message) = critical_bp(bp, s) {
            let minutes = s.critical_recheck_minutes;
            alerts.push(ClinicalAlert {
                recheck_at: Some(at + Duration::minutes(i64::from(minutes))),
                ..alert(ClinicalAlertKind::CriticalBp, AlertSeverity::Critical, message)
            });
        }
        let base =
            baseline.and_then(|b| b.bp).filter(|_| check.purpose == CheckPurpose::Observation);
        if let Some(message) = base.and_then(|base| rise(bp, base, s)) {
            alerts.push(alert(ClinicalAlertKind::BpRise, AlertSeverity::Warning, message));
        }
    }
    for (kind, message) in vital_warnings(&vitals, s) {
        alerts.push(alert(kind, AlertSeverity::Warning, message));
    }
    alerts
}

/// The critical blood pressure message, when `bp` is at or above the critical limit.
fn critical_bp(bp: BloodPressure, s: &ThresholdSettings) -> Option<String> {
    if bp.systolic < s.critical_systolic && bp.diastolic < s.critical_diastolic {
        return None;
    }
    Some(format!(
        "Blood pressure {}/{} is critical (at or above {}/{}): re-check in {} min.",
        bp.systolic,
        bp.diastolic,
        s.critical_systolic,
        s.critical_diastolic,
        s.critical_recheck_minutes
    ))
}

/// The warnings of low SpO2 on room air, heart rate and respiratory rate, in that order.
fn vital_warnings(vitals: &Vitals, s: &ThresholdSettings) -> Vec<(ClinicalAlertKind, String)> {
    let mut warnings = Vec::new();
    let room_air = vitals.oxygen == Some(OxygenSupport::RoomAir);
    if let Some(spo2) = vitals.spo2.filter(|v| room_air && *v < s.low_spo2) {
        let message = format!("SpO2 {spo2} % on room air is below {} %.", s.low_spo2);
        warnings.push((ClinicalAlertKind::LowSpo2, message));
    }
    let (lo, hi) = (s.heart_rate_low, s.heart_rate_high);
    if let Some(hr) = vitals.heart_rate.filter(|v| *v < lo || *v > hi) {
        let message = format!("Heart rate {hr}/min is outside {lo}-{hi}.");
        warnings.push((ClinicalAlertKind::HeartRate, message));
    }
    let (lo, hi) = (s.respiratory_rate_low, s.respiratory_rate_high);
    if let Some(rr) = vitals.respiratory_rate.filter(|v| *v < lo || *v > hi) {
        let message = format!("Respiratory rate {rr}/min is outside {lo}-{hi}.");
        warnings.push((ClinicalAlertKind::RespiratoryRate, message));
    }
    warnings
}

/// The ONE alert a reading raises, from its per-rule `alerts` (as [`clinical_alerts`] lists
/// them, most urgent first): one banner and one notification naming every reason. Its kind is
/// the most urgent rule of the highest severity (the firing's key), its message lists each
/// reason in that order ("Blood pressure 185/100 is critical (at or above 180/110): re-check in
/// 5 min; over the pre-dose baseline, systolic rose 45 mmHg (alert at 40)."), and its re-check
/// is that of the most urgent reason asking for one. `None` when no rule was broken.
pub fn combined_alert(alerts: &[ClinicalAlert]) -> Option<ClinicalAlert> {
    let mut ordered: Vec<&ClinicalAlert> = alerts.iter().collect();
    ordered.sort_by_key(|a| std::cmp::Reverse(a.severity)); // stable: urgency order kept
    let first = *ordered.first()?;
    if ordered.len() == 1 {
        return Some(first.clone());
    }
    let reasons: Vec<String> =
        ordered.iter().enumerate().map(|(i, a)| reason(&a.message, i > 0)).collect();
    Some(ClinicalAlert {
        kind: first.kind,
        severity: first.severity,
        message: format!("{}.", reasons.join("; ")),
        observed_at: first.observed_at,
        recheck_at: ordered.iter().find_map(|a| a.recheck_at),
    })
}

/// One rule's message as a clause of the combined one: without its full stop, and after the
/// first clause with a lower-case initial unless the word is an abbreviation ("SpO2").
fn reason(message: &str, inner: bool) -> String {
    let clause = message.trim_end().trim_end_matches('.');
    let word = clause.split_whitespace().next().unwrap_or_default();
    let mut chars = word.chars();
    let plain_word = chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() && c.is_lowercase());
    if inner && plain_word {
        let mut chars = clause.chars();
        chars.next().into_iter().flat_map(char::to_lowercase).chain(chars).collect()
    } else {
        clause.to_owned()
    }
}

/// The rise message, when `bp` rose over `base` by a threshold or more.
fn rise(bp: BloodPressure, base: BloodPressure, s: &ThresholdSettings) -> Option<String> {
    let rise_sys = i64::from(bp.systolic) - i64::from(base.systolic);
    let rise_dia = i64::from(bp.diastolic) - i64::from(base.diastolic);
    let mut parts = Vec::new();
    if rise_sys >= i64::from(s.rise_systolic) {
        parts.push(format!("systolic rose {rise_sys} mmHg (alert at {})", s.rise_systolic));
    }
    if rise_dia >= i64::from(s.rise_diastolic) {
        parts.push(format!("diastolic rose {rise_dia} mmHg (alert at {})", s.rise_diastolic));
    }
    (!parts.is_empty()).then(|| format!("Over the pre-dose baseline, {}.", parts.join(" and ")))
}

/// The emergency prompt, if the check reports one of its symptoms.
fn emergency(check: &Check, s: &ThresholdSettings) -> Option<(AlertSeverity, String)> {
    let symptoms: Vec<&str> = [
        (check.severe_headache, "severe headache"),
        (check.chest_pain, "chest pain"),
        (check.shortness_of_breath, "shortness of breath"),
    ]
    .into_iter()
    .filter_map(|(present, name)| present.then_some(name))
    .collect();
    if symptoms.is_empty() {
        return None;
    }
    let what = capitalized(&symptoms.join(", "));
    let limit = format!("{}/{}", s.high_systolic, s.high_diastolic);
    Some(match check.vitals.and_then(|v| v.bp) {
        Some(bp) if bp.systolic >= s.high_systolic || bp.diastolic >= s.high_diastolic => (
            AlertSeverity::Critical,
            format!(
                "{what} with high blood pressure ({}/{}, high at or above {limit}): \
                 prompt for emergency care now.",
                bp.systolic, bp.diastolic
            ),
        ),
        Some(_) => (
            AlertSeverity::Warning,
            format!("{what} reported; blood pressure is below {limit}. Assess the patient."),
        ),
        None => (
            AlertSeverity::Warning,
            format!(
                "{what} reported without a blood pressure: measure it now \
                 (at or above {limit} this is an emergency)."
            ),
        ),
    })
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
