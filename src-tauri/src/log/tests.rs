use super::*;
use std::os::unix::fs::PermissionsExt;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The names of the log files in `folder`, sorted.
fn log_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("vigil.") && n.ends_with(".log"))
        .collect();
    names.sort();
    names
}

/// Today's file name, as the appender names it (UTC date).
fn todays_file() -> String {
    format!("vigil.{}.log", chrono::Utc::now().format("%Y-%m-%d"))
}

/// Runs `log` with the subscriber writing to a file in `folder` (stderr thrown away) at
/// `level`; returns the day's file's text.
fn logged(folder: &Path, level: &str, log: impl FnOnce()) -> String {
    let file = open(folder).expect("log file");
    let ((filter, _), (quiet, _)) = (filter_from(Some(level)), filter_from(Some("off")));
    tracing::subscriber::with_default(subscriber(quiet, filter, Some(file), std::io::sink), log);
    std::fs::read_to_string(folder.join(todays_file())).expect("the day's file")
}

#[test]
fn a_line_lands_in_the_days_file_in_the_data_directory() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = folder_of(tmp.path());
    let text = logged(&folder, "info", || {
        tracing::info!("admitted session 42");
        tracing::debug!("a detail below the level");
    });
    assert_eq!(folder, tmp.path().join("logs"));
    assert_eq!(log_files(&folder), [todays_file()]);
    let line = text.lines().find(|l| l.contains("admitted session 42")).expect("the line");
    assert!(line.contains(" INFO "), "{line}");
    assert!(line.contains("vigil_app::log::tests"), "the module: {line}");
    assert!(!text.contains("below the level"), "{text}");
}

#[test]
fn vigil_log_sets_the_level() {
    let tmp = tempfile::tempdir().expect("tmp");
    let text = logged(&folder_of(tmp.path()), "debug", || tracing::debug!("a detail"));
    assert!(text.contains("DEBUG") && text.contains("a detail"), "{text}");

    let tmp = tempfile::tempdir().expect("tmp");
    let text = logged(&folder_of(tmp.path()), "error", || {
        tracing::warn!("a warning");
        tracing::error!("an error");
    });
    assert!(!text.contains("a warning") && text.contains("an error"), "{text}");
}

#[test]
fn an_unknown_level_falls_back_to_info_and_is_named() {
    for (value, not_understood) in [
        (None, None),
        (Some(""), None),
        (Some("warn"), None),
        (Some("DEBUG"), None),
        (Some("vigil_app=debug,warn"), None),
        (Some("loud"), Some("loud")),
        (Some("vigil_app=noisy"), Some("vigil_app=noisy")),
    ] {
        let (_, said) = filter_from(value);
        assert_eq!(said.as_deref(), not_understood, "{value:?}");
    }
    let (filter, _) = filter_from(Some("loud"));
    assert_eq!(filter.to_string(), filter_from(None).0.to_string(), "the default");
}

#[test]
fn a_bare_level_sets_vigils_crates_and_keeps_libraries_at_warn() {
    let tmp = tempfile::tempdir().expect("tmp");
    let text = logged(&folder_of(tmp.path()), "debug", || {
        tracing::debug!(target: "vigil_store::alerts", "a store detail");
        tracing::debug!(target: "zbus::connection", "a library detail");
        tracing::info!(target: "zbus", "a library's news");
        tracing::warn!(target: "zbus", "a library's warning");
    });
    assert!(text.contains("a store detail"), "{text}");
    assert!(!text.contains("a library detail") && !text.contains("news"), "{text}");
    assert!(text.contains("a library's warning"), "{text}");

    let tmp = tempfile::tempdir().expect("tmp");
    let text = logged(&folder_of(tmp.path()), "error", || {
        tracing::warn!(target: "zbus", "a library's warning");
    });
    assert!(!text.contains("warning"), "error means error for the libraries too: {text}");

    let tmp = tempfile::tempdir().expect("tmp");
    let text = logged(&folder_of(tmp.path()), "zbus=debug", || {
        tracing::debug!(target: "zbus::connection", "a library detail");
    });
    assert!(text.contains("a library detail"), "a directive names the library: {text}");
}

#[test]
fn the_folder_is_owner_only_and_so_are_its_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = folder_of(tmp.path());
    // What an older Vigil (or another umask) left readable by others.
    std::fs::create_dir_all(&folder).expect("folder");
    chmod(&folder, 0o755);
    let old = folder.join("vigil.2020-01-01.log");
    std::fs::write(&old, "an old line\n").expect("old file");
    chmod(&old, 0o644);

    logged(&folder, "info", || tracing::info!("a line"));
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&old), 0o600);
    assert_eq!(mode(&folder.join(todays_file())), 0o600);
}

