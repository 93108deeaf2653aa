//! Vigil's desktop shell: wiring only. Commands live in `commands/`, state in `state`, the
//! scheduler and alerting in `scheduler`/`alerting`/`notifier`, scheduled backups in
//! `backups`, the headless commands in `cli`, the data directory rule in `data_dir`, WebView
//! tuning in `webview`, the window's remembered size and place in `window_state`.

mod alerting;
#[cfg(test)]
mod audit_property;
mod backups;
pub mod cli;
pub mod commands;
pub mod data_dir;
#[cfg(test)]
mod discharge_inputs;
#[cfg(test)]
mod discharge_property;
pub mod events;
pub mod notifier;
pub mod scheduler;
mod startup;
pub mod state;
#[cfg(test)]
mod test_support;
pub mod webview;
mod window_state;

use std::sync::Arc;
use tauri::{AppHandle, Manager, RunEvent, WebviewWindowBuilder};
use vigil_store::StoreError;

/// Every command the page may call, as one handler: the app and the input sweep's mock app
/// (`input_sweep`) use this same list.
///
/// The app adds the start-up recovery commands (`startup`), which run on the real runtime only.
macro_rules! command_handler {
    ($($more:tt)*) => {
        tauri::generate_handler![
            $crate::commands::sessions::admit_patient,
            $crate::commands::sessions::load_board,
            $crate::commands::alerts::load_alerts,
            $crate::commands::alerts::acknowledge_alert,
            $crate::commands::alerts::load_notification_status,
            $crate::commands::alerts::send_test_notification,
            $crate::commands::storage::load_storage_status,
            $crate::commands::drafts::save_draft,
            $crate::commands::drafts::load_draft,
            $crate::commands::drafts::clear_draft,
            $crate::commands::settings::load_settings,
            $crate::commands::settings::update_protocol,
            $crate::commands::settings::update_alert_repeat,
            $crate::commands::settings::update_idle_lock,
            $crate::commands::settings::update_backup_settings,
            $crate::commands::settings::update_papers_kept,
            $crate::commands::display::load_display_settings,
            $crate::commands::display::update_display_settings,
            $crate::commands::auth::load_auth,
            $crate::commands::auth::create_first_admin,
            $crate::commands::auth::sign_in,
            $crate::commands::auth::sign_out,
            $crate::commands::auth::lock_screen,
            $crate::commands::auth::note_activity,
            $crate::commands::auth::emergency_access,
            $crate::commands::emergency::load_emergency_uses,
            $crate::commands::emergency::load_emergency_actions,
            $crate::commands::emergency::review_emergency_use,
            $crate::commands::emergency::update_emergency_limit,
            $crate::commands::people::load_accounts,
            $crate::commands::people::create_account,
            $crate::commands::people::set_account_active,
            $crate::commands::people::reset_pin,
            $crate::commands::records::load_integrity,
            $crate::commands::records::verify_records,
            $crate::commands::records::load_backups,
            $crate::commands::records::back_up_now,
            $crate::commands::records::restore_backup,
            $crate::commands::checks::record_check,
            $crate::commands::checks::correct_check,
            $crate::commands::checks::load_session,
            $crate::commands::checks::preview_orthostatic,
            $crate::commands::checks::confirm_padss,
            $crate::commands::predose::record_predose_decision,
            $crate::commands::notes::add_note,
            $crate::commands::settings::update_thresholds,
            $crate::commands::settings::update_check_plan,
            $crate::commands::discharge::save_escort,
            $crate::commands::discharge::load_discharge,
            $crate::commands::discharge::confirm_discharge,
            $crate::commands::discharge::record_departure,
            $crate::commands::discharge::record_against_advice,
            $crate::commands::transfers::record_transfer,
            $crate::commands::discharge::load_recent_departures,
            $crate::commands::discharge::update_discharge_policy,
            $crate::commands::papers::discharge_sheet,
            $crate::commands::papers::rems_form,
            $crate::commands::papers::save_discharge_pdf,
            $crate::commands::papers::save_rems_pdf,
            $crate::commands::papers::print_paper,
            $crate::commands::papers::save_rems_details,
            $crate::commands::papers::load_rems_details,
            $crate::commands::papers::load_forms_due,
            $crate::commands::papers::mark_form_submitted,
            $($more)*
        ]
    };
}

