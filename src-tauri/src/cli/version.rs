//! What `vigil --version` says: the app's version, then the schema version its database is
//! brought to, and the SQLite and SQLCipher it carries (what an IT person or a support call
//! needs to know about the records). `-V` says the app's version alone.

use std::sync::OnceLock;

/// The lines after "vigil " in `vigil --version`, built once.
pub fn long() -> &'static str {
    static LONG: OnceLock<String> = OnceLock::new();
    LONG.get_or_init(|| {
        let cipher =
            vigil_store::cipher::cipher_version().unwrap_or_else(|e| format!("unknown ({e})"));
        format!(
            "{}\nschema version {}\nSQLite {}\nSQLCipher {cipher}",
            env!("CARGO_PKG_VERSION"),
            vigil_store::migrations::latest_version(),
            rusqlite::version(),
        )
    })
}
