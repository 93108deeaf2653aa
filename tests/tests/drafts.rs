//! Nothing a nurse typed is lost when the app is killed: the admit, check and against-advice
//! forms keep a draft in the database as they are typed, and the restarted app gives it back.

use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, NAME};

fn draft(desktop: &Desktop) -> Option<String> {
    draft_of(desktop, "admit")
}

fn draft_of(desktop: &Desktop, form: &str) -> Option<String> {
    let db = desktop.open_records();
    db.query_row("SELECT content FROM form_drafts WHERE form = ?1", [form], |r| r.get(0)).ok()
}

#[test]
fn a_half_typed_admission_survives_a_kill_and_is_restored() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Admit patient")));
    app.type_into(&app.find(&By::label("Patient name")), NAME);
    app.type_into(&app.find(&By::label("Bay")), "Bay 3");
    app.type_into(&app.find(&By::label("Note")), "Typed before the power cut.");
    wait_for("the draft on disk", Duration::from_secs(10), || {
        draft(&desktop).filter(|d| d.contains("power cut"))
    });

    assert_eq!(desktop.kill_app(), 1);
    drop(app);
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Admit patient")));
    app.find(&By::xpath("//*[@role='status'][contains(., 'Restored what was typed')]"));
    let name = app.find(&By::label("Patient name"));
    wait_for("the restored name", Duration::from_secs(10), || {
        (app.value(&name) == NAME).then_some(())
    });
    assert_eq!(app.value(&app.find(&By::label("Bay"))), "Bay 3");
    assert_eq!(app.value(&app.find(&By::label("Note"))), "Typed before the power cut.");

    // Finishing the admission takes the draft with it.
    for (label, value) in [
        ("Chart number", "TEST-0001"),
        ("Date of birth", "1980-02-29"),
        ("Dose (mg)", "35"),
        ("Weight (kg)", "70"),
    ] {
        app.type_into(&app.find(&By::label(label)), value);
    }
    app.click(&app.find(&By::button("Admit")));
    app.find(&By::row("Bay 3"));
    wait_for("the draft to go", Duration::from_secs(10), || {
        draft(&desktop).is_none().then_some(())
    });
}

#[test]
fn a_half_typed_check_survives_a_kill_and_is_offered_back() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let started = (chrono::Local::now() - chrono::Duration::minutes(30)).format("%Y-%m-%d %H:%M");
    AdmitForm::iv("Bay 2", &started.to_string()).submit(&app);
    app.click(&app.find(&By::button("Record check for Bay 2")));
    app.type_into(&app.find(&By::label("Systolic")), "131");
    app.type_into(&app.find(&By::label("Note")), "Typed before the power cut.");
    wait_for("the check draft on disk", Duration::from_secs(10), || {
        draft_of(&desktop, "check").filter(|d| d.contains("power cut"))
    });

    assert_eq!(desktop.kill_app(), 1);
    drop(app);
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Resume check for Bay 2")));
    app.find(&By::heading(&format!("Check for Bay 2 ({NAME})")));
    assert_eq!(app.value(&app.find(&By::label("Systolic"))), "131");
    assert_eq!(app.value(&app.find(&By::label("Note"))), "Typed before the power cut.");
    app.click(&app.find(&By::button("Cancel")));
    wait_for("the discarded draft to go", Duration::from_secs(10), || {
        draft_of(&desktop, "check").is_none().then_some(())
    });
}

#[test]
fn a_half_typed_against_advice_form_survives_a_kill_and_is_recorded_after_it() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let started = (chrono::Local::now() - chrono::Duration::minutes(20)).format("%Y-%m-%d %H:%M");
    AdmitForm::iv("Bay 6", &started.to_string()).submit(&app);
    app.row_action("Bay 6", "Left against advice: Bay 6");
    let actions = "Explained the risks twice; offered to call a taxi.";
    app.type_into(&app.find(&By::label("Actions taken")), actions);
    app.click(&app.find(&By::option("Says they will drive", "No")));
    wait_for("the against-advice draft on disk", Duration::from_secs(10), || {
        draft_of(&desktop, "against_advice").filter(|d| d.contains("offered to call a taxi"))
    });

    assert_eq!(desktop.kill_app(), 1);
    drop(app);
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("Resume against-advice form for Bay 6")));
    app.find(&By::heading("Leaving against advice: Bay 6"));
    assert_eq!(app.value(&app.find(&By::label("Actions taken"))), actions);
    assert_eq!(app.value(&app.find(&By::label("Says they will drive"))), "no");
    app.click(&app.find(&By::button("Record leaving against advice")));
    wait_for("the patient to leave the board", Duration::from_secs(10), || {
        app.try_find(&By::button("Record check for Bay 6")).is_none().then_some(())
    });
    assert!(draft_of(&desktop, "against_advice").is_none(), "the record took its draft");
}
