//! The log a clinic can read, in the real app: admitting a fictional patient and adding a note
//! leaves lines in `<data dir>/logs/vigil.<date>.log` naming the session and the note by id,
//! never the patient's name, chart number or the nurse's name, even at `VIGIL_LOG=debug`; the
//! folder is 0700 and the file 0600.

use chrono::{Duration as Span, Local};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, NAME};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

/// The log files in `folder`.
fn log_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default()
}

/// Everything logged so far.
fn logged(folder: &Path) -> String {
    log_files(folder).iter().map(|f| std::fs::read_to_string(f).expect("log file")).collect()
}

#[test]
fn the_log_file_names_records_by_id_and_never_a_name() {
    let first_day = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let mut desktop = Desktop::start();
    let app = desktop.launch_app_with_env(&[("VIGIL_LOG", "debug")]);
    let started = (Local::now() - Span::minutes(20)).format("%Y-%m-%d %H:%M:%S").to_string();
    let admission = AdmitForm::iv("Bay 2", &started);
    admission.submit(&app);
    app.find(&By::row("Bay 2"));
    app.row_action("Bay 2", "Add note for Bay 2");
    app.find(&By::heading("Note for Bay 2"));
    let note = "Asked for water, settled";
    app.type_into(&app.find(&By::label("Note")), note);
    app.click(&app.find(&By::button("Save note")));
    app.find(&By::containing("Note saved for Bay 2"));

    let db = desktop.open_records();
    let ids = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let (session, note_id) =
        (ids("SELECT max(id) FROM recovery_sessions"), ids("SELECT max(id) FROM notes"));

    let folder = desktop.data_dir().join("logs");
    let admitted = format!("admitted session {session}");
    let text = wait_for("the admission's line", Duration::from_secs(10), || {
        let text = logged(&folder);
        text.contains(&admitted).then_some(text)
    });
    assert!(text.contains(&format!("note {note_id} added")), "{text}");
    for private in [NAME, "Testy", "McTestface", &admission.chart_number, note, "Test Admin"] {
        assert!(!text.contains(private), "the log holds {private:?}:\n{text}");
    }

    let files = log_files(&folder);
    // The day's file: of the UTC date at the start or at the end (midnight may pass).
    let ended = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let days = [&first_day, &ended].map(|date| folder.join(format!("vigil.{date}.log")));
    assert!(!files.is_empty() && files.iter().all(|f| days.contains(f)), "the day's: {files:?}");
    assert_eq!(mode(&folder), 0o700);
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    drop(app);
}
