use super::*;
use chrono::{TimeZone, Utc};
use chrono_tz::Europe::Berlin;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0)
        .single()
        .expect("valid")
}

fn input() -> AdmitInput {
    AdmitInput {
        patient_name: "Testy McTestface".into(),
        bay: "Bay 2".into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: "2026-07-01T11:30".into(), // UTC: 11:30, 30 min ago
    }
}

fn field_of(input: &AdmitInput) -> Option<String> {
    input
        .validate(now(), &Utc)
        .expect_err("should be rejected")
        .field
}

#[test]
fn valid_input_takes_protocol_default() {
    let a = input().validate(now(), &Utc).expect("valid");
    assert_eq!(a.minimum_minutes, 60);
    assert_eq!(a.protocol, Protocol::IvKetamine);
    assert_eq!(a.clock_started_at, now() - Duration::minutes(30));
}

#[test]
fn local_time_is_read_in_the_given_zone() {
    let a = AdmitInput {
        clock_started_at: "2026-07-01T13:30".into(),
        ..input()
    }
    .validate(now(), &Berlin)
    .expect("valid");
    assert_eq!(a.clock_started_at, now() - Duration::minutes(30));
}

#[test]
fn each_bad_field_is_named() {
    let cases: Vec<(AdmitInput, &str)> = vec![
        (
            AdmitInput {
                patient_name: "  ".into(),
                ..input()
            },
            "patientName",
        ),
        (
            AdmitInput {
                patient_name: "x".repeat(101),
                ..input()
            },
            "patientName",
        ),
        (
            AdmitInput {
                patient_name: "A\u{0}B".into(),
                ..input()
            },
            "patientName",
        ),
        (
            AdmitInput {
                bay: "".into(),
                ..input()
            },
            "bay",
        ),
        (
            AdmitInput {
                protocol: "oral".into(),
                ..input()
            },
            "protocol",
        ),
        (
            AdmitInput {
                recovery_minutes: Some(14.0),
                ..input()
            },
            "recoveryMinutes",
        ),
        (
            AdmitInput {
                recovery_minutes: Some(481.0),
                ..input()
            },
            "recoveryMinutes",
        ),
        (
            AdmitInput {
                recovery_minutes: Some(30.5),
                ..input()
            },
            "recoveryMinutes",
        ),
        (
            AdmitInput {
                recovery_minutes: Some(f64::NAN),
                ..input()
            },
            "recoveryMinutes",
        ),
        (
            AdmitInput {
                clock_started_at: "yesterday".into(),
                ..input()
            },
            "clockStartedAt",
        ),
        (
            AdmitInput {
                clock_started_at: "2026-07-01T12:01".into(),
                ..input()
            },
            "clockStartedAt",
        ),
        (
            AdmitInput {
                clock_started_at: "2026-06-30T23:59".into(),
                ..input()
            },
            "clockStartedAt",
        ),
    ];
    for (bad, field) in cases {
        assert_eq!(field_of(&bad).as_deref(), Some(field), "{bad:?}");
    }
}

#[test]
fn minute_bounds_are_inclusive() {
    for ok in [15.0, 480.0] {
        let a = AdmitInput {
            recovery_minutes: Some(ok),
            ..input()
        }
        .validate(now(), &Utc);
        assert!(a.is_ok(), "{ok}");
    }
}

#[test]
fn clock_start_bounds_are_inclusive() {
    for ok in ["2026-07-01T12:00", "2026-07-01T00:00"] {
        let a = AdmitInput {
            clock_started_at: ok.into(),
            ..input()
        }
        .validate(now(), &Utc);
        assert!(a.is_ok(), "{ok}");
    }
}

#[test]
fn spravato_never_below_120() {
    let spravato = |m| AdmitInput {
        protocol: "spravato".into(),
        recovery_minutes: m,
        ..input()
    };
    assert_eq!(
        spravato(None)
            .validate(now(), &Utc)
            .expect("valid")
            .minimum_minutes,
        120
    );
    assert!(spravato(Some(120.0)).validate(now(), &Utc).is_ok());
    let err = spravato(Some(119.0))
        .validate(now(), &Utc)
        .expect_err("below floor");
    assert!(err.message.contains("at least 120"), "{}", err.message);
}

#[test]
fn dst_gap_is_a_field_error() {
    let now = Utc
        .with_ymd_and_hms(2026, 3, 29, 3, 0, 0)
        .single()
        .expect("valid");
    let err = AdmitInput {
        clock_started_at: "2026-03-29T02:30".into(),
        ..input()
    }
    .validate(now, &Berlin)
    .expect_err("gap");
    assert_eq!(err.field.as_deref(), Some("clockStartedAt"));
    assert!(err.message.contains("skipped"));
}

#[test]
fn messages_never_echo_the_name() {
    let err = AdmitInput {
        patient_name: "Zed\u{7}Secretname".into(),
        ..input()
    }
    .validate(now(), &Utc)
    .expect_err("control char");
    assert!(!err.message.contains("Secretname"));
}
