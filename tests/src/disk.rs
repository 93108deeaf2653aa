//! The app's files as they lie on disk, from a test's side: every file under a folder, the
//! records' files byte for byte (to show that nothing was written), and a scan of raw bytes
//! for secrets and identifiers (the database key as hex and as its 32 bytes, the recovery key
//! with and without dashes).

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::Desktop;

/// Every regular file under `dir`, recursively, sorted. A folder or file the app removes
/// meanwhile (a rotated log, a checkpointed WAL) is left out; any other error fails the test.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Vec::new(),
        Err(e) => panic!("read {}: {e}", dir.display()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            Err(e) => panic!("stat {}: {e}", entry.path().display()),
        };
        if kind.is_dir() {
            found.extend(files_under(&entry.path()));
        } else if kind.is_file() {
            found.push(entry.path());
        }
    }
    found.sort();
    found
}

/// The bytes of `file`, or `None` when it went meanwhile; any other error fails the test.
pub fn read_if_there(file: &Path) -> Option<Vec<u8>> {
    match std::fs::read(file) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => panic!("read {}: {e}", file.display()),
    }
}

/// The records as they lie on disk: every file of the data directory by path, except (and
/// only) these, which the app writes whether or not it opens the records:
/// - `logs/`: the app's log, written at every start (record ids only, never names; the key
///   scans below read it);
/// - `window-state.json`: the window's size and place, saved when it moves or closes; no
///   record is in it;
/// - `vigil.sqlite3.lock`: the single-writer lock, holding the process id of its holder; start-up
///   takes it from the first moment, so it is there even before any record exists.
pub fn records_on_disk(desktop: &Desktop) -> BTreeMap<PathBuf, Vec<u8>> {
    let logs = desktop.data_dir().join("logs");
    let window_state = desktop.data_dir().join("window-state.json");
    let lock = vigil_store::lock_path(&desktop.database());
    files_under(desktop.data_dir())
        .into_iter()
        .filter(|p| !p.starts_with(&logs) && *p != window_state && *p != lock)
        .filter_map(|p| read_if_there(&p).map(|bytes| (p, bytes)))
        .collect()
}

/// Asserts that the records on disk are byte for byte as `before` (`when` says at which
/// moment), naming the files that changed, appeared or went.
pub fn assert_nothing_written(desktop: &Desktop, before: &BTreeMap<PathBuf, Vec<u8>>, when: &str) {
    let after = records_on_disk(desktop);
    let changed: Vec<String> = before
        .keys()
        .chain(after.keys().filter(|p| !before.contains_key(*p)))
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| {
            let len = |m: &BTreeMap<PathBuf, Vec<u8>>| m.get(p).map(Vec::len);
            format!("{} ({:?} -> {:?} bytes)", p.display(), len(before), len(&after))
        })
        .collect();
    assert!(changed.is_empty(), "nothing was written {when}, yet: {changed:?}");
    println!("{when}: the {} files of the records are unchanged", before.len());
}

/// Something that must not be on disk in plain: what it is, and its bytes.
#[derive(Debug, Clone)]
pub struct Needle {
    pub what: String,
    pub bytes: Vec<u8>,
    /// Whether any ASCII case matches (hex digits, recovery keys).
    pub ignore_case: bool,
}

impl Needle {
    /// `text` as UTF-8, in its exact case.
    pub fn text(what: impl Into<String>, text: &str) -> Self {
        Self { what: what.into(), bytes: text.as_bytes().to_vec(), ignore_case: false }
    }

    fn is_in(&self, haystack: &[u8]) -> bool {
        haystack.windows(self.bytes.len()).any(|w| {
            if self.ignore_case {
                w.eq_ignore_ascii_case(&self.bytes)
            } else {
                w == self.bytes.as_slice()
            }
        })
    }
}

/// The database key (64 hex digits) as hex in any case and as its 32 raw bytes, and the
/// recovery key (when given) with its dashes and without, in any case.
pub fn key_needles(hex_key: &str, recovery_key: Option<&str>) -> Vec<Needle> {
    assert!(crate::records::is_key_hex(hex_key), "not a database key");
    let raw: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&hex_key[2 * i..2 * i + 2], 16).expect("hex digits"))
        .collect();
    let mut needles = vec![
        Needle { what: "the database key (hex)".into(), bytes: hex_key.into(), ignore_case: true },
        Needle { what: "the database key (32 bytes)".into(), bytes: raw, ignore_case: false },
    ];
    if let Some(recovery) = recovery_key {
        for (what, text) in
            [("", recovery.to_owned()), (" without dashes", recovery.replace('-', ""))]
        {
            let what = format!("the recovery key{what}");
            needles.push(Needle { what, bytes: text.into_bytes(), ignore_case: true });
        }
    }
    needles
}

/// Each needle found in each file, as "<what> in <file>".
pub fn scan(files: &[PathBuf], needles: &[Needle]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let Some(bytes) = read_if_there(file) else { continue };
        for needle in needles.iter().filter(|n| n.is_in(&bytes)) {
            found.push(format!("{} in {}", needle.what, file.display()));
        }
    }
    found
}

impl Desktop {
    /// Every file the app and the harness wrote on this desktop: the data directory (with the
    /// app's log), the app's home (WebKit's storage and caches) and the harness's logs
    /// (tauri-driver's, with the app's stderr).
    pub fn written_files(&self) -> Vec<PathBuf> {
        let mut files = files_under(self.data_dir());
        files.extend(files_under(self.app_home()));
        files.extend(files_under(self.logs_dir()));
        files
    }

    /// Asserts that neither the database key (hex or raw) nor the recovery key (when given) is
    /// in any file of [`Desktop::written_files`].
    pub fn assert_no_key_on_disk(&self, hex_key: &str, recovery_key: Option<&str>) {
        let files = self.written_files();
        let found = scan(&files, &key_needles(hex_key, recovery_key));
        assert!(found.is_empty(), "a key is in plain on disk: {found:?}");
        println!(
            "no key in the {} files of the data dir, the app's home and the logs",
            files.len()
        );
    }
}
