//! A private desktop for one test: Xvfb, a D-Bus session bus (activating nothing), dunst, a
//! real Secret Service (gnome-keyring, unlocked), tauri-driver, and temporary data, config and
//! home directories for Vigil (WebKit keeps its storage and caches under that home).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::keystore::Keystore;
use crate::process::{wait_for, Child};
use crate::webdriver::{By, Session};

/// How long the app may take to show its first screen.
const FIRST_PAGE: Duration = Duration::from_secs(20);

/// Everything a test needs, torn down in reverse order on drop.
#[derive(Debug)]
pub struct Desktop {
    // Field order is drop order: the app session first, the display last.
    driver: Child,
    _dunst: Option<Child>,
    keystore: Option<Keystore>,
    _monitor: Child,
    _dbus: Child,
    _xvfb: Child,
    pub display: String,
    pub bus_address: String,
    pub driver_url: String,
    data_dir: tempfile::TempDir,
    /// The app's `XDG_CONFIG_HOME` (where the key-file mode keeps `vigil/records.key`).
    config_home: tempfile::TempDir,
    /// The app's `HOME`, with its `XDG_DATA_HOME` (`.local/share`) and `XDG_CACHE_HOME`
    /// (`.cache`): where WebKit keeps the window's storage and caches.
    app_home: tempfile::TempDir,
    logs: tempfile::TempDir,
    /// The recovery key shown when this desktop's app started new records.
    pub(crate) recovery_key: Option<String>,
}

impl Desktop {
    /// Starts Xvfb, a session bus, dunst, gnome-keyring (unlocked) and tauri-driver. Panics
    /// (failing the test) when any of them cannot start: a test that needs them never passes
    /// without them.
    pub fn start() -> Self {
        Self::start_with(true, true, "1200x800")
    }

    /// As [`Desktop::start`], with no Secret Service on the bus (nothing answers for
    /// `org.freedesktop.secrets`): the workstation whose keystore is not running.
    pub fn start_without_keystore() -> Self {
        Self::start_with(true, false, "1200x800")
    }

    /// As [`Desktop::start`], on a screen of `width` x `height` pixels (the default is
    /// 1200x800): for windows larger than that, and screenshots of exactly one window size.
    pub fn start_with_screen(width: u32, height: u32) -> Self {
        Self::start_with(true, true, &format!("{width}x{height}"))
    }

    /// As [`Desktop::start`], with no notification daemon on the bus.
    pub fn start_without_notification_daemon() -> Self {
        Self::start_with(false, true, "1200x800")
    }

