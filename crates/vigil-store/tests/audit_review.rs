//! The audit trail review (issue 16): each filter alone and combined, local day boundaries,
//! paging that never skips or repeats an entry, and the patient filter (the session's own
//! entries and its records', never another patient's).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use common::{iv_admission, now, observation, open_in, populated, transfer, NURSE};
use proptest::prelude::*;
use vigil_core::audit_review::{AuditFilter, AuditQuery, AuditRow};
use vigil_core::notes::Note;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::Role;
use vigil_store::audit::review::{self, Link};
use vigil_store::audit::{self, Action, Entry, RECORD_TABLES};
use vigil_store::{checks, notes, nurses, sessions, transfers, Store};

/// Berlin in summer, as a fixed zone (UTC+2).
fn zone() -> FixedOffset {
    FixedOffset::east_opt(2 * 3600).expect("offset")
}

fn at(local: &str) -> DateTime<Utc> {
    zone()
        .from_local_datetime(&vigil_core::local_time::parse_local(local).expect("time"))
        .single()
        .expect("single")
        .with_timezone(&Utc)
}

fn entry(store: &Store, action: Action, nurse: Option<i64>, when: DateTime<Utc>) -> i64 {
    store.with_tx(|tx| audit::append(tx, when, &Entry::new(action, nurse))).expect("entry")
}

fn query(filter: AuditFilter) -> AuditQuery {
    filter.validate(&zone(), &review::action_names()).expect("valid filter")
}

fn seqs(store: &Store, q: &AuditQuery) -> Vec<i64> {
    let rows: Vec<AuditRow> = store.with_conn(|c| review::all(c, q)).expect("read");
    rows.iter().map(|r| r.seq).collect()
}

fn second_nurse(store: &Store) -> i64 {
    let new = NewNurse {
        display_name: "Zoë O'Brien-Müller".into(),
        credentials: "NP".into(),
        role: Role::Nurse,
        pin: Pin::parse("1357", "pin").expect("pin"),
    };
    store.with_tx(|tx| nurses::create(tx, &new, Some(NURSE), now())).expect("nurse")
}

#[test]
fn every_record_table_is_tied_to_a_session_or_listed_as_not_a_patients() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = open_in(dir.path());
    for table in RECORD_TABLES {
        let link = store.with_conn(|c| review::link(c, table)).expect("schema");
        assert_ne!(link, Link::Unknown, "{table}: add it to THROUGH_FIRING or NOT_ABOUT_A_PATIENT");
    }
}

#[test]
fn each_filter_alone_and_combined() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = open_in(dir.path());
    let other = second_nurse(&store);
    let a = entry(&store, Action::SignIn, Some(NURSE), at("2026-07-01 09:00"));
    let b = entry(&store, Action::SignIn, Some(other), at("2026-07-02 09:00"));
    let c = entry(&store, Action::SignOut, Some(other), at("2026-07-02 10:00"));
    let d = entry(&store, Action::Housekeeping, None, at("2026-07-03 03:00"));

    let by_nurse = query(AuditFilter { nurse_id: Some(other as f64), ..Default::default() });
    assert_eq!(seqs(&store, &by_nurse), vec![c, b]);
    let by_action = query(AuditFilter { action: Some("sign_in".into()), ..Default::default() });
    assert_eq!(seqs(&store, &by_action), vec![b, a]);
    let by_day = query(AuditFilter { from: Some("2026-07-02".into()), ..Default::default() });
    assert_eq!(seqs(&store, &by_day), vec![d, c, b]);
    let to_day = query(AuditFilter { to: Some("2026-07-01".into()), ..Default::default() });
    assert!(seqs(&store, &to_day).contains(&a) && !seqs(&store, &to_day).contains(&b));
    let combined = query(AuditFilter {
        from: Some("2026-07-02".into()),
        to: Some("2026-07-02".into()),
        nurse_id: Some(other as f64),
        action: Some("sign_in".into()),
        ..Default::default()
    });
    assert_eq!(seqs(&store, &combined), vec![b]);

    let rows = store.with_conn(|c| review::all(c, &by_nurse)).expect("read");
    assert_eq!(rows[0].nurse, "Zoë O'Brien-Müller, NP");
    let system = query(AuditFilter { action: Some("housekeeping".into()), ..Default::default() });
    assert_eq!(store.with_conn(|c| review::all(c, &system)).expect("read")[0].nurse, "system");
}

#[test]
fn a_local_day_runs_from_its_midnight_to_the_next() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = open_in(dir.path());
    let before = entry(
        &store,
        Action::SignIn,
        Some(NURSE),
        at("2026-07-01 23:59:59") + Duration::milliseconds(999),
    );
    let first = entry(&store, Action::SignIn, Some(NURSE), at("2026-07-02 00:00"));
    let last = entry(
        &store,
        Action::SignIn,
        Some(NURSE),
        at("2026-07-02 23:59:59") + Duration::milliseconds(999),
    );
    let after = entry(&store, Action::SignIn, Some(NURSE), at("2026-07-03 00:00"));
    let day = query(AuditFilter {
        from: Some("2026-07-02".into()),
        to: Some("2026-07-02".into()),
        action: Some("sign_in".into()),
        ..Default::default()
    });
    assert_eq!(seqs(&store, &day), vec![last, first]);
    assert!(before < first && after > last);
}

