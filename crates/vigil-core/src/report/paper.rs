//! The report as a paper (printed by the PDF writer every paper uses) and as a table (the CSV).
//! Times print in local time, "YYYY-MM-DD HH:MM".

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::local_time::day_start;
use crate::papers::{Paper, PaperSection};
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

/// The report as a paper: one section per part, in the page's order. The subtitle says the
/// period honestly: a whole day is its date; a shift is its local start and end ("2026-07-01
/// 07:00 to 19:00", the end's date added when the shift runs past midnight).
pub fn report_paper<Tz: TimeZone>(report: &DayReport, tz: &Tz) -> Paper
where
    Tz::Offset: std::fmt::Display,
{
    let mut paper = Paper::new(report.title.clone(), period(report, tz));
    paper.footer = report.title.clone();
    patients_section(paper.section("Patients"), report, tz);
    alerts_section(paper.section("Alerts"), report, tz);
    late_section(paper.section("Late and overdue checks"), report, tz);
    rems_section(paper.section("REMS forms due"), report);
    paper
}

/// The period the report covers, never its exclusive end as a date.
fn period<Tz: TimeZone>(report: &DayReport, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let next = report.day + Duration::days(1);
    if report.starts_at == day_start(tz, report.day) && report.ends_at == day_start(tz, next) {
        return report.day.to_string();
    }
    let start = report.starts_at.with_timezone(tz);
    let end = report.ends_at.with_timezone(tz);
    let end_text = if end.date_naive() == start.date_naive() {
        end.format("%H:%M").to_string()
    } else {
        end.format("%Y-%m-%d %H:%M").to_string()
    };
    format!("{} to {end_text}", start.format("%Y-%m-%d %H:%M"))
}

fn patients_section<Tz: TimeZone>(section: &mut PaperSection, report: &DayReport, tz: &Tz)
where
    Tz::Offset: std::fmt::Display,
{
    if report.patients.is_empty() {
        section.line("No patient was in recovery.");
    }
    for p in &report.patients {
        let ready =
            p.minutes_until_ready.map_or("not ready".into(), |m| format!("ready after {m} min"));
        let left = match p.minutes_until_departure {
            Some(m) => format!("{} after {m} min", p.left.label()),
            None => p.left.label().to_owned(),
        };
        section.row(
            format!("{} {}", p.bay, p.patient_name),
            format!(
                "{}, clock {}, minimum {} min, {ready}, {left}",
                p.protocol.label(),
                local(p.clock_started_at, tz),
                p.minimum_minutes
            ),
        );
    }
}

fn alerts_section<Tz: TimeZone>(section: &mut PaperSection, report: &DayReport, tz: &Tz)
where
    Tz::Offset: std::fmt::Display,
{
    section.row("Raised", report.alerts.total.to_string());
    for k in &report.alerts.by_kind {
        section.row(k.kind.replace('_', " "), k.count.to_string());
    }
    for n in &report.alerts.per_nurse {
        section.row(
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
        section.row(
            "Never acknowledged",
            format!("{} {}, raised {}", u.bay, u.kind.replace('_', " "), local(u.raised_at, tz)),
        );
    }
}

fn late_section<Tz: TimeZone>(section: &mut PaperSection, report: &DayReport, tz: &Tz)
where
    Tz::Offset: std::fmt::Display,
{
    if report.late_checks.is_empty() {
        section.line("None.");
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
        section.row(format!("{} {}", c.bay, c.patient_name), what);
    }
}

fn rems_section(section: &mut PaperSection, report: &DayReport) {
    if report.rems_due.is_empty() {
        section.line("None.");
    }
    for r in &report.rems_due {
        section.row(
            format!("{} {}", r.bay, r.patient_name),
            format!("treated {}, last day {}", r.treated_on, r.last_day),
        );
    }
}
