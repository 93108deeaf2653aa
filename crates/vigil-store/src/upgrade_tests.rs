use super::*;
use crate::{cipher::FileKind, migrations, Store};

fn key() -> DbKey {
    DbKey::from_bytes([5; 32])
}

/// A plain database at the newest schema with an audit entry naming a fictional patient in its
/// detail, left in WAL mode with its WAL not yet written back (as a crash would leave it).
fn plain_db(dir: &Path) -> PathBuf {
    let (path, conn) = plain_db_open(dir);
    std::mem::forget(conn);
    path
}

fn plain_db_open(dir: &Path) -> (PathBuf, Connection) {
    let path = dir.join(crate::DB_FILE_NAME);
    let mut conn = Connection::open(&path).expect("open");
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).expect("wal");
    migrations::apply(&mut conn).expect("migrate");
    let tx = conn.transaction().expect("tx");
    let entry = Entry::new(Action::Housekeeping, None).detail("Testy McTestface");
    audit::append(&tx, DateTime::UNIX_EPOCH, &entry).expect("entry");
    tx.commit().expect("commit");
    (path, conn)
}

#[test]
fn a_plain_database_is_encrypted_in_place_with_its_chain_and_an_entry_saying_so() {
    let dir = tempfile::tempdir().expect("dir");
    let path = plain_db(dir.path());
    let store = Store::open_upgrading(&path, &key(), DateTime::UNIX_EPOCH).expect("upgrade");
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Encrypted);
    let status = store
        .with_conn(|c| integrity::verify(c, FileCheck::Full, DateTime::UNIX_EPOCH))
        .expect("verify");
    assert!(status.ok, "{status:?}");
    let (action, detail): (String, String) = store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, detail FROM audit_events WHERE action = 'records_encrypted'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("entry");
    assert_eq!(action, "records_encrypted");
    assert!(detail.contains("SQLCipher"), "{detail}");
    drop(store);
    assert!(!encrypting_path(&path).exists());
    for file in std::fs::read_dir(dir.path()).expect("dir") {
        let file = file.expect("entry").path();
        let bytes = std::fs::read(&file).expect("read");
        assert!(!bytes.windows(5).any(|w| w == b"Testy"), "{} holds the name", file.display());
    }
    // The plain way in no longer reads it; the key does.
    assert!(matches!(
        cipher::open_keyed_read_only(&path, &DbKey::from_bytes([6; 32])),
        Err(StoreError::WrongKey)
    ));
    Store::open(&path, &key()).expect("opens with its key");
}

#[test]
fn open_without_upgrading_refuses_a_plain_file_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = plain_db(dir.path());
    let before = std::fs::read(&path).expect("bytes");
    assert!(matches!(Store::open(&path, &key()), Err(StoreError::NotEncrypted)));
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}

#[test]
fn a_leftover_copy_from_an_interrupted_upgrade_is_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let path = plain_db(dir.path());
    std::fs::write(encrypting_path(&path), b"half a file").expect("leftover");
    Store::open_upgrading(&path, &key(), DateTime::UNIX_EPOCH).expect("upgrade");
    assert!(!encrypting_path(&path).exists());
}

#[test]
fn a_damaged_plain_file_is_not_encrypted_and_stays_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    // Closed, so the WAL is written back; then a page past the header is garbled.
    let (path, conn) = plain_db_open(dir.path());
    drop(conn);
    let mut bytes = std::fs::read(&path).expect("bytes");
    let page = 4096;
    for b in bytes.iter_mut().skip(page * 2).take(page) {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("garble");
    assert!(Store::open_upgrading(&path, &key(), DateTime::UNIX_EPOCH).is_err());
    assert_eq!(std::fs::read(&path).expect("bytes"), bytes);
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Plain);
    assert!(!encrypting_path(&path).exists());
}

#[test]
fn a_chain_an_earlier_vigil_found_broken_is_encrypted_as_it_is_not_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, conn) = plain_db_open(dir.path());
    conn.execute_batch(
        "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET detail = 'altered';",
    )
    .expect("tamper");
    drop(conn);
    let broken = {
        let c = Connection::open(&path).expect("open");
        integrity::verify(&c, FileCheck::Full, DateTime::UNIX_EPOCH).expect("verify")
    };
    assert!(!broken.ok);
    let store = Store::open_upgrading(&path, &key(), DateTime::UNIX_EPOCH).expect("encrypted");
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Encrypted);
    let after = store
        .with_conn(|c| integrity::verify(c, FileCheck::Full, DateTime::UNIX_EPOCH))
        .expect("verify");
    assert_eq!((after.ok, after.first_bad_seq), (false, broken.first_bad_seq));
}

#[test]
fn a_plain_file_another_program_still_reads_is_left_plain() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, writer) = plain_db_open(dir.path());
    // Another program mid-read: the WAL cannot be written back and emptied.
    let reader = Connection::open(&path).expect("reader");
    reader.execute_batch("BEGIN; SELECT count(*) FROM audit_events;").expect("read");
    writer
        .execute_batch("INSERT INTO storage_probe (id, written_at_ms) VALUES (1, 2);")
        .expect("a newer frame");
    let refused = Store::open_upgrading(&path, &key(), DateTime::UNIX_EPOCH).err();
    assert!(matches!(refused, Some(StoreError::Pragma("wal_checkpoint", _))), "{refused:?}");
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Plain);
    assert!(!encrypting_path(&path).exists());
}
