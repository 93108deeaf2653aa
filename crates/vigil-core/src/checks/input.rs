//! The check form as the UI sends it, the session facts its validation needs, and the
//! validation itself. Errors come in form order and name the camelCase field path
//! (`vitals.systolic`, `orthostatic.standingSystolic`, `cadss.3` with 0-based indexes).

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;
use ts_rs::TS;

use super::check::{Cadss, Check, CheckPurpose, Symptom};
use super::fields::{note, own_session_id, record_id, required_whole, score};
use super::orthostatic::OrthostaticInput;
use super::vitals::VitalsInput;
use crate::{Protocol, VigilError};

mod timing;

/// An entry made more than this many minutes after the event is late and needs a reason [C].
pub const DEFAULT_LATE_ENTRY_MINUTES: u32 = 15;
/// How long before the clock start a baseline may be.
pub const MAX_BASELINE_BEFORE_START: Duration = Duration::hours(12);
/// The number of CADSS-6 items.
pub const CADSS_ITEMS: usize = 6;

/// The check form as typed. Nothing here is trusted until [`CheckInput::validate`]. Numbers
/// arrive as JSON numbers; a missing value is `null` or absent.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckInput {
    #[ts(optional = nullable)]
    #[serde(default)]
    pub session_id: Option<f64>,
    /// `baseline` (pre-dose) or `observation`.
    #[serde(default)]
    pub purpose: String,
    /// Local time `YYYY-MM-DD HH:MM[:SS]`; empty means now.
    #[serde(default)]
    pub observed_at: String,
    /// Required (10-500 characters) when the check is entered late.
    #[serde(default)]
    pub late_reason: String,
    /// 0 none, 1 mild, 2 moderate, 3 severe. Required.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub symptom_grade: Option<f64>,
    /// Any of `lightheaded`, `spinning`, `blurred_vision`, `nausea`, `near_faint`, each once;
    /// at least one when the grade is above 0, none when it is 0.
    #[serde(default)]
    pub symptoms: Vec<String>,
    #[serde(default)]
    pub severe_headache: bool,
    #[serde(default)]
    pub chest_pain: bool,
    #[serde(default)]
    pub shortness_of_breath: bool,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub orthostatic: Option<OrthostaticInput>,
    /// 2 steady, 1 needs help, 0 unable or dizzy.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub gait: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub vitals: Option<VitalsInput>,
    /// MOAA/S 0-5.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub moaas: Option<f64>,
    /// CADSS-6: exactly six items, each 0-4.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub cadss: Option<Vec<Option<f64>>>,
    /// 0 none, 1 mild, 2 moderate, 3 severe.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub nausea: Option<f64>,
    /// 0 none, 1 mild, 2 moderate, 3 severe (for the discharge score).
    #[ts(optional = nullable)]
    #[serde(default)]
    pub pain: Option<f64>,
    /// At most 2000 characters; line breaks allowed.
    #[serde(default)]
    pub note: String,
}

/// What validation must know about the session the check belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckContext {
    pub session_id: i64,
    /// Names the clock-start event in messages ("the infusion ended").
    pub protocol: Protocol,
    /// The clinical time the recovery clock started; observations may not precede it.
    pub clock_started_at: DateTime<Utc>,
    /// When the patient left (departed or against advice), to the second; `None` while in
    /// recovery. Observations at or after it are refused (a check is recorded before the
    /// departure it precedes).
    pub ended_at: Option<DateTime<Utc>>,
    /// Minutes after which an entry is late and needs a reason.
    pub late_entry_minutes: u32,
    /// The orthostatic heart-rate rise flagged, bpm (the threshold setting in force).
    pub orthostatic_hr_rise: u32,
}

impl CheckContext {
    /// A context for a session still in recovery, with the default late-entry limit.
    pub fn new(session_id: i64, protocol: Protocol, clock_started_at: DateTime<Utc>) -> Self {
        Self {
            session_id,
            protocol,
            clock_started_at,
            ended_at: None,
            late_entry_minutes: DEFAULT_LATE_ENTRY_MINUTES,
            orthostatic_hr_rise: super::thresholds::DEFAULT_ORTHOSTATIC_HR_RISE,
        }
    }
}

