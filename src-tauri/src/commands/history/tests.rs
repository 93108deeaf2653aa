//! History through the command functions: a real database, a fake clock, the signed-in test
//! administrator. A patient who left days ago is found by a partial, accent-free search, and
//! their record and discharge sheet still open; bad queries and a locked screen are refused.

use super::*;
use chrono::{Duration, Utc};
use vigil_core::discharge::view::DepartureHow;
use vigil_core::history::HistoryLeft;
use vigil_core::{Clock, ErrorCode};

use crate::commands::discharge::against_advice;
use crate::commands::papers::{paper, PaperKind};
use crate::commands::{auth, checks as check_commands, sessions as session_commands};
use crate::discharge_inputs::{admit_input, against_advice_input};
use crate::test_support::{admin_state_at_t0, everything};

fn query(text: &str) -> HistoryQuery {
    HistoryQuery { text: text.into(), ..HistoryQuery::default() }
}

#[test]
fn a_patient_who_left_days_ago_is_found_and_their_record_and_sheet_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let mut input = admit_input(&clock);
    input.patient_name = "Nguyễn Thị Ánh".into();
    let id = session_commands::admit(&state, &input, &Utc).expect("admit");
    clock.advance(Duration::minutes(10));
    against_advice(&state, &against_advice_input(id), &Utc).expect("left");
    clock.advance(Duration::days(3));

    let page = search(&state, &query("nguyen thi"), &Utc).expect("found");
    assert_eq!(page.rows.len(), 1);
    let row = &page.rows[0];
    assert_eq!((row.session_id, row.patient_name.as_str()), (id, "Nguyễn Thị Ánh"));
    assert_eq!(row.how, Some(DepartureHow::AgainstAdvice));
    let detail = check_commands::detail(&state, id).expect("record opens");
    assert_eq!(detail.patient_name, "Nguyễn Thị Ánh");
    let sheet = paper(&state, id, PaperKind::Discharge, &Utc).expect("sheet");
    assert!(serde_json::to_string(&sheet).expect("json").contains("Nguyễn Thị Ánh"));

    let day = (clock.now() - Duration::days(3)).format("%Y-%m-%d").to_string();
    let on_day = HistoryQuery {
        from: Some(day.clone()),
        to: Some(day),
        left: Some(HistoryLeft::AgainstAdvice),
        ..query("anh")
    };
    assert_eq!(search(&state, &on_day, &Utc).expect("found").rows.len(), 1);
}

#[test]
fn bad_queries_are_refused_naming_the_field_and_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let before = everything(&state);
    let backwards = HistoryQuery {
        from: Some("2026-03-02".into()),
        to: Some("2026-03-01".into()),
        ..query("")
    };
    let bad_day = HistoryQuery { from: Some("2026-02-30".into()), ..query("") };
    for (q, field) in [(query(&"x".repeat(101)), "text"), (backwards, "to"), (bad_day, "from")] {
        let err = search(&state, &q, &Utc).expect_err("refused");
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(field)));
    }
    assert_eq!(everything(&state), before);
}

#[test]
fn a_locked_screen_searches_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    auth::lock(&state, vigil_store::audit::Action::Lock).expect("locked");
    let err = search(&state, &query("testy"), &Utc).expect_err("refused");
    assert_ne!(err.code, ErrorCode::Validation);
}
