use super::*;
use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Europe::Berlin;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
}

fn protocols() -> Vec<ProtocolVersion> {
    let v = |id, protocol, minutes| ProtocolVersion {
        id,
        protocol,
        version: 1,
        minimum_minutes: minutes,
        created_at: DateTime::<Utc>::UNIX_EPOCH,
    };
    vec![
        v(1, Protocol::IvKetamine, 60),
        v(2, Protocol::Spravato, 120),
        v(3, Protocol::ImKetamine, 45),
    ]
}

fn input() -> AdmitInput {
    AdmitInput {
        patient_name: "Testy McTestface".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        bay: "Bay 2".into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        clock_started_at: "2026-07-01T11:30".into(), // UTC: 11:30, 30 min ago
        later_device_times: Vec::new(),
        note: String::new(),
    }
}

fn spravato() -> AdmitInput {
    AdmitInput { protocol: "spravato".into(), dose_mg: Some(84.0), weight_kg: None, ..input() }
}

fn check(input: &AdmitInput) -> Result<Admission, VigilError> {
    input.validate(now(), &Utc, &protocols())
}

fn field_of(input: &AdmitInput) -> Option<String> {
    check(input).expect_err("should be rejected").field
}

#[test]
fn valid_input_takes_the_current_protocol_version() {
    let a = check(&input()).expect("valid");
    assert_eq!((a.minimum_minutes, a.protocol_version_id), (60, 1));
    assert_eq!(a.protocol, Protocol::IvKetamine);
    assert_eq!(a.clock_started_at, now() - Duration::minutes(30));
    assert_eq!(a.mg_per_kg(), Some(0.5));
    assert!(a.device_times.is_empty());
}

#[test]
fn local_time_is_read_in_the_given_zone() {
    let a = AdmitInput { clock_started_at: "2026-07-01T13:30".into(), ..input() }
        .validate(now(), &Berlin, &protocols())
        .expect("valid");
    assert_eq!(a.clock_started_at, now() - Duration::minutes(30));
}

#[test]
fn each_bad_field_is_named() {
    let cases: Vec<(AdmitInput, &str)> = vec![
        (AdmitInput { patient_name: "  ".into(), ..input() }, "patientName"),
        (AdmitInput { patient_name: "x".repeat(101), ..input() }, "patientName"),
        (AdmitInput { patient_name: "A\u{0}B".into(), ..input() }, "patientName"),
        (AdmitInput { chart_number: "".into(), ..input() }, "chartNumber"),
        (AdmitInput { chart_number: "12 34".into(), ..input() }, "chartNumber"),
        (AdmitInput { date_of_birth: "29/02/1980".into(), ..input() }, "dateOfBirth"),
        (AdmitInput { date_of_birth: "2026-07-02".into(), ..input() }, "dateOfBirth"),
        (AdmitInput { date_of_birth: "1900-01-01".into(), ..input() }, "dateOfBirth"),
        (AdmitInput { bay: "".into(), ..input() }, "bay"),
        (AdmitInput { protocol: "oral".into(), ..input() }, "protocol"),
        (AdmitInput { recovery_minutes: Some(59.0), ..input() }, "recoveryMinutes"),
        (AdmitInput { recovery_minutes: Some(481.0), ..input() }, "recoveryMinutes"),
        (AdmitInput { recovery_minutes: Some(70.5), ..input() }, "recoveryMinutes"),
        (AdmitInput { recovery_minutes: Some(f64::NAN), ..input() }, "recoveryMinutes"),
        (AdmitInput { dose_mg: None, ..input() }, "doseMg"),
        (AdmitInput { dose_mg: Some(0.0), ..input() }, "doseMg"),
        (AdmitInput { dose_mg: Some(1000.5), ..input() }, "doseMg"),
        (AdmitInput { dose_mg: Some(f64::NAN), ..input() }, "doseMg"),
        (AdmitInput { weight_kg: None, ..input() }, "weightKg"),
        (AdmitInput { weight_kg: Some(19.9), ..input() }, "weightKg"),
        (AdmitInput { clock_started_at: "yesterday".into(), ..input() }, "clockStartedAt"),
        (AdmitInput { clock_started_at: "2026-07-01T12:01".into(), ..input() }, "clockStartedAt"),
        (AdmitInput { clock_started_at: "2026-06-30T23:59".into(), ..input() }, "clockStartedAt"),
        (
            AdmitInput { later_device_times: vec!["2026-07-01 11:35".into()], ..input() },
            "laterDeviceTimes",
        ),
        (AdmitInput { note: "x".repeat(2001), ..input() }, "note"),
        (AdmitInput { note: "bell\u{7}".into(), ..input() }, "note"),
    ];
    for (bad, field) in cases {
        assert_eq!(field_of(&bad).as_deref(), Some(field), "{bad:?}");
    }
}

