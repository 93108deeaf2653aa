//! History search in the store: names found by the start of each word whatever their case
//! and accents (Ł, ß, Ø and the other letters that do not decompose included), quotes and
//! FTS5 operators taken as plain text, local-day ranges at midnight and on a DST day, the
//! protocol and how-left filters, the cap, and the index filled for sessions admitted before it.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use common::{now, transfer, NURSE};
use proptest::prelude::*;
use vigil_core::discharge::view::DepartureHow;
use vigil_core::discharge::{AgainstAdvice, WillDrive};
use vigil_core::history::{HistoryLeft, HistoryQuery, FOLDS, MAX_ROWS};
use vigil_core::Protocol;
use vigil_store::{discharge, history, sessions, transfers, Store};

const NAMES: &[&str] =
    &["Nguyễn Thị Ánh", "Łukasz Żółć", "Zoë O'Brien-Müller", "李小龍", "Test, Patient \"Quoted\""];

fn admit(store: &Store, name: &str, chart: &str, protocol: Protocol, start: DateTime<Utc>) -> i64 {
    let mut admission = common::iv_admission("Bay 3", 0);
    admission.patient_name = name.into();
    admission.chart_number = chart.into();
    admission.protocol = protocol;
    admission.clock_started_at = start;
    store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, start)).expect("admit")
}

fn find(store: &Store, query: &HistoryQuery) -> Vec<String> {
    page(store, query).rows.into_iter().map(|r| r.patient_name).collect()
}

fn page(store: &Store, query: &HistoryQuery) -> vigil_core::history::HistoryPage {
    let search = query.validate(&Berlin).expect("valid query");
    store.with_conn(|c| history::search(c, &search)).expect("search")
}

fn text(t: &str) -> HistoryQuery {
    HistoryQuery { text: t.into(), ..HistoryQuery::default() }
}

fn with_names(dir: &std::path::Path) -> Store {
    let store = common::open_in(dir);
    for (i, name) in NAMES.iter().enumerate() {
        let start = now() - Duration::days(30) + Duration::hours(i as i64);
        admit(&store, name, &format!("MRN-{:05}", 100 + i), Protocol::IvKetamine, start);
    }
    store
}

#[test]
fn names_are_found_by_word_prefixes_whatever_their_case_and_accents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = with_names(dir.path());
    let cases: &[(&str, &str)] = &[
        ("nguy thi", "Nguyễn Thị Ánh"),
        ("NGUYEN anh", "Nguyễn Thị Ánh"),
        ("nguyễn thị ánh", "Nguyễn Thị Ánh"),
        ("lukasz zol", "Łukasz Żółć"),
        ("ŁUKASZ ŻÓŁĆ", "Łukasz Żółć"),
        ("zolc", "Łukasz Żółć"),
        ("zoe brien muller", "Zoë O'Brien-Müller"),
        ("o'brien-mü", "Zoë O'Brien-Müller"),
        ("李小", "李小龍"),
        ("patient quoted", "Test, Patient \"Quoted\""),
        ("\"quoted\"", "Test, Patient \"Quoted\""),
        ("mrn-00101", "Łukasz Żółć"),
        ("00104", "Test, Patient \"Quoted\""),
    ];
    for (query, want) in cases {
        assert_eq!(find(&store, &text(query)), vec![want.to_string()], "{query}");
    }
    assert!(find(&store, &text("thi nguyenx")).is_empty(), "every word must match");
    assert!(find(&store, &text("guyen")).is_empty(), "prefixes of words, not infixes");
}

#[test]
fn every_folded_letter_is_found_by_its_plain_latin_spelling() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    for (i, (letter, plain)) in FOLDS.iter().enumerate() {
        let name = format!("Qa{letter}zz Test{i}");
        let start = now() - Duration::days(2) + Duration::minutes(i as i64);
        admit(&store, &name, "FOLD-1", Protocol::IvKetamine, start);
        let query = format!("qa{} test{i}", plain.to_lowercase());
        assert_eq!(find(&store, &text(&query)), vec![name.clone()], "{letter} as {plain}");
        assert_eq!(find(&store, &text(&name)), vec![name.clone()], "{letter} as typed");
    }
}

#[test]
fn quotes_and_fts_operators_are_plain_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = with_names(dir.path());
    for query in ["\"", "*", "AND", "OR", "NOT", "NEAR", "\"\"\"", "(", ")", "^", ":", "-", "a*b"] {
        let search = text(query).validate(&Berlin).expect("valid");
        let found = store.with_conn(|c| history::search(c, &search));
        assert!(found.is_ok(), "{query}: {found:?}");
    }
    assert_eq!(find(&store, &text("*")).len(), NAMES.len(), "no words: every session");
    assert!(find(&store, &text("name:lukasz")).is_empty(), "no column filter syntax");
    assert!(find(&store, &text("AND")).is_empty(), "AND is a word nobody has");
    assert_eq!(find(&store, &text("lukasz OR nguyen")).len(), 0, "OR is a word too");
}

