//! The autostart commands on a real database file and temporary XDG folders: an administrator
//! turns it off and on (one audited row each, the override written and removed); a nurse who
//! is not an administrator is refused `forbidden` with nothing written, in the database or on
//! disk; a config home that cannot be written still saves the setting and says why.

use super::*;
use std::path::Path;
use vigil_core::{ErrorCode, SignInInput};

use crate::autostart::AutostartDirs;
use crate::commands::{auth, people};
use crate::test_support::{account, admin_state_at_t0, everything};

fn autostart(root: &Path, system: bool) -> Autostart {
    let dirs = AutostartDirs {
        config_home: root.join("config"),
        config_dirs: vec![root.join("xdg")],
        exe: Ok("/usr/bin/vigil".into()),
    };
    if system {
        let folder = root.join("xdg/autostart");
        std::fs::create_dir_all(&folder).expect("folder");
        let text = "[Desktop Entry]\nType=Application\nName=Vigil\nExec=/usr/bin/vigil\n";
        std::fs::write(folder.join("vigil.desktop"), text).expect("system entry");
    }
    Autostart::new(dirs)
}

fn setting_entries(state: &AppState) -> i64 {
    let sql = "SELECT count(*) FROM audit_events WHERE action = 'setting_change' \
               AND detail LIKE 'autostart=%'";
    state.store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
}

#[test]
fn an_administrator_turns_autostart_off_and_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let xdg = tempfile::tempdir().expect("xdg");
    let (state, _) = admin_state_at_t0(dir.path());
    let autostart = autostart(xdg.path(), true);
    let first = load(&state, &autostart).expect("load");
    assert!(first.enabled && first.effective && first.problem.is_none(), "{first:?}");
    let user = autostart.dirs.user_file();

    let (off, written) =
        change(&state, &autostart, &AutostartEdit { enabled: false }).expect("off");
    assert!(written && !off.enabled && !off.effective && off.problem.is_none(), "{off:?}");
    assert!(std::fs::read_to_string(&user).expect("override").contains("Hidden=true"));
    assert_eq!(off.entry, Some(user.display().to_string()));
    assert_eq!(load(&state, &autostart).expect("load"), off);

    let (again, written) =
        change(&state, &autostart, &AutostartEdit { enabled: false }).expect("same");
    assert!(!written, "no row for the value in force");
    assert_eq!(again, off);
    let (on, written) = change(&state, &autostart, &AutostartEdit { enabled: true }).expect("on");
    assert!(written && on.enabled && on.effective, "{on:?}");
    assert!(!user.exists(), "the override is removed");
    assert_eq!(setting_entries(&state), 2, "one audit entry per change");
}

#[test]
fn a_nurse_who_is_not_an_administrator_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let xdg = tempfile::tempdir().expect("xdg");
    let (state, _) = admin_state_at_t0(dir.path());
    let autostart = autostart(xdg.path(), true);
    let nurse = people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("nurse");
    let nurse = nurse.iter().find(|n| n.display_name == "Test Nurse").expect("listed").id;
    auth::leave(&state).expect("signed out");
    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: nurse, pin: "135790".into() })
        .expect("signed in");
    let before = everything(&state);
    let refused =
        change(&state, &autostart, &AutostartEdit { enabled: false }).expect_err("refused");
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert_eq!(load(&state, &autostart).expect_err("refused").code, ErrorCode::Forbidden);
    assert_eq!(everything(&state), before, "no row, no audit entry");
    assert!(!autostart.dirs.config_home.exists(), "no file");
}

#[test]
fn a_config_home_that_cannot_be_written_still_saves_the_setting_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let xdg = tempfile::tempdir().expect("xdg");
    let (state, _) = admin_state_at_t0(dir.path());
    let autostart = autostart(xdg.path(), true);
    // A file where the folder should be: refused even to root, who ignores modes.
    std::fs::write(xdg.path().join("config"), "not a folder").expect("file");
    let (status, written) =
        change(&state, &autostart, &AutostartEdit { enabled: false }).expect("saved");
    assert!(written);
    assert_eq!(setting_entries(&state), 1, "the change is audited");
    assert!(!status.enabled && status.effective, "{status:?}");
    let problem = status.problem.expect("the problem is said");
    assert!(problem.contains("could not be written"), "{problem}");
    assert!(!state.store.with_conn(settings::autostart).expect("read"), "the setting is off");
    assert_eq!(load(&state, &autostart).expect("load").problem, Some(problem));
}
