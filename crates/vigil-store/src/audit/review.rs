//! Reading the audit trail back for an administrator's review: the entries a checked
//! [`AuditQuery`] selects, newest first, a page at a time or all of them (for the export).
//!
//! "A patient" is every entry whose `records` names their session or one of its records (read
//! through `audit_refs`, the index of those names that migration 19 keeps): the
//! rows of each record table with a `session_id` column (found from the schema, so a new such
//! table is covered without a change here), and the rows tied to the session through one of
//! its alert firings ([`THROUGH_FIRING`]), and the prints and exports of the session's papers
//! (their detail names the session). Every other record table must be listed in
//! [`NOT_ABOUT_A_PATIENT`]; a test fails for a record table that is in neither.

use rusqlite::types::Value;
use rusqlite::Connection;
use vigil_core::audit_review::{AuditPage, AuditQuery, AuditRow};

use super::{Action, RECORD_TABLES};
use crate::StoreError;

/// Record tables tied to a session through `firing_id` (an `alert_firings` row).
pub const THROUGH_FIRING: &[&str] =
    &["alert_acknowledgements", "alert_resolutions", "notification_outcomes"];

/// Record tables whose rows are about no one patient (accounts, settings, versions).
pub const NOT_ABOUT_A_PATIENT: &[&str] = &[
    "clock_jumps",
    "protocol_versions",
    "setting_changes",
    "nurses",
    "nurse_pins",
    "nurse_status",
    "threshold_versions",
    "check_plan_versions",
    "discharge_policy_versions",
    "emergency_reviews",
];

/// How a record table's rows belong to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// `recovery_sessions` itself.
    Session,
    /// A `session_id` column.
    Column,
    /// A `firing_id` column.
    Firing,
    /// Not about a patient.
    None,
    /// Not classified: a test fails.
    Unknown,
}

/// How `table` (one of [`RECORD_TABLES`]) is tied to a session.
pub fn link(conn: &Connection, table: &str) -> Result<Link, StoreError> {
    if table == "recovery_sessions" {
        return Ok(Link::Session);
    }
    let has_session: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = 'session_id')",
        [table],
        |r| r.get(0),
    )?;
    Ok(if has_session {
        Link::Column
    } else if THROUGH_FIRING.contains(&table) {
        Link::Firing
    } else if NOT_ABOUT_A_PATIENT.contains(&table) {
        Link::None
    } else {
        Link::Unknown
    })
}

/// The records of session `id` as the audit trail names them, as one JSON array of
/// `[table, id]` pairs.
pub fn session_records(conn: &Connection, id: i64) -> Result<String, StoreError> {
    let mut refs = Vec::new();
    for table in RECORD_TABLES {
        let sql = match link(conn, table)? {
            Link::Session => {
                refs.push(serde_json::json!([table, id]));
                continue;
            }
            Link::Column => format!("SELECT rowid FROM {table} WHERE session_id = ?1"),
            Link::Firing => format!(
                "SELECT rowid FROM {table}
                 WHERE firing_id IN (SELECT id FROM alert_firings WHERE session_id = ?1)"
            ),
            Link::None | Link::Unknown => continue,
        };
        let mut stmt = conn.prepare(&sql)?;
        let ids = stmt.query_map([id], |r| r.get::<_, i64>(0))?;
        for row_id in ids {
            refs.push(serde_json::json!([table, row_id?]));
        }
    }
    Ok(serde_json::Value::from(refs).to_string())
}

/// Every action name the trail knows, for the filter's list and its check.
pub fn action_names() -> Vec<&'static str> {
    Action::ALL.iter().map(|a| a.as_str()).collect()
}

/// One page of at most `size` entries, newest first.
pub fn page(conn: &Connection, query: &AuditQuery, size: usize) -> Result<AuditPage, StoreError> {
    let mut rows = select(conn, query, Some(size + 1))?;
    let more = rows.len() > size;
    rows.truncate(size);
    Ok(AuditPage { rows, more })
}

/// Every entry the query selects, newest first.
pub fn all(conn: &Connection, query: &AuditQuery) -> Result<Vec<AuditRow>, StoreError> {
    select(conn, query, None)
}

