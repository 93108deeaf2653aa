//! Discharge through the command functions: a real database file, a fake clock, the signed-in
//! test administrator. The whole path (escort late alert included), an early Spravato refusal
//! with the minutes left, leaving against advice, the papers, and bad input that changes
//! nothing.

mod one_list;
mod times_after_admission;

use super::*;
use chrono::{Duration, Utc};
use std::collections::BTreeSet;
use vigil_core::discharge::{GateKey, Readiness};
use vigil_core::draft::DraftForm;
use vigil_core::papers::rems::FormSubmittedInput;
use vigil_core::{AdmitInput, Clock, DeadlineKind, ErrorCode, FixedClock};
use vigil_store::alerts;

use crate::commands::papers::{self, PaperKind};
use crate::commands::{checks as check_commands, sessions as session_commands};
use crate::discharge_inputs::*;
use crate::scheduler::Scheduler;
use crate::test_support::{admin_state_at_t0, everything, t0, ADMIN_PIN};

fn sweep(scheduler: &mut Scheduler, clock: &FixedClock) {
    let monotonic = (clock.now() - t0()).to_std().expect("forward");
    scheduler.sweep(monotonic).expect("sweep");
}

/// Admits an IV patient at the clock's now with a pre-dose baseline and a clear recovery check.
fn admit_ready_but_for_time(state: &AppState, clock: &FixedClock) -> i64 {
    let id = session_commands::admit(state, &admit_input(clock), &Utc).expect("admit");
    check_commands::record(state, &baseline(id, clock), &Utc).expect("baseline");
    check_commands::record(state, &recovery_check(id, true), &Utc).expect("check");
    id
}

/// The check at the end of the minimum: it does every planned check missed since the last one
/// (no check is overdue, so the planned-checks gate passes).
fn end_of_minimum_check(state: &AppState, id: i64) {
    check_commands::record(state, &recovery_check(id, true), &Utc).expect("check");
}

fn readiness(state: &AppState, id: i64) -> (Option<Readiness>, Vec<String>) {
    let board = session_commands::board(state).expect("board");
    let row = board.rows.into_iter().find(|r| r.session_id == id).expect("on the board");
    (row.readiness, row.missing)
}

#[test]
fn the_whole_path_with_an_escort_late_alert_ends_off_the_board_with_papers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let mut scheduler = Scheduler::new(state.store.clone(), clock.clone());
    let id = admit_ready_but_for_time(&state, &clock);
    escort(&state, &escort_input(id, EscortKind::Expected), &Utc).expect("escort");
    let (ready, missing) = readiness(&state, id);
    assert_eq!(ready, Some(Readiness::NotReady));
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].starts_with("Minimum period: 60 min left"), "{missing:?}");
    assert!(missing[1].starts_with("Escort: Escort expected"), "{missing:?}");

    clock.advance(Duration::minutes(60));
    end_of_minimum_check(&state, id);
    sweep(&mut scheduler, &clock);
    assert_eq!(readiness(&state, id).0, Some(Readiness::ReadyAwaitingEscort));
    let late = |c: &rusqlite::Connection| -> Result<i64, vigil_store::StoreError> {
        Ok(c.query_row("SELECT count(*) FROM alert_firings WHERE kind = 'escort_late'", [], |r| {
            r.get(0)
        })?)
    };
    assert_eq!(state.store.with_conn(late).expect("count"), 0, "not before 10 min");
    clock.advance(Duration::minutes(10));
    sweep(&mut scheduler, &clock);
    sweep(&mut scheduler, &clock);
    assert_eq!(state.store.with_conn(late).expect("count"), 1, "once, at 10 min");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    assert!(active.iter().any(|a| a.kind == DeadlineKind::EscortLate && a.session_id == id));

    escort(&state, &escort_input(id, EscortKind::ArrivedIdentified), &Utc).expect("arrived");
    assert_eq!(readiness(&state, id), (Some(Readiness::Ready), Vec::new()));
    clear(&state, &discharge_input(id, &BTreeSet::new(), ADMIN_PIN)).expect("cleared");
    let twice = clear(&state, &discharge_input(id, &BTreeSet::new(), ADMIN_PIN));
    assert_eq!(twice.expect_err("twice").code, ErrorCode::Conflict);
    let view = view(&state, id).expect("view");
    assert_eq!(
        (view.phase, view.cleared_by.as_deref()),
        (SessionPhase::Cleared, Some("Test Admin, RN"))
    );

    depart(&state, id).expect("departed");
    assert!(session_commands::board(&state).expect("board").rows.is_empty(), "off the board");
    let active = state.store.with_conn(|c| alerts::active(c, clock.now())).expect("active");
    assert!(active.iter().all(|a| a.session_id != id), "its alerts leave with the patient");
    clock.advance(Duration::minutes(1));
    let after = check_commands::record(&state, &recovery_check(id, true), &Utc);
    assert_eq!(after.expect_err("after leaving").field.as_deref(), Some("observedAt"));

    let sheet = papers::paper(&state, id, PaperKind::Discharge, &Utc).expect("sheet");
    let text = serde_json::to_string(&sheet).expect("json");
    for expected in ["Bay 1", "Pat Example-Escort", "Test Admin, RN", "Left with the escort"] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    let chosen = tempfile::tempdir().expect("the nurse's folder");
    let folder = chosen.path().to_str().expect("utf-8");
    let path = papers::save_pdf(&state, id, PaperKind::Discharge, folder, &Utc).expect("pdf");
    assert!(path.starts_with(chosen.path().canonicalize().expect("canonical")), "{path:?}");
    assert!(std::fs::read(&path).expect("file").starts_with(b"%PDF-1.7"));
    let exports = state
        .store
        .with_conn(|c| {
            Ok(c.query_row("SELECT count(*) FROM audit_events WHERE action = 'export'", [], |r| {
                r.get::<_, i64>(0)
            })?)
        })
        .expect("count");
    assert_eq!(exports, 1);
}

