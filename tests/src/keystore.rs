//! A real Secret Service for one test: Debian's `gnome-keyring-daemon` (secrets component
//! only) on the test's private bus, with its own data, runtime and home folders, its login
//! keyring created and unlocked with a test password read from stdin, so the default
//! collection exists and nothing ever prompts; it can be stopped and started again on the
//! same keyring. Plus `secret-tool` helpers that read, replace
//! and remove items on that bus, as a person at the workstation could.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::process::{wait_for, Child};

/// The test keyring's password (the login keyring is created with it and unlocked).
const PASSWORD: &str = "vigil-e2e-keyring";
/// The Secret Service's name on the bus.
const SECRETS_NAME: &str = "org.freedesktop.secrets";

/// A gnome-keyring-daemon and the folders it keeps its keyrings in; the daemon can be stopped
/// and started again on the same folders (so the items stored before are there again).
#[derive(Debug)]
pub struct Keystore {
    // Drop order: the daemon before its folders.
    daemon: Option<Child>,
    home: tempfile::TempDir,
}

impl Keystore {
    /// Starts the daemon on the bus at `bus_address` (its log in `log_dir`), waits until it
    /// owns `org.freedesktop.secrets`, and checks that an item can be stored, read back and
    /// removed. Panics (failing the test) when any of that does not work.
    pub fn start(bus_address: &str, log_dir: &Path) -> Self {
        let home =
            tempfile::Builder::new().prefix("vigil-e2e-keyring-").tempdir().expect("keyring home");
        let mut keystore = Self { daemon: None, home };
        keystore.restart(bus_address, log_dir);
        keystore
    }

    /// Stops the daemon (SIGTERM to its process group) and waits until nothing owns
    /// `org.freedesktop.secrets` on the bus: the keystore is not running. Its folders stay.
    pub fn stop(&mut self, bus_address: &str) {
        drop(self.daemon.take().expect("the keystore is running"));
        wait_for("org.freedesktop.secrets to have no owner", Duration::from_secs(15), || {
            (!crate::bus::name_owned(bus_address, SECRETS_NAME)).then_some(())
        });
    }

    /// Starts the daemon again on the same folders (its login keyring unlocked with the same
    /// password), as [`Keystore::start`] does.
    pub fn restart(&mut self, bus_address: &str, log_dir: &Path) {
        assert!(self.daemon.is_none(), "the keystore is already running");
        let dir = |name: &str| {
            let path = self.home.path().join(name);
            std::fs::create_dir_all(&path).expect("keyring folder");
            path
        };
        let runtime = dir("runtime");
        let owner_only = std::os::unix::fs::PermissionsExt::from_mode(0o700);
        std::fs::set_permissions(&runtime, owner_only).expect("runtime dir 0700");
        let mut cmd = Command::new("gnome-keyring-daemon");
        cmd.args(["--foreground", "--components=secrets", "--unlock"])
            .env("DBUS_SESSION_BUS_ADDRESS", bus_address)
            .env("HOME", dir("home"))
            .env("XDG_DATA_HOME", dir("data"))
            .env("XDG_CONFIG_HOME", dir("config"))
            .env("XDG_RUNTIME_DIR", &runtime)
            .env_remove("DISPLAY")
            .stdout(Stdio::null());
        let daemon = Child::spawn_with_input("gnome-keyring", cmd, log_dir, PASSWORD.as_bytes());
        wait_for("gnome-keyring to own org.freedesktop.secrets", Duration::from_secs(15), || {
            crate::bus::name_owned(bus_address, SECRETS_NAME).then_some(())
        });
        self.daemon = Some(daemon);
        let probe = [("service", "vigil-e2e-probe"), ("username", "probe")];
        store(bus_address, &probe, "probe-secret");
        assert_eq!(lookup(bus_address, &probe).as_deref(), Some("probe-secret"), "keyring probe");
        clear(bus_address, &probe);
        assert_eq!(lookup(bus_address, &probe), None, "keyring probe removed");
    }
}

fn secret_tool(bus_address: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new("secret-tool");
    cmd.env("DBUS_SESSION_BUS_ADDRESS", bus_address).env_remove("DISPLAY").args(args);
    cmd
}

fn pairs<'a>(attributes: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    attributes.iter().flat_map(|(k, v)| [*k, *v]).collect()
}

/// The secret of the item matching `attributes`, if there is one (`secret-tool lookup`).
/// Fails the test when secret-tool reports an error (e.g. no keystore answers): "no item" is
/// an exit status 1 with nothing on stderr.
pub fn lookup(bus_address: &str, attributes: &[(&str, &str)]) -> Option<String> {
    let out = run_lookup(bus_address, attributes);
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.trim().is_empty(), "secret-tool lookup {attributes:?} failed: {error}");
    (out.status.success() && !out.stdout.is_empty())
        .then(|| String::from_utf8(out.stdout).expect("a text secret"))
}

/// The error `secret-tool lookup` reports on a bus where no keystore answers; fails the test
/// when the lookup succeeds or fails without an error message.
pub fn lookup_error(bus_address: &str, attributes: &[(&str, &str)]) -> String {
    let out = run_lookup(bus_address, attributes);
    let error = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    assert!(!out.status.success() && !error.is_empty(), "secret-tool lookup did not fail");
    error
}

fn run_lookup(bus_address: &str, attributes: &[(&str, &str)]) -> std::process::Output {
    let mut args = vec!["lookup"];
    args.extend(pairs(attributes));
    secret_tool(bus_address, &args).output().expect("run secret-tool")
}

/// Stores `secret` under `attributes` in the default collection, replacing an item with the
/// same attributes (`secret-tool store`, the secret on stdin).
pub fn store(bus_address: &str, attributes: &[(&str, &str)], secret: &str) {
    use std::io::Write;
    let mut args = vec!["store", "--label", "vigil-e2e"];
    args.extend(pairs(attributes));
    let mut child = secret_tool(bus_address, &args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("run secret-tool");
    child.stdin.take().expect("stdin").write_all(secret.as_bytes()).expect("write the secret");
    let status = child.wait().expect("secret-tool store");
    assert!(status.success(), "secret-tool store {attributes:?} failed");
}

/// Removes every item matching `attributes` (`secret-tool clear`; none is not an error, a
/// failure of secret-tool is).
pub fn clear(bus_address: &str, attributes: &[(&str, &str)]) {
    let out = secret_tool(bus_address, &["clear"]).args(pairs(attributes)).output();
    let out = out.expect("run secret-tool");
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "secret-tool clear {attributes:?} failed: {error}");
}
