//! The `recovery_sessions` table: admitting a patient and reading who is in recovery.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row, Transaction};
use vigil_core::protocol::MAX_RECOVERY_MINUTES;
use vigil_core::{instant, Admission, Protocol, RecoverySession};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::StoreError;

/// How long after its clock start a session stays on the board at most. A patient leaves the
/// board when their departure (discharged or against advice) is recorded; the window only
/// bounds what the board reads, so it does not grow with the history.
pub const BOARD_WINDOW_HOURS: i64 = 24;

/// Stores an admission recorded at `recorded_at` by nurse `by` (with its Spravato device
/// times) and its audit entry; returns the new session id.
pub fn insert(
    tx: &Transaction<'_>,
    admission: &Admission,
    by: i64,
    recorded_at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO recovery_sessions
            (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms,
             protocol_version_id, chart_number, date_of_birth, dose_mg, weight_kg, note,
             admitted_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            admission.patient_name,
            admission.bay,
            admission.protocol.as_str(),
            admission.minimum_minutes,
            admission.clock_started_at.timestamp_millis(),
            recorded_at.timestamp_millis(),
            admission.protocol_version_id,
            admission.chart_number,
            admission.date_of_birth.format("%Y-%m-%d").to_string(),
            admission.dose_mg,
            admission.weight_kg,
            admission.note,
            by,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut entry = Entry::new(Action::Admit, Some(by)).record("recovery_sessions", id);
    for (number, at) in admission.device_times.iter().enumerate() {
        tx.execute(
            "INSERT INTO spravato_devices (session_id, device_number, used_at_ms) VALUES (?1, ?2, ?3)",
            params![id, number + 1, at.timestamp_millis()],
        )?;
        entry = entry.record("spravato_devices", tx.last_insert_rowid());
    }
    let detail = format!("session #{id}");
    audit::append(tx, recorded_at, &entry.detail(&detail))?;
    Ok(id)
}

/// One session by id. Errors: `QueryReturnedNoRows` (maps to `not_found`).
pub fn get(conn: &Connection, id: i64) -> Result<RecoverySession, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    let row = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    RawSession::read(row)?.into_session()
}

/// The sessions on the board at `now`: clock started within the board window, and the patient
/// has not left. A session whose own row cannot be decoded is left out (see [`on_board_each`]).
pub fn on_board(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<RecoverySession>, StoreError> {
    on_board_each(conn, now, &mut Unreadable::default())
}

/// [`on_board`], keeping each session whose own row cannot be decoded in `unreadable` (with
/// its bay when that can be read) instead of failing for every patient.
pub fn on_board_each(
    conn: &Connection,
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<Vec<RecoverySession>, StoreError> {
    let since = now - chrono::Duration::hours(BOARD_WINDOW_HOURS);
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE clock_started_at_ms >= ?1 AND NOT EXISTS \
         (SELECT 1 FROM session_departures d WHERE d.session_id = recovery_sessions.id) \
         ORDER BY clock_started_at_ms"
    ))?;
    let mut rows = stmt.query([since.timestamp_millis()])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        match RawSession::read(row).and_then(RawSession::into_session) {
            Ok(session) => out.push(session),
            Err(e) => {
                let bay = row.get::<_, String>(2).ok();
                unreadable.lose(id, bay, e)?;
            }
        }
    }
    Ok(out)
}

const SELECT: &str = "SELECT id, patient_name, bay, protocol, minimum_minutes, \
    clock_started_at_ms, recorded_at_ms, \
    (SELECT l.label FROM nurse_labels l WHERE l.id = admitted_by) \
    FROM recovery_sessions";

struct RawSession {
    id: i64,
    patient_name: String,
    bay: String,
    protocol: String,
    minimum_minutes: u32,
    clock_started_at_ms: i64,
    recorded_at_ms: i64,
    admitted_by: Option<String>,
}

impl RawSession {
    fn read(row: &Row<'_>) -> Result<Self, StoreError> {
        let id: i64 = row.get(0)?;
        Self::columns(row).map_err(|e| StoreError::undecodable("recovery_sessions", id, e))
    }

    fn columns(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            patient_name: row.get(1)?,
            bay: row.get(2)?,
            protocol: row.get(3)?,
            minimum_minutes: row.get(4)?,
            clock_started_at_ms: row.get(5)?,
            recorded_at_ms: row.get(6)?,
            admitted_by: row.get(7)?,
        })
    }

    fn into_session(self) -> Result<RecoverySession, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt {
            table: "recovery_sessions",
            id: self.id,
            what: what.to_owned(),
        };
        let protocol = Protocol::parse(&self.protocol).ok_or_else(|| corrupt("protocol"))?;
        // Bounded so that the planned checks of a session stay few (one per minute at most).
        if self.minimum_minutes > MAX_RECOVERY_MINUTES {
            return Err(corrupt("minimum_minutes"));
        }
        let clock_started_at = instant::from_millis(self.clock_started_at_ms)
            .ok_or_else(|| corrupt("clock_started_at_ms"))?;
        let recorded_at =
            instant::from_millis(self.recorded_at_ms).ok_or_else(|| corrupt("recorded_at_ms"))?;
        Ok(RecoverySession {
            id: self.id,
            patient_name: self.patient_name,
            bay: self.bay,
            protocol,
            minimum_minutes: self.minimum_minutes,
            clock_started_at,
            recorded_at,
            admitted_by: self.admitted_by,
        })
    }
}