#[test]
fn an_early_spravato_discharge_is_refused_with_the_minutes_left_and_nothing_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let input = AdmitInput {
        protocol: "spravato".into(),
        dose_mg: Some(56.0),
        weight_kg: None,
        clock_started_at: (t0() - Duration::minutes(30)).format("%Y-%m-%dT%H:%M").to_string(),
        ..admit_input(&clock)
    };
    let id = session_commands::admit(&state, &input, &Utc).expect("admit");
    escort(&state, &escort_input(id, EscortKind::ArrivedIdentified), &Utc).expect("escort");
    let before = everything(&state);
    let all = [
        GateKey::BloodPressure,
        GateKey::Spo2,
        GateKey::Sedation,
        GateKey::Dissociation,
        GateKey::Lightheadedness,
        GateKey::Nausea,
        GateKey::Padss,
    ]
    .into();
    let err = clear(&state, &discharge_input(id, &all, ADMIN_PIN)).expect_err("early");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("90 min left"), "{}", err.message);
    assert_eq!(everything(&state), before, "a refused discharge writes nothing");
    let view = view(&state, id).expect("view");
    assert_eq!(view.gates.minutes_left, 90);
    assert_eq!(view.ready_without_minimum_minutes, None, "no soft gate has passed yet");
}

#[test]
fn leaving_against_advice_is_never_held_and_keeps_the_gates_as_they_stood() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    against_advice(&state, &against_advice_input(id), &Utc).expect("recorded");
    assert!(session_commands::board(&state).expect("board").rows.is_empty());
    let left = state
        .store
        .with_conn(|c| vigil_store::papers::recent_departures(c, clock.now(), 24))
        .expect("recent");
    assert_eq!(left.len(), 1);
    let form = state.store.with_conn(|c| discharge::against_advice(c, id)).expect("read");
    let form = form.expect("the form");
    assert_eq!(form.gates.readiness, Readiness::NotReady);
    assert!(form.signature_refused && form.witness.as_deref() == Some("Test Witness, RN"));
    let again = against_advice(&state, &against_advice_input(id), &Utc);
    assert_eq!(again.expect_err("twice").code, ErrorCode::Conflict);
}