#[test]
fn bounds_are_inclusive() {
    let ok = [
        AdmitInput { recovery_minutes: Some(60.0), ..input() },
        AdmitInput { recovery_minutes: Some(480.0), ..input() },
        AdmitInput { clock_started_at: "2026-07-01T12:00".into(), ..input() },
        AdmitInput { clock_started_at: "2026-07-01T00:00".into(), ..input() },
        AdmitInput { weight_kg: Some(20.0), ..input() },
        AdmitInput { weight_kg: Some(350.0), ..input() },
        AdmitInput { dose_mg: Some(1000.0), ..input() },
        AdmitInput { date_of_birth: "2026-07-01".into(), ..input() },
        AdmitInput { note: "line one\nline two".into(), ..input() },
    ];
    for a in ok {
        assert!(check(&a).is_ok(), "{a:?}");
    }
}

#[test]
fn recovery_minutes_can_only_lengthen_the_protocol() {
    let err = check(&AdmitInput { recovery_minutes: Some(45.0), ..input() }).expect_err("shorter");
    assert!(err.message.contains("protocol's 60"), "{}", err.message);
    let a = check(&AdmitInput { recovery_minutes: Some(90.0), ..input() }).expect("longer");
    assert_eq!(a.minimum_minutes, 90);
}

#[test]
fn spravato_dose_and_devices() {
    let a = check(&spravato()).expect("valid");
    assert_eq!(a.minimum_minutes, 120);
    assert_eq!(a.device_times, [a.clock_started_at]);
    let three = AdmitInput {
        later_device_times: vec!["2026-07-01 11:35".into(), "2026-07-01 11:40".into()],
        ..spravato()
    };
    assert_eq!(check(&three).expect("84 mg, 3 devices").device_times.len(), 3);
    for bad in [
        AdmitInput { dose_mg: Some(28.0), ..spravato() },
        AdmitInput { dose_mg: Some(70.0), ..spravato() },
    ] {
        assert_eq!(field_of(&bad).as_deref(), Some("doseMg"));
    }
    let too_many = AdmitInput {
        dose_mg: Some(56.0),
        later_device_times: vec!["2026-07-01 11:35".into(), "2026-07-01 11:40".into()],
        ..spravato()
    };
    assert_eq!(field_of(&too_many).as_deref(), Some("laterDeviceTimes"));
    let out_of_order =
        AdmitInput { later_device_times: vec!["2026-07-01 11:25".into()], ..spravato() };
    assert_eq!(field_of(&out_of_order).as_deref(), Some("laterDeviceTimes"));
    let shorter = AdmitInput { recovery_minutes: Some(119.0), ..spravato() };
    assert_eq!(field_of(&shorter).as_deref(), Some("recoveryMinutes"));
}

#[test]
fn the_session_keeps_the_version_current_at_admission() {
    let mut versions = protocols();
    versions.push(ProtocolVersion {
        id: 9,
        protocol: Protocol::IvKetamine,
        version: 2,
        minimum_minutes: 75,
        created_at: now(),
    });
    let a = input().validate(now(), &Utc, &versions).expect("valid");
    assert_eq!((a.protocol_version_id, a.minimum_minutes), (9, 75));
}

#[test]
fn dst_gap_is_a_field_error() {
    let now = Utc.with_ymd_and_hms(2026, 3, 29, 3, 0, 0).single().expect("valid");
    let err = AdmitInput { clock_started_at: "2026-03-29T02:30".into(), ..input() }
        .validate(now, &Berlin, &protocols())
        .expect_err("gap");
    assert_eq!(err.field.as_deref(), Some("clockStartedAt"));
    assert!(err.message.contains("skipped"));
}

#[test]
fn messages_never_echo_what_was_typed() {
    for bad in [
        AdmitInput { patient_name: "Zed\u{7}Secretname".into(), ..input() },
        AdmitInput { chart_number: "Secretname 1".into(), ..input() },
        AdmitInput { date_of_birth: "Secretname".into(), ..input() },
    ] {
        let err = check(&bad).expect_err("rejected");
        assert!(!err.message.contains("Secretname"), "{}", err.message);
    }
}
