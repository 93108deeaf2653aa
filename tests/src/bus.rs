//! The test's private D-Bus session bus: started from a configuration file this module writes,
//! which is the standard session configuration without its service directories, so that
//! nothing on the bus is started by activation (installing gnome-keyring or dunst puts their
//! `.service` files in `/usr/share/dbus-1/services`): a test runs exactly the daemons it starts.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::process::Child;

/// The session configuration, minus `<standard_session_servicedirs/>` and the includes:
/// listening on a fresh socket under /tmp, EXTERNAL authentication, everything allowed.
const SESSION_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <limit name="max_incoming_bytes">1000000000</limit>
  <limit name="max_outgoing_bytes">1000000000</limit>
  <limit name="max_message_size">1000000000</limit>
  <limit name="auth_timeout">240000</limit>
  <limit name="max_completed_connections">100000</limit>
  <limit name="max_connections_per_user">100000</limit>
  <limit name="max_names_per_connection">50000</limit>
  <limit name="max_match_rules_per_connection">50000</limit>
  <limit name="max_replies_per_connection">50000</limit>
</busconfig>
"#;

/// Starts a session bus from [`SESSION_CONFIG`] (written into `dir`); returns the daemon and
/// its address.
pub fn start(dir: &Path) -> (Child, String) {
    let config = dir.join("session-bus.conf");
    std::fs::write(&config, SESSION_CONFIG).expect("write the bus configuration");
    let mut cmd = Command::new("dbus-daemon");
    cmd.arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--nopidfile", "--print-address=1"])
        .stdout(Stdio::piped());
    let mut daemon = Child::spawn("dbus", cmd, dir);
    let address = daemon.first_line();
    (daemon, address)
}

/// Calls `method` of the bus itself (`org.freedesktop.DBus`) on the bus at `address` with
/// `args`; returns the printed reply. Fails the test when dbus-send fails (no bus, a refused
/// call): a negative answer is only trusted from a bus that answered.
fn call_bus(address: &str, method: &str, args: &[String]) -> String {
    let out = Command::new("dbus-send")
        .env("DBUS_SESSION_BUS_ADDRESS", address)
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
        ])
        .arg(format!("org.freedesktop.DBus.{method}"))
        .args(args)
        .output()
        .expect("run dbus-send");
    assert!(
        out.status.success(),
        "dbus-send {method} on {address} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether `name` has an owner on the bus at `address`.
pub fn name_owned(address: &str, name: &str) -> bool {
    let reply = call_bus(address, "NameHasOwner", &[format!("string:{name}")]);
    match reply.lines().last().map(str::trim) {
        Some("boolean true") => true,
        Some("boolean false") => false,
        _ => panic!("NameHasOwner({name}) gave no boolean: {reply}"),
    }
}

/// The names that can be activated on the bus at `address` (none on a test's bus).
pub fn activatable_names(address: &str) -> Vec<String> {
    let reply = call_bus(address, "ListActivatableNames", &[]);
    assert!(reply.contains("array ["), "ListActivatableNames gave no array: {reply}");
    reply
        .lines()
        .filter_map(|l| l.trim().strip_prefix("string \""))
        .map(|l| l.trim_end_matches('"').to_owned())
        .filter(|n| n != "org.freedesktop.DBus")
        .collect()
}
