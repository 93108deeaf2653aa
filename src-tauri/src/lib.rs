//! Vigil's desktop shell: wiring only. Commands live in `commands/`, state in `state`, the
//! scheduler and alerting in `scheduler`/`alerting`/`notifier`, the data directory rule in
//! `data_dir`, WebView tuning in `webview`.

mod alerting;
mod commands;
mod data_dir;
pub mod notifier;
pub mod scheduler;
pub mod state;
mod webview;

use std::sync::Arc;
use tauri::Manager;

/// Starts the app; returns when the last window closes.
pub fn run() {
    webview::prepare_environment();
    tauri::Builder::default()
        .setup(|app| {
            let dir = data_dir::resolve(app.handle())?;
            let mut app_state = state::AppState::open(&dir)?;
            eprintln!("vigil: database open (schema ok)");
            let handle = app.handle().clone();
            let notifier = Arc::new(notifier::Notifier::start(
                app_state.store.clone(),
                app_state.clock.clone(),
                move || commands::signal(&handle, commands::RECORDS_CHANGED),
            ));
            app_state.notifier = Some(notifier.clone());
            let scheduler =
                scheduler::Scheduler::new(app_state.store.clone(), app_state.clock.clone());
            app.manage(app_state);
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            alerting::spawn_scheduler(app.handle().clone(), scheduler, notifier);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::sessions::admit_patient,
            commands::sessions::load_board,
            commands::alerts::load_alerts,
            commands::alerts::acknowledge_alert,
            commands::alerts::load_notification_status,
            commands::alerts::send_test_notification,
            commands::drafts::save_draft,
            commands::drafts::load_draft,
            commands::drafts::clear_draft,
            commands::settings::load_settings,
            commands::settings::update_protocol,
            commands::settings::update_alert_repeat,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Vigil");
}
