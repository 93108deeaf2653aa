//! The audit trail's review through the command functions: administrators only (a nurse is
//! refused and nothing changes), filters checked before anything is read or written, and the
//! export writing every matching entry with exactly one new `export` entry.

use super::*;
use chrono_tz::Europe::Berlin;
use vigil_core::{ErrorCode, SignInInput};
use vigil_store::audit;

use crate::commands::{auth, people};
use crate::test_support::{account, admin_state_at_t0, everything};

const NURSE_PIN: &str = "1357";

fn sign_ins() -> AuditFilter {
    AuditFilter { action: Some("sign_in".into()), ..AuditFilter::default() }
}

/// Creates a nurse account and signs it in; returns its id.
fn nurse_signed_in(state: &AppState) -> i64 {
    let accounts =
        people::create(state, &account("Łukasz Żółć", "nurse", NURSE_PIN)).expect("account");
    let id = accounts.iter().find(|n| n.display_name == "Łukasz Żółć").expect("created").id;
    auth::sign_in_with_pin(state, &SignInInput { nurse_id: id, pin: NURSE_PIN.into() })
        .expect("sign in");
    id
}

fn export_entries(state: &AppState) -> i64 {
    let count = |c: &rusqlite::Connection| {
        Ok(c.query_row("SELECT count(*) FROM audit_events WHERE action = 'export'", [], |r| {
            r.get(0)
        })?)
    };
    state.store.with_conn(count).expect("count")
}

#[test]
fn a_nurse_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, _) = admin_state_at_t0(dir.path());
    nurse_signed_in(&state);
    let before = everything(&state);
    let folder = out.path().to_string_lossy().into_owned();
    let forbidden = |e: VigilError| assert_eq!(e.code, ErrorCode::Forbidden, "{e:?}");
    forbidden(trail_page(&state, &sign_ins(), &Berlin).expect_err("refused"));
    forbidden(choices(&state).expect_err("refused"));
    forbidden(export(&state, &sign_ins(), &folder, &Berlin).expect_err("refused"));
    assert_eq!(everything(&state), before);
    assert_eq!(std::fs::read_dir(out.path()).expect("folder").count(), 0);
}

#[test]
fn the_administrator_sees_the_entries_the_filter_selects() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let nurse = nurse_signed_in(&state);
    let theirs = AuditFilter { nurse_id: Some(nurse as f64), ..AuditFilter::default() };
    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: 1, pin: "246813".into() })
        .expect("admin back");
    let page = trail_page(&state, &theirs, &Berlin).expect("page");
    // Their switch onto the workstation; the admin's switch back is the admin's.
    let actions: Vec<(&str, &str)> =
        page.rows.iter().map(|r| (r.nurse.as_str(), r.action.as_str())).collect();
    assert_eq!(actions, [("Łukasz Żółć, RN", "switch_nurse")]);
    assert!(!page.more);
    let switches = AuditFilter { action: Some("switch_nurse".into()), ..AuditFilter::default() };
    let page = trail_page(&state, &switches, &Berlin).expect("page");
    let nurses: Vec<&str> = page.rows.iter().map(|r| r.nurse.as_str()).collect();
    assert_eq!(nurses, ["Test Admin, RN", "Łukasz Żółć, RN"]);
    let all = trail_page(&state, &AuditFilter::default(), &Berlin).expect("page");
    assert!(all.rows.windows(2).all(|w| w[0].seq > w[1].seq), "newest first");
    let lists = choices(&state).expect("choices");
    assert!(lists.actions.iter().any(|a| a == "sign_in") && lists.nurses.len() == 2);
}

#[test]
fn bad_filters_and_folders_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, _) = admin_state_at_t0(dir.path());
    let folder = out.path().to_string_lossy().into_owned();
    let before = everything(&state);
    let bad = AuditFilter { from: Some("yesterday".into()), ..AuditFilter::default() };
    let e = export(&state, &bad, &folder, &Berlin).expect_err("refused");
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("from")));
    let nobody = AuditFilter { session_id: Some(99.0), ..AuditFilter::default() };
    assert_eq!(
        trail_page(&state, &nobody, &Berlin).expect_err("no such").code,
        ErrorCode::NotFound
    );
    let data_dir = dir.path().to_string_lossy().into_owned();
    let e = export(&state, &sign_ins(), &data_dir, &Berlin).expect_err("refused");
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("folder")));
    assert_eq!(everything(&state), before);
    assert_eq!(std::fs::read_dir(out.path()).expect("folder").count(), 0);
}

#[test]
fn the_export_writes_every_matching_entry_and_one_export_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, _) = admin_state_at_t0(dir.path());
    let expected = trail_page(&state, &AuditFilter::default(), &Berlin).expect("page").rows;
    let (head_before, _) = state.store.with_conn(audit::head).expect("head");
    let folder = out.path().to_string_lossy().into_owned();
    let path = export(&state, &AuditFilter::default(), &folder, &Berlin).expect("saved");
    let text = std::fs::read_to_string(&path).expect("file");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "seq,time_utc,nurse,action,records,detail,emergency_use");
    assert_eq!(lines.len(), expected.len() + 1);
    for (line, row) in lines[1..].iter().zip(&expected) {
        assert!(line.starts_with(&format!("{},", row.seq)), "{line}");
    }
    let (head_after, _) = state.store.with_conn(audit::head).expect("head");
    assert_eq!(head_after, head_before + 1);
    assert_eq!(export_entries(&state), 1);
    let last = trail_page(&state, &AuditFilter::default(), &Berlin).expect("page").rows;
    assert_eq!(last[0].action, "export");
    assert!(last[0].detail.contains("audit trail (every entry)"), "{}", last[0].detail);
}
