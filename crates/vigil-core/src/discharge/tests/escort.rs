//! Validating the escort form: each bad field named, going alone under policy, and times.

use chrono::Duration;
use chrono_tz::Europe::Berlin;

use super::*;

fn input() -> EscortInput {
    EscortInput {
        session_id: 7,
        full_name: "  Sam Example ".into(),
        relationship: "Partner".into(),
        phone: "+1 (555) 010-0100".into(),
        adult_attested: true,
        transport: "escort_drives".into(),
        status: "arrived".into(),
        eta: String::new(),
        arrived_at: local(50),
        known_to_staff: false,
        name_confirmed: true,
        photo_id: true,
    }
}

fn with(f: impl FnOnce(&mut EscortInput)) -> EscortInput {
    let mut i = input();
    f(&mut i);
    i
}

fn now() -> DateTime<Utc> {
    at(60)
}

fn validate(input: &EscortInput) -> Result<Escort, VigilError> {
    input.validate(&DischargePolicy::default(), start(), now(), &Utc)
}

fn allowing() -> DischargePolicy {
    DischargePolicy {
        allow_rideshare_alone: true,
        allow_public_transport_alone: true,
        ..DischargePolicy::default()
    }
}

#[test]
fn a_valid_escort_is_trimmed_and_kept() {
    let e = validate(&input()).expect("valid");
    assert_eq!(e.full_name, "Sam Example");
    assert_eq!(e.phone, "+1 (555) 010-0100");
    assert_eq!((e.transport, e.status), (Transport::EscortDrives, EscortStatus::Arrived));
    assert_eq!((e.eta, e.arrived_at), (None, Some(at(50))));
    assert!(e.present() && e.identified() && e.escorted());
    let json = serde_json::to_string(&e).expect("json");
    assert_eq!(serde_json::from_str::<Escort>(&json).expect("stored JSON reads back"), e);
}

#[test]
fn arrival_defaults_to_now_and_ignores_an_eta() {
    let now_with_ms = now() + Duration::milliseconds(1500);
    let i = with(|i| (i.arrived_at, i.eta) = (String::new(), local(70)));
    let e = i.validate(&DischargePolicy::default(), start(), now_with_ms, &Utc).expect("valid");
    assert_eq!((e.arrived_at, e.eta), (Some(now() + Duration::seconds(1)), None));
    // Up to a minute ahead is the clock skew: taken as now.
    let e = validate(&with(|i| i.arrived_at = local(61))).expect("skew");
    assert_eq!(e.arrived_at, Some(now()));
}

#[test]
fn an_eta_is_kept_only_before_arrival_and_within_24_hours() {
    for status in ["expected", "en_route"] {
        let e = validate(&with(|i| (i.status, i.eta) = (status.into(), local(90)))).expect("ok");
        assert_eq!((e.eta, e.arrived_at), (Some(at(90)), None), "{status}");
        assert!(!e.present());
    }
    let e =
        validate(&with(|i| (i.status, i.eta) = ("expected".into(), String::new()))).expect("ok");
    assert_eq!(e.eta, None);
    let late = validate(&with(|i| (i.status, i.eta) = ("expected".into(), local(30)))).expect("ok");
    assert_eq!(late.eta, Some(at(30)), "an ETA already passed is kept (the escort is late)");
    let day = 24 * 60;
    let ok = with(|i| (i.status, i.eta) = ("en_route".into(), local(60 + day)));
    assert!(validate(&ok).is_ok());
    let too_far = with(|i| (i.status, i.eta) = ("en_route".into(), local(61 + day)));
    assert_eq!(field_of(validate(&too_far)), "eta");
}

#[test]
fn each_bad_field_is_named() {
    let cases: Vec<(EscortInput, &str)> = vec![
        (with(|i| i.transport = "taxi".into()), "transport"),
        (with(|i| i.transport = String::new()), "transport"),
        (with(|i| i.transport = "rideshare_alone".into()), "transport"),
        (with(|i| i.transport = "public_transport_alone".into()), "transport"),
        (with(|i| i.full_name = "  ".into()), "fullName"),
        (with(|i| i.full_name = "x".repeat(101)), "fullName"),
        (with(|i| i.full_name = "Sam\nExample".into()), "fullName"),
        (with(|i| i.full_name = "Sam \u{202E}Example".into()), "fullName"),
        (with(|i| i.relationship = String::new()), "relationship"),
        (with(|i| i.relationship = "x".repeat(61)), "relationship"),
        (with(|i| i.phone = String::new()), "phone"),
        (with(|i| i.phone = "12".into()), "phone"),
        (with(|i| i.phone = "+1 ()".into()), "phone"),
        (with(|i| i.phone = "(5) 5-".into()), "phone"),
        (with(|i| i.phone = "555 CALL SAM".into()), "phone"),
        (with(|i| i.phone = "1".repeat(31)), "phone"),
        (with(|i| i.adult_attested = false), "adultAttested"),
        (with(|i| i.status = "waiting".into()), "status"),
        (with(|i| i.status = String::new()), "status"),
        (with(|i| (i.status, i.eta) = ("expected".into(), "soon".into())), "eta"),
        (with(|i| i.arrived_at = "10:50".into()), "arrivedAt"),
        (with(|i| i.arrived_at = local(62)), "arrivedAt"),
    ];
    for (input, field) in cases {
        assert_eq!(field_of(validate(&input)), field, "{input:?}");
    }
    assert!(validate(&with(|i| i.full_name = "x".repeat(100))).is_ok());
    assert!(validate(&with(|i| i.relationship = "x".repeat(60))).is_ok());
    assert!(validate(&with(|i| i.phone = "911".into())).is_ok());
    assert!(validate(&with(|i| i.phone = "1".repeat(30))).is_ok());
}

