//! What the tests of the built binary's commands share: a workstation of their own in a
//! temporary folder (its HOME and XDG_CONFIG_HOME there; no display; no keystore: the session
//! bus address names a socket nobody listens on, so nothing reaches the desktop's real
//! keystore), a data directory whose key is kept in a key file outside it, running `vigil`
//! with what is typed on its standard input, and a snapshot of every file to show that a
//! refused command wrote nothing.
#![allow(dead_code)] // each test file uses a part

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use vigil_app::key_home::{self, KeyHome};
use vigil_store::{DbKey, DB_FILE_NAME};

/// How long a command may take before it counts as hanging (a keystore that never answers).
const HANG: Duration = Duration::from_secs(60);

/// The key the tests' records are encrypted with.
pub fn key() -> DbKey {
    DbKey::from_bytes([7; 32])
}

/// Another records' key.
pub fn other_key() -> DbKey {
    DbKey::from_bytes([9; 32])
}

/// The recovery key of `key`, as printed on paper.
pub fn recovery_key(key: &DbKey) -> String {
    vigil_core::recovery_key::encode(key.as_bytes())
}

/// A temporary workstation: `root/home` its user's home, `root/data` the data directory.
pub struct Workstation {
    root: tempfile::TempDir,
}

impl Workstation {
    pub fn new() -> Self {
        let root = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(root.path().join("home")).expect("home");
        Self { root }
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn data(&self) -> PathBuf {
        self.root().join("data")
    }

    pub fn db(&self) -> PathBuf {
        self.data().join(DB_FILE_NAME)
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    /// The default key file: `$XDG_CONFIG_HOME/vigil/records.key`.
    pub fn key_file(&self) -> PathBuf {
        self.home().join(".config/vigil/records.key")
    }

    /// Keeps `key` for the data directory in the default key file (0600, outside it), and says
    /// so in `<data>/key-home`, as the app's "keep the key in a file" does.
    pub fn keep_key_in_file(&self, key: &DbKey) {
        std::fs::create_dir_all(self.data()).expect("data");
        key_home::store(&self.data(), key, &KeyHome::KeyFile(self.key_file())).expect("kept");
    }

    /// Runs `vigil ARGS` on the data directory, `typed` written to its standard input (none:
    /// it reads nothing).
    pub fn vigil(&self, args: &[&str], typed: Option<&str>) -> Output {
        self.vigil_on(&self.data(), args, typed)
    }

    /// [`Workstation::vigil`] on the data directory `data`.
    pub fn vigil_on(&self, data: &Path, args: &[&str], typed: Option<&str>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_vigil"));
        command
            .args(args)
            .env("VIGIL_DATA_DIR", data)
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("DBUS_SESSION_BUS_ADDRESS", dead_bus(self.root()))
            .env_remove("VIGIL_LOG")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(if typed.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("run vigil");
        if let Some(typed) = typed {
            let mut stdin = child.stdin.take().expect("stdin");
            // The command may stop before it reads (a refusal): a broken pipe is its answer.
            let _ = stdin.write_all(typed.as_bytes());
        }
        let deadline = Instant::now() + HANG;
        while child.try_wait().expect("wait").is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("vigil {args:?} still runs after {HANG:?}: it hangs");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().expect("vigil's answer")
    }
}

/// A session bus address where nothing listens (no keystore answers there).
pub fn dead_bus(root: &Path) -> String {
    format!("unix:path={}", root.join("no-bus-here").display())
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir` with its length and a hash of its bytes (folders as `(0, 0)`):
/// equal snapshots, nothing written.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (usize, u64)> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files.insert(path.clone(), (0, 0));
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                let mut hasher = std::hash::DefaultHasher::new();
                bytes.hash(&mut hasher);
                files.insert(path.clone(), (bytes.len(), hasher.finish()));
            }
        }
    }
    files
}

/// A connection to the encrypted records at `db` (for the tests' own reading and tampering).
pub fn keyed(db: &Path) -> rusqlite::Connection {
    vigil_store::cipher::open_keyed(db, &key()).expect("open keyed")
}
