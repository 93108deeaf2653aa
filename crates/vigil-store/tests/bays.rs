//! Who is in a bay, as the admission checks it inside its transaction: labels compare without
//! case or spacing; a patient holds the bay until they leave (here: transferred) or their
//! session leaves the board window, exactly as the board shows them.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, transfer, NURSE};
use vigil_core::{ErrorCode, VigilError};
use vigil_store::bays::{self, Occupant};
use vigil_store::sessions::{self, BOARD_WINDOW_HOURS};
use vigil_store::transfers;

#[test]
fn a_bay_is_held_until_its_patient_leaves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = store.with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 3", 20), NURSE, now()));
    let id = id.expect("admit");
    let occupant = |bay: &str| store.with_conn(|c| bays::occupant(c, bay, now())).expect("read");
    let held =
        Occupant { session_id: id, bay: "Bay 3".into(), patient_name: "Testy McTestface".into() };
    for typed in ["Bay 3", "bay 3", " BAY  3 "] {
        assert_eq!(occupant(typed).as_ref(), Some(&held), "{typed:?}");
    }
    assert_eq!(occupant("Bay 13"), None);
    let err = store.with_conn(|c| bays::refuse_occupied(c, "bay 3", now())).expect_err("taken");
    let err = VigilError::from(err);
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("bay")));
    assert_eq!(
        err.message,
        "Bay 3 already has a patient (T.M.). Discharge or transfer them first."
    );

    store.with_tx(|tx| transfers::record(tx, id, &transfer(), NURSE, now())).expect("left");
    assert_eq!(occupant("Bay 3"), None, "free once the patient has left");
    store.with_conn(|c| bays::refuse_occupied(c, "Bay 3", now())).expect("free");
}

#[test]
fn a_session_past_the_board_window_no_longer_holds_its_bay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 5", 30), NURSE, now()))
        .expect("admit");
    let later = now() + Duration::hours(BOARD_WINDOW_HOURS);
    let on_board = store.with_conn(|c| sessions::on_board(c, later)).expect("board");
    let held = store.with_conn(|c| bays::occupant(c, "Bay 5", later)).expect("read");
    assert_eq!((on_board.is_empty(), held), (true, None), "off the board, the bay is free");
}
