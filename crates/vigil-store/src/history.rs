//! Reading past sessions for the History screen: a search over every session ever admitted
//! (the board reads only the last 24 hours), by the name/chart index `session_search`
//! (migration 0017), clock-start range, protocol and how the patient left. Read-only.

use rusqlite::{types::Value, Connection, Row};
use vigil_core::discharge::view::DepartureHow;
use vigil_core::history::{HistoryLeft, HistoryPage, HistoryRow, HistorySearch, MAX_ROWS};
use vigil_core::{instant, Protocol};

use crate::StoreError;

const COLUMNS: &str = "SELECT s.id, s.patient_name, s.chart_number, s.bay, s.protocol, \
    s.clock_started_at_ms, d.left_at_ms, d.how";

/// Without search words: the sessions by their clock-start index, newest first.
const FROM_ALL: &str =
    " FROM recovery_sessions s LEFT JOIN session_departures d ON d.session_id = s.id";

/// With search words: the index's matches drive (CROSS JOIN keeps that order of the join),
/// sorted by clock start reading only `recovery_sessions_search_order` (ids, clock starts and
/// protocols in dense pages), and only the newest `MAX_ROWS + 1` rows are then read. Walking
/// the clock-start index and testing each session, or reading every matching row, cost 40-80
/// ms for a common word on the 5-year bench database (each page read is decrypted).
const FROM_MATCHES: &str = " FROM (SELECT s.id AS id FROM (SELECT rowid AS id FROM session_search \
    WHERE session_search MATCH ?1) h CROSS JOIN recovery_sessions s \
    INDEXED BY recovery_sessions_search_order ON s.id = h.id \
    LEFT JOIN session_departures d ON d.session_id = s.id{WHERE} \
    ORDER BY s.clock_started_at_ms DESC, s.id DESC LIMIT {LIMIT}) p \
    CROSS JOIN recovery_sessions s ON s.id = p.id \
    LEFT JOIN session_departures d ON d.session_id = s.id";

/// The sessions `search` finds, newest clock start first, at most [`MAX_ROWS`] (`more` says
/// whether others matched too). A row that cannot be decoded fails the search with `Corrupt`.
pub fn search(conn: &Connection, search: &HistorySearch) -> Result<HistoryPage, StoreError> {
    let (sql, args) = statement(search);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        if out.len() == MAX_ROWS {
            return Ok(HistoryPage { rows: out, more: true });
        }
        out.push(read(row)?);
    }
    Ok(HistoryPage { rows: out, more: false })
}

/// The FTS5 expression for `terms`: each a quoted prefix, all required. Terms hold only
/// letters and digits (see `vigil_core::history::terms`); quotes are doubled all the same.
pub fn match_expression(terms: &[String]) -> String {
    let quoted: Vec<String> =
        terms.iter().map(|t| format!("\"{}\"*", t.replace('"', "\"\""))).collect();
    quoted.join(" ")
}

fn statement(search: &HistorySearch) -> (String, Vec<Value>) {
    let mut clauses: Vec<&str> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if !search.terms.is_empty() {
        args.push(Value::Text(match_expression(&search.terms)));
    }
    if let Some(since) = search.since {
        clauses.push("s.clock_started_at_ms >= ?{}");
        args.push(Value::Integer(since.timestamp_millis()));
    }
    if let Some(before) = search.before {
        clauses.push("s.clock_started_at_ms < ?{}");
        args.push(Value::Integer(before.timestamp_millis()));
    }
    if let Some(protocol) = search.protocol {
        clauses.push("s.protocol = ?{}");
        args.push(Value::Text(protocol.as_str().to_owned()));
    }
    match search.left.map(HistoryLeft::departure) {
        Some(Some(how)) => {
            clauses.push("d.how = ?{}");
            args.push(Value::Text(how.as_str().to_owned()));
        }
        Some(None) => clauses.push("d.id IS NULL"),
        None => {}
    }
    let filter = where_clause(&clauses, usize::from(!search.terms.is_empty()));
    let order = " ORDER BY s.clock_started_at_ms DESC, s.id DESC";
    let limit = (MAX_ROWS + 1).to_string();
    let sql = if search.terms.is_empty() {
        format!("{COLUMNS}{FROM_ALL}{filter}{order} LIMIT {limit}")
    } else {
        let from = FROM_MATCHES.replace("{WHERE}", &filter).replace("{LIMIT}", &limit);
        format!("{COLUMNS}{from}{order}")
    };
    (sql, args)
}

/// ` WHERE a AND b ...` of `clauses`, each `?{}` numbered from `after + 1` on.
fn where_clause(clauses: &[&str], after: usize) -> String {
    let mut n = after;
    let mut filter = String::new();
    for (i, clause) in clauses.iter().enumerate() {
        filter.push_str(if i == 0 { " WHERE " } else { " AND " });
        if clause.contains("?{}") {
            n += 1;
            filter.push_str(&clause.replace("?{}", &format!("?{n}")));
        } else {
            filter.push_str(clause);
        }
    }
    filter
}

fn read(row: &Row<'_>) -> Result<HistoryRow, StoreError> {
    let id: i64 = row.get(0)?;
    let corrupt =
        |what: &str| StoreError::Corrupt { table: "recovery_sessions", id, what: what.to_owned() };
    let protocol: String = row.get(4)?;
    let started: i64 = row.get(5)?;
    let left_at: Option<i64> = row.get(6)?;
    let how: Option<String> = row.get(7)?;
    Ok(HistoryRow {
        session_id: id,
        patient_name: row.get(1)?,
        chart_number: row.get(2)?,
        bay: row.get(3)?,
        protocol: Protocol::parse(&protocol).ok_or_else(|| corrupt("protocol"))?,
        clock_started_at: instant::from_millis(started)
            .ok_or_else(|| corrupt("clock_started_at_ms"))?,
        left_at: match left_at {
            Some(ms) => Some(instant::from_millis(ms).ok_or_else(|| corrupt("left_at_ms"))?),
            None => None,
        },
        how: match how {
            Some(h) => Some(DepartureHow::parse(&h).ok_or_else(|| corrupt("how"))?),
            None => None,
        },
    })
}
