//! Vigil's desktop shell: wiring only. Commands live in `commands/`; what the commands, the
//! threads and the headless commands share: the one backup/restore path in `backup`, the idle
//! and emergency locks in `locks`, the storage watch in `storage_watch`; state in `state`, the
//! scheduler and alerting in `scheduler`/`alerting`/`notifier`, scheduled backups in
//! `backup_schedule`, the headless commands in `cli`, the data directory (and its papers
//! folder) in `data_dir`, WebView tuning in `webview`, the window's remembered size and place
//! in `window_state`, the log (file and stderr) in `log`, the tray icon and the window's close
//! guard in `tray`.

// First: its macros (the command handler) are used by the modules below.
#[macro_use]
pub mod registry;

mod alerting;
#[cfg(test)]
mod audit_property;
pub mod autostart;
#[cfg(test)]
mod backend_messages;
pub mod backup;
mod backup_keys;
mod backup_schedule;
pub mod cli;
pub mod commands;
pub mod data_dir;
#[cfg(test)]
mod discharge_inputs;
#[cfg(test)]
mod discharge_property;
pub mod events;
pub mod key_home;
pub mod locks;
pub mod log;
pub mod notifier;
pub mod saved_files;
pub mod scheduler;
mod startup;
pub mod state;
pub mod storage_watch;
#[cfg(test)]
mod test_support;
pub mod tray;
pub mod webview;
mod window_state;

use std::sync::Arc;
use tauri::{AppHandle, Manager, RunEvent, WebviewWindowBuilder};

/// Exit code of a second copy that found the database held by a running Vigil.
pub const EXIT_ALREADY_RUNNING: i32 = 3;

/// Starts the app; returns when the last window closes.
pub fn run() {
    log::install_for_app();
    webview::prepare_environment();
    let opened = data_dir::resolve().and_then(|dir| {
        data_dir::keep_private(&dir);
        // The key from the key home; a first start or a key problem is recovery mode: the
        // window shows why and the ways out (src/startup.rs).
        match startup::open_at_start(&dir) {
            Ok(app_state) => Ok(Ok(app_state)),
            Err(startup::NotOpened::InUse(holder)) => Err(already_running(holder)),
            Err(startup::NotOpened::Pending(problem)) => {
                tracing::warn!("recovery mode at start: {:?}", problem.kind);
                Ok(Err(startup::Recovery::with(problem)))
            }
        }
    });
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| focus(app)))
        .plugin(window_state::plugin());
    let start = match opened {
        Ok(start) => start,
        Err(message) => {
            tracing::error!("{message}");
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
        .invoke_handler(command_handler!())
        .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(e) => {
            // No window system, or the embedded assets are missing: nothing to show it in.
            tracing::error!("the window could not be built: {e}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            backup_schedule::at_exit(handle);
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
    // The XDG autostart folders, from this process's environment (issue 17).
    app.manage(autostart::Autostart::new(autostart::AutostartDirs::from_env()));
    let Some(app_state) = app_state else {
        return open_window(app); // recovery mode: the records open later, from the window
    };
    let (scheduler, notifier) = prepare_records(app.handle(), app_state);
    open_window(app)?;
    tray::start(app.handle());
    alerting::spawn_scheduler(app.handle().clone(), scheduler, notifier);
    backup_schedule::spawn(app.handle().clone());
    Ok(())
}

/// Starts the app on records opened after a recovery at start-up (the window is open).
fn start_records(app: &AppHandle, app_state: state::AppState) {
    let (scheduler, notifier) = prepare_records(app, app_state);
    tray::start(app);
    alerting::spawn_scheduler(app.clone(), scheduler, notifier);
    backup_schedule::spawn(app.clone());
}

fn open_window(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") {
        let window = WebviewWindowBuilder::from_config(app.handle(), config)?.build()?;
        webview::tune(&window);
        window_state::save_on_change(&window);
        // While patients are in recovery, a close asks first (issue 17).
        tray::close_guard::guard(&window);
    }
    Ok(())
}

/// Hands the opened records to the commands; returns the scheduler and the notifier to start.
fn prepare_records(
    app: &AppHandle,
    mut app_state: state::AppState,
) -> (scheduler::Scheduler, Arc<notifier::Notifier>) {
    tracing::info!("database open (schema ok, integrity ok: {})", app_state.integrity().ok);
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
    autostart_at_start(app, &app_state);
    let scheduler = scheduler::Scheduler::new(app_state.store.clone(), app_state.clock.clone())
        .sharing(app_state.alert_ledger.clone());
    app.manage(app_state);
    (scheduler, notifier)
}

/// Puts Vigil's own autostart file right at start: off, a removed override comes back; on, a
/// leftover override is removed, and no entry is written (`autostart::Autostart::at_start`).
fn autostart_at_start(app: &AppHandle, app_state: &state::AppState) {
    match app_state.store.with_conn(vigil_store::settings::autostart) {
        Ok(enabled) => app.state::<autostart::Autostart>().at_start(enabled),
        Err(e) => tracing::warn!("the autostart setting could not be read: {e}"),
    }
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
