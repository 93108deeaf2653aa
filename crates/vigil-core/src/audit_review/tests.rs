use super::*;
use chrono_tz::{America::New_York, Europe::Berlin};

const ACTIONS: &[&str] = &["sign_in", "record_check"];

fn filter() -> AuditFilter {
    AuditFilter::default()
}

fn refused(f: &AuditFilter) -> String {
    match f.validate(&Berlin, ACTIONS) {
        Err(e) => e.field.clone().unwrap_or_default(),
        Ok(q) => panic!("accepted {q:?}"),
    }
}

#[test]
fn empty_filter_is_everything() {
    let q = filter().validate(&Berlin, ACTIONS).expect("valid");
    assert_eq!(q, AuditQuery::default());
    let blank = AuditFilter {
        from: Some(" ".into()),
        to: Some(String::new()),
        action: Some(String::new()),
        ..filter()
    };
    assert_eq!(blank.validate(&Berlin, ACTIONS).expect("valid"), AuditQuery::default());
}

#[test]
fn days_are_local_and_to_is_inclusive() {
    let f =
        AuditFilter { from: Some("2026-07-01".into()), to: Some("2026-07-01".into()), ..filter() };
    let q = f.validate(&Berlin, ACTIONS).expect("valid");
    assert_eq!(q.from.expect("from").to_rfc3339(), "2026-06-30T22:00:00+00:00");
    assert_eq!(q.until.expect("until").to_rfc3339(), "2026-07-01T22:00:00+00:00");
}

#[test]
fn dst_days_have_their_own_length() {
    let f =
        AuditFilter { from: Some("2026-11-01".into()), to: Some("2026-11-01".into()), ..filter() };
    let q = f.validate(&New_York, ACTIONS).expect("valid");
    assert_eq!((q.until.expect("until") - q.from.expect("from")).num_hours(), 25);
    let f =
        AuditFilter { from: Some("2026-03-29".into()), to: Some("2026-03-29".into()), ..filter() };
    let q = f.validate(&Berlin, ACTIONS).expect("valid");
    assert_eq!((q.until.expect("until") - q.from.expect("from")).num_hours(), 23);
}

#[test]
fn bad_values_are_refused_naming_the_field() {
    assert_eq!(refused(&AuditFilter { from: Some("01/07/2026".into()), ..filter() }), "from");
    assert_eq!(refused(&AuditFilter { to: Some("2026-02-30".into()), ..filter() }), "to");
    assert_eq!(refused(&AuditFilter { from: Some("0001-01-01".into()), ..filter() }), "from");
    assert_eq!(refused(&AuditFilter { to: Some("9999-12-31".into()), ..filter() }), "to");
    assert_eq!(refused(&AuditFilter { to: Some("2026-07-01 10:00".into()), ..filter() }), "to");
    let backwards =
        AuditFilter { from: Some("2026-07-02".into()), to: Some("2026-07-01".into()), ..filter() };
    assert_eq!(refused(&backwards), "to");
    assert_eq!(refused(&AuditFilter { action: Some("drop_table".into()), ..filter() }), "action");
    for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 1e16] {
        assert_eq!(refused(&AuditFilter { nurse_id: Some(bad), ..filter() }), "nurseId");
        assert_eq!(refused(&AuditFilter { session_id: Some(bad), ..filter() }), "sessionId");
        assert_eq!(refused(&AuditFilter { before_seq: Some(bad), ..filter() }), "beforeSeq");
    }
}

#[test]
fn good_values_are_kept() {
    let f = AuditFilter {
        nurse_id: Some(3.0),
        action: Some(" sign_in ".into()),
        session_id: Some(7.0),
        before_seq: Some(120.0),
        ..filter()
    };
    let q = f.validate(&Berlin, ACTIONS).expect("valid");
    assert_eq!(q.nurse_id, Some(3));
    assert_eq!(q.action.as_deref(), Some("sign_in"));
    assert_eq!(q.session_id, Some(7));
    assert_eq!(q.before_seq, Some(120));
}

#[test]
fn the_table_has_one_row_per_entry_in_utc() {
    let row = AuditRow {
        seq: 4,
        at: DateTime::from_timestamp_millis(1_780_000_000_123).expect("time"),
        nurse: "Zoë O'Brien-Müller, RN".into(),
        action: "sign_in".into(),
        records: String::new(),
        detail: "a, \"quoted\" detail".into(),
        emergency_use: Some(2),
    };
    let table = audit_table(&[row]);
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.rows[0][1], "2026-05-28T20:26:40.123Z");
    assert_eq!(table.rows[0][6], "2");
}
