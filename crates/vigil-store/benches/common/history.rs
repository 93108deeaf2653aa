//! Five years of past sessions written through the store's own write paths (for the benches
//! that load the board on a grown database: `checks` and `cipher`; and for the history search,
//! the reports and the exports). Each bench declares it with `#[path]` beside its `common` and
//! `fixtures` modules, which it uses. Fictional names with accents and letters that do not
//! decompose, a chart number each, and each of the three departures in turn.

use chrono::{DateTime, Duration, Utc};
use vigil_core::checks::{Check, Vitals};
use vigil_core::discharge::{
    AgainstAdvice, DischargeSnapshot, FailingGate, GateKey, Instructions, Readiness, ReadinessMark,
    Transfer, WillDrive,
};
use vigil_store::{alerts, checks, discharge, readiness, sessions, transfers};
use vigil_store::{Store, StoreError, Transaction};

/// Fictional given names (accents, Ł, ß, Ø, apostrophes, CJK) the history is made of.
pub const GIVEN: &[&str] = &[
    "Ánh",
    "Łukasz",
    "Zoë",
    "Søren",
    "José",
    "Ægir",
    "Đức",
    "小龍",
    "Noor",
    "Siobhán",
    "Jürgen",
    "Ana-María",
    "Testy",
    "Chloé",
    "Björn",
    "Mareike",
    "Thị",
    "Őrs",
    "Ngozi",
    "Ève",
];

/// Fictional family names, combined with [`GIVEN`] as "<given> <family> <n>".
pub const FAMILY: &[&str] = &[
    "Nguyễn",
    "Żółć",
    "O'Brien-Müller",
    "Straßer",
    "Ørsted",
    "García",
    "Æbelø",
    "Trần",
    "李",
    "McTestface",
    "Kowalczyk",
    "Ó Súilleabháin",
    "Østergård",
    "Papadopoulos",
    "Łęcka",
    "Dubois",
    "Hernández",
    "Öztürk",
    "Wiśniewski",
    "Eriksdóttir",
    "Benali",
    "Fictional",
];

/// The patient name of past session `n`: unique, "<given> <family> <n>".
pub fn patient_name(n: usize) -> String {
    let given = GIVEN[n % GIVEN.len()];
    let family = FAMILY[(n / GIVEN.len()) % FAMILY.len()];
    format!("{given} {family} {n}")
}

/// The chart number of past session `n`.
pub fn chart_number(n: usize) -> String {
    format!("MRN-{:07}", 100 + n)
}

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
    let mut admission = crate::common::admission(100 + n, 60, start);
    admission.patient_name = patient_name(n);
    admission.chart_number = chart_number(n);
    let id = sessions::insert(tx, &admission, nurse, start)?;
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
    depart(tx, &session, nurse, n, start + Duration::minutes(90))
}

/// Session `n` leaves at `at`: discharged (cleared, then departed), against advice, or
/// transferred to emergency care, in turn.
fn depart(
    tx: &Transaction<'_>,
    session: &vigil_core::RecoverySession,
    nurse: i64,
    n: usize,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let id = session.id;
    let gates = discharge::gates(tx, std::slice::from_ref(session), at)?
        .remove(&id)
        .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    match n % 3 {
        0 => {
            let instructions = Instructions {
                no_driving: true,
                ride_home: true,
                emergency: true,
                acknowledged_by_patient: true,
                acknowledged_by_escort: true,
            };
            let snapshot =
                DischargeSnapshot { gates, overrides: Vec::new(), escort: None, instructions };
            discharge::clear(tx, id, &snapshot, nurse, at)?;
            discharge::depart(tx, id, nurse, at)?;
        }
        1 => {
            let form = AgainstAdvice {
                risks_explained: true,
                prescriber_notified: false,
                prescriber: None,
                notified_at: None,
                will_drive: WillDrive::No,
                escort_present: false,
                actions_taken: "Risks explained to the patient.".into(),
                signature_refused: false,
                witness: None,
                left_at: at,
                gates,
            };
            discharge::leave_against_advice(tx, id, &form, nurse, at)?;
        }
        _ => {
            let transfer = Transfer {
                transferred_at: at,
                destination: "Example General Hospital ED".into(),
                handed_over_to: "Paramedic crew lead".into(),
                emergency_services_called: true,
                note: None,
                gates,
            };
            transfers::record(tx, id, &transfer, nurse, at)?;
        }
    }
    Ok(())
}

/// Writes the whole history, `shape.sessions` past sessions through the store's write paths,
/// 1,000 per transaction. (The cipher bench writes through its own plain and keyed
/// connections, so it does not call this.)
#[allow(dead_code)]
pub fn write(store: &Store, nurse: i64, shape: Shape) {
    let mut written = 0;
    while written < shape.sessions {
        let batch = (shape.sessions - written).min(1_000);
        store
            .with_tx(|tx| {
                (written..written + batch).try_for_each(|n| past_session(tx, nurse, n, shape))
            })
            .expect("history");
        written += batch;
    }
}
