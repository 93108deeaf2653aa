//! Display and sound settings as setting keys: defaults on a fresh database, a change kept
//! across a reopen and attributed to the nurse who made it, a refused edit writing nothing.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

#[allow(dead_code)] // the shared fixtures: this file admits nobody
mod common;

use common::{now, NURSE};
use vigil_core::display::{DisplaySettings, DisplaySettingsEdit, ThemeMode};
use vigil_core::people::{NewNurse, Pin};
use vigil_core::Role;
use vigil_store::{nurses, settings, Store};

fn rows(store: &Store) -> (i64, i64) {
    let count = |sql: &str| -> i64 {
        store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
    };
    (count("SELECT count(*) FROM setting_changes"), count("SELECT count(*) FROM audit_events"))
}

fn edit(theme: &str, from: &str, until: &str) -> DisplaySettingsEdit {
    DisplaySettingsEdit {
        theme: theme.into(),
        dim_from: from.into(),
        dim_until: until.into(),
        volume: 15.0,
        escalate_after_minutes: 10.0,
    }
}

/// A second account, not an administrator.
fn nurse(store: &Store) -> i64 {
    let new = NewNurse {
        display_name: "Test Other".into(),
        credentials: "RN".into(),
        role: Role::Nurse,
        pin: Pin::parse("1357", "pin").expect("pin"),
    };
    store.with_tx(|tx| nurses::create(tx, &new, Some(NURSE), now())).expect("nurse")
}

#[test]
fn a_fresh_database_has_the_defaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let d = store.with_conn(settings::display).expect("load");
    assert_eq!(d, DisplaySettings::default());
    assert_eq!(d.theme, ThemeMode::Light);
    assert_eq!((d.dim_from.as_str(), d.dim_until.as_str()), ("20:00", "07:00"));
    assert_eq!((d.volume, d.escalate_after_minutes), (40, 5));
}

#[test]
fn a_change_round_trips_across_a_reopen_and_is_audited_by_its_nurse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let by = nurse(&store);
    let before = rows(&store);
    let valid = edit("scheduled", "21:30", "06:15").validate().expect("valid");
    let wrote = store.with_tx(|tx| settings::set_display(tx, &valid, by, now())).expect("set");
    assert!(wrote);
    let after = rows(&store);
    assert_eq!(after, (before.0 + 5, before.1 + 1), "five keys, one audit entry");
    let (action, nurse_id, detail): (String, i64, String) = store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, nurse_id, detail FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .expect("entry");
    assert_eq!((action.as_str(), nurse_id), ("setting_change", by));
    assert!(detail.contains("display_theme=scheduled"), "{detail}");
    drop(store);
    let store = common::open_in(dir.path());
    assert_eq!(store.with_conn(settings::display).expect("load"), valid);
}

#[test]
fn only_what_changed_is_written_and_saving_the_same_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let dim = DisplaySettings { theme: ThemeMode::Dim, ..DisplaySettings::default() };
    let before = rows(&store);
    store.with_tx(|tx| settings::set_display(tx, &dim, NURSE, now())).expect("set");
    assert_eq!(rows(&store), (before.0 + 1, before.1 + 1), "the theme alone");
    let again = store.with_tx(|tx| settings::set_display(tx, &dim, NURSE, now())).expect("same");
    assert!(!again);
    assert_eq!(rows(&store), (before.0 + 1, before.1 + 1));
    assert_eq!(store.with_conn(settings::display).expect("load").theme, ThemeMode::Dim);
}

#[test]
fn a_refused_edit_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let before = rows(&store);
    for bad in [
        edit("scheduled", "22:00", "22:00"),
        edit("dark", "20:00", "07:00"),
        edit("dim", "25:00", "07:00"),
    ] {
        let result = store.with_tx(|tx| {
            let valid = bad.validate()?;
            settings::set_display(tx, &valid, NURSE, now())
        });
        match result {
            Err(vigil_store::StoreError::Rule(e)) => {
                assert_eq!(e.code, vigil_core::ErrorCode::Validation)
            }
            other => panic!("not refused as invalid: {other:?}"),
        }
    }
    assert_eq!(rows(&store), before);
    assert_eq!(store.with_conn(settings::display).expect("load"), DisplaySettings::default());
}

