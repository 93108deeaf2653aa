//! Bedside checks (issue 4; clinical.md sections 2, 3, 4 and 6): the check form and its
//! validation, the orthostatic verdict, clinical alerts against the clinic's thresholds, the
//! schedule of planned checks with their status at `now`, the Modified PADSS, corrections and
//! the session timeline. Pure rules: the shell passes `now`, the store persists.

mod alerts;
mod baseline;
mod check;
mod correction;
pub(crate) mod fields;
mod input;
mod lightheadedness;
mod orthostatic;
mod padss;
mod plan;
mod plan_settings;
mod predose;
mod schedule;
mod session;
mod summary;
mod thresholds;
mod timeline;
mod vitals;

pub use alerts::{
    clinical_alerts, combined_alert, AlertSeverity, ClinicalAlert, ClinicalAlertKind,
};
pub use baseline::Baseline;
pub use check::{Cadss, Check, CheckPurpose, Symptom, CADSS_DISSOCIATION_ABOVE, MOAAS_ALERT};
pub use correction::{Correction, CorrectionInput};
pub use fields::{
    is_bidi_control, FUTURE_SKEW, MAX_NOTE_CHARS, MAX_REASON_CHARS, MIN_REASON_CHARS,
};
pub use input::{
    CheckContext, CheckInput, CADSS_ITEMS, DEFAULT_LATE_ENTRY_MINUTES, MAX_BASELINE_BEFORE_START,
};
pub use orthostatic::{
    orthostatic_result, HeartRateRise, Orthostatic, OrthostaticInput, OrthostaticMethod,
    OrthostaticOutcome, OrthostaticReadings, OrthostaticResult, LIE_DIASTOLIC_FALL,
    LIE_STANDING_SYSTOLIC_FLOOR, LIE_SYSTOLIC_FALL, SIT_DIASTOLIC_FALL, SIT_SYSTOLIC_FALL,
};
pub use padss::{modified_padss, Padss, PadssFindings, PadssItem, PadssItemKind, PADSS_FIT_AT};
pub use plan::{key_prefix, CheckPlan, PlanItem, PlanTime, PlannedCheckKind};
pub use plan_settings::{CheckPlanSettings, CheckPlanSettingsEdit};
pub use predose::{
    above_limit, predose_limit, PredoseChoice, PredoseDecision, PredoseDecisionInput,
    PredoseStanding, RecordedPredoseDecision, MAX_DECISION_AGE, MAX_PRESCRIBER_CHARS,
};
pub use schedule::{CheckSchedule, PlannedCheck, PlannedCheckStatus, RecordedCheck};
pub use session::{
    CheckRecord, CheckSaved, CheckStatus, PadssConfirmInput, PadssConfirmation, SessionDetail,
    StoredCheck,
};
pub use thresholds::{ThresholdSettings, ThresholdSettingsEdit, DEFAULT_ORTHOSTATIC_HR_RISE};
pub use timeline::{
    sort_timeline, AcknowledgementRow, CheckRow, FiringRow, ResolutionRow, TimelineEntry,
    TimelineKind,
};
pub use vitals::{
    BloodPressure, OxygenSupport, Vitals, VitalsInput, DIASTOLIC_RANGE, HEART_RATE_RANGE,
    RESPIRATORY_RATE_RANGE, SPO2_RANGE, SYSTOLIC_RANGE, TEMPERATURE_RANGE_C,
};

#[cfg(test)]
mod tests;
