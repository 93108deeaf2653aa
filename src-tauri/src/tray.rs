//! The tray icon (issue 17): Vigil's icon with the number of patients in recovery on it (red
//! while an alert is open), the counts as text beside it, in its tooltip and as the menu's
//! first line, and the menu Show, Lock, Quit. Created once the records are open. Without the
//! appindicator library (its loader panics) or without a panel that shows status icons, Vigil
//! runs on with `tray_available` false. Also what brings the hidden window back (and, in
//! `reminder`, again while an alert stays open).
//! The counts' words are in `label`, the badge in `badge`, the panel check in `host`, the
//! window's close guard in `close_guard`, keeping the counts current in `refresh`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Listener, Manager, Runtime};
use vigil_core::desktop::CloseReason;
use vigil_store::audit::Action;

use crate::events::{signal, ALERT_RAISED, AUTH_CHANGED, RECORDS_CHANGED};
use crate::state::AppState;

pub mod badge;
pub mod close_guard;
pub mod closing;
pub mod host;
pub mod label;
mod refresh;
pub mod reminder;

pub use label::Counts;

/// The tray as the rest of the shell sees it.
#[derive(Debug)]
pub struct TrayState {
    /// Whether the icon was created.
    created: AtomicBool,
    /// Asks the refresher to count again.
    nudge: Sender<()>,
}

/// The tray icon's id (`AppHandle::tray_by_id`).
const ID: &str = "vigil";
const SHOW: &str = "vigil-show";
const LOCK: &str = "vigil-lock";
const QUIT: &str = "vigil-quit";

/// Whether a tray icon is shown: it was created and a panel shows status icons.
pub fn available<R: Runtime>(app: &AppHandle<R>) -> bool {
    let created = app.try_state::<TrayState>().is_some_and(|t| t.created.load(Ordering::SeqCst));
    created && host::status_icons_shown()
}

/// Creates the tray icon (once) and keeps its counts current. A failure is logged; Vigil runs
/// on without a tray.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (nudge, nudged) = mpsc::channel();
    // `manage` adds it once: a second start (setup, then `start_records`) stops here.
    if !app.manage(TrayState { created: AtomicBool::new(false), nudge: nudge.clone() }) {
        return;
    }
    for event in [RECORDS_CHANGED, ALERT_RAISED, AUTH_CHANGED] {
        let nudge = nudge.clone();
        app.listen_any(event, move |_| {
            let _ = nudge.send(());
        });
    }
    let handle = app.clone();
    let built = app.run_on_main_thread(move || {
        // libappindicator-sys panics when it cannot load the library.
        let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(&handle)));
        match made {
            Ok(Ok(())) => {
                if let Some(state) = handle.try_state::<TrayState>() {
                    state.created.store(true, Ordering::SeqCst);
                }
                tracing::info!("tray icon created");
                refresh::spawn(handle, nudged);
            }
            Ok(Err(e)) => tracing::warn!("no tray icon: {e}"),
            Err(_) => tracing::warn!("no tray icon: the appindicator library could not be loaded"),
        }
    });
    if let Err(e) = built {
        tracing::warn!("no tray icon: {e}");
    }
}

/// The icon (kept by tauri under [`ID`]) and its menu, on the main thread; the menu's first
/// line (the counts) is kept for the refresher on this thread.
fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let info = MenuItem::with_id(app, "vigil-counts", "Vigil", false, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &info,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, SHOW, "Show", true, None::<&str>)?,
            &MenuItem::with_id(app, LOCK, "Lock", true, None::<&str>)?,
            &MenuItem::with_id(app, QUIT, "Quit", true, None::<&str>)?,
        ],
    )?;
    TrayIconBuilder::with_id(ID)
        .icon(refresh::base_icon()?)
        .tooltip("Vigil")
        .menu(&menu)
        .on_menu_event(|app, event| chosen(app, event.id().as_ref()))
        .build(app)?;
    refresh::keep_counts_line(info);
    Ok(())
}

/// A menu item was chosen (on the main thread): Lock and Quit read the records on a thread.
fn chosen<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let app = app.clone();
    let job: fn(&AppHandle<R>) = match id {
        SHOW => {
            crate::focus(&app);
            return;
        }
        LOCK => lock,
        QUIT => |app| close_guard::answer(app, CloseReason::TrayQuit),
        _ => return,
    };
    if let Err(e) = std::thread::Builder::new().name("vigil-tray".into()).spawn(move || job(&app)) {
        tracing::error!("the tray's {id} could not run: {e}");
    }
}

/// The header's Lock, from the tray: the page shows the lock screen.
fn lock<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    match crate::commands::auth::lock(&state, Action::Lock) {
        Ok(status) => tracing::info!("lock from the tray (locked: {})", status.locked),
        Err(e) => tracing::error!("the tray's lock failed: {}", e.message),
    }
    signal(app, AUTH_CHANGED);
    signal(app, RECORDS_CHANGED);
}

/// Brings the main window back when it is hidden or minimized, for `why` (logged: an alert
/// raised, an alert still open, records that cannot be saved). The check and the show are
/// posted to the main thread and never waited for: asking a window whether it is shown blocks
/// on the main loop, and a stalled main loop must not hold up the caller (the scheduler's
/// thread, its notifications and every later alert).
pub fn bring_back<R: Runtime>(app: &AppHandle<R>, why: &'static str) {
    let handle = app.clone();
    let posted = app.run_on_main_thread(move || {
        let Some(window) = handle.get_webview_window("main") else {
            return;
        };
        let hidden = !window.is_visible().unwrap_or(true) || window.is_minimized().unwrap_or(false);
        if hidden {
            tracing::info!("{why} brings the hidden window back");
            crate::focus(&handle);
        }
    });
    if let Err(e) = posted {
        tracing::error!("the window could not be brought back for an alert: {e}");
    }
}

/// Asks the refresher to count again now.
pub fn nudge<R: Runtime>(app: &AppHandle<R>) {
    if let Some(state) = app.try_state::<TrayState>() {
        let _ = state.nudge.send(());
    }
}
