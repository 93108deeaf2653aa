//! Removing a pruned backup: one already gone (another process pruned the same folder at the
//! same moment) is not an error.

use super::*;

const NAME: &str = "vigil-20260101T000000000Z.sqlite3";

#[test]
fn a_backup_already_gone_is_not_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(!remove(dir.path(), NAME).expect("nothing to remove is fine"));
}

#[test]
fn a_backup_and_its_side_files_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in [NAME.to_owned(), format!("{NAME}.head"), format!("{NAME}{UNVERIFIED}")] {
        std::fs::write(dir.path().join(file), "x").expect("file");
    }
    assert!(remove(dir.path(), NAME).expect("removed"));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn a_backup_that_cannot_be_removed_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(NAME)).expect("a folder where the backup would be");
    assert!(remove(dir.path(), NAME).is_err());
}
