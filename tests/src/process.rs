//! Child processes that are always stopped: each runs in its own process group, and dropping
//! a [`Child`] sends SIGTERM to the group, waits, and only then resorts to SIGKILL.

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A running child process in its own process group.
#[derive(Debug)]
pub struct Child {
    name: &'static str,
    inner: std::process::Child,
}

impl Child {
    /// Spawns `cmd` in a new process group, stderr to a log file under `log_dir`.
    pub fn spawn(name: &'static str, mut cmd: Command, log_dir: &std::path::Path) -> Self {
        let log = std::fs::File::create(log_dir.join(format!("{name}.log"))).expect("log file");
        cmd.process_group(0).stdin(Stdio::null()).stderr(log);
        let inner = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name} ({cmd:?}): {e}; run `make setup`"));
        Self { name, inner }
    }

    /// As [`Child::spawn`], with `input` written to the child's stdin, which is then closed
    /// (e.g. a password the child reads up to the end of its input).
    pub fn spawn_with_input(
        name: &'static str,
        mut cmd: Command,
        log_dir: &std::path::Path,
        input: &[u8],
    ) -> Self {
        use std::io::Write;
        let log = std::fs::File::create(log_dir.join(format!("{name}.log"))).expect("log file");
        cmd.process_group(0).stdin(Stdio::piped()).stderr(log);
        let mut inner = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name} ({cmd:?}): {e}; run `make setup`"));
        let mut stdin = inner.stdin.take().expect("stdin piped");
        stdin.write_all(input).unwrap_or_else(|e| panic!("write {name}'s input: {e}"));
        drop(stdin);
        Self { name, inner }
    }

    /// Reads the first line the child prints on its stdout (which must be piped).
    pub fn first_line(&mut self) -> String {
        let out = self.inner.stdout.take().expect("stdout piped");
        let mut line = String::new();
        BufReader::new(out).read_line(&mut line).expect("read stdout");
        assert!(!line.is_empty(), "{} exited before printing", self.name);
        line.trim().to_owned()
    }

    /// Sends `signal` to the child's process group.
    pub fn signal(&self, signal: Signal) {
        killpg(Pid::from_raw(self.inner.id() as i32), signal).expect("signal the child");
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.inner.try_wait(), Ok(None))
    }

    fn stop(&mut self) {
        if !self.is_running() {
            return;
        }
        let group = Pid::from_raw(self.inner.id() as i32);
        let _ = killpg(group, Signal::SIGTERM);
        // A stopped process (see `Desktop::freeze_notification_daemon`) must run to end.
        let _ = killpg(group, Signal::SIGCONT);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if !self.is_running() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("e2e: {} ignored SIGTERM for 5 s; killing it", self.name);
        let _ = killpg(group, Signal::SIGKILL);
        let _ = self.inner.wait();
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Polls `probe` every 100 ms until it returns `Some`, or panics after `limit` naming `what`.
/// A bounded wait for something to become true, not a measurement of speed.
pub fn wait_for<T>(what: &str, limit: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(Instant::now() < deadline, "gave up after {limit:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}
