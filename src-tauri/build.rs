fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "admit_patient",
            "load_board",
            "load_alerts",
            "acknowledge_alert",
            "load_notification_status",
            "send_test_notification",
            "save_draft",
            "load_draft",
            "clear_draft",
            "load_settings",
            "update_protocol",
            "update_alert_repeat",
        ]),
    ))
    .expect("tauri build script");
}
