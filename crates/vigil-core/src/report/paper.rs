//! The report as a paper (printed by the PDF writer every paper uses) and as a table (the CSV).
//! Times print in local time, "YYYY-MM-DD HH:MM".

use chrono::{DateTime, TimeZone, Utc};

use crate::papers::Paper;
use crate::table::Table;

use super::stats::minutes_seconds;
use super::{DayReport, LateKind};

/// The CSV's columns, one row per patient: the session's id, bay, name, protocol, clock start
/// (local), minimum (minutes), minutes until ready (empty if never ready), minutes until
/// departure (empty while here), how they left ("discharged", "against advice",
/// "transferred", "still here") and when (local, empty while here).
pub const REPORT_COLUMNS: [&str; 10] = [
    "session_id",
    "bay",
    "patient_name",
    "protocol",
    "clock_start",
    "minimum_minutes",
    "minutes_until_ready",
    "minutes_until_departure",
    "left",
    "left_at",
];

fn local<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at.with_timezone(tz).format("%Y-%m-%d %H:%M").to_string()
}

fn opt(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The patients of the report as a table (see [`REPORT_COLUMNS`]).
pub fn report_table<Tz: TimeZone>(report: &DayReport, tz: &Tz) -> Table
where
    Tz::Offset: std::fmt::Display,
{
    let mut table = Table::new(REPORT_COLUMNS);
    for p in &report.patients {
        table.push([
            p.session_id.to_string(),
            p.bay.clone(),
            p.patient_name.clone(),
            p.protocol.label().to_owned(),
            local(p.clock_started_at, tz),
            p.minimum_minutes.to_string(),
            opt(p.minutes_until_ready),
            opt(p.minutes_until_departure),
            p.left.label().to_owned(),
            p.left_at.map(|t| local(t, tz)).unwrap_or_default(),
        ]);
    }
    table
}

/// The report as a paper: one section per part, in the page's order.
pub fn report_paper<Tz: TimeZone>(report: &DayReport, tz: &Tz) -> Paper
where
    Tz::Offset: std::fmt::Display,
{
    let mut paper = Paper::new(
        report.title.clone(),
        format!("From {} to {}", local(report.starts_at, tz), local(report.ends_at, tz)),
    );
    paper.footer = report.title.clone();
    let patients = paper.section("Patients");
    if report.patients.is_empty() {
        patients.line("No patient was in recovery.");
    }
    for p in &report.patients {
        let ready =
            p.minutes_until_ready.map_or("not ready".into(), |m| format!("ready after {m} min"));
        let left = match p.minutes_until_departure {
            Some(m) => format!("{} after {m} min", p.left.label()),
            None => p.left.label().to_owned(),
        };
        patients.row(
            format!("{} {}", p.bay, p.patient_name),
            format!(
                "{}, clock {}, minimum {} min, {ready}, {left}",
                p.protocol.label(),
                local(p.clock_started_at, tz),
                p.minimum_minutes
            ),
        );
    }
    let alerts = paper.section("Alerts");
    alerts.row("Raised", report.alerts.total.to_string());
    for k in &report.alerts.by_kind {
        alerts.row(k.kind.replace('_', " "), k.count.to_string());
    }
    for n in &report.alerts.per_nurse {
        alerts.row(
            format!("Acknowledged by {}", n.nurse),
            format!(
                "{} alerts, median {}, longest {}",
                n.count,
                minutes_seconds(n.median_seconds),
                minutes_seconds(n.longest_seconds)
            ),
        );
    }
    for u in &report.alerts.unacknowledged {
        alerts.row(
            "Never acknowledged",
            format!("{} {}, raised {}", u.bay, u.kind.replace('_', " "), local(u.raised_at, tz)),
        );
    }
    let late = paper.section("Late and overdue checks");
    if report.late_checks.is_empty() {
        late.line("None.");
    }
    for c in &report.late_checks {
        let what = match c.kind {
            LateKind::LateEntry => format!(
                "observed {}, entered {} min later by {}",
                local(c.at, tz),
                opt(c.minutes_late),
                c.nurse.clone().unwrap_or_default()
            ),
            LateKind::Overdue => format!("check overdue, alert raised {}", local(c.at, tz)),
        };
        late.row(format!("{} {}", c.bay, c.patient_name), what);
    }
    let rems = paper.section("REMS forms due");
    if report.rems_due.is_empty() {
        rems.line("None.");
    }
    for r in &report.rems_due {
        rems.row(
            format!("{} {}", r.bay, r.patient_name),
            format!("treated {}, last day {}", r.treated_on, r.last_day),
        );
    }
    paper
}
