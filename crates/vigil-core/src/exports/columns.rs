//! The columns of the two exported tables and how each record becomes a row: the SESSIONS
//! table (one row per admission) and the CHECKS table (one row per stored check, corrections
//! included: a corrected check stays, with the id of the check that corrects it, and the
//! correction names the one it corrects). Instants are local ISO 8601 with their offset
//! ("2026-07-01T14:05:00+02:00"); an absent value is an empty field; yes/no for flags.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

use crate::checks::Check;
use crate::checks::{CheckPurpose, OrthostaticOutcome, OxygenSupport};
use crate::table::Table;

/// One session as the store reads it for export.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: i64,
    pub patient_name: String,
    pub chart_number: Option<String>,
    /// `YYYY-MM-DD` as stored.
    pub date_of_birth: Option<String>,
    pub bay: String,
    /// As stored: `iv_ketamine`, `spravato`, `im_ketamine`.
    pub protocol: String,
    pub dose_mg: Option<f64>,
    pub weight_kg: Option<f64>,
    pub clock_started_at: DateTime<Utc>,
    pub minimum_minutes: u32,
    pub admitted_at: DateTime<Utc>,
    /// The admitting nurse's label ("Ana Ruiz, RN").
    pub admitted_by: Option<String>,
    /// The first time, at or after the clock start, the board found the patient ready for
    /// discharge: Ready, or Ready (awaiting escort) (every gate but the escort met). The same
    /// instant the report's "time until ready" counts to.
    pub ready_at: Option<DateTime<Utc>>,
    pub cleared_at: Option<DateTime<Utc>>,
    pub cleared_by: Option<String>,
    pub left_at: Option<DateTime<Utc>>,
    /// `discharged`, `against_advice`, `transferred`.
    pub how_left: Option<String>,
    pub departure_recorded_by: Option<String>,
    /// The escort's full name in the latest escort record.
    pub escort_name: Option<String>,
    pub note: Option<String>,
}

/// The SESSIONS table's columns, in order.
pub const SESSION_COLUMNS: [&str; 22] = [
    "session_id",
    "patient_name",
    "chart_number",
    "date_of_birth",
    "bay",
    "protocol",
    "dose_mg",
    "weight_kg",
    "clock_started_at",
    "minimum_minutes",
    "minimum_reached_at",
    "admitted_at",
    "admitted_by",
    "ready_at",
    "cleared_for_discharge_at",
    "cleared_by",
    "left_at",
    "how_left",
    "minutes_in_recovery",
    "departure_recorded_by",
    "escort_name",
    "note",
];

/// The sessions as a table, times in zone `tz`.
pub fn sessions_table<Tz: TimeZone>(rows: &[SessionRow], tz: &Tz) -> Table
where
    Tz::Offset: std::fmt::Display,
{
    let mut table = Table::new(SESSION_COLUMNS);
    for r in rows {
        table.push(session_cells(r, tz));
    }
    table
}

/// One session's cells, in [`SESSION_COLUMNS`] order.
pub fn session_cells<Tz: TimeZone>(r: &SessionRow, tz: &Tz) -> Vec<String>
where
    Tz::Offset: std::fmt::Display,
{
    let at = |t: Option<DateTime<Utc>>| t.map(|t| local_iso(t, tz)).unwrap_or_default();
    let minutes = r.left_at.map(|left| (left - r.clock_started_at).num_minutes().to_string());
    let reached = r.clock_started_at + chrono::Duration::minutes(i64::from(r.minimum_minutes));
    vec![
        r.id.to_string(),
        r.patient_name.clone(),
        text(&r.chart_number),
        text(&r.date_of_birth),
        r.bay.clone(),
        r.protocol.clone(),
        number(r.dose_mg),
        number(r.weight_kg),
        local_iso(r.clock_started_at, tz),
        r.minimum_minutes.to_string(),
        local_iso(reached, tz),
        local_iso(r.admitted_at, tz),
        text(&r.admitted_by),
        at(r.ready_at),
        at(r.cleared_at),
        text(&r.cleared_by),
        at(r.left_at),
        text(&r.how_left),
        minutes.unwrap_or_default(),
        text(&r.departure_recorded_by),
        text(&r.escort_name),
        text(&r.note),
    ]
}

