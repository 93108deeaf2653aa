//! The housekeeping: drafts older than the setting or of patients who left, and every PDF an
//! older Vigil left in the data directory's legacy papers folder (issue 15), counted in one
//! audit entry without a name, the folder removed once empty.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use std::path::{Path, PathBuf};
use vigil_core::draft::DraftForm;
use vigil_store::{audit, drafts, housekeeping, sessions, settings, Store};

fn last_entry(store: &Store) -> (String, String) {
    store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, detail FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("last entry")
}

fn paper(folder: &Path, name: &str) -> PathBuf {
    std::fs::create_dir_all(folder).expect("folder");
    let path = folder.join(name);
    std::fs::write(&path, b"%PDF-1.4 Test Patient").expect("paper");
    path
}

#[test]
fn every_legacy_pdf_goes_whatever_its_age_and_the_empty_folder_with_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let store = common::open_in(&data);
    let papers = data.join("papers");
    let named = [
        "discharge-sheet-session-1-20260630T110000Z.pdf", // an hour old
        "rems-form-session-2-20200101T000000Z.pdf",
        "rems-form-session-3-20260701T115900Z.pdf.partial",
        "Test Patient discharge.PDF", // saved by hand
    ];
    let files: Vec<PathBuf> = named.iter().map(|n| paper(&papers, n)).collect();

    let tidied = housekeeping::run(&store, &papers, now()).expect("cleanup");
    assert_eq!((tidied.papers, tidied.drafts), (4, 0));
    assert!(files.iter().all(|f| !f.exists()));
    assert!(!papers.exists(), "the emptied legacy folder is removed");
    let (action, detail) = last_entry(&store);
    assert_eq!(action, "housekeeping");
    assert_eq!(
        detail,
        "deleted 4 saved papers from the data directory and 0 drafts (drafts kept 30 days)"
    );
    assert!(!detail.contains("Test Patient"), "counts only");
    let entries = store.with_conn(audit::count).expect("count");
    assert_eq!(housekeeping::run(&store, &papers, now()).expect("again"), Default::default());
    assert_eq!(store.with_conn(audit::count).expect("count"), entries, "once: nothing to say");
}

#[test]
fn a_legacy_folder_with_something_else_in_it_loses_only_its_pdfs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let papers = dir.path().join("data/papers");
    let pdf = paper(&papers, "discharge-sheet-session-1-20260701T110000Z.pdf");
    let note = papers.join("README.txt");
    std::fs::write(&note, b"not a paper").expect("note");
    assert_eq!(housekeeping::run(&store, &papers, now()).expect("cleanup").papers, 1);
    assert!(!pdf.exists() && note.exists() && papers.is_dir());
}

#[test]
fn drafts_older_than_the_setting_or_of_patients_who_left_are_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let papers = dir.path().join("data/papers");
    assert_eq!(store.with_conn(settings::papers_kept_days).expect("days"), 30, "the default");
    store.with_tx(|tx| settings::set_papers_kept_days(tx, 7, NURSE, now())).expect("7 days");
    let left = store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 1", 5), NURSE, now()))
        .expect("admit");
    let staying = store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 2", 5), NURSE, now()))
        .expect("admit");
    store
        .with_conn(|c| {
            c.execute(
                "INSERT INTO session_departures (session_id, how, left_at_ms, recorded_at_ms,
                     recorded_by, against_advice)
                 VALUES (?1, 'against_advice', ?2, ?2, ?3, '{}')",
                rusqlite::params![left, now().timestamp_millis(), NURSE],
            )?;
            Ok(())
        })
        .expect("left");
    let save = |form, content: String, at| {
        store.with_tx(|tx| drafts::save(tx, form, &content, at)).expect("draft")
    };
    save(DraftForm::Admit, "{\"bay\":\"Bay 3\"}".into(), now() - Duration::days(8));
    save(DraftForm::Check, format!("{{\"target\":{{\"sessionId\":{left}}}}}"), now());
    save(DraftForm::Escort, format!("{{\"sessionId\":{staying}}}"), now());
    save(DraftForm::Discharge, "not json".into(), now());
    // Typed after the patient left: the REMS details are due by D+7; a correction may come late.
    save(DraftForm::RemsDetails, format!("{{\"sessionId\":{left}}}"), now());
    save(DraftForm::AgainstAdvice, format!("{{\"sessionId\":{left}}}"), now());

    let tidied = housekeeping::run(&store, &papers, now()).expect("cleanup");
    assert_eq!((tidied.papers, tidied.drafts), (0, 2));
    let forms = [
        DraftForm::Admit,
        DraftForm::Check,
        DraftForm::Escort,
        DraftForm::Discharge,
        DraftForm::RemsDetails,
        DraftForm::AgainstAdvice,
    ];
    let left_drafts: Vec<bool> = forms
        .into_iter()
        .map(|f| store.with_conn(|c| drafts::load(c, f)).expect("load").is_some())
        .collect();
    assert_eq!(left_drafts, [false, true, true, true, true, false]);
    let (action, detail) = last_entry(&store);
    assert_eq!(action, "housekeeping");
    assert_eq!(
        detail,
        "deleted 0 saved papers from the data directory and 2 drafts (drafts kept 7 days)"
    );
    let entries = store.with_conn(audit::count).expect("count");
    assert_eq!(housekeeping::run(&store, &papers, now()).expect("again"), Default::default());
    assert_eq!(store.with_conn(audit::count).expect("count"), entries, "nothing to say");
}
