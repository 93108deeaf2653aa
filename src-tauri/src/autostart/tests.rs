//! The XDG logic on temporary folders: every combination of a system entry (present or
//! absent), the user's file (absent, Vigil's override, Vigil's entry, someone else's hidden
//! file, someone else's entry) and the setting (on or off); a config home that cannot be
//! written; the start-up rule; what is read back; the entries Vigil writes are valid.

use super::*;
use std::os::unix::fs::PermissionsExt;

const EXE: &str = "/opt/Vigil Test/vigil";
const FOREIGN_HIDDEN: &str =
    "[Desktop Entry]\nType=Application\nName=Vigil\nExec=vigil\nHidden=true\n";
const FOREIGN_ENTRY: &str = "[Desktop Entry]\nType=Application\nName=Vigil\nExec=vigil\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum User {
    Absent,
    OursHidden,
    OursEntry,
    ForeignHidden,
    ForeignEntry,
}

struct Case {
    _root: tempfile::TempDir,
    dirs: AutostartDirs,
}

fn case(system: bool, user: User) -> Case {
    let root = tempfile::tempdir().expect("tempdir");
    let dirs = AutostartDirs {
        config_home: root.path().join("home-config"),
        config_dirs: vec![root.path().join("empty-xdg"), root.path().join("xdg")],
        exe: Ok(PathBuf::from(EXE)),
    };
    if system {
        entry::write(&root.path().join("xdg/autostart").join(FILE_NAME), FOREIGN_ENTRY)
            .expect("system entry");
    }
    let exec = entry::exec_of(Path::new(EXE)).expect("exec");
    let text = match user {
        User::Absent => None,
        User::OursHidden => Some(entry::hidden(&exec)),
        User::OursEntry => Some(entry::starting(&exec)),
        User::ForeignHidden => Some(FOREIGN_HIDDEN.to_owned()),
        User::ForeignEntry => Some(FOREIGN_ENTRY.to_owned()),
    };
    if let Some(text) = text {
        entry::write(&dirs.user_file(), &text).expect("user file");
    }
    Case { _root: root, dirs }
}

fn user_text(dirs: &AutostartDirs) -> Option<String> {
    std::fs::read_to_string(dirs.user_file()).ok()
}

#[test]
fn every_combination_of_system_entry_user_file_and_setting() {
    use User::*;
    for system in [true, false] {
        for user in [Absent, OursHidden, OursEntry, ForeignHidden, ForeignEntry] {
            for enabled in [true, false] {
                let what = format!("system {system}, user {user:?}, setting {enabled}");
                let case = case(system, user);
                let before = user_text(&case.dirs);
                let outcome = apply(&case.dirs, enabled);
                assert_eq!(outcome, Ok(()), "{what}");
                let status = status(&case.dirs, enabled, None);
                let after = user_text(&case.dirs);
                let user_path = case.dirs.user_file().display().to_string();
                match user {
                    ForeignHidden | ForeignEntry => {
                        assert_eq!(after, before, "someone else's file is left as it is: {what}");
                        assert_eq!(status.effective, user == ForeignEntry, "{what}");
                        assert_eq!(status.entry.as_deref(), Some(user_path.as_str()), "{what}");
                        let problem = status.problem.unwrap_or_default();
                        assert_eq!(
                            problem.contains("not written by Vigil"),
                            status.effective != enabled,
                            "{what}: {problem}"
                        );
                    }
                    _ if !enabled => {
                        let found = entry::parse(after.as_deref().expect("the override"));
                        assert_eq!(found, entry::Found { off: true, ours: true }, "{what}");
                        assert!(!status.effective, "{what}");
                        assert_eq!(status.entry.as_deref(), Some(user_path.as_str()), "{what}");
                        assert_eq!(status.problem, None, "{what}");
                    }
                    _ if system => {
                        assert_eq!(after, None, "Vigil's override is removed: {what}");
                        assert!(status.effective, "{what}");
                        assert!(
                            status.entry.expect("entry").ends_with("xdg/autostart/vigil.desktop"),
                            "{what}"
                        );
                        assert_eq!(status.problem, None, "{what}");
                    }
                    _ => {
                        let text = after.clone().expect("a user entry");
                        assert_eq!(
                            entry::parse(&text),
                            entry::Found { off: false, ours: true },
                            "{what}"
                        );
                        assert!(
                            text.contains("Exec=\"/opt/Vigil Test/vigil\"\n"),
                            "{what}: {text}"
                        );
                        assert!(status.effective, "{what}");
                        assert_eq!(status.entry.as_deref(), Some(user_path.as_str()), "{what}");
                        assert_eq!(status.problem, None, "{what}");
                    }
                }
                assert_eq!(apply(&case.dirs, enabled), Ok(()), "again: {what}");
                assert_eq!(user_text(&case.dirs), after, "applying twice changes nothing: {what}");
            }
        }
    }
}

