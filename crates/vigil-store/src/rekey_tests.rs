use super::*;
use crate::audit;

fn key(n: u8) -> DbKey {
    DbKey::from_bytes([n; 32])
}

fn opened(dir: &std::path::Path) -> Store {
    let store = Store::open_in(dir, &key(1)).expect("open");
    store
        .with_tx(|tx| {
            let entry = audit::Entry::new(audit::Action::RecordsEncrypted, None).detail("test");
            audit::append(tx, chrono::DateTime::UNIX_EPOCH, &entry)
        })
        .expect("an entry in the WAL");
    store
}

#[test]
fn a_rekeyed_database_opens_with_the_new_key_only_and_stays_in_wal() {
    let dir = tempfile::tempdir().expect("dir");
    let store = opened(dir.path());
    let before = store.with_conn(audit::count).expect("count");
    store.rekey(&key(2)).expect("rekeyed");
    assert_eq!(store.key(), key(2));
    let mode: String =
        store.with_conn(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?)).expect("m");
    assert_eq!(mode, "wal");
    // Writes after the rekey land, and the file reads back with the new key alone.
    store
        .with_tx(|tx| {
            let entry = audit::Entry::new(audit::Action::RecordsEncrypted, None).detail("after");
            audit::append(tx, chrono::DateTime::UNIX_EPOCH, &entry)
        })
        .expect("a write after the rekey");
    let path = store.path().to_owned();
    drop(store);
    assert!(matches!(cipher::open_keyed_read_only(&path, &key(1)), Err(StoreError::WrongKey)));
    let reopened = Store::open(&path, &key(2)).expect("the new key opens it");
    let count = reopened.with_conn(audit::count).expect("count");
    assert_eq!(count, before + 1);
}

#[test]
fn a_rekey_refused_by_a_reader_keeps_the_old_key() {
    let dir = tempfile::tempdir().expect("dir");
    let store = opened(dir.path());
    // A reader in a transaction keeps the journal in WAL mode: the rekey cannot go ahead.
    let reader = cipher::open_keyed_read_only(store.path(), &key(1)).expect("reader");
    reader.execute_batch("BEGIN; SELECT count(*) FROM audit_events;").expect("read tx");
    assert!(store.rekey(&key(2)).is_err());
    assert_eq!(store.key(), key(1));
    reader.execute_batch("COMMIT;").expect("end");
    drop(reader);
    let path = store.path().to_owned();
    drop(store);
    Store::open(&path, &key(1)).expect("the old key still opens it");
}
