use super::*;

fn key(n: u8) -> DbKey {
    DbKey::from_bytes([n; 32])
}

#[test]
fn a_key_reads_back_from_its_hex_and_never_shows_in_debug() {
    let k = DbKey::generate();
    assert_eq!(DbKey::from_hex(&k.to_hex()).as_ref(), Some(&k));
    assert_eq!(DbKey::from_hex(&format!(" {}\n", k.to_hex())).as_ref(), Some(&k));
    assert_eq!(format!("{k:?}"), "DbKey(…)");
    assert!(DbKey::from_hex("abc").is_none());
    assert!(DbKey::from_hex(&"g".repeat(64)).is_none());
    assert_ne!(DbKey::generate(), DbKey::generate());
}

#[test]
fn the_kind_of_a_file_is_told_by_its_first_bytes() {
    let dir = tempfile::tempdir().expect("dir");
    let plain = dir.path().join("plain.db");
    let enc = dir.path().join("enc.db");
    assert_eq!(file_kind(&plain).expect("kind"), FileKind::Missing);
    std::fs::write(&plain, b"").expect("empty");
    assert_eq!(file_kind(&plain).expect("kind"), FileKind::Empty);
    std::fs::remove_file(&plain).expect("rm");
    Connection::open(&plain).expect("open").execute_batch("CREATE TABLE t (x);").expect("t");
    assert_eq!(file_kind(&plain).expect("kind"), FileKind::Plain);
    let conn = Connection::open(&enc).expect("open");
    key(1).apply(&conn).expect("key");
    conn.execute_batch("CREATE TABLE t (x);").expect("t");
    drop(conn);
    assert_eq!(file_kind(&enc).expect("kind"), FileKind::Encrypted);
}

#[test]
fn a_wrong_key_is_told_apart_and_the_right_one_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("enc.db");
    let conn = open_keyed(&path, &key(1)).expect("open");
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES ('Testy McTestface');")
        .expect("t");
    drop(conn);
    assert!(matches!(open_keyed_read_only(&path, &key(2)), Err(StoreError::WrongKey)));
    let conn = open_keyed_read_only(&path, &key(1)).expect("reopen");
    let name: String = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).expect("row");
    assert_eq!(name, "Testy McTestface");
    let raw = std::fs::read(&path).expect("bytes");
    assert!(!raw.windows(5).any(|w| w == b"Testy"));
}

#[test]
fn export_makes_an_encrypted_copy_of_a_plain_file_with_its_schema_version() {
    let dir = tempfile::tempdir().expect("dir");
    let plain = dir.path().join("plain.db");
    let enc = dir.path().join("enc.db");
    let conn = Connection::open(&plain).expect("open");
    conn.execute_batch(
        "CREATE TABLE t (x); INSERT INTO t VALUES ('Testy McTestface'); PRAGMA user_version = 7;",
    )
    .expect("t");
    drop(conn);
    export(&plain, Source::Plain, &enc, &key(3)).expect("export");
    assert_eq!(file_kind(&enc).expect("kind"), FileKind::Encrypted);
    let conn = open_keyed_read_only(&enc, &key(3)).expect("open");
    assert_eq!(migrations::version(&conn).expect("version"), 7);
    let n: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).expect("n");
    assert_eq!(n, 1);
    // An existing target is never overwritten.
    assert!(export(&plain, Source::Plain, &enc, &key(3)).is_err());
    assert!(enc.exists());
}

#[test]
fn export_to_a_new_key_leaves_the_old_key_useless_on_the_copy() {
    let dir = tempfile::tempdir().expect("dir");
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    let conn = open_keyed(&a, &key(1)).expect("open");
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").expect("t");
    drop(conn);
    assert!(matches!(export(&a, Source::Keyed(&key(9)), &b, &key(2)), Err(StoreError::WrongKey)));
    assert!(!b.exists());
    export(&a, Source::Keyed(&key(1)), &b, &key(2)).expect("rekeyed copy");
    assert!(matches!(open_keyed_read_only(&b, &key(1)), Err(StoreError::WrongKey)));
    open_keyed_read_only(&b, &key(2)).expect("new key opens");
}

#[test]
fn the_cipher_version_is_reported() {
    let v = cipher_version().expect("version");
    assert!(v.starts_with('4'), "{v}");
}

#[test]
fn a_wrong_key_writes_nothing_even_with_a_wal_left_beside_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(crate::DB_FILE_NAME);
    drop(crate::Store::open(&path, &key(1)).expect("create"));
    let conn = open_keyed(&path, &key(1)).expect("open");
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).expect("wal");
    conn.execute("INSERT INTO storage_probe (id, written_at_ms) VALUES (1, 2)", []).expect("write");
    // As a killed app leaves it: the WAL holds the newest pages, unmerged, and no process
    // has the files open (a copy: this process's locks stay on the originals).
    let wal_name = format!("{}-wal", crate::DB_FILE_NAME);
    let copied = tempfile::tempdir().expect("dir");
    std::fs::copy(&path, copied.path().join(crate::DB_FILE_NAME)).expect("copy db");
    std::fs::copy(dir.path().join(&wal_name), copied.path().join(&wal_name)).expect("copy wal");
    drop(conn);
    let path = copied.path().join(crate::DB_FILE_NAME);
    let wal = copied.path().join(&wal_name);
    let read = |p: &Path| std::fs::read(p).expect("read");
    let (db_before, wal_before) = (read(&path), read(&wal));
    assert!(!wal_before.is_empty());
    let refused = crate::Store::open(&path, &key(2)).err();
    assert!(matches!(refused, Some(StoreError::WrongKey)), "{refused:?}");
    assert!(read(&path) == db_before, "the database file was written");
    assert!(read(&wal) == wal_before, "the WAL was written");
    check_key(&path, &key(1)).expect("the right key");
}

#[test]
fn a_checkpoint_leaves_the_file_alone_holding_every_record() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(crate::DB_FILE_NAME);
    let store = crate::Store::open(&path, &key(1)).expect("open");
    store
        .with_tx(|tx| {
            tx.execute("INSERT INTO storage_probe (id, written_at_ms) VALUES (1, 2)", [])?;
            Ok(())
        })
        .expect("write");
    let wal = dir.path().join(format!("{}-wal", crate::DB_FILE_NAME));
    assert!(std::fs::metadata(&wal).expect("wal").len() > 0);
    store.checkpoint().expect("checkpoint");
    assert_eq!(std::fs::metadata(&wal).expect("wal").len(), 0);
    // A copy of the file alone has the row.
    let copy = dir.path().join("copy.sqlite3");
    std::fs::copy(&path, &copy).expect("copy");
    let conn = open_keyed_read_only(&copy, &key(1)).expect("open copy");
    let n: i64 = conn.query_row("SELECT count(*) FROM storage_probe", [], |r| r.get(0)).expect("n");
    assert_eq!(n, 1);
}
