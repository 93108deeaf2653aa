//! The Modified Post-Anesthetic Discharge Scoring System (Marshall & Chung 1999; clinical.md
//! section 4), computed from the latest findings for the nurse to confirm. Each item scores
//! 0-2; 9 or more of 10 is fit for discharge, decided only when every item is assessed.
//!
//! Mappings where the source leaves the 0-3 scales of the check form open:
//! - vital signs: the larger of |Δ systolic| / baseline systolic and |Δ heart rate| / baseline
//!   heart rate (the heart rate only when both readings exist): <= 20 % → 2, <= 40 % → 1,
//!   above → 0;
//! - ambulation: the gait item as is (2 steady, 1 with help, 0 unable or dizzy);
//! - nausea and vomiting, and pain: none or mild (0-1) → 2, moderate (2) → 1, severe (3) → 0;
//! - bleeding: not applicable after ketamine, always 2.

use serde::Serialize;
use ts_rs::TS;

use super::baseline::Baseline;
use super::check::{Check, CheckPurpose};

/// The total at or above which the patient is fit for discharge.
pub const PADSS_FIT_AT: u8 = 9;

/// A PADSS item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PadssItemKind {
    VitalSigns,
    Ambulation,
    NauseaVomiting,
    Pain,
    Bleeding,
}

/// One item's score, or `None` when not assessed (with why in `detail`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PadssItem {
    pub item: PadssItemKind,
    pub score: Option<u8>,
    pub detail: String,
}

/// The score: items in order, the total of the assessed ones, and the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Padss {
    pub items: Vec<PadssItem>,
    pub total: u8,
    /// Every item assessed.
    pub complete: bool,
    /// `total >= 9`, only when complete.
    pub fit: Option<bool>,
}

/// The latest value of each finding the score uses, from observation checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PadssFindings {
    pub systolic: Option<u32>,
    pub heart_rate: Option<u32>,
    pub gait: Option<u8>,
    pub nausea: Option<u8>,
    pub pain: Option<u8>,
}

impl PadssFindings {
    /// Each finding from the latest observation check holding it. The caller leaves out
    /// corrected originals.
    pub fn latest<'a>(checks: impl IntoIterator<Item = &'a Check>) -> Self {
        let mut obs: Vec<&Check> =
            checks.into_iter().filter(|c| c.purpose == CheckPurpose::Observation).collect();
        obs.sort_by_key(|c| std::cmp::Reverse(c.observed_at));
        Self {
            systolic: obs.iter().find_map(|c| c.vitals.and_then(|v| v.bp).map(|bp| bp.systolic)),
            heart_rate: obs.iter().find_map(|c| c.vitals.and_then(|v| v.heart_rate)),
            gait: obs.iter().find_map(|c| c.gait),
            nausea: obs.iter().find_map(|c| c.nausea),
            pain: obs.iter().find_map(|c| c.pain),
        }
    }
}

/// The Modified PADSS from `latest` findings against the pre-dose `baseline`.
pub fn modified_padss(baseline: Option<&Baseline>, latest: &PadssFindings) -> Padss {
    let item = |item, score: Option<u8>, detail: String| PadssItem { item, score, detail };
    let graded = |v: Option<u8>, what: &str| match v {
        None => (None, format!("{what} not assessed")),
        Some(g @ 0..=1) => (Some(2), format!("{what} {}", grade_name(g))),
        Some(2) => (Some(1), format!("{what} moderate")),
        Some(_) => (Some(0), format!("{what} severe")),
    };
    let (vital_score, vital_detail) = vital_signs(baseline, latest);
    let (nausea_score, nausea_detail) = graded(latest.nausea, "nausea");
    let (pain_score, pain_detail) = graded(latest.pain, "pain");
    let ambulation_detail = match latest.gait {
        None => "gait not assessed",
        Some(2) => "steady, no dizziness",
        Some(1) => "needs assistance",
        Some(_) => "unable or dizzy",
    };
    let items = vec![
        item(PadssItemKind::VitalSigns, vital_score, vital_detail),
        item(PadssItemKind::Ambulation, latest.gait.map(|g| g.min(2)), ambulation_detail.into()),
        item(PadssItemKind::NauseaVomiting, nausea_score, nausea_detail),
        item(PadssItemKind::Pain, pain_score, pain_detail),
        item(PadssItemKind::Bleeding, Some(2), "not applicable after ketamine".into()),
    ];
    let total = items.iter().filter_map(|i| i.score).sum();
    let complete = items.iter().all(|i| i.score.is_some());
    Padss { items, total, complete, fit: complete.then_some(total >= PADSS_FIT_AT) }
}

fn grade_name(g: u8) -> &'static str {
    if g == 0 {
        "none"
    } else {
        "mild"
    }
}

/// The vital signs item: the worst of the systolic and heart-rate changes from baseline.
fn vital_signs(baseline: Option<&Baseline>, latest: &PadssFindings) -> (Option<u8>, String) {
    let base_sys = baseline.and_then(|b| b.bp).map(|bp| bp.systolic);
    let (Some(base), Some(now)) = (base_sys, latest.systolic) else {
        return (None, "needs a pre-dose and a recent blood pressure".into());
    };
    let mut changes = vec![("systolic", base, now)];
    if let (Some(base), Some(now)) = (baseline.and_then(|b| b.heart_rate), latest.heart_rate) {
        changes.push(("heart rate", base, now));
    }
    let scored: Vec<(u8, String)> = changes
        .into_iter()
        .map(|(what, base, now)| {
            let change = u64::from(base.abs_diff(now)) * 100;
            let base = u64::from(base.max(1));
            let score = if change <= 20 * base {
                2
            } else if change <= 40 * base {
                1
            } else {
                0
            };
            // Rounded up, so a change just over a limit never reads as the limit itself.
            (score, format!("{what} {} % from baseline", change.div_ceil(base)))
        })
        .collect();
    let score = scored.iter().map(|(s, _)| *s).min().unwrap_or(0);
    let detail: Vec<String> = scored.into_iter().map(|(_, d)| d).collect();
    (Some(score), detail.join(", "))
}