#[test]
fn the_schema_refuses_a_key_it_does_not_know() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let result = store.with_conn(|c| {
        Ok(c.execute(
            "INSERT INTO setting_changes (key, value, changed_at_ms, changed_by) VALUES ('display_colour', 'pink', 0, 1)",
            [],
        )?)
    });
    assert!(result.is_err());
}

/// The rows of `setting_changes`, in id order.
fn setting_rows(c: &rusqlite::Connection) -> Vec<(i64, String, String, i64, Option<i64>)> {
    let mut stmt = c
        .prepare(
            "SELECT id, key, value, changed_at_ms, changed_by FROM setting_changes ORDER BY id",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}

#[test]
fn upgrading_from_schema_15_keeps_the_setting_changes_and_their_audit_chain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("schema15.sqlite3");
    nurses::use_test_pin_cost();
    let (before, chain) = {
        let mut conn = rusqlite::Connection::open(&path).expect("fixture");
        vigil_store::migrations::apply_up_to(&mut conn, 15).expect("schema 15");
        let tx = conn.transaction().expect("tx");
        let new = NewNurse {
            display_name: "Test Nurse".into(),
            credentials: "RN".into(),
            role: Role::Admin,
            pin: Pin::parse(common::PIN, "pin").expect("pin"),
        };
        let by = nurses::create(&tx, &new, None, now()).expect("nurse");
        settings::set_alert_repeat_minutes(&tx, 7, by, now()).expect("repeat");
        settings::set_idle_lock_seconds(&tx, 240, by, now()).expect("idle lock");
        settings::set_alert_repeat_minutes(&tx, 9, by, now()).expect("repeat again");
        tx.commit().expect("commit");
        let chain = vigil_store::audit::verify(&conn, true).expect("verify");
        assert!(chain.first_bad.is_none(), "{chain:?}");
        (setting_rows(&conn), chain)
    };
    assert_eq!(before.len(), 3, "{before:?}");

    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade runs 0016");
    store
        .with_conn(|c| {
            let version = vigil_store::migrations::version(c)?;
            assert!(version >= 16, "0016 ran: at {version}");
            assert_eq!(setting_rows(c), before, "the rows and their ids are kept");
            let after = vigil_store::audit::verify(c, true)?;
            assert!(after.first_bad.is_none(), "{after:?}");
            // Opening appends entries of its own; those written before are as they were.
            let kept: String = c.query_row(
                "SELECT hash FROM audit_events WHERE seq = ?1",
                [chain.head_seq],
                |r| r.get(0),
            )?;
            assert_eq!(kept, chain.head_hash, "the entries naming the rows hash the same");
            Ok(())
        })
        .expect("checked");
    for sql in ["UPDATE setting_changes SET value = '1'", "DELETE FROM setting_changes"] {
        let err = store.with_tx(|tx| Ok(tx.execute(sql, [])?)).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let dim = DisplaySettings { theme: ThemeMode::Dim, ..DisplaySettings::default() };
    assert!(store.with_tx(|tx| settings::set_display(tx, &dim, 1, now())).expect("display_theme"));
    assert_eq!(store.with_conn(settings::display).expect("load").theme, ThemeMode::Dim);
    let last = store.with_conn(|c| Ok(setting_rows(c))).expect("rows");
    assert_eq!(&last[..3], &before[..], "kept after a new change too");
    assert_eq!((last[3].0, last[3].1.as_str()), (before[2].0 + 1, "display_theme"));
    let chain = store.with_conn(|c| vigil_store::audit::verify(c, true)).expect("verify");
    assert!(chain.first_bad.is_none(), "{chain:?}");
}
