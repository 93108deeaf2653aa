//! The clinic's check-plan settings: the timings of every protocol's plan that a clinic may
//! change (clinical.md marks them [C]). Saved as versions; a session follows the version in
//! force when it was admitted, so a change never reshuffles the checks of a running session.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::required_whole;
use super::plan::{CheckPlan, PlanTime, PlannedCheckKind};
use crate::{Protocol, VigilError};

/// The configurable timings, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckPlanSettings {
    /// IV ketamine: vitals every this many minutes after the infusion (default 15).
    pub iv_vitals_every_minutes: u32,
    /// Spravato: BP and sedation/dissociation this many minutes after the first device, the
    /// expected peak (default 40).
    pub spravato_peak_minutes: u32,
    /// A positive lightheadedness check is re-checked this many minutes later (default 15).
    pub positive_recheck_minutes: u32,
    /// A planned check is overdue this many minutes after it is due (default 5).
    pub grace_minutes: u32,
    /// A check up to this many minutes before the planned time counts for it (default 5).
    pub early_minutes: u32,
}

impl Default for CheckPlanSettings {
    fn default() -> Self {
        Self {
            iv_vitals_every_minutes: 15,
            spravato_peak_minutes: 40,
            positive_recheck_minutes: 15,
            grace_minutes: 5,
            early_minutes: 5,
        }
    }
}

impl CheckPlanSettings {
    /// The plan of `protocol` under these settings (the defaults give
    /// [`CheckPlan::default_for`]).
    pub fn plan_for(&self, protocol: Protocol) -> CheckPlan {
        let mut plan = CheckPlan::default_for(protocol);
        for item in &mut plan.items {
            item.time = match (protocol, item.kind, item.time) {
                (Protocol::IvKetamine, PlannedCheckKind::Vitals, PlanTime::Every(_)) => {
                    PlanTime::Every(self.iv_vitals_every_minutes)
                }
                (Protocol::Spravato, _, PlanTime::After(_)) => {
                    PlanTime::After(self.spravato_peak_minutes)
                }
                (_, _, time) => time,
            };
        }
        plan.positive_recheck_minutes = self.positive_recheck_minutes;
        plan.grace_minutes = self.grace_minutes;
        plan.early_minutes = self.early_minutes;
        plan
    }
}

/// An edit of the check-plan settings as the Settings screen sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckPlanSettingsEdit {
    pub iv_vitals_every_minutes: Option<f64>,
    pub spravato_peak_minutes: Option<f64>,
    pub positive_recheck_minutes: Option<f64>,
    pub grace_minutes: Option<f64>,
    pub early_minutes: Option<f64>,
}

impl CheckPlanSettingsEdit {
    /// Errors: `validation` naming the field unless a whole number within: IV interval 5-60,
    /// Spravato peak 10-110 (inside the 120-minute minimum), re-check 5-60, grace 1-30,
    /// early 0-15.
    pub fn validate(&self) -> Result<CheckPlanSettings, VigilError> {
        Ok(CheckPlanSettings {
            iv_vitals_every_minutes: required_whole(
                self.iv_vitals_every_minutes,
                "ivVitalsEveryMinutes",
                "The IV vitals interval",
                5,
                60,
            )?,
            spravato_peak_minutes: required_whole(
                self.spravato_peak_minutes,
                "spravatoPeakMinutes",
                "The Spravato peak check",
                10,
                110,
            )?,
            positive_recheck_minutes: required_whole(
                self.positive_recheck_minutes,
                "positiveRecheckMinutes",
                "The re-check after a positive check",
                5,
                60,
            )?,
            grace_minutes: required_whole(
                self.grace_minutes,
                "graceMinutes",
                "The grace before a check is overdue",
                1,
                30,
            )?,
            early_minutes: required_whole(
                self.early_minutes,
                "earlyMinutes",
                "How early a check may count",
                0,
                15,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(values: [f64; 5]) -> CheckPlanSettingsEdit {
        let [a, b, c, d, e] = values.map(Some);
        CheckPlanSettingsEdit {
            iv_vitals_every_minutes: a,
            spravato_peak_minutes: b,
            positive_recheck_minutes: c,
            grace_minutes: d,
            early_minutes: e,
        }
    }

    #[test]
    fn the_defaults_are_the_default_plans() {
        for protocol in Protocol::ALL {
            assert_eq!(
                CheckPlanSettings::default().plan_for(protocol),
                CheckPlan::default_for(protocol)
            );
        }
    }

    #[test]
    fn settings_change_the_plans() {
        let s = edit([10.0, 30.0, 20.0, 10.0, 0.0]).validate().expect("valid");
        let iv = s.plan_for(Protocol::IvKetamine);
        assert!(iv.minutes(60).contains(&(PlannedCheckKind::Vitals, 10)));
        assert_eq!((iv.positive_recheck_minutes, iv.grace_minutes, iv.early_minutes), (20, 10, 0));
        let spravato = s.plan_for(Protocol::Spravato);
        assert!(spravato.minutes(120).contains(&(PlannedCheckKind::Bp, 30)));
        assert!(!spravato.minutes(120).contains(&(PlannedCheckKind::Bp, 40)));
    }

    #[test]
    fn each_bound_is_checked() {
        let fields = [
            "ivVitalsEveryMinutes",
            "spravatoPeakMinutes",
            "positiveRecheckMinutes",
            "graceMinutes",
            "earlyMinutes",
        ];
        let low = [5.0, 10.0, 5.0, 1.0, 0.0];
        let high = [60.0, 110.0, 60.0, 30.0, 15.0];
        assert!(edit(low).validate().is_ok() && edit(high).validate().is_ok());
        for (i, field) in fields.iter().enumerate() {
            for bad in [low[i] - 1.0, high[i] + 1.0, low[i] + 0.5, f64::NAN] {
                let mut values = low;
                values[i] = bad;
                let err = edit(values).validate().expect_err(field);
                assert_eq!(err.field.as_deref(), Some(*field), "{bad}");
            }
        }
    }
}
