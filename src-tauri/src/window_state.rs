//! The main window's size and place across restarts (tauri-plugin-window-state): restored when
//! the window is created (the plugin does it as the window is built), saved a moment after each
//! move or resize (here) and at exit (the plugin). Saving on change, not only at exit, keeps
//! the last size after a crash or a killed process too. The state file lives in the data
//! directory beside the database (`window-state.json`), so each data directory (a clinic's
//! disk, a test's temporary folder) has its own. The minimum size is the window's
//! `minWidth`/`minHeight` in tauri.conf.json: a saved or asked size below it is raised to it.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;
use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, WebviewWindow, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, Builder, StateFlags};

/// The state file's name in the data directory.
pub const FILE_NAME: &str = "window-state.json";

/// What is kept: size, position and whether it was maximized (not visibility or decorations:
/// the window always opens shown, with its frame).
const KEPT: StateFlags = StateFlags::SIZE.union(StateFlags::POSITION).union(StateFlags::MAXIMIZED);

/// How long moves and resizes must pause before the state is written (a drag is many events).
const SETTLE: Duration = Duration::from_millis(400);

/// The plugin, keeping its file in the data directory. The plugin joins the name to its own
/// folder (the app config directory), and joining an absolute path gives that path. Without a
/// data directory (the app then stops at start-up anyway), the plugin's default place.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let builder = Builder::new().with_state_flags(KEPT);
    match crate::data_dir::resolve().ok().and_then(|dir| state_file(&dir)) {
        Some(file) => builder.with_filename(file),
        None => builder,
    }
    .build()
}

/// The state file in `data_dir`, as the absolute path the plugin is given; `None` when the
/// path is not absolute or not UTF-8 (the plugin takes a string).
fn state_file(data_dir: &Path) -> Option<String> {
    let file = data_dir.join(FILE_NAME);
    file.is_absolute().then(|| file.to_str().map(str::to_owned)).flatten()
}

/// Writes the state a moment after the window stops moving or resizing. The write runs on the
/// main thread, where the plugin's own event handlers run (its cache lock is never held there
/// while a window call waits for the main thread).
pub fn save_on_change<R: Runtime>(window: &WebviewWindow<R>) {
    let (changed, changes) = mpsc::channel::<()>();
    window.on_window_event(move |event| {
        if matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
            let _ = changed.send(());
        }
    });
    let app = window.app_handle().clone();
    let spawned = std::thread::Builder::new().name("vigil-window-state".into()).spawn(move || {
        // Ends when the window (and with it the sender) is gone.
        while changes.recv().is_ok() {
            while changes.recv_timeout(SETTLE).is_ok() {}
            let saver = app.clone();
            let queued = app.run_on_main_thread(move || {
                if let Err(e) = saver.save_window_state(KEPT) {
                    tracing::warn!("the window's size and place were not saved: {e}");
                }
            });
            if queued.is_err() {
                return; // the app is ending; the plugin saves at exit
            }
        }
    });
    if let Err(e) = spawned {
        tracing::warn!("the window's size and place will be saved at exit only: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_file_is_in_the_data_directory() {
        let file = state_file(Path::new("/var/lib/vigil")).expect("absolute");
        assert_eq!(file, "/var/lib/vigil/window-state.json");
        // The plugin joins it to its own folder: an absolute path replaces that folder.
        let joined = Path::new("/home/nurse/.config/app.vigil.recovery").join(&file);
        assert_eq!(joined, Path::new("/var/lib/vigil/window-state.json"));
    }

    #[test]
    fn a_relative_data_directory_gives_the_plugins_default_place() {
        assert_eq!(state_file(Path::new("relative/dir")), None);
    }
}
