//! Transfer to emergency care through the command functions: a real database file, a fake
//! clock, the signed-in test administrator. Accepted from observing (with an emergency alert
//! open) and from cleared; refused twice and after a departure; bad input names its field and
//! changes nothing.

use super::*;
use chrono::{Duration, Utc};
use std::collections::BTreeSet;
use vigil_core::checks::CheckInput;
use vigil_core::discharge::SessionPhase;
use vigil_core::{Clock, ErrorCode, FixedClock};
use vigil_store::{alerts, audit};

use crate::commands::discharge as discharge_commands;
use crate::commands::papers::{self, PaperKind};
use crate::commands::{checks as check_commands, sessions as session_commands};
use crate::discharge_inputs::*;
use crate::test_support::{admin_state_at_t0, everything, ADMIN_PIN};

fn input(session: i64) -> TransferInput {
    TransferInput {
        session_id: session,
        transferred_at: String::new(),
        destination: "Example General Hospital ED".into(),
        handed_over_to: "Paramedic crew lead".into(),
        emergency_services_called: "yes".into(),
        note: String::new(),
    }
}

/// Chest pain with 190/110: the emergency prompt.
fn emergency_check(session: i64) -> CheckInput {
    CheckInput {
        chest_pain: true,
        vitals: Some(vitals(190.0, 110.0)),
        ..recovery_check(session, true)
    }
}

fn admit(state: &AppState, clock: &FixedClock) -> i64 {
    let id = session_commands::admit(state, &admit_input(clock), &Utc).expect("admit");
    check_commands::record(state, &baseline(id, clock), &Utc).expect("baseline");
    id
}

fn on_board(state: &AppState, id: i64) -> bool {
    session_commands::board(state).expect("board").rows.iter().any(|r| r.session_id == id)
}

fn head(state: &AppState) -> (i64, String) {
    state.store.with_conn(audit::head).expect("head")
}

#[test]
fn a_transfer_takes_the_patient_and_the_emergency_alert_off_the_board() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit(&state, &clock);
    clock.advance(Duration::minutes(20));
    check_commands::record(&state, &emergency_check(id), &Utc).expect("check");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    assert!(active.iter().any(|a| a.session_id == id && a.emergency), "{active:?}");

    let (seq, _) = head(&state);
    clock.advance(Duration::minutes(2));
    transfer(&state, &input(id), &Utc).expect("transferred");
    assert_eq!(head(&state).0, seq + 1, "one audit entry");
    assert!(!on_board(&state, id), "off the board");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    assert!(active.iter().all(|a| a.session_id != id), "its alerts left with the patient");
    let (how, by, action): (String, String, String) = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT d.how, n.display_name, e.action FROM session_departures d
                 JOIN nurses n ON n.id = d.recorded_by
                 JOIN audit_events e ON e.seq = (SELECT max(seq) FROM audit_events)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .expect("departure");
    assert_eq!(
        (how.as_str(), by.as_str(), action.as_str()),
        ("transferred", "Test Admin", "transfer")
    );
    let recent = discharge_commands::view(&state, id).expect("view");
    assert_eq!(recent.phase, SessionPhase::Transferred);
    let sheet = papers::paper(&state, id, PaperKind::Discharge, &Utc).expect("sheet");
    let text = serde_json::to_string(&sheet).expect("json");
    for expected in ["Transferred to emergency care", "Example General Hospital ED", "Paramedic"] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn a_cleared_patient_may_be_transferred_once_and_not_after_leaving() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let cleared = admit(&state, &clock);
    let departed = admit(&state, &clock);
    for id in [cleared, departed] {
        check_commands::record(&state, &recovery_check(id, true), &Utc).expect("check");
        discharge_commands::escort(&state, &escort_input(id, EscortKind::ArrivedIdentified), &Utc)
            .expect("escort");
    }
    clock.advance(Duration::minutes(61));
    for id in [cleared, departed] {
        // Whatever soft gate still fails (e.g. checks planned meanwhile) is overridden.
        let gates = discharge_commands::view(&state, id).expect("view").gates.gates;
        let failed: BTreeSet<_> =
            gates.iter().filter(|g| !g.passed && !g.hard).map(|g| g.key).collect();
        let signed = discharge_input(id, &failed, ADMIN_PIN);
        discharge_commands::clear(&state, &signed).expect("cleared");
    }
    discharge_commands::depart(&state, departed).expect("departed");

    transfer(&state, &input(cleared), &Utc).expect("a cleared patient can deteriorate");
    let before = everything(&state);
    let twice = transfer(&state, &input(cleared), &Utc).expect_err("twice");
    assert_eq!(twice.code, ErrorCode::Conflict);
    let after_departure = transfer(&state, &input(departed), &Utc).expect_err("gone");
    assert_eq!(after_departure.code, ErrorCode::Conflict);
    assert_eq!(everything(&state), before, "refusals write nothing");
    let depart_after = discharge_commands::depart(&state, cleared).expect_err("transferred");
    assert_eq!(depart_after.code, ErrorCode::Conflict);
    let check_after = check_commands::record(&state, &recovery_check(cleared, true), &Utc);
    assert!(check_after.is_err(), "nothing more is recorded once transferred");
}

#[test]
fn bad_input_names_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit(&state, &clock);
    clock.advance(Duration::minutes(10));
    let before = everything(&state);
    let before_head = head(&state);
    let typed = |m: i64| (clock.now() + Duration::minutes(m)).format("%Y-%m-%d %H:%M").to_string();
    let with = |f: &dyn Fn(&mut TransferInput)| {
        let mut bad = input(id);
        f(&mut bad);
        bad
    };
    let cases = [
        (with(&|i| i.transferred_at = typed(30)), "transferredAt"),
        (with(&|i| i.transferred_at = typed(-60)), "transferredAt"),
        (with(&|i| i.transferred_at = "now-ish".into()), "transferredAt"),
        (with(&|i| i.destination = " ".into()), "destination"),
        (with(&|i| i.destination = "ED\u{202E}".into()), "destination"),
        (with(&|i| i.handed_over_to = String::new()), "handedOverTo"),
        (with(&|i| i.emergency_services_called = String::new()), "emergencyServicesCalled"),
        (with(&|i| i.note = "x".repeat(2001)), "note"),
    ];
    for (bad, field) in cases {
        let e = transfer(&state, &bad, &Utc).expect_err(field);
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some(field)));
    }
    let unknown = transfer(&state, &input(99), &Utc).expect_err("no such session");
    assert_eq!(unknown.code, ErrorCode::NotFound);
    for (value, field) in [
        (serde_json::json!({"sessionId": "one"}), "sessionId"),
        (
            serde_json::json!({"sessionId": 1, "emergencyServicesCalled": true}),
            "emergencyServicesCalled",
        ),
        (serde_json::json!({"sessionId": 1, "destination": ["ED"]}), "destination"),
    ] {
        let e = payload::parse::<TransferInput>(value).expect_err(field);
        assert_eq!(e.field.as_deref(), Some(field));
    }
    assert_eq!(everything(&state), before, "nothing was written");
    assert_eq!(head(&state), before_head, "no audit entry");
    assert!(on_board(&state, id));
}