/// Exit code of a second copy that found the database held by a running Vigil.
pub const EXIT_ALREADY_RUNNING: i32 = 3;

/// Starts the app; returns when the last window closes.
pub fn run() {
    webview::prepare_environment();
    let opened = data_dir::resolve().and_then(|dir| {
        data_dir::keep_private(&dir);
        match state::AppState::open(&dir) {
            Ok(app_state) => Ok(Ok(app_state)),
            Err(StoreError::InUse { holder }) => Err(already_running(holder)),
            // Recovery mode: the window shows why and the ways out (src/startup.rs).
            Err(other) => {
                eprintln!("vigil: the database cannot be opened: {other}");
                Ok(Err(startup::Recovery::pending(dir, &other)))
            }
        }
    });
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus(app)))
        .plugin(window_state::plugin());
    let start = match opened {
        Ok(start) => start,
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
        .setup(move |app| setup(app, start))
        .invoke_handler(command_handler!(
            startup::load_startup_problem,
            startup::recover_move_aside,
            startup::recover_from_backup,
        ))
        .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(e) => {
            // No window system, or the embedded assets are missing: nothing to show it in.
            eprintln!("vigil: the window could not be built: {e}");
            std::process::exit(1);
        }
    };
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
    start: Result<state::AppState, startup::Recovery>,
) -> Result<(), Box<dyn std::error::Error>> {
    let (app_state, recovery) = match start {
        Ok(app_state) => (Some(app_state), startup::Recovery::default()),
        Err(recovery) => (None, recovery),
    };
    recovery.attach(app.handle().clone());
    app.manage(recovery);
    let Some(app_state) = app_state else {
        return open_window(app); // recovery mode: the records open later, from the window
    };
    let (scheduler, notifier) = prepare_records(app.handle(), app_state);
    open_window(app)?;
    alerting::spawn_scheduler(app.handle().clone(), scheduler, notifier);
    backups::spawn(app.handle().clone());
    Ok(())
}

/// Starts the app on records opened after a recovery at start-up (the window is open).
fn start_records(app: &AppHandle, app_state: state::AppState) {
    let (scheduler, notifier) = prepare_records(app, app_state);
    alerting::spawn_scheduler(app.clone(), scheduler, notifier);
    backups::spawn(app.clone());
}

fn open_window(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") {
        let window = WebviewWindowBuilder::from_config(app.handle(), config)?.build()?;
        webview::tune(&window);
        window_state::save_on_change(&window);
    }
    Ok(())
}

/// Hands the opened records to the commands; returns the scheduler and the notifier to start.
fn prepare_records(
    app: &AppHandle,
    mut app_state: state::AppState,
) -> (scheduler::Scheduler, Arc<notifier::Notifier>) {
    eprintln!("vigil: database open (schema ok, integrity ok: {})", app_state.integrity().ok);
    if let Ok(folder) = app_state.backup_folder() {
        data_dir::keep_backups_private(&folder);
    }
    let handle = app.clone();
    let clicked = app.clone();
    let notifier = Arc::new(notifier::Notifier::start(
        app_state.store.clone(),
        app_state.clock.clone(),
        move || events::signal(&handle, events::RECORDS_CHANGED),
        Arc::new(notifier::clicks::Clicks::new(move |session_id| {
            alerting::open_from_notification(&clicked, session_id)
        })),
    ));
    app_state.notifier = Some(notifier.clone());
    let scheduler = scheduler::Scheduler::new(app_state.store.clone(), app_state.clock.clone())
        .sharing(app_state.alert_ledger.clone());
    app.manage(app_state);
    (scheduler, notifier)
}

/// Brings the main window forward (a second copy was started, a notification was clicked).
pub(crate) fn focus<R: tauri::Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod input_sweep;
