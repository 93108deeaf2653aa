//! The registry's tests: the files made from it are current (run with
//! `VIGIL_UPDATE_BINDINGS=1` to rewrite them), `build.rs` reads the same names, and the names
//! and types are the page's.

use std::path::Path;

use super::generate::{self, manifest_dir, REGENERATE};
use super::{camel_case, names, result_ts, ts, COMMANDS};

/// Rewrites `path` with `want` under `VIGIL_UPDATE_BINDINGS`; fails when it differs.
fn check_current(path: &Path, want: &str) {
    if std::env::var_os("VIGIL_UPDATE_BINDINGS").is_some() {
        std::fs::write(path, want).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "{} is stale; run {REGENERATE}", path.display());
}

#[test]
fn the_capability_file_is_current() {
    check_current(&manifest_dir().join("capabilities/main.json"), &generate::capabilities());
}

#[test]
fn the_commands_ts_file_is_current() {
    check_current(&manifest_dir().join("../ui/src/lib/ipc/commands.ts"), &generate::commands_ts());
}

#[test]
fn the_events_ts_file_is_current() {
    check_current(&manifest_dir().join("../ui/src/lib/ipc/events.ts"), &generate::events_ts());
}

#[test]
fn build_rs_reads_the_registrys_names() {
    let source = include_str!("table.rs");
    let read = names::command_names(source);
    let table: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    assert_eq!(read, table);
    assert!(table.len() > 60, "{table:?}");
}

#[test]
fn command_names_are_unique_and_snake_case() {
    let mut names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "a command is listed twice");
}

#[test]
fn every_command_has_a_doc_comment_in_its_module() {
    for command in COMMANDS {
        assert!(!generate::command_doc(command).is_empty(), "{}", command.name);
    }
}

#[test]
fn argument_names_are_tauris_camel_case() {
    assert_eq!(camel_case("firing_id"), "firingId");
    assert_eq!(camel_case("session_id"), "sessionId");
    assert_eq!(camel_case("input"), "input");
    let acknowledge = COMMANDS.iter().find(|c| c.name == "acknowledge_alert").expect("listed");
    assert_eq!(acknowledge.ts_name(), "acknowledgeAlert");
    assert_eq!(acknowledge.params[0].page_name(), "firingId");
}

#[test]
fn ids_are_numbers_and_no_result_is_void() {
    assert_eq!(ts::<i64>(), "number");
    assert_eq!(ts::<Vec<i64>>(), "Array<number>");
    assert_eq!(ts::<Option<String>>(), "string | null");
    assert_eq!(result_ts::<()>(), "void");
    assert_eq!(result_ts::<vigil_core::AuthStatus>(), "AuthStatus");
}

#[test]
fn build_rs_reading_skips_everything_but_entries() {
    let source = "//! `doc(arg: T) -> U;`\nmacro_rules! registry {\n    x {\n        \
                  one(a: A) -> B;\n        $( $name:ident ( $($arg:ident),* ) -> $ret:ty ; )*\n        \
                  two() -> ();\n    }\n}\nthree() -> ();\n";
    assert_eq!(names::command_names(source), ["one", "two"]);
}

#[test]
fn doc_comments_are_read_above_the_attributes() {
    let source = "/// First.\n/// Second.\n#[tauri::command(async)]\npub fn go<R>() {}\n\
                  pub fn gone() {}\n";
    assert_eq!(generate::doc_above(source, "pub fn go"), ["First.", "Second."]);
    assert!(generate::doc_above(source, "pub fn gone").is_empty());
    assert!(generate::doc_above(source, "pub fn g").is_empty());
    assert_eq!(generate::jsdoc(&["One.".into()], ""), "/** One. */\n");
}