#[test]
fn a_day_range_takes_whole_local_days_at_midnight_and_on_a_dst_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let local = |y, m, d, h, min| Berlin.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().to_utc();
    admit(&store, "Late Evening", "R-1", Protocol::IvKetamine, local(2026, 3, 27, 23, 59));
    admit(&store, "Just Midnight", "R-2", Protocol::IvKetamine, local(2026, 3, 28, 0, 0));
    admit(&store, "Dst Morning", "R-3", Protocol::IvKetamine, local(2026, 3, 29, 3, 30));
    admit(&store, "Dst Last", "R-4", Protocol::IvKetamine, local(2026, 3, 29, 23, 59));
    admit(&store, "Next Day", "R-5", Protocol::IvKetamine, local(2026, 3, 30, 0, 0));
    let range = |from: &str, to: &str| HistoryQuery {
        from: Some(from.into()),
        to: Some(to.into()),
        ..HistoryQuery::default()
    };
    assert_eq!(find(&store, &range("2026-03-27", "2026-03-27")), vec!["Late Evening"]);
    assert_eq!(find(&store, &range("2026-03-28", "2026-03-28")), vec!["Just Midnight"]);
    assert_eq!(find(&store, &range("2026-03-29", "2026-03-29")), vec!["Dst Last", "Dst Morning"]);
    assert_eq!(find(&store, &range("2026-03-30", "2026-03-30")), vec!["Next Day"]);
    let open_end = HistoryQuery { from: Some("2026-03-29".into()), ..HistoryQuery::default() };
    assert_eq!(find(&store, &open_end).len(), 3);
    let open_start = HistoryQuery { to: Some("2026-03-27".into()), ..HistoryQuery::default() };
    assert_eq!(find(&store, &open_start), vec!["Late Evening"]);
}

fn against_advice(store: &Store, id: i64, at: DateTime<Utc>) {
    let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
    let gates = store
        .with_conn(|c| discharge::gates(c, std::slice::from_ref(&session), at))
        .expect("gates")
        .remove(&id)
        .expect("assessed");
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
    store.with_tx(|tx| discharge::leave_against_advice(tx, id, &form, NURSE, at)).expect("left");
}

#[test]
fn protocol_and_how_they_left_filter_and_rows_carry_the_departure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let at = now() - Duration::minutes(30);
    let stayed = admit(&store, "Still Here", "F-1", Protocol::IvKetamine, at);
    let left = admit(&store, "Left Early", "F-2", Protocol::ImKetamine, at);
    against_advice(&store, left, at + Duration::minutes(10));
    let moved = admit(&store, "Sent On", "F-3", Protocol::IvKetamine, at);
    store.with_tx(|tx| transfers::record(tx, moved, &transfer(), NURSE, now())).expect("sent");
    let by = |left: HistoryLeft| HistoryQuery { left: Some(left), ..HistoryQuery::default() };
    assert_eq!(find(&store, &by(HistoryLeft::StillHere)), vec!["Still Here"]);
    assert_eq!(find(&store, &by(HistoryLeft::AgainstAdvice)), vec!["Left Early"]);
    assert_eq!(find(&store, &by(HistoryLeft::Transferred)), vec!["Sent On"]);
    assert!(find(&store, &by(HistoryLeft::Discharged)).is_empty());
    let im = HistoryQuery { protocol: Some(Protocol::ImKetamine), ..HistoryQuery::default() };
    assert_eq!(find(&store, &im), vec!["Left Early"]);
    let rows = page(&store, &HistoryQuery::default()).rows;
    let row = rows.iter().find(|r| r.session_id == left).expect("row");
    assert_eq!(row.how, Some(DepartureHow::AgainstAdvice));
    assert_eq!(row.left_at, Some(at + Duration::minutes(10)));
    assert_eq!(row.chart_number.as_deref(), Some("F-2"));
    let here = rows.iter().find(|r| r.session_id == stayed).expect("row");
    assert_eq!((here.how, here.left_at), (None, None));
}

#[test]
fn results_are_newest_first_and_capped_with_more() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    for i in 0..=MAX_ROWS {
        let start = now() - Duration::days(10) + Duration::minutes(i as i64);
        admit(&store, &format!("Capped Patient {i}"), "C-1", Protocol::IvKetamine, start);
    }
    let found = page(&store, &text("capped"));
    assert!(found.more);
    assert_eq!(found.rows.len(), MAX_ROWS);
    assert_eq!(found.rows[0].patient_name, format!("Capped Patient {MAX_ROWS}"));
    let narrow = page(&store, &text(&format!("capped patient {MAX_ROWS}")));
    assert!(!narrow.more);
    assert_eq!(narrow.rows.len(), 1);
}

#[test]
fn sessions_admitted_before_the_index_are_found_after_the_upgrade() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.sqlite3");
    let before = vigil_store::migrations::MIGRATIONS
        .iter()
        .position(|(name, _)| *name == "0017_session_search")
        .expect("the search migration") as i64;
    common::old_database(&path, before);
    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
    assert_eq!(find(&store, &text("testy mctest")), vec!["Testy McTestface"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_query_text_searches_without_error(query in "\\PC{0,40}") {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = with_names(dir.path());
        let q = text(&query);
        if let Ok(search) = q.validate(&Berlin) {
            let found = store.with_conn(|c| history::search(c, &search));
            prop_assert!(found.is_ok(), "{query:?}: {found:?}");
        }
    }
}
