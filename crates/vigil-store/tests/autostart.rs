//! The autostart setting (issue 17) as a setting key: on for a fresh database, a change is one
//! row and one audit entry attributed to its nurse and kept across a reopen, a "change" to the
//! value in force writes nothing, and the table still refuses edits of its rows.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

#[allow(dead_code)] // the shared fixtures: this file admits nobody
mod common;

use common::{now, NURSE};
use vigil_store::{settings, Store};

fn rows(store: &Store) -> (i64, i64) {
    let count = |sql: &str| -> i64 {
        store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
    };
    (count("SELECT count(*) FROM setting_changes"), count("SELECT count(*) FROM audit_events"))
}

fn last_entry(store: &Store) -> (String, i64, String) {
    store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, nurse_id, detail FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .expect("entry")
}

#[test]
fn autostart_is_on_for_a_fresh_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    assert!(store.with_conn(settings::autostart).expect("read"));
}

#[test]
fn turning_autostart_off_is_one_row_and_one_audit_entry_kept_across_a_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let before = rows(&store);
    let wrote = store.with_tx(|tx| settings::set_autostart(tx, false, NURSE, now())).expect("set");
    assert!(wrote);
    assert_eq!(rows(&store), (before.0 + 1, before.1 + 1), "one row, one audit entry");
    let (action, nurse, detail) = last_entry(&store);
    assert_eq!(
        (action.as_str(), nurse, detail.as_str()),
        ("setting_change", NURSE, "autostart=off")
    );
    drop(store);
    let store = common::open_in(dir.path());
    assert!(!store.with_conn(settings::autostart).expect("read"), "off after a reopen");
    assert!(store.with_tx(|tx| settings::set_autostart(tx, true, NURSE, now())).expect("on"));
    assert!(store.with_conn(settings::autostart).expect("read"));
    assert_eq!(last_entry(&store).2, "autostart=on");
}

#[test]
fn setting_the_value_in_force_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let before = rows(&store);
    let wrote = store.with_tx(|tx| settings::set_autostart(tx, true, NURSE, now())).expect("set");
    assert!(!wrote, "on is the default");
    assert_eq!(rows(&store), before);
    store.with_tx(|tx| settings::set_autostart(tx, false, NURSE, now())).expect("off");
    let after_off = rows(&store);
    let wrote = store.with_tx(|tx| settings::set_autostart(tx, false, NURSE, now())).expect("set");
    assert!(!wrote);
    assert_eq!(rows(&store), after_off);
}

#[test]
fn the_rebuilt_setting_changes_table_stays_append_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    store.with_tx(|tx| settings::set_autostart(tx, false, NURSE, now())).expect("off");
    for sql in ["UPDATE setting_changes SET value = 'on'", "DELETE FROM setting_changes"] {
        let refused = store.with_conn(|c| Ok(c.execute(sql, [])?));
        assert!(refused.is_err(), "{sql} must be refused");
    }
    let unknown = store.with_conn(|c| {
        Ok(c.execute(
            "INSERT INTO setting_changes (key, value, changed_at_ms) VALUES ('autostart_x', 'on', 0)",
            [],
        )?)
    });
    assert!(unknown.is_err(), "an unknown key is refused");
    assert!(!store.with_conn(settings::autostart).expect("read"));
}
