//! The refusals the UI tests' fake IPC answers with (`ui/src/test/backendMessages.ts`), taken
//! from the real backend: the core's rules ([`rules`], [`discharge`]) and the shell's and the
//! store's ([`shell`]: the command functions on a temporary database), so the fakes never copy
//! a message by hand. Like the bindings test it fails when the committed file is stale;
//! regenerate it with `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil backend_messages`.

mod desktop;
mod discharge;
mod records;
mod rules;
mod shell;
mod ts;

use std::path::PathBuf;
use vigil_core::{ErrorCode, VigilError};

/// Each message the fakes use: its TS name and the real refusal.
fn messages() -> Vec<(&'static str, VigilError)> {
    [
        rules::messages(),
        records::messages(),
        discharge::messages(),
        shell::messages(),
        desktop::messages(),
    ]
    .concat()
}

/// Each message that carries its case, as a TS function of it.
fn templates() -> Vec<ts::Template> {
    discharge::templates()
        .into_iter()
        .chain(shell::templates())
        .chain(desktop::templates())
        .collect()
}

fn generated() -> String {
    let mut out = String::from(
        "// Generated from the real refusals of the core, the store and the shell by src-tauri's\n\
         // `backend_messages` test: what the UI tests' fake IPC answers with, never copied by\n\
         // hand. Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil backend_messages`.\n\
         import type { VigilError } from '../lib/ipc';\n",
    );
    for (name, error) in messages() {
        out.push_str(&ts::constant_ts(name, &error));
    }
    for template in templates() {
        out.push_str(&ts::template_ts(&template));
    }
    out
}

#[test]
fn each_message_has_one_name_and_a_validation_names_its_field() {
    let all = messages();
    let templates = templates();
    let mut names: Vec<_> = all.iter().map(|(name, _)| *name).collect();
    names.extend(templates.iter().map(|t| t.name));
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "a TS name used twice");
    for t in &templates {
        for (param, sentinel) in t.params {
            let used = t.error.message.contains(sentinel)
                || t.error.field.as_deref().is_some_and(|f| f.contains(sentinel));
            assert!(used, "{}: {param} is in the refusal", t.name);
        }
    }
    for (name, error) in &all {
        assert!(!error.message.is_empty(), "{name}: a message");
        if error.code == ErrorCode::Validation {
            assert!(error.field.is_some(), "{name}: a validation names its field");
        }
    }
}

#[test]
fn committed_backend_messages_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/test/backendMessages.ts");
    let want = generated();
    if std::env::var_os("VIGIL_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write backend messages");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale; run VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil backend_messages",
        path.display()
    );
}