/// One stored check as the store reads it for export.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub id: i64,
    pub patient_name: String,
    pub chart_number: Option<String>,
    pub check: Check,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: Option<String>,
    /// The check this one corrects, and why.
    pub corrects: Option<(i64, String)>,
    /// The check that corrects this one.
    pub corrected_by: Option<i64>,
}

/// The CHECKS table's columns, in order.
pub const CHECK_COLUMNS: [&str; 32] = [
    "check_id",
    "session_id",
    "patient_name",
    "chart_number",
    "purpose",
    "observed_at",
    "recorded_at",
    "recorded_by",
    "late_reason",
    "bp_systolic",
    "bp_diastolic",
    "heart_rate",
    "spo2",
    "oxygen",
    "respiratory_rate",
    "temperature_c",
    "moaas",
    "cadss_total",
    "symptom_grade",
    "symptoms",
    "severe_headache",
    "chest_pain",
    "shortness_of_breath",
    "orthostatic",
    "gait",
    "nausea",
    "pain",
    "note",
    "corrects_check_id",
    "correction_reason",
    "corrected_by_check_id",
    "superseded",
];

/// The checks as a table, times in zone `tz`.
pub fn checks_table<Tz: TimeZone>(rows: &[CheckRow], tz: &Tz) -> Table
where
    Tz::Offset: std::fmt::Display,
{
    let mut table = Table::new(CHECK_COLUMNS);
    for r in rows {
        table.push(check_cells(r, tz));
    }
    table
}

/// One check's cells, in [`CHECK_COLUMNS`] order.
pub fn check_cells<Tz: TimeZone>(r: &CheckRow, tz: &Tz) -> Vec<String>
where
    Tz::Offset: std::fmt::Display,
{
    let c = &r.check;
    let v = c.vitals.unwrap_or_default();
    let bp = v.bp;
    let mut cells = vec![
        r.id.to_string(),
        c.session_id.to_string(),
        r.patient_name.clone(),
        text(&r.chart_number),
        match c.purpose {
            CheckPurpose::Baseline => "baseline".into(),
            CheckPurpose::Observation => "observation".into(),
        },
        local_iso(c.observed_at, tz),
        local_iso(r.recorded_at, tz),
        text(&r.recorded_by),
        text(&c.late_reason),
        whole(bp.map(|b| b.systolic)),
        whole(bp.map(|b| b.diastolic)),
        whole(v.heart_rate),
        whole(v.spo2),
        v.oxygen.map(|o| oxygen(o).to_owned()).unwrap_or_default(),
        whole(v.respiratory_rate),
        number(v.temperature_c),
        whole(c.moaas),
        whole(c.cadss.as_ref().map(|x| x.total)),
        c.symptom_grade.to_string(),
        c.symptoms.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(";"),
        yes_no(c.severe_headache),
        yes_no(c.chest_pain),
        yes_no(c.shortness_of_breath),
        c.orthostatic_result().map(|o| outcome(o.outcome).to_owned()).unwrap_or_default(),
        whole(c.gait),
        whole(c.nausea),
        whole(c.pain),
        c.note.clone(),
    ];
    cells.push(r.corrects.as_ref().map(|(id, _)| id.to_string()).unwrap_or_default());
    cells.push(r.corrects.as_ref().map(|(_, why)| why.clone()).unwrap_or_default());
    cells.push(r.corrected_by.map(|id| id.to_string()).unwrap_or_default());
    cells.push(yes_no(r.corrected_by.is_some()));
    cells
}

/// `at` in zone `tz` as ISO 8601 with its offset, to the second.
pub fn local_iso<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at.with_timezone(tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn whole<N: ToString>(value: Option<N>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// A decimal as typed (`84`, `36.6`): Rust's shortest round-trip form.
fn number(value: Option<f64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_owned()
}

fn oxygen(o: OxygenSupport) -> &'static str {
    match o {
        OxygenSupport::RoomAir => "room_air",
        OxygenSupport::Oxygen => "oxygen",
    }
}

fn outcome(o: OrthostaticOutcome) -> &'static str {
    match o {
        OrthostaticOutcome::Positive => "positive",
        OrthostaticOutcome::Negative => "negative",
        OrthostaticOutcome::Incomplete => "incomplete",
        OrthostaticOutcome::NotDone => "not_done",
    }
}