#[test]
fn a_new_folder_is_owner_only() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = folder_of(&tmp.path().join("new data dir"));
    logged(&folder, "info", || tracing::info!("a line"));
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&folder.join(todays_file())), 0o600);
}

#[test]
fn at_most_the_kept_number_of_files_remain_the_newest() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = folder_of(tmp.path());
    std::fs::create_dir_all(&folder).expect("folder");
    let old: Vec<String> = (1..=20).map(|day| format!("vigil.2020-01-{day:02}.log")).collect();
    for name in &old {
        std::fs::write(folder.join(name), "a line\n").expect("old file");
        // Creation times a little apart, in the files' order.
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    std::fs::write(folder.join("notes.txt"), "not a log\n").expect("another file");

    let _file = open(&folder).expect("log file");
    let mut expected: Vec<String> = old[old.len() - (KEEP_FILES - 1)..].to_vec();
    expected.push(todays_file());
    expected.sort();
    assert_eq!(log_files(&folder), expected, "the newest {KEEP_FILES}, today's included");
    assert!(folder.join("notes.txt").exists(), "another file is left alone");

    // The bound holds for another number too.
    let _file = open_keeping(&folder, 3).expect("log file");
    let left = log_files(&folder);
    assert!(left.len() <= 3 && left.contains(&todays_file()), "{left:?}");
}

#[test]
fn a_folder_that_cannot_be_made_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().expect("tmp");
    let not_a_folder = tmp.path().join("data");
    std::fs::write(&not_a_folder, "a file where the data directory would be").expect("file");
    let error = open(&folder_of(&not_a_folder)).expect_err("no folder under a file");
    assert!(error.contains("logs"), "names the folder: {error}");
}

#[test]
fn a_headless_command_makes_no_log_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = folder_of(tmp.path());
    let file = cli_file(Some(&folder), current_uid()).expect("no error");
    assert!(file.is_none() && !folder.exists(), "nothing made");
    assert!(cli_file(None, current_uid()).expect("no data directory").is_none());
    std::fs::write(&folder, "a file where the log folder would be").expect("file");
    assert!(cli_file(Some(&folder), current_uid()).expect("not a folder: skipped").is_none());
}

#[test]
fn a_headless_command_writes_only_into_a_log_folder_of_its_own_user() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = folder_of(tmp.path());
    std::fs::create_dir(&folder).expect("the app's folder");
    let uid = current_uid().expect("this process's user");
    let another = uid.wrapping_add(1);
    assert!(cli_file(Some(&folder), Some(another)).expect("skipped").is_none());
    assert!(cli_file(Some(&folder), None).expect("unknown user: skipped").is_none());
    assert_eq!(log_files(&folder), Vec::<String>::new(), "no file for another user");
    assert!(cli_file(Some(&folder), Some(uid)).expect("ours").is_some());
    assert_eq!(log_files(&folder).len(), 1, "the day's file");
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The arguments of each log macro call in `source` (up to its closing parenthesis).
fn log_calls(source: &str) -> Vec<&str> {
    let mut calls = Vec::new();
    for level in ["error!(", "warn!(", "info!(", "debug!(", "trace!("] {
        for (start, _) in source.match_indices(level) {
            let args = &source[start + level.len()..];
            let mut depth = 1;
            let end = args
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(args.len(), |(i, _)| i);
            calls.push(&args[..end]);
        }
    }
    calls
}

#[test]
fn no_log_call_in_the_source_mentions_a_name_or_a_chart() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["src-tauri/src", "crates/vigil-core/src", "crates/vigil-store/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut calls = 0;
    // This file's own calls and the words it looks for are not the app's.
    files.retain(|f| !f.ends_with("log/tests.rs"));
    for file in &files {
        let source = std::fs::read_to_string(file).expect("source");
        for call in log_calls(&source) {
            calls += 1;
            let lower = call.to_lowercase();
            for word in ["name", "chart", "birth", "phone", "note.text"] {
                assert!(
                    !lower.contains(word),
                    "{}: a log call with {word:?}: {call}",
                    file.display()
                );
            }
        }
    }
    assert!(calls > 40, "the log calls were found ({calls})");
}