#[test]
fn bad_input_names_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit_ready_but_for_time(&state, &clock);
    escort(&state, &escort_input(id, EscortKind::ArrivedIdentified), &Utc).expect("escort");
    clock.advance(Duration::minutes(61));
    end_of_minimum_check(&state, id);
    let before = everything(&state);
    let mut bad_escort = escort_input(id, EscortKind::Expected);
    bad_escort.phone = "call me".into();
    let e = escort(&state, &bad_escort, &Utc).expect_err("phone");
    assert_eq!(e.field.as_deref(), Some("phone"));
    let mut alone = escort_input(id, EscortKind::RideshareAlone);
    alone.full_name = String::new();
    let e = escort(&state, &alone, &Utc).expect_err("policy");
    assert_eq!(e.field.as_deref(), Some("transport"));
    let mut no_instructions = discharge_input(id, &BTreeSet::new(), ADMIN_PIN);
    no_instructions.instructions_no_driving = false;
    let e = clear(&state, &no_instructions).expect_err("instructions");
    assert_eq!(e.field.as_deref(), Some("instructionsNoDriving"));
    let mut short_pin = discharge_input(id, &BTreeSet::new(), ADMIN_PIN);
    short_pin.pin = "12".into();
    assert_eq!(clear(&state, &short_pin).expect_err("pin").field.as_deref(), Some("pin"));
    let mut ama = against_advice_input(id);
    ama.will_drive = String::new();
    let e = against_advice(&state, &ama, &Utc).expect_err("will drive");
    assert_eq!(e.field.as_deref(), Some("willDrive"));
    let mut ama = against_advice_input(id);
    ama.witness = String::new();
    let e = against_advice(&state, &ama, &Utc).expect_err("witness");
    assert_eq!(e.field.as_deref(), Some("witness"));
    assert_eq!(everything(&state), before, "nothing was written");
    let e = depart(&state, id).expect_err("not cleared");
    assert_eq!(e.code, ErrorCode::Conflict);
}

#[test]
fn a_spravato_rems_form_is_due_in_seven_days_prefilled_and_marked_submitted_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let input = AdmitInput {
        protocol: "spravato".into(),
        dose_mg: Some(84.0),
        weight_kg: None,
        ..admit_input(&clock)
    };
    let id = session_commands::admit(&state, &input, &Utc).expect("admit");
    check_commands::record(&state, &baseline(id, &clock), &Utc).expect("baseline");
    clock.advance(Duration::minutes(40));
    check_commands::record(&state, &recovery_check(id, true), &Utc).expect("check at 40");
    let due = papers::forms_due(&state, &Utc).expect("due");
    assert_eq!(due.len(), 1);
    let last_day = (t0() + Duration::days(7)).date_naive();
    assert_eq!(due[0].last_day, last_day, "the last day on time is D+7");
    let form = papers::paper(&state, id, PaperKind::Rems, &Utc).expect("form");
    let text = serde_json::to_string(&form).expect("json");
    assert!(text.contains("\"value\":\"40 min after the first device\""), "{text}");
    assert!(text.contains("\"label\":\"BP at 40 min\",\"value\":\"118/78\""), "{text}");
    let submitted = FormSubmittedInput {
        session_id: id,
        channel: "portal".into(),
        reference: "REMS-TEST-0001".into(),
    };
    let due = papers::submit(&state, &submitted, &Utc).expect("submitted");
    assert_eq!(due[0].submitted_by.as_deref(), Some("Test Admin, RN"));
    assert_eq!(due[0].status, vigil_core::papers::rems::FormStatus::Submitted);
    let again = papers::submit(&state, &submitted, &Utc).expect_err("twice");
    assert_eq!(again.code, ErrorCode::Conflict);
    let iv = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("iv");
    let e = papers::paper(&state, iv, PaperKind::Rems, &Utc).expect_err("not spravato");
    assert_eq!(e.code, ErrorCode::Conflict);
}

#[test]
fn each_discharge_form_takes_its_draft_with_it_when_saved_and_keeps_it_when_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit_ready_but_for_time(&state, &clock);
    let keep = |form: DraftForm| {
        state
            .store
            .with_tx(|tx| vigil_store::drafts::save(tx, form, "{\"sessionId\":1}", clock.now()))
            .expect("draft");
    };
    let kept = |form: DraftForm| {
        state.store.with_conn(|c| vigil_store::drafts::load(c, form)).expect("load").is_some()
    };
    for form in [DraftForm::Escort, DraftForm::Discharge, DraftForm::AgainstAdvice] {
        keep(form);
    }
    escort(&state, &escort_input(id, EscortKind::ArrivedIdentified), &Utc).expect("escort");
    assert!(!kept(DraftForm::Escort), "the saved escort took its draft");
    let early = clear(&state, &discharge_input(id, &BTreeSet::new(), ADMIN_PIN));
    assert!(early.is_err() && kept(DraftForm::Discharge), "a refused discharge keeps it");
    clock.advance(Duration::minutes(60));
    end_of_minimum_check(&state, id);
    clear(&state, &discharge_input(id, &BTreeSet::new(), ADMIN_PIN)).expect("cleared");
    assert!(!kept(DraftForm::Discharge));
    assert!(kept(DraftForm::AgainstAdvice), "another form's draft stays");
}
