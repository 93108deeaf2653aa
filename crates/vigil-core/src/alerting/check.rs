//! What recording a check sets off among the alerts: the ONE clinical alert it raises (every
//! broken rule named in it) and that firing's key, whether a stored clinical firing is an
//! emergency prompt, and which open overdue-check alerts the check answers.

use crate::checks::{
    clinical_alerts, combined_alert, AlertSeverity, Baseline, Check, CheckSchedule, ClinicalAlert,
    ClinicalAlertKind, StoredCheck, ThresholdSettings,
};
use crate::DeadlineKind;

/// The one clinical alert `check` raises under `settings`, its rise measured against the
/// baseline of the session's `stored` checks (corrected originals left out); `None` when no
/// rule is broken.
pub fn check_alert(
    check: &Check,
    stored: &[StoredCheck],
    settings: &ThresholdSettings,
) -> Option<ClinicalAlert> {
    let baseline = Baseline::from_checks(stored.iter().filter(|c| c.is_live()).map(|c| &c.check));
    combined_alert(&clinical_alerts(check, baseline.as_ref(), settings))
}

/// The key of the clinical firing check `check_id` raised: `"{check_id}:{most urgent kind}"`.
pub fn clinical_key(check_id: i64, kind: ClinicalAlertKind) -> String {
    format!("{check_id}:{}", kind.as_str())
}

/// A clinical firing is keyed by [`clinical_key`]; the emergency prompt is the most urgent
/// kind, so a critical firing keyed `…:emergency` is a critical emergency prompt.
pub fn is_emergency(
    kind: DeadlineKind,
    key: Option<&str>,
    severity: Option<AlertSeverity>,
) -> bool {
    kind == DeadlineKind::Clinical
        && severity == Some(AlertSeverity::Critical)
        && key
            .and_then(|k| k.split_once(':'))
            .is_some_and(|(_, rule)| rule == ClinicalAlertKind::Emergency.as_str())
}

/// Of a session's `open` overdue-check firings (firing id, planned check key), the ids of
/// those whose planned check `schedule` (taken with the new check) shows done: a check
/// resolves the overdue alerts it answers.
pub fn resolved_overdue(schedule: &CheckSchedule, open: &[(i64, String)]) -> Vec<i64> {
    open.iter().filter(|(_, key)| schedule.done_by(key).is_some()).map(|(id, _)| *id).collect()
}
