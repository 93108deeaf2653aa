//! The soft gates that come from the checks: blood pressure, SpO2, sedation, dissociation,
//! lightheadedness and gait, nausea and the Modified PADSS, each from the latest observation
//! that assessed it (latest by clinical time, then id), the critical-alert gate and the
//! planned-checks gate (none overdue). The caller passes only live checks (corrected originals
//! left out). The lightheadedness gate says why with [`Check::lightheadedness_reasons`].

use super::{Gate, GateKey};
use crate::checks::{
    modified_padss, Baseline, BloodPressure, Check, CheckPurpose, CheckSchedule, OxygenSupport,
    PadssFindings, StoredCheck, ThresholdSettings, MOAAS_ALERT, PADSS_FIT_AT,
};
use crate::discharge::DischargePolicy;

/// The seven check-based soft gates, in [`GateKey::SOFT`] order.
pub(super) fn check_gates(
    live: &[&StoredCheck],
    thresholds: &ThresholdSettings,
    policy: &DischargePolicy,
) -> Vec<Gate> {
    // Observations, latest first.
    let mut sorted: Vec<&StoredCheck> =
        live.iter().copied().filter(|c| c.check.purpose == CheckPurpose::Observation).collect();
    sorted.sort_by_key(|c| std::cmp::Reverse((c.check.observed_at, c.id)));
    let obs: Vec<&Check> = sorted.into_iter().map(|c| &c.check).collect();
    let baseline = Baseline::from_checks(live.iter().map(|c| &c.check));
    vec![
        blood_pressure(&obs, baseline.as_ref(), thresholds),
        spo2(&obs, thresholds),
        sedation(&obs, baseline.as_ref()),
        dissociation(&obs),
        lightheadedness(&obs),
        nausea(&obs, policy),
        padss(&obs, baseline.as_ref()),
    ]
}

/// Passes when no critical clinical alert is waiting for acknowledgement.
pub(super) fn critical_gate(unacknowledged: usize) -> Gate {
    let detail = match unacknowledged {
        0 => "None waiting for acknowledgement".to_owned(),
        1 => "1 critical alert not acknowledged".to_owned(),
        n => format!("{n} critical alerts not acknowledged"),
    };
    Gate::new(GateKey::CriticalAlert, unacknowledged == 0, detail)
}

/// Passes when no planned check is overdue; fails naming each overdue check, earliest first.
pub(super) fn planned_checks_gate(schedule: &CheckSchedule) -> Gate {
    let overdue: Vec<&str> = schedule.overdue().iter().map(|c| c.label.as_str()).collect();
    let detail = match overdue.len() {
        0 => "None overdue".to_owned(),
        1 => format!("1 check overdue: {}", overdue[0]),
        n => format!("{n} checks overdue: {}", overdue.join(", ")),
    };
    Gate::new(GateKey::PlannedChecks, overdue.is_empty(), detail)
}

fn blood_pressure(obs: &[&Check], baseline: Option<&Baseline>, t: &ThresholdSettings) -> Gate {
    let gate = |passed, detail: String| Gate::new(GateKey::BloodPressure, passed, detail);
    let mut readings = obs.iter().filter_map(|c| c.vitals.and_then(|v| v.bp));
    let Some(BloodPressure { systolic: s, diastolic: d }) = readings.next() else {
        return gate(false, "No blood pressure recorded after the dose".into());
    };
    let limit = format!("{}/{}", t.high_systolic, t.high_diastolic);
    if s >= t.high_systolic || d >= t.high_diastolic {
        return gate(false, format!("{s}/{d} at the latest reading, at or above {limit}"));
    }
    if let Some(base) = baseline.and_then(|b| b.bp) {
        let rise_s = i64::from(s) - i64::from(base.systolic);
        let rise_d = i64::from(d) - i64::from(base.diastolic);
        if rise_s >= i64::from(t.rise_systolic) || rise_d >= i64::from(t.rise_diastolic) {
            return gate(
                false,
                format!(
                    "{s}/{d} at the latest reading, a marked rise over baseline {}/{}",
                    base.systolic, base.diastolic
                ),
            );
        }
    }
    if let Some(previous) = readings.next().filter(|p| s > p.systolic) {
        return gate(
            false,
            format!(
                "{s}/{d} at the latest reading, rising (systolic {} before)",
                previous.systolic
            ),
        );
    }
    gate(true, format!("{s}/{d} at the latest reading, below {limit}, not rising"))
}

