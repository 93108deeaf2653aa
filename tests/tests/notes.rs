//! Nurse notes in the real app: "Add note for Bay N" on the board, type, save; "Open Bay N"
//! shows the note in the timeline with the nurse, and the database holds one row with its audit
//! entry. Real window, real SQLite file, fictional patient.

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop};

#[test]
fn a_note_added_from_the_board_shows_in_the_patients_timeline() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let started = (Local::now() - Span::minutes(20)).format("%Y-%m-%d %H:%M:%S").to_string();
    AdmitForm::iv("Bay 3", &started).submit(&app);
    app.find(&By::row("Bay 3"));

    app.row_action("Bay 3", "Add note for Bay 3");
    app.find(&By::heading("Note for Bay 3"));
    let text = "Asked for water, drank 200 ml, settled";
    app.type_into(&app.find(&By::label("Note")), text);
    desktop.screenshot("note-form");
    app.click(&app.find(&By::button("Save note")));
    app.find(&By::containing("Note saved for Bay 3"));

    app.click(&app.find(&By::button("Open Bay 3")));
    app.find(&By::heading("Bay 3: Testy McTestface"));
    let entry = By::xpath(format!(
        "//ol[@aria-labelledby='timeline-title']/li[contains(normalize-space(), 'Note: {text}')]"
    ));
    let entry =
        wait_for("the note in the timeline", Duration::from_secs(10), || app.try_find(&entry));
    let shown = app.text(&entry);
    assert!(shown.starts_with("Note"), "labelled as a note: {shown}");
    assert!(shown.contains("Test Admin"), "with the nurse: {shown}");
    app.execute("document.getElementById('timeline-title').scrollIntoView()");
    desktop.screenshot("note-in-timeline");

    let db = desktop.open_records();
    let (stored, who): (String, String) = db
        .query_row(
            "SELECT n.text, p.display_name FROM notes n JOIN nurses p ON p.id = n.recorded_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("one note row");
    assert_eq!((stored.as_str(), who.as_str()), (text, "Test Admin"));
    let audited: i64 = db
        .query_row("SELECT count(*) FROM audit_events WHERE action = 'add_note'", [], |r| r.get(0))
        .expect("count");
    assert_eq!(audited, 1);
}