#[test]
fn messages_name_the_policy_and_never_the_value() {
    let err = validate(&with(|i| i.transport = "rideshare_alone".into())).expect_err("refused");
    assert_eq!(err.message, "The clinic's policy does not allow going home by rideshare alone.");
    let err = validate(&with(|i| i.transport = "public_transport_alone".into())).expect_err("no");
    assert_eq!(
        err.message,
        "The clinic's policy does not allow going home by public transport alone."
    );
    let err = validate(&with(|i| i.adult_attested = false)).expect_err("refused");
    assert_eq!(err.message, "The escort must be a responsible adult (18 or over).");
    let err = validate(&with(|i| i.phone = "555 CALL SAM".into())).expect_err("refused");
    assert!(!err.message.contains("CALL"), "{}", err.message);
}

#[test]
fn going_alone_where_allowed_needs_no_escort_details() {
    let i = with(|i| {
        i.transport = "rideshare_alone".into();
        (i.full_name, i.relationship, i.phone) = (String::new(), String::new(), String::new());
        (i.status, i.eta, i.arrived_at) = (String::new(), "garbage".into(), "garbage".into());
        i.adult_attested = false;
    });
    let e = i.validate(&allowing(), start(), now(), &Utc).expect("allowed");
    assert_eq!(e.transport, Transport::RideshareAlone);
    assert_eq!((e.status, e.eta, e.arrived_at), (EscortStatus::Expected, None, None));
    assert!(!e.known_to_staff && !e.name_confirmed && !e.photo_id, "identity does not apply");
    assert!(!e.escorted());
    // A contact given is kept trimmed, and a phone given must still be a phone number.
    let contact =
        with(|i| (i.transport, i.phone) = ("public_transport_alone".into(), " 555 0100 ".into()));
    let e = contact.validate(&allowing(), start(), now(), &Utc).expect("allowed");
    assert_eq!((e.full_name.as_str(), e.phone.as_str()), ("Sam Example", "555 0100"));
    let bad_phone =
        with(|i| (i.transport, i.phone) = ("public_transport_alone".into(), "ab".into()));
    assert_eq!(field_of(bad_phone.validate(&allowing(), start(), now(), &Utc)), "phone");
}

#[test]
fn typed_times_are_local_and_dst_gaps_are_refused() {
    // 2026-03-29 02:30 does not exist in Berlin.
    let now = Utc.with_ymd_and_hms(2026, 3, 29, 6, 0, 0).single().expect("valid");
    let gap = with(|i| i.arrived_at = "2026-03-29 02:30".into());
    assert_eq!(
        field_of(gap.validate(&DischargePolicy::default(), now - Duration::hours(2), now, &Berlin)),
        "arrivedAt"
    );
    let ok = with(|i| i.arrived_at = "2026-03-29 07:30".into());
    let e = ok
        .validate(&DischargePolicy::default(), now - Duration::hours(2), now, &Berlin)
        .expect("valid");
    assert_eq!(
        e.arrived_at,
        Some(Utc.with_ymd_and_hms(2026, 3, 29, 5, 30, 0).single().expect("v"))
    );
}

#[test]
fn no_escort_time_is_before_the_recovery_clock_started() {
    let early_arrival = with(|i| i.arrived_at = local(-1));
    let err = validate(&early_arrival).expect_err("refused");
    assert_eq!(err.field.as_deref(), Some("arrivedAt"));
    assert_eq!(err.message, "The escort's arrival cannot be before the recovery clock started.");
    let early_eta = with(|i| (i.status, i.eta) = ("expected".into(), local(-30)));
    assert_eq!(field_of(validate(&early_eta)), "eta");
    // At the clock start itself both are accepted.
    assert_eq!(validate(&with(|i| i.arrived_at = local(0))).expect("ok").arrived_at, Some(at(0)));
    let on_time = with(|i| (i.status, i.eta) = ("en_route".into(), local(0)));
    assert_eq!(validate(&on_time).expect("ok").eta, Some(at(0)));
}