fn spo2(obs: &[&Check], t: &ThresholdSettings) -> Gate {
    let gate = |passed, detail: String| Gate::new(GateKey::Spo2, passed, detail);
    let latest = obs.iter().find_map(|c| c.vitals.and_then(|v| v.spo2.map(|s| (s, v.oxygen))));
    let Some((spo2, oxygen)) = latest else {
        return gate(false, "No SpO2 recorded after the dose".into());
    };
    if oxygen != Some(OxygenSupport::RoomAir) {
        return gate(false, "On supplemental oxygen".into());
    }
    if spo2 < t.low_spo2 {
        return gate(false, format!("{spo2} % on room air, below {} %", t.low_spo2));
    }
    gate(true, format!("{spo2} % on room air (needs {} % or more)", t.low_spo2))
}

fn sedation(obs: &[&Check], baseline: Option<&Baseline>) -> Gate {
    let gate = |passed, detail: String| Gate::new(GateKey::Sedation, passed, detail);
    let Some(moaas) = obs.iter().find_map(|c| c.moaas) else {
        return gate(false, "Not assessed after the dose".into());
    };
    let (base, which) = match baseline.and_then(|b| b.moaas) {
        Some(b) => (b, "baseline"),
        None => (MOAAS_ALERT, "normal (no baseline recorded)"),
    };
    if moaas >= base {
        gate(true, format!("MOAA/S {moaas}, back to {which} {base}"))
    } else {
        gate(false, format!("MOAA/S {moaas}, below {which} {base}"))
    }
}

fn dissociation(obs: &[&Check]) -> Gate {
    let gate = |passed, detail: String| Gate::new(GateKey::Dissociation, passed, detail);
    let Some(cadss) = obs.iter().find_map(|c| c.cadss.as_ref()) else {
        return gate(false, "Not assessed after the dose".into());
    };
    if cadss.dissociation_present() {
        gate(false, format!("CADSS {}, dissociation present (above 4)", cadss.total))
    } else {
        gate(true, format!("CADSS {}, resolved (present above 4)", cadss.total))
    }
}

fn lightheadedness(obs: &[&Check]) -> Gate {
    let gate = |passed, detail: String| Gate::new(GateKey::Lightheadedness, passed, detail);
    let Some(check) = obs.iter().find(|c| c.has_lightheadedness()) else {
        return gate(false, "No lightheadedness check yet".into());
    };
    let why = check.lightheadedness_reasons();
    if !why.is_empty() {
        return gate(false, format!("Check positive ({})", why.join("; ")));
    }
    match check.gait {
        Some(2) => gate(true, "Check negative, gait 2 of 2".into()),
        Some(g) => gate(false, format!("Gait {g} of 2 (needs 2)")),
        None => gate(false, "Gait not assessed".into()),
    }
}

fn nausea(obs: &[&Check], policy: &DischargePolicy) -> Gate {
    let gate = |passed, detail: String| Gate::new(GateKey::Nausea, passed, detail);
    let Some(n) = obs.iter().find_map(|c| c.nausea) else {
        return gate(false, "Not assessed".into());
    };
    let max = policy.max_nausea;
    gate(n <= max, format!("Nausea {n} of 3 (needs {max} or less)"))
}

fn padss(obs: &[&Check], baseline: Option<&Baseline>) -> Gate {
    let score = modified_padss(baseline, &PadssFindings::latest(obs.iter().copied()));
    let detail = if score.complete {
        format!("{}/10 (needs {PADSS_FIT_AT})", score.total)
    } else {
        "Not complete".to_owned()
    };
    Gate::new(GateKey::Padss, score.fit == Some(true), detail)
}
