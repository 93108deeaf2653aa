//! The files made from the registry: the capability of the main window, the page's typed
//! command wrappers (`commands.ts`) and event helpers (`events.ts`). Each wrapper's comment is
//! its Rust command's doc comment, read from the command's source file.

use std::path::{Path, PathBuf};

use ts_rs::TS;

use super::{camel_case, CommandSpec, COMMANDS};
use crate::commands::papers::PaperKind;
use crate::events;
use vigil_core::alert::OpenSession;
use vigil_core::desktop::CloseRequest;
use vigil_core::draft::DraftForm;

/// The command to run after changing the registry or an IPC type.
pub const REGENERATE: &str = "VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil registry";

/// `src-tauri/`.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `capabilities/main.json`: listening to events, and every command of the registry.
pub fn capabilities() -> String {
    #[derive(serde::Serialize)]
    struct Capability {
        #[serde(rename = "$schema")]
        schema: &'static str,
        identifier: &'static str,
        description: &'static str,
        windows: [&'static str; 1],
        permissions: Vec<String>,
    }
    let mut permissions =
        vec!["core:event:allow-listen".to_owned(), "core:event:allow-unlisten".to_owned()];
    permissions.extend(COMMANDS.iter().map(|c| format!("allow-{}", c.name.replace('_', "-"))));
    let capability = Capability {
        schema: "../gen/schemas/desktop-schema.json",
        identifier: "main",
        description: "The main window: Vigil's own commands and event listening, nothing else.",
        windows: ["main"],
        permissions,
    };
    serde_json::to_string_pretty(&capability).expect("a capability is JSON") + "\n"
}

/// The shell's own argument types: not in `bindings.ts` (made from vigil-core's types).
fn shell_types() -> Vec<(String, String)> {
    vec![(DraftForm::name(), DraftForm::decl()), (PaperKind::name(), PaperKind::decl())]
}

/// `ui/src/lib/ipc/commands.ts`: one typed wrapper per command.
pub fn commands_ts() -> String {
    let local: Vec<String> = shell_types().into_iter().map(|(name, _)| name).collect();
    let mut out = header("the command registry (src-tauri/src/registry.rs)");
    out.push_str("import { call } from './runtime';\n");
    let imported = type_names(COMMANDS, &local);
    out.push_str(&format!(
        "import type {{\n  {},\n}} from './bindings';\n",
        imported.join(",\n  ")
    ));
    out.push_str("\n/** Arguments of the shell's own types. */\n");
    for (_, decl) in shell_types() {
        out.push_str(&format!("export {decl}\n"));
    }
    for command in COMMANDS {
        out.push('\n');
        out.push_str(&jsdoc(&command_doc(command), ""));
        out.push_str(&wrapper(command));
    }
    out
}

fn header(from: &str) -> String {
    format!("// Generated from {from} by its tests.\n// Do not edit: run `{REGENERATE}`.\n")
}

/// The TypeScript wrapper of `command`: the arguments as the page names them, the result.
fn wrapper(command: &CommandSpec) -> String {
    let params: Vec<String> =
        command.params.iter().map(|p| format!("{}: {}", p.page_name(), (p.ts)())).collect();
    let names: Vec<String> = command.params.iter().map(|p| p.page_name()).collect();
    let args =
        if names.is_empty() { String::new() } else { format!(", {{ {} }}", names.join(", ")) };
    let returns = (command.returns)();
    format!(
        "export function {}({}): Promise<{returns}> {{\n  return call<{returns}>('{}'{args});\n}}\n",
        command.ts_name(),
        params.join(", "),
        command.name,
    )
}

/// The type names the wrappers use that come from `bindings.ts`, sorted.
fn type_names(commands: &[CommandSpec], local: &[String]) -> Vec<String> {
    let builtin = ["number", "string", "boolean", "void", "null", "Array"];
    let mut names: Vec<String> = commands
        .iter()
        .flat_map(|c| c.params.iter().map(|p| (p.ts)()).chain([(c.returns)()]))
        .flat_map(|ts| {
            ts.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| !builtin.contains(&w.as_str()) && !local.contains(w))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `text` as a JSDoc comment indented by `indent`.
pub fn jsdoc(text: &[String], indent: &str) -> String {
    assert!(!text.iter().any(|l| l.contains("*/")), "a doc comment holds `*/`: {text:?}");
    match text {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        lines => {
            let body: String = lines
                .iter()
                .map(|l| format!("{indent} * {l}\n").replace(" * \n", " *\n"))
                .collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

/// The doc comment of the Rust function of `command`, one string per line.
pub fn command_doc(command: &CommandSpec) -> Vec<String> {
    let source = module_source(command.module);
    let doc = doc_above(&source, &format!("pub fn {}", command.name));
    assert!(!doc.is_empty(), "{}: the command has no doc comment", command.name);
    doc
}

/// The text of the module `module` (`commands/sessions`) under `src/`.
fn module_source(module: &str) -> String {
    let src = manifest_dir().join("src");
    let file = [format!("{module}.rs"), format!("{module}/mod.rs")]
        .into_iter()
        .map(|f| src.join(f))
        .find(|p| Path::exists(p))
        .unwrap_or_else(|| panic!("no source file for the module {module}"));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The `///` lines above the line starting with `item` (attributes between them skipped).
pub fn doc_above(source: &str, item: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let Some(at) = lines.iter().position(|l| {
        l.trim_start().strip_prefix(item).is_some_and(|rest| rest.starts_with(['(', '<', ':']))
    }) else {
        return Vec::new();
    };
    let mut doc: Vec<String> = lines[..at]
        .iter()
        .rev()
        .map(|l| l.trim())
        .skip_while(|l| l.starts_with("#["))
        .take_while(|l| l.starts_with("///"))
        .map(|l| l.trim_start_matches("///").trim().to_owned())
        .collect();
    doc.reverse();
    doc
}

/// `ui/src/lib/ipc/events.ts`: an `on...` helper per event of [`events::ALL`].
pub fn events_ts() -> String {
    let source = std::fs::read_to_string(manifest_dir().join("src/events.rs")).expect("events.rs");
    let payloads: [(&str, String); 2] = [
        (events::OPEN_SESSION, OpenSession::name()),
        (events::CLOSE_REQUESTED, CloseRequest::name()),
    ];
    let mut out = header("the event names in src-tauri/src/events.rs");
    out.push_str("import { listen, type UnlistenFn } from '@tauri-apps/api/event';\n");
    let mut types: Vec<&String> = payloads.iter().map(|(_, t)| t).collect();
    types.sort();
    out.push_str(&format!(
        "import type {{ {} }} from './bindings';\n",
        types.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
    ));
    for event in events::ALL {
        let mut doc = event_doc(&source, event);
        doc.push("Resolves with the unsubscribe function.".to_owned());
        let helper = format!("on{}", pascal_case(event));
        out.push('\n');
        out.push_str(&jsdoc(&doc, ""));
        out.push_str(&match payloads.iter().find(|(e, _)| e == event) {
            Some((_, payload)) => format!(
                "export function {helper}(handler: (payload: {payload}) => void): Promise<UnlistenFn> {{\n  return listen<{payload}>('{event}', (event) => handler(event.payload));\n}}\n"
            ),
            None => format!(
                "export function {helper}(handler: () => void): Promise<UnlistenFn> {{\n  return listen('{event}', () => handler());\n}}\n"
            ),
        });
    }
    out
}

/// The doc comment of the constant holding `event` in `events.rs`.
fn event_doc(source: &str, event: &str) -> Vec<String> {
    let line = source
        .lines()
        .find(|l| l.starts_with("pub const ") && l.ends_with(&format!("= \"{event}\";")))
        .unwrap_or_else(|| panic!("events.rs declares no constant for {event}"));
    let item = line.split(':').next().expect("a constant's name");
    let mut doc = vec![format!("Calls `handler` on `{event}`.")];
    doc.extend(doc_above(source, item));
    doc
}

/// `open-session` → `OpenSession`.
fn pascal_case(kebab: &str) -> String {
    let camel = camel_case(&kebab.replace('-', "_"));
    let mut chars = camel.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
