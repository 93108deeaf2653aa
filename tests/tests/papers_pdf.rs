//! A discharge sheet for a patient whose name is beyond Latin-1, saved as PDF in the real app
//! and read back with `pdftotext`: the name prints exactly as typed (embedded Unicode fonts,
//! issue 16). Fictional people only.

use chrono::{Duration as Span, Local};
use std::process::Command;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop};

#[allow(dead_code)]
#[path = "discharge/steps.rs"]
mod steps;

use steps::{choose, tick, type_in};

const NAME: &str = "Nguyễn Thị Ánh";

#[test]
fn a_discharge_sheet_saved_as_pdf_prints_a_vietnamese_name_exactly() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let ended = (Local::now() - Span::minutes(5)).format("%Y-%m-%d %H:%M:%S").to_string();
    let form = AdmitForm { name: NAME.into(), ..AdmitForm::iv("Bay 4", &ended) };
    form.submit(&app);
    app.find(&By::row("Bay 4"));
    // The quickest way off the board: leaving against advice (a sheet is for those who left).
    app.row_action("Bay 4", "Left against advice: Bay 4");
    app.find(&By::heading("Leaving against advice: Bay 4"));
    tick(&app, "Risks explained to the patient");
    tick(&app, "Prescriber notified");
    type_in(&app, "Prescriber's name", "Dr Test Prescriber");
    type_in(&app, "Notified at", &Local::now().format("%Y-%m-%d %H:%M").to_string());
    choose(&app, "Says they will drive", "No");
    type_in(&app, "Actions taken", "Explained the risks; the escort took them home.");
    tick(&app, "Patient refused to sign");
    type_in(&app, "Witness", "Test Witness, RN");
    app.click(&app.find(&By::button("Record leaving against advice")));
    app.click(&app.find(&By::button("Discharge sheet for Bay 4")));
    app.find(&By::heading("Discharge sheet"));
    let chosen = tempfile::tempdir().expect("the nurse's folder");
    type_in(&app, "Save in folder", chosen.path().to_str().expect("utf-8"));
    app.click(&app.find(&By::button("Save as PDF")));
    let saved = wait_for("the saved PDF", Duration::from_secs(15), || {
        app.try_find(&By::containing("Saved as PDF:")).map(|el| app.text(&el))
    });
    let path = saved.split("Saved as PDF:").nth(1).expect("a path").trim().to_owned();
    assert!(!path.contains("Nguy"), "no patient name in the file name: {path}");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", &path, "-"])
        .output()
        .expect("pdftotext runs (poppler-utils, scripts/setup.sh)");
    assert!(
        out.status.success(),
        "poppler reads the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    assert!(text.contains(NAME), "the PDF prints {NAME:?} exactly:\n{text}");
    assert!(!text.contains("Nguy?n"), "no replacement characters:\n{text}");
    desktop.screenshot("papers-pdf-unicode-name");
}
