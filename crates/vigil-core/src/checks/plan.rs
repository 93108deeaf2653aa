//! Which checks a protocol plans, and when (clinical.md sections 2 and 3). Defaults per
//! protocol are clinic-configurable [C]; the schedule ([`super::CheckSchedule`]) turns a plan
//! into dated checks for one session.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Protocol;

/// What a planned check needs from a recorded check to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlannedCheckKind {
    /// Blood pressure, heart rate and SpO2.
    Vitals,
    /// Blood pressure only.
    Bp,
    /// MOAA/S and CADSS together.
    SedationDissociation,
    /// Gait assessed, and an orthostatic test done or not attempted (not "not done").
    Lightheadedness,
}

impl PlannedCheckKind {
    /// The name used in keys and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vitals => "vitals",
            Self::Bp => "bp",
            Self::SedationDissociation => "sedation_dissociation",
            Self::Lightheadedness => "lightheadedness",
        }
    }

    /// A label for the nurse.
    pub fn label(self) -> &'static str {
        match self {
            Self::Vitals => "Vitals",
            Self::Bp => "Blood pressure",
            Self::SedationDissociation => "Sedation and dissociation",
            Self::Lightheadedness => "Lightheadedness check",
        }
    }
}

/// When a plan item falls, relative to the clock start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanTime {
    /// This many minutes after the clock start.
    After(u32),
    /// Every this many minutes after the clock start, up to and including the minimum.
    Every(u32),
    /// At the end of the minimum observation period (before the patient first stands).
    End,
}

/// One line of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    pub kind: PlannedCheckKind,
    pub time: PlanTime,
}

/// A protocol's check plan and the timing rules shared by its checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckPlan {
    pub items: Vec<PlanItem>,
    /// A positive lightheadedness check is re-checked this many minutes later (default 15).
    pub positive_recheck_minutes: u32,
    /// A planned check is overdue this many minutes after it is due (default 5).
    pub grace_minutes: u32,
    /// A check up to this many minutes before the planned time counts for it (default 5).
    pub early_minutes: u32,
}

impl CheckPlan {
    /// The clinic defaults for `protocol`:
    /// - IV ketamine: vitals every 15 min through the minimum and at its end (the same check
    ///   when the minimum is a multiple of 15); lightheadedness at the end;
    /// - IM ketamine: vitals and lightheadedness at the end;
    /// - Spravato: BP and sedation/dissociation at +40 min (the peak), BP and
    ///   sedation/dissociation again before leaving (the end), lightheadedness at the end.
    pub fn default_for(protocol: Protocol) -> Self {
        let item = |kind, time| PlanItem { kind, time };
        use PlannedCheckKind::*;
        let items = match protocol {
            Protocol::IvKetamine => vec![
                item(Vitals, PlanTime::Every(15)),
                item(Vitals, PlanTime::End),
                item(Lightheadedness, PlanTime::End),
            ],
            Protocol::ImKetamine => {
                vec![item(Vitals, PlanTime::End), item(Lightheadedness, PlanTime::End)]
            }
            Protocol::Spravato => vec![
                item(Bp, PlanTime::After(40)),
                item(SedationDissociation, PlanTime::After(40)),
                item(Bp, PlanTime::End),
                item(SedationDissociation, PlanTime::End),
                item(Lightheadedness, PlanTime::End),
            ],
        };
        Self { items, positive_recheck_minutes: 15, grace_minutes: 5, early_minutes: 5 }
    }

    /// The `(kind, minutes after the clock start)` of every planned check for a minimum of
    /// `minimum_minutes`, sorted, without duplicates.
    pub fn minutes(&self, minimum_minutes: u32) -> Vec<(PlannedCheckKind, u32)> {
        let mut out = std::collections::BTreeSet::new();
        for item in &self.items {
            match item.time {
                PlanTime::After(m) => {
                    out.insert((item.kind, m));
                }
                PlanTime::End => {
                    out.insert((item.kind, minimum_minutes));
                }
                PlanTime::Every(0) => {}
                PlanTime::Every(n) => {
                    out.extend((1..=minimum_minutes / n).map(|k| (item.kind, k * n)));
                }
            }
        }
        let mut v: Vec<_> = out.into_iter().collect();
        v.sort_by_key(|(kind, m)| (*m, *kind));
        v
    }
}

/// The short protocol name that starts planned-check keys (`iv:vitals:+15`).
pub fn key_prefix(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::IvKetamine => "iv",
        Protocol::Spravato => "spravato",
        Protocol::ImKetamine => "im",
    }
}
