//! One patient per bay, through the command functions: a second admission to an occupied bay
//! (whatever its case and spacing) is refused naming the current patient by initials, and
//! writes nothing; the bay frees once its patient has left (against advice, transferred).

use chrono::{Duration, Utc};
use vigil_core::{AdmitInput, ErrorCode, VigilError};

use super::{admit, board};
use crate::commands::{discharge, transfers};
use crate::discharge_inputs::{admit_input, against_advice_input, transfer_input};
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, everything};

fn into_bay(bay: &str, name: &str, clock: &vigil_core::FixedClock) -> AdmitInput {
    AdmitInput { bay: bay.into(), patient_name: name.into(), ..admit_input(clock) }
}

fn refused(state: &AppState, input: &AdmitInput) -> VigilError {
    let before = everything(state);
    let err = admit(state, input, &Utc).expect_err("the bay is taken");
    assert_eq!(everything(state), before, "a refused admission writes nothing");
    err
}

#[test]
fn a_second_patient_in_an_occupied_bay_is_refused_naming_the_first_by_initials() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    admit(&state, &into_bay("Bay 3", "Test Patient", &clock), &Utc).expect("first");
    for typed in ["Bay 3", "bay 3", "  BAY   3 "] {
        let err = refused(&state, &into_bay(typed, "Testy McTestface", &clock));
        assert_eq!(err.code, ErrorCode::Validation, "{typed:?}");
        assert_eq!(err.field.as_deref(), Some("bay"));
        let want = "Bay 3 already has a patient (T.P.). Discharge or transfer them first.";
        assert_eq!(err.message, want);
        assert!(!err.message.contains("Test Patient"), "initials only");
    }
    assert_eq!(board(&state).expect("board").rows.len(), 1);
    admit(&state, &into_bay("Bay 4", "Testy McTestface", &clock), &Utc).expect("another bay");
    admit(&state, &into_bay("Bay 33", "Testy McTestface", &clock), &Utc).expect("Bay 33 is not 3");
}

#[test]
fn the_bay_frees_when_its_patient_leaves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let first = admit(&state, &into_bay("Bay 1", "Test Patient", &clock), &Utc).expect("first");
    clock.advance(Duration::minutes(5));
    discharge::against_advice(&state, &against_advice_input(first), &Utc).expect("left");
    let second = admit(&state, &into_bay("bay 1", "Testy McTestface", &clock), &Utc)
        .expect("the bay is free again");
    refused(&state, &into_bay("Bay 1", "Test Patient", &clock));
    clock.advance(Duration::minutes(5));
    transfers::transfer(&state, &transfer_input(second), &Utc).expect("transferred");
    admit(&state, &into_bay("Bay 1", "Test Patient", &clock), &Utc).expect("free after transfer");
}
