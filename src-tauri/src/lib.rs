//! Vigil's desktop shell: wiring only. Commands live in `commands/`, state in `state`, the
//! scheduler and alerting in `scheduler`/`alerting`/`notifier`, scheduled backups in
//! `backups`, the headless commands in `cli`, the data directory rule in `data_dir`, WebView
//! tuning in `webview`.

mod alerting;
#[cfg(test)]
mod audit_property;
mod backups;
pub mod cli;
pub mod commands;
mod data_dir;
#[cfg(test)]
mod discharge_inputs;
#[cfg(test)]
mod discharge_property;
pub mod notifier;
pub mod scheduler;
pub mod state;
#[cfg(test)]
mod test_support;
mod webview;

use std::sync::Arc;
use tauri::{AppHandle, Manager, RunEvent, WebviewWindowBuilder};
use vigil_store::StoreError;

/// Exit code of a second copy that found the database held by a running Vigil.
pub const EXIT_ALREADY_RUNNING: i32 = 3;

/// Starts the app; returns when the last window closes.
pub fn run() {
    webview::prepare_environment();
    let opened = data_dir::resolve().and_then(|dir| {
        state::AppState::open(&dir).map_err(|e| match e {
            StoreError::InUse { holder } => already_running(holder),
            other => format!("the database cannot be opened: {other}"),
        })
    });
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus(app)));
    let app_state = match opened {
        Ok(app_state) => app_state,
        Err(message) => {
            eprintln!("vigil: {message}");
            // The single-instance plugin hands over to the running window and exits when the
            // session bus lets it; without one, this process leaves here having written nothing.
            let code = if message.starts_with(ALREADY_RUNNING) { EXIT_ALREADY_RUNNING } else { 1 };
            let _ =
                builder.setup(move |_| std::process::exit(code)).run(tauri::generate_context!());
            std::process::exit(code);
        }
    };
    let app = builder
        .setup(move |app| setup(app, app_state))
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
            commands::settings::update_idle_lock,
            commands::settings::update_backup_settings,
            commands::auth::load_auth,
            commands::auth::create_first_admin,
            commands::auth::sign_in,
            commands::auth::sign_out,
            commands::auth::lock_screen,
            commands::auth::note_activity,
            commands::auth::emergency_access,
            commands::people::load_accounts,
            commands::people::create_account,
            commands::people::set_account_active,
            commands::people::reset_pin,
            commands::records::load_integrity,
            commands::records::verify_records,
            commands::records::load_backups,
            commands::records::back_up_now,
            commands::records::restore_backup,
            commands::checks::record_check,
            commands::checks::correct_check,
            commands::checks::load_session,
            commands::checks::preview_orthostatic,
            commands::checks::confirm_padss,
            commands::predose::record_predose_decision,
            commands::notes::add_note,
            commands::settings::update_thresholds,
            commands::settings::update_check_plan,
            commands::discharge::save_escort,
            commands::discharge::load_discharge,
            commands::discharge::confirm_discharge,
            commands::discharge::record_departure,
            commands::discharge::record_against_advice,
            commands::transfers::record_transfer,
            commands::discharge::load_recent_departures,
            commands::discharge::update_discharge_policy,
            commands::papers::discharge_sheet,
            commands::papers::rems_form,
            commands::papers::save_discharge_pdf,
            commands::papers::save_rems_pdf,
            commands::papers::print_paper,
            commands::papers::save_rems_details,
            commands::papers::load_rems_details,
            commands::papers::load_forms_due,
            commands::papers::mark_form_submitted,
        ])
        .build(tauri::generate_context!())
        .expect("error while building Vigil");
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            backups::at_exit(handle);
        }
    });
}

const ALREADY_RUNNING: &str = "Vigil is already running";

fn already_running(holder: Option<u32>) -> String {
    let by = holder.map(|p| format!(" (process {p})")).unwrap_or_default();
    format!(
        "{ALREADY_RUNNING} on this database{by}. This copy did not open the records and wrote \
         nothing; use the open Vigil window."
    )
}

fn setup(
    app: &mut tauri::App,
    mut app_state: state::AppState,
) -> Result<(), Box<dyn std::error::Error>> {
    eprintln!("vigil: database open (schema ok, integrity ok: {})", app_state.integrity().ok);
    let handle = app.handle().clone();
    let notifier = Arc::new(notifier::Notifier::start(
        app_state.store.clone(),
        app_state.clock.clone(),
        move || commands::signal(&handle, commands::RECORDS_CHANGED),
    ));
    app_state.notifier = Some(notifier.clone());
    let scheduler = scheduler::Scheduler::new(app_state.store.clone(), app_state.clock.clone());
    app.manage(app_state);
    if let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") {
        let window = WebviewWindowBuilder::from_config(app.handle(), config)?.build()?;
        webview::tune(&window);
    }
    alerting::spawn_scheduler(app.handle().clone(), scheduler, notifier);
    backups::spawn(app.handle().clone());
    Ok(())
}

/// Brings the main window forward (a second copy was started).
fn focus(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
