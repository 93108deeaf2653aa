//! Where papers (PDFs of discharge sheets and REMS forms) are saved: `papers` beside the
//! database. Used by the papers commands, the housekeeping and the data directory check.

use std::path::{Path, PathBuf};

/// The folder papers are saved in: `papers` beside the database.
pub fn papers_folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("papers")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_go_beside_the_database() {
        let db = Path::new("/data/vigil/vigil.db");
        assert_eq!(papers_folder(db), Path::new("/data/vigil/papers"));
        assert_eq!(papers_folder(Path::new("vigil.db")), Path::new("papers"));
    }
}
