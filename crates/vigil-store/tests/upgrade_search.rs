//! History search after the first start of an encrypting Vigil on plain records: the session
//! search index (FTS5, its shadow tables) comes through `sqlcipher_export` whole, so the
//! encrypted file still finds a name by the accent-free start of its words; and a plain file
//! from before the index gets it filled for the sessions it holds. Fictional names only.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;
mod plain;

use chrono::Duration;
use chrono_tz::Europe::Berlin;
use std::path::Path;
use vigil_core::history::HistoryQuery;
use vigil_store::cipher::{self, FileKind};
use vigil_store::{history, migrations, sessions, Store, DB_FILE_NAME};

use common::{key, now, NURSE};

const NAMES: &[&str] = &["Nguyễn Thị Ánh", "Łukasz Żółć", "Zoë O'Brien-Müller"];

/// The names the search for `text` finds.
fn find(store: &Store, text: &str) -> Vec<String> {
    let query = HistoryQuery { text: text.into(), ..HistoryQuery::default() };
    let search = query.validate(&Berlin).expect("valid query");
    let page = store.with_conn(|c| history::search(c, &search)).expect("search");
    page.rows.into_iter().map(|r| r.patient_name).collect()
}

/// Opens the plain file at `path` the way the first start of an encrypting Vigil does.
fn upgraded(path: &Path) -> Store {
    assert_eq!(cipher::file_kind(path).expect("kind"), FileKind::Plain);
    let store = Store::open_upgrading(path, &key(), now()).expect("upgrade");
    assert_eq!(cipher::file_kind(path).expect("kind"), FileKind::Encrypted);
    store
}

fn assert_found_by_plain_spellings(store: &Store) {
    for (query, want) in [
        ("nguyen thi", "Nguyễn Thị Ánh"),
        ("anh", "Nguyễn Thị Ánh"),
        ("lukasz zol", "Łukasz Żółć"),
        ("zoe muller", "Zoë O'Brien-Müller"),
        ("testy", plain::NAME),
        ("upg-chart", plain::NAME),
    ] {
        assert_eq!(find(store, query), vec![want.to_string()], "{query}");
    }
}

#[test]
fn the_search_index_survives_the_encryption_of_a_plain_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE_NAME);
    let mut conn = plain::plain_at(&path, migrations::latest_version());
    let tx = conn.transaction().expect("tx");
    for (i, name) in NAMES.iter().enumerate() {
        let admission = vigil_core::Admission {
            patient_name: (*name).into(),
            chart_number: format!("MRN-{i:05}"),
            clock_started_at: now() - Duration::days(3) + Duration::hours(i as i64),
            ..common::iv_admission("Bay 4", 0)
        };
        sessions::insert(&tx, &admission, NURSE, now()).expect("admit");
    }
    tx.commit().expect("commit");
    // Left open, as a killed process leaves it: the index's pages are still in the WAL.
    std::mem::forget(conn);

    let store = upgraded(&path);
    assert_found_by_plain_spellings(&store);
    assert!(find(&store, "guyen").is_empty(), "prefixes of words, not infixes");
}

#[test]
fn a_plain_database_from_before_the_index_is_searchable_once_encrypted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE_NAME);
    let before_index = 16;
    let conn = plain::plain_at(&path, before_index);
    assert!(!plain::table_exists(&conn, "session_search"), "schema 16 has no index yet");
    for (i, name) in NAMES.iter().enumerate() {
        conn.execute(
            "INSERT INTO recovery_sessions
                (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms,
                 recorded_at_ms, chart_number, date_of_birth, dose_mg, weight_kg, note)
             VALUES (?1, 'Bay 4', 'iv_ketamine', 60, ?2, ?2, ?3, '1980-02-29', 35.0, 70.0, '')",
            rusqlite::params![
                name,
                (now() - Duration::days(3) + Duration::hours(i as i64)).timestamp_millis(),
                format!("MRN-{i:05}")
            ],
        )
        .expect("an older Vigil's session");
    }
    drop(conn);

    let store = upgraded(&path);
    assert_found_by_plain_spellings(&store);
}
