//! Whether a tray icon is seen: a panel that hosts status icons (StatusNotifierItem) is on the
//! session bus when the name `org.kde.StatusNotifierWatcher` has an owner. Without one the
//! appindicator library has nowhere to show the icon. Asked when the question is asked (one
//! D-Bus call, a few milliseconds), since a panel may start after Vigil does.

use std::time::Duration;

/// The bus name of the status icon host's watcher.
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// How long the bus may take to answer.
const ANSWER: Duration = Duration::from_millis(500);

/// Whether a StatusNotifierWatcher is on the session bus (false without a bus).
#[cfg(target_os = "linux")]
pub fn status_icons_shown() -> bool {
    let conn = match dbus::blocking::Connection::new_session() {
        Ok(conn) => conn,
        Err(e) => {
            tracing::warn!("no session bus to look for a tray on: {e}");
            return false;
        }
    };
    let bus = conn.with_proxy("org.freedesktop.DBus", "/org/freedesktop/DBus", ANSWER);
    let owned: Result<(bool,), dbus::Error> =
        bus.method_call("org.freedesktop.DBus", "NameHasOwner", (WATCHER,));
    owned.map(|(owned,)| owned).unwrap_or_else(|e| {
        tracing::warn!("the session bus did not say whether a tray is shown: {e}");
        false
    })
}

/// Other systems show their tray (notification area) whenever the icon was created.
#[cfg(not(target_os = "linux"))]
pub fn status_icons_shown() -> bool {
    let _ = ANSWER;
    true
}
