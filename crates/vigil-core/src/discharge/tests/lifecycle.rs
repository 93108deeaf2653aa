//! The session phases and the discharge policy settings.

use super::*;
use crate::ErrorCode;
use SessionPhase::*;

#[test]
fn phase_transitions_table() {
    type Rule = fn(SessionPhase) -> Result<(), VigilError>;
    let rules: [(&str, Rule); 5] = [
        ("clear", SessionPhase::may_clear),
        ("depart", SessionPhase::may_depart),
        ("against advice", SessionPhase::may_leave_against_advice),
        ("record", SessionPhase::may_record),
        ("transfer", SessionPhase::may_transfer),
    ];
    // Allowed per phase: clear, depart, against advice, record, transfer.
    let table = [
        (Observing, [true, false, true, true, true]),
        (Cleared, [false, true, false, true, true]),
        (Departed, [false, false, false, false, false]),
        (LeftAgainstAdvice, [false, false, false, false, false]),
        (Transferred, [false, false, false, false, false]),
    ];
    assert_eq!(table.map(|(p, _)| p), SessionPhase::ALL, "every phase is in the table");
    for (phase, allowed) in table {
        for ((what, rule), ok) in rules.iter().zip(allowed) {
            match rule(phase) {
                Ok(()) => assert!(ok, "{what} from {phase:?} should be refused"),
                Err(e) => {
                    assert!(!ok, "{what} from {phase:?} should be allowed");
                    assert_eq!((e.code, e.field), (ErrorCode::Conflict, None));
                }
            }
        }
    }
}

#[test]
fn phase_messages() {
    let msg = |r: Result<(), VigilError>| r.expect_err("refused").message;
    assert_eq!(msg(Cleared.may_clear()), "This patient is already cleared for discharge.");
    assert_eq!(msg(Departed.may_clear()), "This patient has already left.");
    assert_eq!(
        msg(Observing.may_depart()),
        "Clear the patient for discharge first (or record leaving against advice)."
    );
    assert_eq!(msg(LeftAgainstAdvice.may_depart()), "This patient has already left.");
    assert_eq!(
        msg(Cleared.may_leave_against_advice()),
        "This patient is cleared; record the departure instead."
    );
    assert_eq!(
        msg(Departed.may_record()),
        "This patient has left; nothing more can be recorded for this session."
    );
    assert!(Departed.ended() && LeftAgainstAdvice.ended() && Transferred.ended());
    assert_eq!(msg(Transferred.may_transfer()), "This patient has already left.");
    assert_eq!(msg(Departed.may_transfer()), "This patient has already left.");
    assert!(!Observing.ended() && !Cleared.ended());
    for p in SessionPhase::ALL {
        assert_eq!(SessionPhase::parse(p.as_str()), Some(p));
        assert_eq!(serde_json::to_value(p).expect("json"), p.as_str());
    }
}

fn edit(minutes: f64, nausea: f64) -> DischargePolicyEdit {
    DischargePolicyEdit {
        allow_rideshare_alone: true,
        allow_public_transport_alone: false,
        escort_late_minutes: minutes,
        max_nausea: nausea,
        rems_warn_from_day: 5.0,
    }
}

#[test]
fn policy_defaults_and_bounds() {
    let d = DischargePolicy::default();
    assert_eq!(
        (
            d.allow_rideshare_alone,
            d.allow_public_transport_alone,
            d.escort_late_minutes,
            d.max_nausea
        ),
        (false, false, 10, 1)
    );
    let p = edit(120.0, 0.0).validate().expect("valid");
    assert_eq!((p.allow_rideshare_alone, p.escort_late_minutes, p.max_nausea), (true, 120, 0));
    assert_eq!(
        edit(1.0, 3.0).validate().map(|p| (p.escort_late_minutes, p.max_nausea)),
        Ok((1, 3))
    );
    for (minutes, nausea, field) in [
        (0.0, 1.0, "escortLateMinutes"),
        (121.0, 1.0, "escortLateMinutes"),
        (10.5, 1.0, "escortLateMinutes"),
        (f64::NAN, 1.0, "escortLateMinutes"),
        (10.0, 4.0, "maxNausea"),
        (10.0, -1.0, "maxNausea"),
        (10.0, 1.5, "maxNausea"),
        (10.0, f64::INFINITY, "maxNausea"),
    ] {
        assert_eq!(field_of(edit(minutes, nausea).validate()), field);
    }
    let json = serde_json::to_value(d).expect("json");
    assert_eq!(json["escortLateMinutes"], 10);
}
