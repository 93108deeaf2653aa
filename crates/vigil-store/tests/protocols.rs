//! Protocol versions, settings history and admission details on a real database file.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use vigil_core::protocol_version::ValidProtocolEdit;
use vigil_core::{Admission, Protocol};
use vigil_store::{protocols, sessions, settings};

#[test]
fn defaults_are_seeded_once_from_the_core() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(common::open_in(dir.path()));
    let store = common::open_in(dir.path());
    let current = store.with_conn(protocols::current).expect("current");
    let got: Vec<(Protocol, u32, u32)> =
        current.iter().map(|v| (v.protocol, v.version, v.minimum_minutes)).collect();
    assert_eq!(got, Protocol::ALL.map(|p| (p, 1, p.default_minutes())).to_vec(),);
    let rows: i64 = store
        .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM protocol_versions", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(rows, 3);
}

#[test]
fn an_edit_adds_a_version_and_a_session_keeps_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let v1 = store.with_conn(protocols::current).expect("current")[0].clone();
    assert_eq!(v1.protocol, Protocol::IvKetamine);
    let admission = Admission {
        protocol_version_id: v1.id,
        note: "Tolerated well.\nNo nausea.".into(),
        ..iv_admission("Bay 1", 5)
    };
    let session =
        store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");

    let edit = ValidProtocolEdit { protocol: Protocol::IvKetamine, minimum_minutes: 75 };
    let v2 = store.with_tx(|tx| protocols::add_version(tx, &edit, NURSE, now())).expect("edit");
    let current = store.with_conn(protocols::current).expect("current");
    assert_eq!((current[0].id, current[0].version, current[0].minimum_minutes), (v2, 2, 75));

    let (kept, minutes): (i64, u32) = store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT protocol_version_id, minimum_minutes FROM recovery_sessions WHERE id = ?1",
                [session],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("session");
    assert_eq!((kept, minutes), (v1.id, 60), "the running session keeps version 1");
}

#[test]
fn the_schema_refuses_a_spravato_version_under_120() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let edit = ValidProtocolEdit { protocol: Protocol::Spravato, minimum_minutes: 90 };
    assert!(store.with_tx(|tx| protocols::add_version(tx, &edit, NURSE, now())).is_err());
}

#[test]
fn spravato_device_times_are_stored_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let spravato = store.with_conn(protocols::current).expect("current")[1].clone();
    let first = now() - Duration::minutes(20);
    let admission = Admission {
        protocol: Protocol::Spravato,
        protocol_version_id: spravato.id,
        minimum_minutes: 120,
        dose_mg: 84.0,
        weight_kg: None,
        clock_started_at: first,
        device_times: vec![first, first + Duration::minutes(5), first + Duration::minutes(10)],
        ..iv_admission("Bay 2", 20)
    };
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    let times: Vec<(i64, i64)> = store
        .with_conn(|c| {
            let mut st = c.prepare("SELECT device_number, used_at_ms FROM spravato_devices WHERE session_id = ?1 ORDER BY 1")?;
            let rows = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("devices");
    let want: Vec<(i64, i64)> =
        (0..3).map(|i| (i + 1, (first + Duration::minutes(5 * i)).timestamp_millis())).collect();
    assert_eq!(times, want);
}

#[test]
fn the_alert_repeat_setting_defaults_and_keeps_its_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    assert_eq!(store.with_conn(settings::alert_repeat_minutes).expect("default"), 3);
    store.with_tx(|tx| settings::set_alert_repeat_minutes(tx, 5, NURSE, now())).expect("set");
    store.with_tx(|tx| settings::set_alert_repeat_minutes(tx, 2, NURSE, now())).expect("set");
    let loaded =
        store.with_conn(|c| settings::load(c, std::path::Path::new("/tmp/backups"))).expect("load");
    assert_eq!(loaded.alert_repeat_minutes, 2);
    assert_eq!(loaded.protocols.len(), 3);
    let history: i64 = store
        .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM setting_changes", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(history, 2);
}

#[test]
fn a_draft_is_replaced_reloaded_after_reopen_and_cleared() {
    use vigil_core::draft::DraftForm;
    use vigil_store::drafts;
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let store = common::open_in(dir.path());
        store.with_tx(|tx| drafts::save(tx, DraftForm::Admit, "first", now())).expect("save");
        store.with_tx(|tx| drafts::save(tx, DraftForm::Admit, "second", now())).expect("replace");
    }
    let store = common::open_in(dir.path());
    let draft =
        store.with_conn(|c| drafts::load(c, DraftForm::Admit)).expect("load").expect("kept");
    assert_eq!((draft.content.as_str(), draft.saved_at), ("second", now()));
    store.with_tx(|tx| drafts::clear(tx, DraftForm::Admit)).expect("clear");
    assert_eq!(store.with_conn(|c| drafts::load(c, DraftForm::Admit)).expect("load"), None);
}
