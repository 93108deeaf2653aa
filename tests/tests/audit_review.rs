//! The audit trail review in the real app (issue 16, 21 CFR 11.10(e)): the administrator signs
//! out and in twice, opens Audit trail, filters by their own account and the action "sign in",
//! sees exactly those two entries, and exports them as CSV into a folder of their own; the
//! file, parsed by Python's csv module, holds the same entries, and the export is itself one
//! new `export` entry. Real window, real SQLite file, fictional accounts.

use std::path::Path;
use std::process::Command;
use std::time::Duration;
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::{By, Desktop, Session};

/// The file as Python's csv module reads it: each record as a list of fields.
fn python_rows(path: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True))))\n";
    let out = Command::new("python3").args(["-c", script]).arg(path).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The (entry, nurse, action) of each row the screen's table shows; `None` while the table is
/// being redrawn (a row gone between two reads).
fn shown(app: &Session) -> Option<Vec<(String, String, String)>> {
    let table = By::table_starting("Audit entries");
    let cell = |seq: &str, column: &str| {
        app.texts(&By::inside(&table, &By::cell(seq, column))).into_iter().next()
    };
    app.texts(&By::row_headers(&table))
        .into_iter()
        .map(|seq| Some((cell(&seq, "Nurse")?, cell(&seq, "Action")?)).map(|(n, a)| (seq, n, a)))
        .collect()
}

fn sign_out_and_in(app: &Session) {
    app.click(&app.find(&By::button("Sign out")));
    nurse::sign_in(app, ADMIN_LABEL, ADMIN_PIN);
}

#[test]
fn the_admin_filters_the_trail_by_nurse_and_action_and_exports_it() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    sign_out_and_in(&app);
    sign_out_and_in(&app);

    app.open_records_view("Audit trail");
    app.find(&By::heading("Audit trail"));
    app.find(&By::heading("Record integrity"));
    // The first page (every entry) is shown before a filter is chosen.
    wait_for("the first page", Duration::from_secs(15), || {
        shown(&app).filter(|rows| !rows.is_empty()).map(|_| ())
    });
    app.click(&app.find(&By::option("Nurse", ADMIN_LABEL)));
    app.click(&app.find(&By::option("Action", "sign in")));
    app.click(&app.find(&By::button("Filter")));
    let rows = wait_for("the two sign-ins", Duration::from_secs(15), || {
        let rows = shown(&app)?;
        (rows.len() == 2 && rows.iter().all(|r| r.2 == "sign in")).then_some(rows)
    });
    assert!(rows.iter().all(|r| r.1 == ADMIN_LABEL), "{rows:?}");
    let seqs: Vec<i64> = rows.iter().map(|r| r.0.parse().expect("a number")).collect();
    assert!(seqs[0] > seqs[1], "newest first: {seqs:?}");
    desktop.screenshot("audit-trail-filtered");

    app.find(&By::containing("holds patient data"));
    let chosen = tempfile::tempdir().expect("the administrator's folder");
    let folder = app.offered_folder("Export to folder");
    app.type_into(&folder, chosen.path().to_str().expect("utf-8"));
    app.click(&app.find(&By::button("Export the audit trail (CSV)")));
    let saved = wait_for("the saved CSV", Duration::from_secs(15), || {
        app.try_find(&By::containing("Exported:")).map(|el| app.text(&el))
    });
    let path = saved.split("Exported:").nth(1).expect("a path").trim().to_owned();
    let folder = chosen.path().canonicalize().expect("canonical");
    assert!(path.starts_with(folder.to_str().expect("utf-8")), "{path}");

    let csv = python_rows(Path::new(&path));
    assert_eq!(
        csv[0],
        ["seq", "time_utc", "nurse", "action", "records", "detail", "emergency_use"]
    );
    let in_file: Vec<(i64, &str, &str)> = csv[1..]
        .iter()
        .map(|r| (r[0].parse().expect("seq"), r[2].as_str(), r[3].as_str()))
        .collect();
    let want: Vec<(i64, &str, &str)> = seqs.iter().map(|s| (*s, ADMIN_LABEL, "sign_in")).collect();
    assert_eq!(in_file, want);

    let c = desktop.open_records();
    let exports: Vec<(i64, String)> = c
        .prepare("SELECT seq, detail FROM audit_events WHERE action = 'export'")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("export entries");
    assert_eq!(exports.len(), 1, "{exports:?}");
    assert!(exports[0].0 > seqs[0], "{exports:?}");
    assert!(exports[0].1.starts_with("audit trail (account #"), "{}", exports[0].1);
    assert!(exports[0].1.contains("action sign_in"), "{}", exports[0].1);
}
