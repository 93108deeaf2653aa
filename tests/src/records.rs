//! The app's encrypted records from a test's side: the key the app keeps (in the desktop's
//! Secret Service, or in its key file), opening the SQLCipher database, a copy or a backup
//! with that key, and the first-start screens in front of the records ("Set up Vigil's
//! records", the recovery key shown once, the recovery key form).

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

use crate::{keystore, By, Desktop, Session};

/// The keystore item's service, as the app stores it.
pub const SERVICE: &str = "Vigil";
/// The first-start heading in front of the records.
pub const SET_UP: &str = "Set up Vigil's records";
/// The first-administrator heading.
const WELCOME: &str = "Welcome to Vigil";

/// Which first-start screen the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstScreen {
    /// "Set up Vigil's records": no records yet.
    SetUpRecords,
    /// "Welcome to Vigil": records exist, no administrator yet.
    FirstAdmin,
}

/// The first-start screen the app shows now, if any.
pub fn first_screen(app: &Session) -> Option<FirstScreen> {
    if app.try_find(&By::heading(SET_UP)).is_some() {
        Some(FirstScreen::SetUpRecords)
    } else {
        app.try_find(&By::heading(WELCOME)).map(|_| FirstScreen::FirstAdmin)
    }
}

/// Whether `key` is a database key as the app stores it: 64 hexadecimal digits.
pub fn is_key_hex(key: &str) -> bool {
    key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Opens the SQLCipher file at `path` read-only with the raw key `key_hex` (64 hex digits):
/// `PRAGMA key = "x'<hex>'"`, then a read of its schema, so a wrong key or a plain file is an
/// error here, not later.
pub fn open(path: &Path, key_hex: &str) -> rusqlite::Result<Connection> {
    assert!(is_key_hex(key_hex), "not a database key: {} characters", key_hex.len());
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.execute_batch(&format!("PRAGMA key = \"x'{key_hex}'\";"))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    Ok(conn)
}

/// The recovery key on "Your recovery key" (14 groups of 4 characters joined by `-`);
/// confirms it was kept safe.
pub fn take_recovery_key(app: &Session) -> String {
    app.find(&By::heading("Your recovery key"));
    let output = app.find(&By::xpath(
        "//*[@aria-label='Recovery key'][not(self::input) and not(self::textarea)]",
    ));
    let key = app.text(&output).trim().to_owned();
    let groups: Vec<&str> = key.split('-').collect();
    assert!(
        groups.len() == 14 && groups.iter().all(|g| g.len() == 4),
        "a recovery key is 14 groups of 4 characters; shown: {} characters",
        key.len()
    );
    app.click(&app.find(&By::button("I have kept the recovery key safe")));
    key
}

/// Fills the recovery key form ("Recovery key", on first start "Records file", where to keep
/// the key) and submits it with "Open the records".
pub fn open_with_recovery_key(app: &Session, key: &str, file: Option<&Path>, in_keystore: bool) {
    app.type_into(&app.find(&By::label("Recovery key")), key);
    if let Some(file) = file {
        app.type_into(&app.find(&By::label("Records file")), &file.display().to_string());
    }
    let home = if in_keystore { "The workstation's keystore" } else { "A key file (weaker)" };
    app.click(&app.find(&By::radio(home)));
    app.click(&app.find(&By::button("Open the records")));
}

impl Desktop {
    /// On the first-start screens: starts new records (keeping the recovery key shown, see
    /// [`Desktop::recovery_key`]) when the app asks, then creates the test administrator.
    pub fn set_up_first_start(&mut self, app: &Session) {
        let screen = crate::process::wait_for(
            "a first-start screen",
            std::time::Duration::from_secs(20),
            || first_screen(app),
        );
        if screen == FirstScreen::SetUpRecords {
            app.click(&app.find(&By::button("Start new records")));
            self.recovery_key = Some(take_recovery_key(app));
        }
        crate::nurse::set_up_first_admin(app);
    }

    /// Quits the app the ordinary way (the WebDriver session ends, and the window with it)
    /// and waits until its process has ended (so it no longer touches its files).
    pub fn quit_app(&self, app: Session) {
        drop(app);
        crate::process::wait_for("the app to quit", std::time::Duration::from_secs(20), || {
            self.app_pids().is_empty().then_some(())
        });
    }

    /// The recovery key this desktop's app showed when it started new records.
    pub fn recovery_key(&self) -> String {
        self.recovery_key.clone().expect("the app started new records on this desktop")
    }

    /// The keystore item's user name for this desktop's data directory:
    /// `records:<canonical data dir path>`.
    pub fn keystore_user(&self) -> String {
        let dir = self.data_dir().canonicalize().expect("canonical data dir");
        format!("records:{}", dir.display())
    }

    /// The key the app kept for its records (64 hex digits): from the key file when
    /// `<data>/key-home` names one, else from the desktop's Secret Service.
    pub fn records_key(&self) -> String {
        let home = std::fs::read_to_string(self.data_dir().join("key-home")).unwrap_or_default();
        let key = match home.trim().strip_prefix("key-file ") {
            Some(file) => std::fs::read_to_string(file)
                .unwrap_or_else(|e| panic!("the key file {file}: {e}"))
                .trim_end()
                .to_owned(),
            None => self.keystore_secret().expect("the app's key in the keystore"),
        };
        assert!(is_key_hex(&key), "the stored key is not 64 hex digits ({} chars)", key.len());
        key
    }

    /// The secret of the app's keystore item, if there is one.
    pub fn keystore_secret(&self) -> Option<String> {
        let user = self.keystore_user();
        keystore::lookup(&self.bus_address, &[("service", SERVICE), ("username", &user)])
    }

    /// Removes the app's keystore item (as a keyring reset or a cleaning tool would).
    pub fn remove_keystore_entry(&self) {
        let user = self.keystore_user();
        keystore::clear(&self.bus_address, &[("service", SERVICE), ("username", &user)]);
        assert_eq!(self.keystore_secret(), None, "the keystore item is gone");
    }

    /// Replaces the app's keystore item's secret with `secret`, with the attributes the
    /// `keyring` crate gives its items (so the app finds this one).
    pub fn replace_keystore_entry(&self, secret: &str) {
        self.remove_keystore_entry();
        let user = self.keystore_user();
        let attributes = [
            ("service", SERVICE),
            ("username", user.as_str()),
            ("target", "default"),
            ("application", "rust-keyring"),
        ];
        keystore::store(&self.bus_address, &attributes, secret);
        assert_eq!(self.keystore_secret().as_deref(), Some(secret), "the keystore item replaced");
    }

    /// The app's database, opened read-only with its key.
    pub fn open_records(&self) -> Connection {
        self.open_records_file(&self.database())
    }

    /// Another file of this app's records (a backup, a copy), opened read-only with its key.
    pub fn open_records_file(&self, path: &Path) -> Connection {
        open(path, &self.records_key())
            .unwrap_or_else(|e| panic!("open {} with the app's key: {e}", path.display()))
    }
}
