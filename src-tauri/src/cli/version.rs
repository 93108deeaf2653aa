//! What `vigil --version` says: the app's version, then the schema version its database is
//! brought to, and the SQLite and SQLCipher it carries (what an IT person or a support call
//! needs to know about the records). `-V` says the app's version alone. The About panel
//! (`commands::about`) shows the same [`about`], with the data directory.

use std::sync::OnceLock;
use vigil_core::desktop::AboutInfo;

/// The versions, and `data_dir` as given: the one source of `--version` and the About panel.
pub fn about(data_dir: String) -> AboutInfo {
    static CIPHER: OnceLock<String> = OnceLock::new();
    let cipher = CIPHER.get_or_init(|| {
        vigil_store::cipher::cipher_version().unwrap_or_else(|e| format!("unknown ({e})"))
    });
    AboutInfo {
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: u32::try_from(vigil_store::migrations::latest_version())
            .unwrap_or(u32::MAX),
        sqlite_version: rusqlite::version().into(),
        sqlcipher_version: cipher.clone(),
        data_dir,
    }
}

/// The lines after "vigil " in `vigil --version`, built once.
pub fn long() -> &'static str {
    static LONG: OnceLock<String> = OnceLock::new();
    LONG.get_or_init(|| {
        let about = about(String::new());
        format!(
            "{}\nschema version {}\nSQLite {}\nSQLCipher {}",
            about.app_version, about.schema_version, about.sqlite_version, about.sqlcipher_version,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_about_panel_and_the_version_text_say_the_same_versions() {
        let about = about("/data/dir".into());
        let expected = format!(
            "{}\nschema version {}\nSQLite {}\nSQLCipher {}",
            env!("CARGO_PKG_VERSION"),
            vigil_store::migrations::latest_version(),
            rusqlite::version(),
            vigil_store::cipher::cipher_version().expect("SQLCipher"),
        );
        assert_eq!(long(), expected);
        assert_eq!(about.data_dir, "/data/dir");
        assert!(!about.sqlcipher_version.starts_with("unknown"), "{}", about.sqlcipher_version);
    }
}
