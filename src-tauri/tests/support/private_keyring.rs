//! A private D-Bus session bus with no service activation (so nothing on it starts by itself)
//! and, on request, a real `gnome-keyring-daemon` on it (secrets component only, its own home,
//! data and runtime folders, the login keyring created and unlocked with a password read from
//! stdin, so the default collection exists and nothing prompts). The same recipe as the
//! end-to-end harness's (tests/src/bus.rs, tests/src/keystore.rs). Needs dbus-daemon,
//! dbus-send and gnome-keyring-daemon.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// A running private bus (and keyring, if started); both are killed on drop.
#[derive(Debug)]
pub struct PrivateBus {
    pub address: String,
    pub root: tempfile::TempDir,
    bus: Child,
    keyring: Option<Child>,
}

impl PrivateBus {
    /// Starts `dbus-daemon` on a configuration without service directories.
    pub fn start() -> Self {
        let root = tempfile::tempdir().expect("tempdir");
        let config = root.path().join("bus.conf");
        std::fs::write(&config, CONFIG).expect("bus configuration");
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--nopidfile", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon (package dbus-daemon)");
        let mut address = String::new();
        let stdout = bus.stdout.take().expect("stdout");
        BufReader::new(stdout).read_line(&mut address).expect("the bus address");
        Self { address: address.trim().to_owned(), root, bus, keyring: None }
    }

    /// Starts gnome-keyring-daemon on the bus, waits until it answers as the Secret Service.
    pub fn with_keyring() -> Self {
        let mut this = Self::start();
        let mut cmd = Command::new("gnome-keyring-daemon");
        cmd.args(["--foreground", "--components=secrets", "--unlock"]);
        let mut keyring = this
            .env(&mut cmd)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon (package gnome-keyring)");
        let mut stdin = keyring.stdin.take().expect("stdin");
        stdin.write_all(b"test-keyring-password").expect("the keyring password");
        drop(stdin); // end of the password
        this.keyring = Some(keyring);
        let deadline = Instant::now() + Duration::from_secs(15);
        while !this.name_owned("org.freedesktop.secrets") {
            assert!(Instant::now() < deadline, "gnome-keyring did not answer within 15 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        this
    }

    /// `cmd` pointed at this bus, with its own home, config, data and runtime folders, and no
    /// display (nothing may prompt).
    pub fn env<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        let dir = |name: &str| {
            let path = self.root.path().join(name);
            std::fs::create_dir_all(&path).expect("folder");
            let owner_only = std::os::unix::fs::PermissionsExt::from_mode(0o700);
            std::fs::set_permissions(&path, owner_only).expect("0700");
            path
        };
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("HOME", dir("home"))
            .env("XDG_CONFIG_HOME", dir("config"))
            .env("XDG_DATA_HOME", dir("data"))
            .env("XDG_RUNTIME_DIR", dir("runtime"))
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
    }

    fn name_owned(&self, name: &str) -> bool {
        let mut cmd = Command::new("dbus-send");
        self.env(&mut cmd)
            .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus"])
            .args(["/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner"])
            .arg(format!("string:{name}"))
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
            .unwrap_or(false)
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        for child in self.keyring.iter_mut().chain(Some(&mut self.bus)) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