#[test]
fn the_patient_filter_finds_that_sessions_records_and_no_one_elses() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = populated(dir.path()); // sessions 1 (fired and acknowledged) and 2
    let (one, two) = (1, 2);
    for (id, bay) in [(one, "Bay 1"), (two, "Bay 2")] {
        let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
        let check = observation(id, now() - Duration::minutes(1), 120, 80);
        store.with_tx(|tx| checks::record(tx, &session, &check, None, NURSE, now())).expect(bay);
        let note = Note {
            session_id: id,
            observed_at: now() - Duration::minutes(1),
            late_reason: None,
            text: "Comfortable, resting.".into(),
        };
        store.with_tx(|tx| notes::add(tx, &note, NURSE, now())).expect("note");
    }
    store.with_tx(|tx| transfers::record(tx, one, &transfer(), NURSE, now())).expect("transfer");
    let third = store.with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 3", 5), NURSE, now()));
    let third = third.expect("admit");

    let of = |id: i64| {
        let q = query(AuditFilter { session_id: Some(id as f64), ..Default::default() });
        store.with_conn(|c| review::all(c, &q)).expect("read")
    };
    let actions: Vec<String> = of(one).iter().rev().map(|r| r.action.clone()).collect();
    assert_eq!(
        actions,
        ["admit", "alert_fired", "acknowledge", "record_check", "add_note", "transfer"]
    );
    let two_actions: Vec<String> = of(two).iter().rev().map(|r| r.action.clone()).collect();
    assert_eq!(two_actions, ["admit", "record_check", "add_note"]);
    assert!(of(one).iter().all(|r| !of(two).iter().any(|s| s.seq == r.seq)));
    assert_eq!(of(third).len(), 1);
    assert!(of(one).iter().any(|r| r.records.contains("session_departures:")));
    assert!(of(99).is_empty());
}

/// A print or an export of one patient's paper writes no record, so it names none; the
/// patient filter still finds it by the session its detail names ("... of session #1 to ..."),
/// and never for session 11 or another session whose number starts the same.
#[test]
fn the_patient_filter_finds_the_prints_and_exports_of_that_sessions_papers() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = populated(dir.path()); // sessions 1 and 2
    let paper = |action: Action, detail: &str| {
        let entry = Entry::new(action, Some(NURSE)).detail(detail);
        store.with_tx(|tx| audit::append(tx, now(), &entry)).expect("entry")
    };
    let printed = paper(Action::Print, "discharge-sheet of session #1 to print dialog");
    let saved = paper(Action::Export, "rems-form of session #1 to /home/nurse/rems-form.pdf");
    let other = paper(Action::Export, "discharge-sheet of session #12 to /home/nurse/a.pdf");
    let bulk = paper(Action::Export, "sessions from 2026-07-01 to 2026-07-01 (2 rows) to /x.csv");
    let of =
        |id: f64| seqs(&store, &query(AuditFilter { session_id: Some(id), ..Default::default() }));
    let one = of(1.0);
    assert!(one.contains(&printed) && one.contains(&saved), "{one:?}");
    assert!(!one.contains(&other) && !one.contains(&bulk), "{one:?}");
    assert!(!of(2.0).iter().any(|s| [printed, saved, other, bulk].contains(s)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn paging_never_skips_or_repeats_an_entry(size in 1usize..9, filtered in any::<bool>()) {
        static SHARED: std::sync::OnceLock<(tempfile::TempDir, Store)> = std::sync::OnceLock::new();
        let (_, store) = SHARED.get_or_init(|| {
            let dir = tempfile::tempdir().expect("tmp");
            let store = open_in(dir.path());
            for i in 0..40 {
                let action = if i % 3 == 0 { Action::SignOut } else { Action::SignIn };
                entry(&store, action, Some(NURSE), now() + Duration::seconds(i));
            }
            (dir, store)
        });
        let action = filtered.then(|| "sign_in".to_owned());
        let every = seqs(store, &query(AuditFilter { action: action.clone(), ..Default::default() }));
        let mut seen = Vec::new();
        let mut before = None;
        loop {
            let filter = AuditFilter { action: action.clone(), before_seq: before, ..Default::default() };
            let page = store.with_conn(|c| review::page(c, &query(filter), size)).expect("page");
            prop_assert!(page.rows.len() <= size);
            seen.extend(page.rows.iter().map(|r| r.seq));
            match (page.more, page.rows.last()) {
                (true, Some(last)) => before = Some(last.seq as f64),
                (false, _) => break,
                (true, None) => prop_assert!(false, "more without rows"),
            }
        }
        prop_assert_eq!(seen, every);
    }
}

/// `audit_refs` names every record of every entry: those written before migration 19 (filled
/// by it) and those after (its trigger), in the entry's order.
#[test]
fn audit_refs_index_every_entrys_records_before_and_after_the_upgrade() {
    let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
    vigil_store::migrations::apply_up_to(&mut conn, 18).expect("schema 18");
    let insert = |c: &rusqlite::Connection, seq: i64, records: &str| {
        c.execute(
            "INSERT INTO audit_events (seq, at_ms, action, records, detail, prev_hash, hash)
             VALUES (?1, 0, 'baseline', ?2, '', '', '')",
            rusqlite::params![seq, records],
        )
        .expect("entry");
    };
    insert(&conn, 1, r#"[["checks",12],["recovery_sessions",3]]"#);
    insert(&conn, 2, "[]");
    vigil_store::migrations::apply_up_to(&mut conn, 19).expect("schema 19");
    insert(&conn, 3, r#"[["notes",7]]"#);
    let mut stmt =
        conn.prepare("SELECT seq, tbl, row_id FROM audit_refs ORDER BY id").expect("sql");
    let refs: Vec<(i64, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("read")
        .collect::<Result<_, _>>()
        .expect("rows");
    let expected = [(1, "checks", 12), (1, "recovery_sessions", 3), (3, "notes", 7)];
    let expected: Vec<(i64, String, i64)> =
        expected.iter().map(|(s, t, i)| (*s, (*t).to_owned(), *i)).collect();
    assert_eq!(refs, expected);
    assert!(conn.execute("DELETE FROM audit_refs", []).is_err(), "append-only");
}