impl CheckInput {
    /// The session id, for loading the [`CheckContext`] before [`CheckInput::validate`].
    /// Errors: `validation` on `sessionId` unless a positive whole number.
    pub fn session_id(&self) -> Result<i64, VigilError> {
        record_id(self.session_id, "sessionId", "The session")
    }

    /// Validates the form at `now`, reading the typed time in zone `tz`, for `session`.
    ///
    /// Errors: a `validation` error naming the first bad field in form order. Beyond each
    /// field's own limits: a baseline must be at most 12 h before the clock start and not
    /// after it; an observation not before the clock start nor after the patient left; an
    /// entry late by more than `session.late_entry_minutes` needs `lateReason` (a baseline is
    /// late only counting from the clock start, since the session exists only from then).
    pub fn validate<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
        session: &CheckContext,
    ) -> Result<Check, VigilError> {
        self.validate_as(now, tz, session, true)
    }

    /// [`CheckInput::validate`], optionally without the late-entry reason (a correction
    /// carries its own reason).
    pub(crate) fn validate_as<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
        session: &CheckContext,
        late_reason_required: bool,
    ) -> Result<Check, VigilError> {
        let session_id = own_session_id(self.session_id, session.session_id, "check")?;
        let purpose = CheckPurpose::parse(self.purpose.trim()).ok_or_else(|| {
            VigilError::validation("purpose", "Choose baseline (pre-dose) or observation.")
        })?;
        let (observed_at, late_reason) =
            self.timing(purpose, now, tz, session, late_reason_required)?;
        let symptom_grade =
            required_whole(self.symptom_grade, "symptomGrade", "The symptom grade", 0, 3)?;
        let symptoms = self.symptoms(symptom_grade)?;
        let hr_flag_at = session.orthostatic_hr_rise;
        let orthostatic = self.orthostatic.as_ref().map(|o| o.validate(hr_flag_at)).transpose()?;
        let gait = score(self.gait, "gait", "Gait", 2)?;
        let vitals = self.vitals.as_ref().map(VitalsInput::validate).transpose()?.flatten();
        let moaas = score(self.moaas, "moaas", "MOAA/S", 5)?;
        let cadss = self.cadss()?;
        let nausea = score(self.nausea, "nausea", "Nausea", 3)?;
        let pain = score(self.pain, "pain", "Pain", 3)?;
        let note = note(&self.note)?;
        Ok(Check {
            session_id,
            purpose,
            observed_at,
            late_reason,
            symptom_grade: symptom_grade as u8,
            symptoms,
            severe_headache: self.severe_headache,
            chest_pain: self.chest_pain,
            shortness_of_breath: self.shortness_of_breath,
            orthostatic,
            gait,
            vitals,
            moaas,
            cadss,
            nausea,
            pain,
            note,
        })
    }

    fn symptoms(&self, grade: u32) -> Result<Vec<Symptom>, VigilError> {
        let mut symptoms = Vec::with_capacity(self.symptoms.len());
        for (i, name) in self.symptoms.iter().enumerate() {
            let field = format!("symptoms.{i}");
            let symptom = Symptom::parse(name.trim())
                .ok_or_else(|| VigilError::validation(&field, "Choose a symptom from the list."))?;
            if symptoms.contains(&symptom) {
                return Err(VigilError::validation(&field, "Each symptom may be listed once."));
            }
            symptoms.push(symptom);
        }
        match (grade, symptoms.is_empty()) {
            (0, false) => Err(VigilError::validation(
                "symptoms",
                "The grade is none: clear the symptoms or grade them.",
            )),
            (1.., true) => {
                Err(VigilError::validation("symptoms", "Tick the symptoms the grade describes."))
            }
            _ => Ok(symptoms),
        }
    }

    fn cadss(&self) -> Result<Option<Cadss>, VigilError> {
        let Some(raw) = &self.cadss else { return Ok(None) };
        if raw.len() != CADSS_ITEMS {
            return Err(VigilError::validation("cadss", "CADSS-6 has exactly 6 items."));
        }
        let mut items = Vec::with_capacity(CADSS_ITEMS);
        for (i, value) in raw.iter().enumerate() {
            let field = format!("cadss.{i}");
            let what = format!("CADSS item {}", i + 1);
            items.push(required_whole(*value, &field, &what, 0, 4)? as u8);
        }
        let total = items.iter().sum();
        Ok(Some(Cadss { items, total }))
    }
}
