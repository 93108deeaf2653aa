fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(
            tauri_build::AppManifest::new().commands(&["admit_patient", "load_board"]),
        ),
    )
    .expect("tauri build script");
}
