//! Five years of past sessions written through the store's own write paths (for the benches
//! that load the board on a grown database: `checks` and `cipher`). Each bench declares it
//! with `#[path]` beside its `common` and `fixtures` modules, which it uses.

use chrono::{DateTime, Duration, Utc};
use vigil_core::checks::{Check, Vitals};
use vigil_core::discharge::{FailingGate, GateKey, Readiness, ReadinessMark};
use vigil_store::{alerts, checks, readiness, sessions, StoreError, Transaction};

/// The tests' passing observation with the bench's own vitals (no CADSS).
pub fn vitals_check(session_id: i64, at: DateTime<Utc>, systolic: u32) -> Check {
    let vitals = Vitals {
        bp: Some(vigil_core::checks::BloodPressure { systolic, diastolic: 78 }),
        heart_rate: Some(72),
        spo2: Some(97),
        oxygen: Some(vigil_core::checks::OxygenSupport::RoomAir),
        respiratory_rate: Some(14),
        temperature_c: Some(36.8),
    };
    Check {
        vitals: Some(vitals),
        cadss: None,
        ..crate::fixtures::observation(session_id, at, systolic, 78)
    }
}

/// A past session's readiness history: not ready for the minimum, then awaiting the escort,
/// then ready.
fn history_marks() -> [ReadinessMark; 3] {
    let failing = |key, detail: &str| vec![FailingGate { key, detail: detail.into() }];
    [
        ReadinessMark {
            readiness: Readiness::NotReady,
            failing: failing(GateKey::Minimum, "30 min left"),
        },
        ReadinessMark {
            readiness: Readiness::ReadyAwaitingEscort,
            failing: failing(GateKey::Escort, "Escort expected"),
        },
        ReadinessMark { readiness: Readiness::Ready, failing: Vec::new() },
    ]
}

/// The shape of a generated history.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// How many past sessions, spread evenly over five years before `now`.
    pub sessions: usize,
    /// Checks per past session (3 minutes apart).
    pub checks: usize,
    pub now: DateTime<Utc>,
}

/// Past session `n` of the history: its checks, its minimum alert fired and acknowledged,
/// three readiness rows, each with its audit entry.
pub fn past_session(
    tx: &Transaction<'_>,
    nurse: i64,
    n: usize,
    shape: Shape,
) -> Result<(), StoreError> {
    let span_minutes = 5 * 365 * 24 * 60;
    let ago = 2 * 24 * 60 + (n as i64 * span_minutes / shape.sessions as i64);
    let start = shape.now - Duration::minutes(ago);
    let id = sessions::insert(tx, &crate::common::admission(100 + n, 60, start), nurse, start)?;
    let session = sessions::get(tx, id)?;
    for k in 0..shape.checks {
        let at = start + Duration::minutes(3 * k as i64);
        let check = vitals_check(id, at, 110 + (k as u32 % 30));
        checks::record(tx, &session, &check, None, nurse, at)?;
    }
    let deadline = session.deadlines().remove(0);
    if let Some(firing) = alerts::record_firing(tx, &deadline, session.ends_at())? {
        alerts::acknowledge(tx, firing, nurse, session.ends_at())?;
    }
    for (k, mark) in history_marks().iter().enumerate() {
        let at = start + Duration::minutes(30 * k as i64);
        readiness::insert(tx, id, mark, at)?;
    }
    Ok(())
}
