//! Makes the `allow-*` permission of every command the page may call. The names are read from
//! the one command registry, `src/registry/table.rs` (see `src/registry/names.rs`).

#[path = "src/registry/names.rs"]
mod names;

fn main() {
    println!("cargo:rerun-if-changed=src/registry/table.rs");
    println!("cargo:rerun-if-changed=src/registry/names.rs");
    let registry = std::fs::read_to_string("src/registry/table.rs")
        .unwrap_or_else(|e| panic!("build script: src/registry/table.rs: {e}"));
    let names = names::command_names(&registry);
    assert!(!names.is_empty(), "build script: no command found in src/registry/table.rs");
    // Leaked: tauri-build wants `'static` names, and this process ends right after.
    let names: Vec<&'static str> = names.into_iter().map(|n| &*n.leak()).collect();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(names.leak())),
    )
    .unwrap_or_else(|e| panic!("tauri build script: {e}"));
}
