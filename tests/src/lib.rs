//! The end-to-end harness: a private desktop for each test (Xvfb, a D-Bus session bus, dunst as
//! the notification daemon, gnome-keyring as the Secret Service), tauri-driver in front of
//! WebKitWebDriver, and the built Vigil app on fresh temporary data and config directories. Everything is stopped with SIGTERM when the
//! [`Desktop`] is dropped, which also happens when a test panics.

pub mod admit;
pub mod axe;
pub mod board;
pub mod bus;
pub mod desktop;
pub mod disk;
pub mod display;
pub mod faketime;
pub mod folder;
pub mod header;
pub mod keys;
pub mod keystore;
pub mod layout;
pub mod nurse;
pub mod process;
pub mod records;
pub mod room;
pub mod tray_host;
pub mod webdriver;
pub mod x11;

pub use admit::{AdmitForm, NAME};
pub use desktop::Desktop;
pub use webdriver::{By, Session};

use std::path::PathBuf;

/// The Vigil binary under test: `VIGIL_E2E_APP`, or the workspace's `target/debug/vigil`.
///
/// Panics with instructions when it has not been built: an end-to-end test never passes
/// without the app.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("VIGIL_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/vigil"));
    assert!(
        path.is_file(),
        "{} does not exist: build the app first (`make build-debug`, which builds ui/dist and \
         then `cargo build -p vigil`)",
        path.display()
    );
    path
}

/// Where tests leave screenshots: `target/e2e-artifacts/`.
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts");
    std::fs::create_dir_all(&dir).expect("create artifacts dir");
    dir
}