    fn start_with(with_dunst: bool, with_keystore: bool, screen: &str) -> Self {
        let logs = tempfile::Builder::new().prefix("vigil-e2e-logs-").tempdir().expect("logs dir");
        let data_dir =
            tempfile::Builder::new().prefix("vigil-e2e-data-").tempdir().expect("data dir");
        let config_home =
            tempfile::Builder::new().prefix("vigil-e2e-config-").tempdir().expect("config dir");
        let app_home =
            tempfile::Builder::new().prefix("vigil-e2e-home-").tempdir().expect("home dir");

        let mut xvfb_cmd = Command::new("Xvfb");
        xvfb_cmd
            .args(["-displayfd", "1", "-screen", "0", &format!("{screen}x24"), "-nolisten", "tcp"])
            .stdout(Stdio::piped());
        let mut xvfb = Child::spawn("xvfb", xvfb_cmd, logs.path());
        let display = format!(":{}", xvfb.first_line());

        let (dbus, bus_address) = crate::bus::start(logs.path());
        let activatable = crate::bus::activatable_names(&bus_address);
        assert!(activatable.is_empty(), "the test's bus activates nothing: {activatable:?}");

        // Every Notify call on the bus, as the daemon receives it.
        let mut monitor_cmd = Command::new("dbus-monitor");
        monitor_cmd
            .args(["--address", &bus_address, NOTIFY_RULE])
            .stdout(std::fs::File::create(logs.path().join(MONITOR_LOG)).expect("monitor log"));
        let monitor = Child::spawn("dbus-monitor", monitor_cmd, logs.path());
        wait_for("dbus-monitor to attach", Duration::from_secs(15), || {
            std::fs::metadata(logs.path().join(MONITOR_LOG)).ok().filter(|m| m.len() > 0)
        });

        let dunst = with_dunst.then(|| {
            let mut dunst_cmd = Command::new("dunst");
            dunst_cmd
                .env("DISPLAY", &display)
                .env("DBUS_SESSION_BUS_ADDRESS", &bus_address)
                .stdout(Stdio::null());
            let dunst = Child::spawn("dunst", dunst_cmd, logs.path());
            wait_for("dunst to own org.freedesktop.Notifications", Duration::from_secs(15), || {
                crate::bus::name_owned(&bus_address, "org.freedesktop.Notifications").then_some(())
            });
            dunst
        });
        let keystore = with_keystore.then(|| Keystore::start(&bus_address, logs.path()));

        let port = free_port();
        let native_port = free_port();
        let mut driver_cmd = Command::new(tauri_driver());
        driver_cmd
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("DBUS_SESSION_BUS_ADDRESS", &bus_address)
            .env("VIGIL_DATA_DIR", data_dir.path())
            .env("XDG_CONFIG_HOME", config_home.path())
            .env("HOME", app_home.path())
            .env("XDG_DATA_HOME", app_home.path().join(".local/share"))
            .env("XDG_CACHE_HOME", app_home.path().join(".cache"))
            .stdout(Stdio::null());
        let driver = Child::spawn("tauri-driver", driver_cmd, logs.path());
        let driver_url = format!("http://127.0.0.1:{port}");
        wait_for("tauri-driver to listen", Duration::from_secs(15), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).ok()
        });

        Self {
            driver,
            _dunst: dunst,
            keystore,
            _monitor: monitor,
            _dbus: dbus,
            _xvfb: xvfb,
            display,
            bus_address,
            driver_url,
            data_dir,
            config_home,
            app_home,
            logs,
            recovery_key: None,
        }
    }

    /// Launches the app and signs in as the test administrator, creating the account on the
    /// first start: what most tests need before they do anything else.
    pub fn launch_app(&mut self) -> Session {
        let app = self.launch_app_signed_out();
        self.sign_in_admin(app)
    }

    /// As [`Desktop::launch_app`], with extra environment variables for the app's process
    /// alone (and the WebKit processes it starts), e.g. libfaketime's `LD_PRELOAD` and
    /// `FAKETIME`. tauri-driver keeps its own environment: the app is started through a small
    /// script (in this desktop's log folder) that sets `env` and then `exec`s the app.
    pub fn launch_app_with_env(&mut self, env: &[(&str, &str)]) -> Session {
        assert!(
            self.driver.is_running(),
            "tauri-driver exited; see {}",
            self.logs.path().display()
        );
        let script = self.env_script(env);
        let app = Session::launch(&self.driver_url, &script);
        self.sign_in_admin(app)
    }

    /// Writes an executable `sh` script that runs the app with `env` added.
    fn env_script(&self, env: &[(&str, &str)]) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let quoted = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
        let app = crate::app_binary().canonicalize().expect("app path");
        let mut line = String::from("exec env");
        for (name, value) in env {
            assert!(!name.is_empty() && !name.contains('='), "bad variable name {name:?}");
            line.push(' ');
            line.push_str(&quoted(&format!("{name}={value}")));
        }
        line.push(' ');
        line.push_str(&quoted(&app.display().to_string()));
        let count = std::fs::read_dir(self.logs.path()).map(|d| d.count()).unwrap_or(0);
        let path = self.logs.path().join(format!("app-with-env-{count}.sh"));
        std::fs::write(&path, format!("#!/bin/sh\n{line} \"$@\"\n")).expect("write the script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("make the script executable");
        path
    }

    /// Waits for the first page and signs in as the test administrator; on the first start,
    /// starts new records (keeping the recovery key) and creates the administrator first.
    fn sign_in_admin(&mut self, app: Session) -> Session {
        let sign_in = By::heading("Sign in");
        let first_start = wait_for("the first-start or sign-in screen", FIRST_PAGE, || {
            crate::records::first_screen(&app)
                .map(Some)
                .or_else(|| app.try_find(&sign_in).map(|_| None))
        });
        match first_start {
            Some(_) => self.set_up_first_start(&app),
            None => crate::nurse::sign_in(&app, crate::nurse::ADMIN_LABEL, crate::nurse::ADMIN_PIN),
        }
        app
    }

    /// Launches the app under test through WebDriver and waits for its first page, signing in
    /// no one.
    pub fn launch_app_signed_out(&mut self) -> Session {
        assert!(
            self.driver.is_running(),
            "tauri-driver exited; see {}",
            self.logs.path().display()
        );
        Session::launch(&self.driver_url, &crate::app_binary())
    }

    /// A PNG of the whole virtual screen, as a person at the workstation would see it, taken
    /// from the X server (ImageMagick's `import`), not from WebKit's own snapshot.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let path = crate::artifacts_dir().join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status()
            .expect("run ImageMagick import (make setup installs it)");
        assert!(status.success(), "import failed for {}", path.display());
        path
    }

    /// The Notify calls made on the bus so far, each as the list of its string arguments
    /// (app name, icon, summary, body, ...).
    pub fn notifications(&self) -> Vec<Vec<String>> {
        self.timed_notifications().into_iter().map(|(_, args)| args).collect()
    }

    /// The Notify calls with the bus's timestamp of each (Unix seconds).
    pub fn timed_notifications(&self) -> Vec<(f64, Vec<String>)> {
        let log = std::fs::read_to_string(self.logs.path().join(MONITOR_LOG)).unwrap_or_default();
        log.split("\nmethod call ")
            .skip(1)
            .filter_map(|call| {
                let header = call.lines().next()?;
                if !header.contains("member=Notify") {
                    return None;
                }
                let time = header
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("time="))
                    .and_then(|t| t.parse::<f64>().ok())?;
                let args = call
                    .lines()
                    .filter_map(|l| l.trim().strip_prefix("string \""))
                    .map(|l| l.trim_end_matches('"').to_owned())
                    .collect();
                Some((time, args))
            })
            .collect()
    }

    /// Stops (SIGSTOP) the notification daemon: it keeps its name on the bus but never
    /// answers, like a hung daemon. Teardown resumes it so it can end.
    pub fn freeze_notification_daemon(&self) {
        let dunst = self._dunst.as_ref().expect("started with a notification daemon");
        dunst.signal(nix::sys::signal::Signal::SIGSTOP);
    }

    /// SIGKILLs the running app (found by its binary and this desktop's data directory), as
    /// a crash or power loss would end it. Returns how many processes were killed.
    pub fn kill_app(&self) -> usize {
        let pids = self.app_pids();
        for pid in &pids {
            nix::sys::signal::kill(*pid, nix::sys::signal::Signal::SIGKILL)
                .expect("SIGKILL the app");
        }
        pids.len()
    }

    /// The running processes of the app on this desktop's data directory.
    pub fn app_pids(&self) -> Vec<nix::unistd::Pid> {
        let app = crate::app_binary().canonicalize().expect("app path");
        let marker = format!("VIGIL_DATA_DIR={}", self.data_dir.path().display());
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
                continue;
            };
            let exe = std::fs::read_link(entry.path().join("exe")).ok();
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            let ours = environ.split(|b| *b == 0).any(|v| v == marker.as_bytes());
            if exe.as_deref() == Some(app.as_path()) && ours {
                found.push(nix::unistd::Pid::from_raw(pid));
            }
        }
        found
    }

    /// The app's data directory (`VIGIL_DATA_DIR`).
    pub fn data_dir(&self) -> &std::path::Path {
        self.data_dir.path()
    }

    /// The SQLite file the app writes.
    pub fn database(&self) -> PathBuf {
        self.data_dir.path().join("vigil.sqlite3")
    }

    /// The app's `HOME` (WebKit's storage and caches are under it), outside the data
    /// directory.
    pub fn app_home(&self) -> &std::path::Path {
        self.app_home.path()
    }

    /// The folder of the harness's logs (tauri-driver's, which holds the app's stderr).
    pub fn logs_dir(&self) -> &std::path::Path {
        self.logs.path()
    }

    /// Stops the Secret Service (the keystore is not running; its keyring stays on disk).
    pub fn stop_keystore(&mut self) {
        let keystore = self.keystore.as_mut().expect("started with a keystore");
        keystore.stop(&self.bus_address);
    }

    /// Starts the Secret Service stopped by [`Desktop::stop_keystore`] again, on the same
    /// keyring (so the items stored before are there).
    pub fn restart_keystore(&mut self) {
        let keystore = self.keystore.as_mut().expect("started with a keystore");
        keystore.restart(&self.bus_address, self.logs.path());
    }

    /// The app's `XDG_CONFIG_HOME`, outside the data directory.
    pub fn config_home(&self) -> &std::path::Path {
        self.config_home.path()
    }
}

impl Drop for Desktop {
    /// On a failing test, prints what the helpers logged before they are stopped.
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        for name in ["xvfb", "dbus", "dbus-monitor", "dunst", "gnome-keyring", "tauri-driver"] {
            let log = std::fs::read_to_string(self.logs.path().join(format!("{name}.log")));
            eprintln!("--- {name} log ---\n{}", log.unwrap_or_default());
        }
    }
}

const MONITOR_LOG: &str = "notify-calls.log";
const NOTIFY_RULE: &str =
    "type='method_call',interface='org.freedesktop.Notifications',member='Notify'";

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|d| d.join("bin/tauri-driver"));
    match cargo_bin {
        Some(p) if p.is_file() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}
