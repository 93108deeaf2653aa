//! The steps the encryption tests share: the admission, a check and a backup done the way a
//! nurse does them, the key problem screen, the patient's identifiers in every form the app
//! could write them, and reading a write-ahead log and a database without it.

use std::path::{Path, PathBuf};
use std::time::Duration;
use vigil_e2e::disk::Needle;
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session, NAME};

pub const BAY: &str = "Bay 3";
pub const LOCKED: &str = "Vigil's records are locked";
pub const PLAIN_HEADER: &[u8] = b"SQLite format 3";

pub fn admission() -> AdmitForm {
    let ended = chrono::Local::now() - chrono::Duration::minutes(25);
    AdmitForm::iv(BAY, &ended.format("%Y-%m-%d %H:%M").to_string())
}

/// Admits [`admission`] and waits for its row.
pub fn admit(app: &Session) {
    admission().submit(app);
    app.find(&By::row(BAY));
}

/// Records the first vitals of [`BAY`] through the check form.
pub fn record_check(app: &Session) {
    app.click(&app.find(&By::button(&format!("Record check for {BAY}"))));
    app.click(&app.find(&By::option("Symptom grade", "0 None")));
    for (label, value) in
        [("Systolic", "124"), ("Diastolic", "80"), ("Heart rate", "72"), ("SpO2", "97")]
    {
        app.type_into(&app.find(&By::label(label)), value);
    }
    app.click(&app.find(&By::option("Oxygen", "Room air")));
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {BAY}")));
}

/// Makes a backup from Settings ("Back up now"); returns its path and goes back to the board.
pub fn back_up_now(desktop: &Desktop, app: &Session) -> PathBuf {
    app.click(&app.find(&By::button("Settings")));
    app.click(&app.find(&By::button("Back up now")));
    let file = wait_for("the backup", Duration::from_secs(30), || {
        let text = app.text(&app.try_find(&By::containing("Backed up to"))?);
        Some(text.trim_start_matches("Backed up to ").trim_end_matches('.').to_owned())
    });
    app.click(&app.find(&By::button("Back to the board")));
    desktop.data_dir().join("backups").join(file)
}

/// The text of the key problem screen's alerts (its reason), once it shows.
pub fn locked_reason(app: &Session) -> String {
    app.find(&By::heading(LOCKED));
    let alerts = By::xpath("//main//*[@role='alert']");
    let reason = wait_for("the reason", Duration::from_secs(10), || {
        let alert = app.try_find(&alerts)?;
        Some(app.text(&alert)).filter(|t| !t.trim().is_empty())
    });
    println!("the locked screen's reason: {reason}");
    reason
}

/// Signs in after the records opened and finds the patient on the board.
pub fn patient_on_the_board(app: &Session) {
    nurse::sign_in(app, ADMIN_LABEL, ADMIN_PIN);
    assert_eq!(app.text(&app.find(&By::cell(BAY, "Patient"))), NAME);
}

/// The patient's identifiers, each in every form the app could store it: the name as typed,
/// "Last, First" and "Last First"; the chart number; the date of birth in the formats derived
/// from the admitted date. Each as UTF-8 and UTF-16LE, matched in any ASCII case (so upper-
/// and lower-case variants are covered too).
pub fn identifiers() -> Vec<Needle> {
    let form = admission();
    let (first, last) = form.name.rsplit_once(' ').expect("a first and a last name");
    let dob = chrono::NaiveDate::parse_from_str(&form.date_of_birth, "%Y-%m-%d").expect("ISO");
    let mut texts = vec![
        form.name.clone(),
        format!("{last}, {first}"),
        format!("{last},{first}"),
        format!("{last} {first}"),
        form.chart_number.clone(),
    ];
    let formats = ["%Y-%m-%d", "%Y%m%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y"];
    let words = ["%-d %B %Y", "%-d %b %Y", "%B %-d, %Y", "%b %-d, %Y", "%d %b %Y"];
    texts.extend(formats.iter().chain(&words).map(|f| dob.format(f).to_string()));
    texts.sort();
    texts.dedup();
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    texts
        .iter()
        .flat_map(|t| {
            [
                Needle { what: t.clone(), bytes: t.as_bytes().to_vec(), ignore_case: true },
                Needle { what: format!("{t} (UTF-16LE)"), bytes: utf16(t), ignore_case: true },
            ]
        })
        .collect()
}

/// The number of frames in a write-ahead log (its header's magic checked): `(size - 32) /
/// (24 + page size)`, the page size read from the header.
pub fn wal_frames(wal: &[u8]) -> usize {
    let word = |at: usize| u32::from_be_bytes(wal[at..at + 4].try_into().expect("4 bytes"));
    assert!(wal.len() >= 32, "a WAL header is 32 bytes; the file has {}", wal.len());
    assert!(matches!(word(0), 0x377f_0682 | 0x377f_0683), "not a WAL: {:x}", word(0));
    let page = word(8) as usize;
    assert!(page.is_power_of_two() && page >= 512, "page size {page}");
    (wal.len() - 32) / (24 + page)
}

/// How many sessions of the admitted patient the database file at `path` holds without its
/// write-ahead log: the file is copied alone into a folder of its own and opened there with
/// `key` (a wrong key fails the test); no `recovery_sessions` table counts as none.
pub fn admitted_without_wal(path: &Path, key: &str) -> i64 {
    let apart = tempfile::tempdir().expect("a folder for the copy");
    let copy = apart.path().join("alone.sqlite3");
    std::fs::copy(path, &copy).expect("copy the database file alone");
    let conn = vigil_e2e::records::open(&copy, key).expect("the file alone opens with the key");
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .expect("read the schema");
    let has: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'recovery_sessions'", [], |r| {
            r.get(0)
        })
        .expect("read the schema");
    println!("the database file alone: {tables} schema entries");
    if has == 0 {
        return 0;
    }
    conn.query_row("SELECT count(*) FROM recovery_sessions WHERE patient_name = ?1", [NAME], |r| {
        r.get(0)
    })
    .expect("count the sessions")
}
