//! The REMS forms-due list and "Mark submitted" through the command functions: a real database
//! file, a fake clock moved day by day, the signed-in test administrator.

use super::*;
use chrono::{Duration, NaiveDate, Utc};
use vigil_core::discharge::DischargePolicyEdit;
use vigil_core::papers::rems::{FormStatus, SubmissionChannel};
use vigil_core::{AdmitInput, Clock, FixedClock};

use crate::commands::sessions as session_commands;
use crate::discharge_inputs::admit_input;
use crate::test_support::{admin_state_at_t0, everything, t0};

fn admit_spravato(state: &AppState, clock: &FixedClock) -> i64 {
    let input = AdmitInput {
        protocol: "spravato".into(),
        dose_mg: Some(84.0),
        weight_kg: None,
        ..admit_input(clock)
    };
    session_commands::admit(state, &input, &Utc).expect("admit")
}

fn submitted(session_id: i64, channel: &str, reference: &str) -> FormSubmittedInput {
    FormSubmittedInput { session_id, channel: channel.into(), reference: reference.into() }
}

fn move_to(clock: &FixedClock, at: chrono::DateTime<Utc>) {
    clock.advance(at - clock.now());
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, d).expect("date")
}

#[test]
fn the_forms_list_shows_the_last_day_and_the_status_of_each_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit_spravato(&state, &clock);
    let cases = [
        (0, FormStatus::Due),
        (4, FormStatus::Due),
        (5, FormStatus::DueSoon),
        (6, FormStatus::DueSoon),
        (7, FormStatus::LastDay),
        (8, FormStatus::Overdue),
    ];
    for (days, status) in cases {
        move_to(&clock, t0() + Duration::days(days));
        let due = forms_due(&state, &Utc).expect("due");
        assert_eq!(due.len(), 1);
        assert_eq!((due[0].session_id, due[0].treated_on, due[0].last_day), (id, day(1), day(8)));
        assert_eq!(due[0].status, status, "D+{days}");
    }
    let paper = paper(&state, id, PaperKind::Rems, &Utc).expect("form");
    assert!(paper.subtitle.ends_with("due by 2026-07-08"), "{}", paper.subtitle);
}

#[test]
fn the_warning_day_comes_from_the_discharge_policy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    admit_spravato(&state, &clock);
    move_to(&clock, t0() + Duration::days(3));
    assert_eq!(forms_due(&state, &Utc).expect("due")[0].status, FormStatus::Due);
    let edit = DischargePolicyEdit {
        allow_rideshare_alone: false,
        allow_public_transport_alone: false,
        escort_late_minutes: 10.0,
        max_nausea: 1.0,
        rems_warn_from_day: 3.0,
    };
    let policy = edit.validate().expect("valid");
    let now = clock.now();
    state.store.with_tx(|tx| discharge::set_policy(tx, &policy, 1, now)).expect("policy");
    assert_eq!(forms_due(&state, &Utc).expect("due")[0].status, FormStatus::DueSoon);
}

#[test]
fn mark_submitted_keeps_the_channel_and_refuses_a_missing_one_writing_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit_spravato(&state, &clock);
    let before = everything(&state);
    for (channel, reference, field) in [
        ("", "REMS-1", "channel"),
        ("email", "REMS-1", "channel"),
        ("fax", " ", "reference"),
        ("fax", "REMS\u{7}1", "reference"),
    ] {
        let err = submit(&state, &submitted(id, channel, reference), &Utc).expect_err(field);
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(field)));
    }
    assert_eq!(everything(&state), before, "a refusal writes nothing");

    move_to(&clock, t0() + Duration::days(8));
    let due = submit(&state, &submitted(id, "fax", " FAX-0042 "), &Utc).expect("submitted");
    assert_eq!(due[0].status, FormStatus::Submitted);
    assert_eq!(due[0].channel, Some(SubmissionChannel::Fax));
    assert_eq!(due[0].reference.as_deref(), Some("FAX-0042"));
    let detail: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT detail FROM audit_events WHERE action = 'rems_submitted'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("audit");
    assert_eq!(detail, format!("session #{id} by fax"));
}

/// Every file under `dir` whose name ends `.pdf`.
fn pdfs_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(pdfs_under(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_pdf_goes_only_to_the_chosen_folder_owner_only_never_into_the_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit_spravato(&state, &clock);
    let backups = tempfile::tempdir().expect("the clinic's backup folder");
    let chosen = backups.path().join("backups");
    std::fs::create_dir(&chosen).expect("backup folder");
    let settings = vigil_core::integrity::BackupSettings {
        folder: chosen.display().to_string(),
        interval_minutes: 240,
        keep: 30,
    };
    let now = clock.now();
    state
        .store
        .with_tx(|tx| vigil_store::settings::set_backup(tx, &settings, 1, now))
        .expect("set");
    let inside = dir.path().join("papers");
    std::fs::create_dir(&inside).expect("legacy papers folder");
    let before = everything(&state);
    let refused = [
        dir.path().to_owned(),
        inside.clone(),
        state.store.default_backup_folder(),
        chosen.clone(),
    ];
    for folder in &refused {
        std::fs::create_dir_all(folder).ok();
        let folder = folder.display().to_string();
        let err = save_pdf(&state, id, PaperKind::Rems, &folder, &Utc).expect_err(&folder);
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("folder")));
    }
    assert_eq!(everything(&state), before, "a refusal writes nothing, not even an audit entry");
    assert_eq!(pdfs_under(dir.path()), Vec::<std::path::PathBuf>::new());
    assert_eq!(pdfs_under(backups.path()), Vec::<std::path::PathBuf>::new());

    let nurse = tempfile::tempdir().expect("the nurse's folder");
    let folder = nurse.path().display().to_string();
    let first = save_pdf(&state, id, PaperKind::Rems, &folder, &Utc).expect("saved");
    let second = save_pdf(&state, id, PaperKind::Rems, &folder, &Utc).expect("saved again");
    assert_eq!(pdfs_under(nurse.path()).len(), 2, "the second save is a new file: {second:?}");
    let name = first.file_name().and_then(|n| n.to_str()).expect("name");
    assert_eq!(name, format!("rems-form-session-{id}-20260701T120000Z.pdf"));
    assert_eq!(std::fs::metadata(&first).expect("meta").permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read(&first).expect("read").starts_with(b"%PDF-1.7"));
    assert_eq!(pdfs_under(dir.path()), Vec::<std::path::PathBuf>::new(), "none in the data dir");
    let detail: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT detail FROM audit_events WHERE action = 'export' ORDER BY seq LIMIT 1",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("audit");
    assert_eq!(detail, format!("rems-form of session #{id} to {}", first.display()));
}
