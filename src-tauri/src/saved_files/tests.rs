//! `save` checks before it makes: a refused folder or a session that does not exist never
//! calls the closure (so no record is read), writes no file and adds no audit entry; an
//! accepted one calls it once and the entry says what the closure said.

use super::*;
use std::cell::Cell;
use std::path::Path;
use vigil_core::ErrorCode;

use crate::test_support::{admin_state_at_t0, everything};

fn csv(stem: &str, session: Option<i64>) -> SavedFile {
    SavedFile { stem: stem.into(), ext: "csv", session }
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[test]
fn a_refused_folder_or_session_never_makes_the_file_nor_audits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let backups = state.backup_folder().expect("backup folder");
    std::fs::create_dir_all(&backups).expect("backup folder made");
    let out = tempfile::tempdir().expect("export folder");
    let missing = out.path().join("missing");
    let made = Cell::new(0);
    let make = || {
        made.set(made.get() + 1);
        Ok(Saved { bytes: b"a,b\r\n".to_vec(), what: "test rows (1 rows)".into() })
    };
    let before = everything(&state);
    let data_files = files_in(dir.path());
    let backup_files = files_in(&backups);
    for folder in [dir.path(), backups.as_path(), missing.as_path()] {
        let folder = folder.to_str().expect("utf-8");
        let err = save(&state, Permission::Administer, folder, csv("refused", None), make)
            .expect_err("refused folder");
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("folder")));
    }
    let folder = out.path().to_str().expect("utf-8");
    let err = save(&state, Permission::ClinicalWork, folder, csv("no-one", Some(999_999)), make)
        .expect_err("no such session");
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(made.get(), 0, "nothing made (no record read) before the checks passed");
    assert_eq!(everything(&state), before, "no audit entry, no row");
    assert_eq!(files_in(dir.path()), data_files);
    assert_eq!(files_in(&backups), backup_files);
    assert_eq!(files_in(out.path()), 0);

    let path =
        save(&state, Permission::Administer, folder, csv("accepted", None), make).expect("saved");
    assert_eq!(made.get(), 1);
    assert_eq!(std::fs::read(&path).expect("file"), b"a,b\r\n");
    let detail: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT detail FROM audit_events WHERE action = 'export' ORDER BY seq DESC",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("entry");
    assert_eq!(detail, format!("test rows (1 rows) to {}", path.display()));
}