#[test]
fn a_config_home_that_cannot_be_written_is_the_problem() {
    for (system, enabled) in [(true, false), (false, true)] {
        let root = tempfile::tempdir().expect("tempdir");
        // A file where the folder should be: refused even to root, who ignores modes.
        std::fs::write(root.path().join("config"), "not a folder").expect("file");
        let dirs = AutostartDirs {
            config_home: root.path().join("config"),
            config_dirs: vec![root.path().join("xdg")],
            exe: Ok(PathBuf::from("/usr/bin/vigil")),
        };
        if system {
            entry::write(&root.path().join("xdg/autostart").join(FILE_NAME), FOREIGN_ENTRY)
                .expect("system entry");
        }
        let autostart = Autostart::new(dirs);
        let status = autostart.apply(enabled);
        assert_eq!(status.effective, system, "system {system}");
        let problem = status.problem.expect("the problem is said");
        let expected = if system {
            "could not be written"
        } else {
            "Vigil was not installed from its package"
        };
        assert!(problem.contains(expected), "{problem}");
        assert_eq!(autostart.status(enabled).problem, Some(problem), "kept for the next load");
    }
}

#[test]
fn a_read_only_autostart_folder_keeps_the_override_from_being_written_by_others() {
    let case = case(true, User::Absent);
    let folder = case.dirs.config_home.join("autostart");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let outcome = apply(&case.dirs, false);
    let root = nix::unistd::Uid::effective().is_root();
    // Root writes through a 0555 folder; anyone else is refused, and says so.
    assert_eq!(outcome.is_ok(), root, "{outcome:?}");
    if let Err(problem) = outcome {
        assert!(problem.contains("could not be written"), "{problem}");
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn at_start_only_an_off_setting_writes_and_a_removed_override_comes_back() {
    let case = case(true, User::Absent);
    let autostart = Autostart::new(case.dirs.clone());
    autostart.at_start(true);
    assert!(!case.dirs.config_home.exists(), "on: nothing written at start");
    autostart.at_start(false);
    let found = entry::parse(&user_text(&case.dirs).expect("override"));
    assert_eq!(found, entry::Found { off: true, ours: true });
    std::fs::remove_file(case.dirs.user_file()).expect("an IT person removes it");
    autostart.at_start(false);
    assert!(user_text(&case.dirs).is_some(), "the override came back");
    let unpackaged = self::case(false, User::Absent);
    Autostart::new(unpackaged.dirs.clone()).at_start(false);
    let found = entry::parse(&user_text(&unpackaged.dirs).expect("override without a package"));
    assert_eq!(found, entry::Found { off: true, ours: true });
    let foreign = self::case(true, User::ForeignEntry);
    Autostart::new(foreign.dirs.clone()).at_start(false);
    assert_eq!(user_text(&foreign.dirs).as_deref(), Some(FOREIGN_ENTRY), "never replaced");
}

#[test]
fn at_start_an_on_setting_removes_vigils_leftover_override_and_writes_nothing() {
    for system in [true, false] {
        let case = case(system, User::OursHidden);
        let autostart = Autostart::new(case.dirs.clone());
        let before = autostart.status(true);
        assert!(!before.effective, "system {system}: {before:?}");
        autostart.at_start(true);
        assert_eq!(user_text(&case.dirs), None, "system {system}: the override is removed");
        let folder = std::fs::read_dir(case.dirs.config_home.join("autostart")).expect("folder");
        assert_eq!(folder.count(), 0, "system {system}: no entry written in its place");
        let after = autostart.status(true);
        assert_eq!(after.effective, system, "system {system}: {after:?}");
        assert_eq!(after.problem.is_some(), !system, "system {system}: {after:?}");
    }
    for user in [User::ForeignHidden, User::ForeignEntry, User::OursEntry] {
        let case = case(true, user);
        let before = user_text(&case.dirs);
        Autostart::new(case.dirs.clone()).at_start(true);
        assert_eq!(user_text(&case.dirs), before, "{user:?} is left as it is");
    }
}

#[test]
fn a_failed_removal_at_start_is_the_problem_until_it_succeeds() {
    let case = case(true, User::OursHidden);
    let folder = case.dirs.config_home.join("autostart");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let autostart = Autostart::new(case.dirs.clone());
    autostart.at_start(true);
    let root = nix::unistd::Uid::effective().is_root();
    let problem = autostart.status(true).problem;
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    // Root removes through a 0555 folder; anyone else is refused, and the status says so.
    assert_eq!(problem.is_none(), root, "{problem:?}");
    if let Some(problem) = problem {
        assert!(problem.contains("could not be removed"), "{problem}");
        autostart.at_start(true);
        assert_eq!(autostart.status(true).problem, None, "the next start removes it");
    }
}

#[test]
fn vigils_own_file_against_the_setting_is_said_as_such() {
    let user = |c: &Case| c.dirs.user_file().display().to_string();
    let hidden = case(true, User::OursHidden);
    let problem = status(&hidden.dirs, true, None).problem.expect("off against on");
    let expected = format!(
        "Vigil's override {} still keeps Vigil from starting with the desktop session: it is \
         removed at the next start or save",
        user(&hidden)
    );
    assert_eq!(problem, expected);
    let starting = case(true, User::OursEntry);
    let problem = status(&starting.dirs, false, None).problem.expect("on against off");
    assert!(problem.starts_with(&format!("Vigil's entry {} still starts", user(&starting))));
    let missing = case(true, User::Absent);
    let problem = status(&missing.dirs, false, None).problem.expect("no override");
    assert!(problem.contains("is missing"), "{problem}");
}

#[test]
fn concurrent_writes_of_one_file_all_succeed_and_leave_no_temporary_file() {
    let root = tempfile::tempdir().expect("tempdir");
    let path = root.path().join("autostart").join(FILE_NAME);
    let texts = [entry::hidden("vigil"), entry::starting("vigil")];
    std::thread::scope(|s| {
        for t in 0..8 {
            let (path, text) = (&path, &texts[t % 2]);
            s.spawn(move || {
                for i in 0..50 {
                    assert!(entry::write(path, text).is_ok(), "thread {t}, write {i}");
                }
            });
        }
    });
    let names: Vec<_> = std::fs::read_dir(root.path().join("autostart"))
        .expect("folder")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [FILE_NAME], "no temporary file left");
    assert!(texts.contains(&std::fs::read_to_string(&path).expect("read")));
}

#[test]
fn concurrent_applies_each_read_back_their_own_effect() {
    let case = case(true, User::Absent);
    let autostart = Autostart::new(case.dirs.clone());
    std::thread::scope(|s| {
        for t in 0..4 {
            let autostart = &autostart;
            s.spawn(move || {
                for i in 0..25 {
                    let status = autostart.apply((t + i) % 2 == 0);
                    assert_eq!(status.problem, None, "thread {t}, apply {i}: {status:?}");
                }
            });
        }
    });
    let last = autostart.status(user_text(&case.dirs).is_none());
    assert_eq!(last.problem, None, "{last:?}");
}

#[test]
fn what_is_read_back_decides_in_the_xdg_order() {
    let case = case(false, User::Absent);
    let off = status(&case.dirs, true, None);
    assert!(!off.effective && off.entry.is_none());
    assert!(off.problem.expect("why").contains("not installed from its package"));
    let disabled =
        "[Desktop Entry]\nType=Application\nExec=vigil\nX-GNOME-Autostart-enabled=false\n";
    entry::write(&case.dirs.user_file(), disabled).expect("write");
    assert!(!status(&case.dirs, false, None).effective, "X-GNOME-Autostart-enabled=false is off");
    let hidden_system = self::case(false, User::Absent);
    let system = hidden_system.dirs.config_dirs[1].join("autostart").join(FILE_NAME);
    entry::write(&system, FOREIGN_HIDDEN).expect("write");
    let status = status(&hidden_system.dirs, true, None);
    assert!(!status.effective);
    assert!(status.problem.expect("why").contains("hidden"));
}

#[test]
fn keys_outside_the_desktop_entry_group_and_comments_do_not_count() {
    let text = "# Hidden=true\n[Desktop Entry]\nExec=vigil\n#X-Vigil-Override=true\n\
                [Desktop Action x]\nHidden=true\nX-Vigil-Override=true\n";
    assert_eq!(entry::parse(text), entry::Found { off: false, ours: false });
}

#[test]
fn exec_paths_are_quoted_as_the_desktop_entry_specification_says() {
    let exec = |p: &str| entry::exec_of(Path::new(p));
    assert_eq!(exec("/usr/bin/vigil").as_deref(), Ok("/usr/bin/vigil"));
    assert_eq!(exec("/opt/a b/vigil").as_deref(), Ok("\"/opt/a b/vigil\""));
    assert_eq!(exec("/opt/100%/vigil").as_deref(), Ok("/opt/100%%/vigil"));
    assert_eq!(exec("/opt/$x/vigil").as_deref(), Ok("\"/opt/\\\\$x/vigil\""));
    assert!(exec("/opt/a\nb").is_err());
}

#[test]
fn the_written_entries_are_valid_desktop_entries_readable_by_all() {
    let root = tempfile::tempdir().expect("tempdir");
    let exec = entry::exec_of(Path::new(EXE)).expect("exec");
    for (name, text) in [("hidden", entry::hidden(&exec)), ("starting", entry::starting(&exec))] {
        let path = root.path().join(format!("{name}.desktop"));
        entry::write(&path, &text).expect("write");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{name}");
        let out = std::process::Command::new("desktop-file-validate").arg(&path).output();
        let out = out.expect("desktop-file-validate runs (package desktop-file-utils)");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && !said.contains("error"), "{name}: {said}");
    }
}

#[test]
fn the_folders_follow_the_xdg_base_directory_rules() {
    let dirs =
        AutostartDirs::from_vars(None, Some("/home/t".into()), Some("".into()), Err("x".into()));
    assert_eq!(dirs.config_home, PathBuf::from("/home/t/.config"));
    assert_eq!(dirs.config_dirs, vec![PathBuf::from("/etc/xdg")]);
    let dirs = AutostartDirs::from_vars(
        Some("/c".into()),
        Some("/home/t".into()),
        Some("/a:relative:/b".into()),
        Ok("/usr/bin/vigil".into()),
    );
    assert_eq!(dirs.user_file(), PathBuf::from("/c/autostart/vigil.desktop"));
    assert_eq!(dirs.config_dirs, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
}
