//! Protocol settings in the real app: an edit makes a new version that new admissions use,
//! and an edit below the Spravato floor is refused beside its field, changing nothing.

use chrono::{Duration as Span, Local};
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop};

#[test]
fn a_protocol_edit_applies_to_new_admissions_and_the_spravato_floor_holds() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Settings"));

    let spravato = app.find(&By::label("Minimum minutes, Spravato (esketamine)"));
    app.type_into(&spravato, "90");
    app.click(&app.find(&By::button("Save Spravato (esketamine)")));
    wait_for("the refusal", std::time::Duration::from_secs(10), || {
        (app.attribute(&spravato, "aria-invalid").as_deref() == Some("true")).then_some(())
    });
    let error = app.find(&By::xpath("//*[@id='setting-spravato-error']"));
    assert_eq!(app.text(&error), "Spravato (REMS) requires at least 120 minutes of observation.");

    let iv = app.find(&By::label("Minimum minutes, IV ketamine"));
    app.type_into(&iv, "75");
    app.click(&app.find(&By::button("Save IV ketamine")));
    app.find(&By::text("Saved as version 2."));
    desktop.screenshot("settings");

    app.click(&app.find(&By::button("Back to the board")));
    let ended = (Local::now() - Span::minutes(5)).format("%Y-%m-%d %H:%M").to_string();
    AdmitForm::iv("Bay 1", &ended).submit(&app);
    app.find(&By::row("Bay 1"));
    assert_eq!(app.text(&app.find(&By::cell("Bay 1", "Protocol"))), "IV 75 min");

    let db = desktop.open_records();
    let versions: Vec<(String, i64, i64)> = db
        .prepare("SELECT protocol, version, minimum_minutes FROM protocol_versions ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .expect("versions");
    assert_eq!(versions.len(), 4, "three defaults and one edit: {versions:?}");
    assert_eq!(versions[3], ("iv_ketamine".into(), 2, 75));
    let kept: i64 = db
        .query_row(
            "SELECT v.version FROM recovery_sessions s JOIN protocol_versions v ON v.id = s.protocol_version_id",
            [],
            |r| r.get(0),
        )
        .expect("session version");
    assert_eq!(kept, 2);
}