fn select(
    conn: &Connection,
    q: &AuditQuery,
    limit: Option<usize>,
) -> Result<Vec<AuditRow>, StoreError> {
    let (conditions, values) = conditions(conn, q)?;
    let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let sql = format!(
        "SELECT a.seq, a.at_ms, a.action, a.records, a.detail, a.emergency_use,
                n.display_name || ', ' || n.credentials
         FROM audit_events a LEFT JOIN nurses n ON n.id = a.nurse_id
         WHERE {conditions} ORDER BY a.seq DESC LIMIT {limit}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok(StoredRow {
            seq: r.get(0)?,
            at_ms: r.get(1)?,
            action: r.get(2)?,
            records: r.get(3)?,
            detail: r.get(4)?,
            emergency_use: r.get(5)?,
            nurse: r.get(6)?,
        })
    })?;
    rows.map(|row| row?.decode()).collect()
}

/// The query's WHERE clause (its conditions joined by AND, `1` for none) and its values, one
/// per `?` in order.
fn conditions(conn: &Connection, q: &AuditQuery) -> Result<(String, Vec<Value>), StoreError> {
    let mut conditions = vec!["1"];
    let mut values: Vec<Value> = Vec::new();
    let mut add = |condition: &'static str, value: Value| {
        conditions.push(condition);
        values.push(value);
    };
    if let Some(from) = q.from {
        add("a.at_ms >= ?", Value::Integer(from.timestamp_millis()));
    }
    if let Some(until) = q.until {
        add("a.at_ms < ?", Value::Integer(until.timestamp_millis()));
    }
    if let Some(nurse) = q.nurse_id {
        add("a.nurse_id = ?", Value::Integer(nurse));
    }
    if let Some(action) = &q.action {
        // With days given, their index narrows best (an action may be most of the trail):
        // the unary `+` keeps the planner off the action's index then.
        let dated = q.from.is_some() || q.until.is_some();
        add(if dated { "+a.action = ?" } else { "a.action = ?" }, Value::Text(action.clone()));
    }
    if let Some(seq) = q.before_seq {
        add("a.seq < ?", Value::Integer(seq));
    }
    if let Some(session) = q.session_id {
        let refs = session_records(conn, session)?;
        // `audit_refs` (migration 19) holds each entry's records, indexed by record. A print
        // or an export of the session's papers writes no record, so it names none (each record
        // is named by exactly one entry, `integrity::coverage`): it names the session in its
        // detail, "<paper> of session #<id> to <where>", which is matched here.
        // One IN list (a union), so the plan stays a lookup by seq as without the papers.
        conditions.push(
            "a.seq IN (SELECT r.seq FROM json_each(?) j JOIN audit_refs r
                       ON r.tbl = json_extract(j.value, '$[0]')
                      AND r.row_id = json_extract(j.value, '$[1]')
                       UNION
                       SELECT p.seq FROM audit_events p
                       WHERE p.action IN ('export', 'print') AND p.detail LIKE ?)",
        );
        values.push(Value::Text(refs));
        values.push(Value::Text(format!("% of session #{session} to %")));
    }
    Ok((conditions.join(" AND "), values))
}

/// One `audit_events` row as stored, with its nurse's label (`None`: the system).
struct StoredRow {
    seq: i64,
    at_ms: i64,
    action: String,
    records: String,
    detail: String,
    emergency_use: Option<i64>,
    nurse: Option<String>,
}

impl StoredRow {
    /// The row as the review shows it. Errors: `Corrupt` for a time or records that do not
    /// decode.
    fn decode(self) -> Result<AuditRow, StoreError> {
        let seq = self.seq;
        let at =
            vigil_core::instant::from_millis(self.at_ms).ok_or_else(|| corrupt(seq, "time"))?;
        Ok(AuditRow {
            seq,
            at,
            nurse: self.nurse.unwrap_or_else(|| "system".to_owned()),
            action: self.action,
            records: shown_records(&self.records).ok_or_else(|| corrupt(seq, "records"))?,
            detail: self.detail,
            emergency_use: self.emergency_use,
        })
    }
}

/// `[["checks",12],["notes",3]]` as "checks:12, notes:3".
fn shown_records(stored: &str) -> Option<String> {
    let refs: Vec<(String, i64)> = serde_json::from_str(stored).ok()?;
    Some(refs.iter().map(|(t, id)| format!("{t}:{id}")).collect::<Vec<_>>().join(", "))
}

fn corrupt(seq: i64, what: &str) -> StoreError {
    StoreError::Corrupt { table: "audit_events", id: seq, what: format!("{what} unreadable") }
}
