//! Vigil's desktop shell: wiring only. Commands live in `commands/`, state in `state`, the
//! data directory rule in `data_dir`, WebView tuning in `webview`.

mod commands;
mod data_dir;
pub mod state;
mod webview;

use tauri::Manager;

/// Starts the app; returns when the last window closes.
pub fn run() {
    webview::prepare_environment();
    tauri::Builder::default()
        .setup(|app| {
            let dir = data_dir::resolve(app.handle())?;
            let app_state = state::AppState::open(&dir)?;
            eprintln!("vigil: database open (schema ok)");
            app.manage(app_state);
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::sessions::admit_patient,
            commands::sessions::load_board,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Vigil");
}
