//! The hard gates (minimum period, escort), the critical-alert gate, readiness and the shape
//! of an assessment.

use chrono::Duration;

use super::*;

#[test]
fn minimum_is_reached_exactly_at_the_end() {
    let end = session().ends_at();
    let case = |now| Case { now, ..Case::ready() };
    let g = case(end - Duration::seconds(1)).gates();
    assert_eq!((g.minutes_left, g.ends_at), (1, end));
    assert_gate(&case(end - Duration::seconds(1)), GateKey::Minimum, false, "1 min left");
    assert_gate(&case(end), GateKey::Minimum, true, "Reached");
    assert_eq!(case(end).gates().minutes_left, 0);
    assert_eq!(case(end + Duration::hours(3)).gates().minutes_left, 0);
}

#[test]
fn minutes_left_round_up() {
    let end = session().ends_at();
    for (before, want) in [(42 * 60, 42), (41 * 60 + 1, 42), (41 * 60, 41), (1, 1)] {
        let case = Case { now: end - Duration::seconds(before), ..Case::ready() };
        assert_eq!(case.gates().minutes_left, want, "{before} s before the end");
        assert_gate(&case, GateKey::Minimum, false, &format!("{want} min left"));
    }
}

fn with_escort(escort: Option<Escort>) -> Case {
    Case { escort, ..Case::ready() }
}

fn with_policy(escort: Escort, rideshare: bool, public: bool) -> Case {
    let policy = DischargePolicy {
        allow_rideshare_alone: rideshare,
        allow_public_transport_alone: public,
        ..DischargePolicy::default()
    };
    Case { escort: Some(escort), policy, ..Case::ready() }
}

#[test]
fn escort_gate_every_variant() {
    let e = escort();
    let arrived = |known, confirmed, photo| Escort {
        known_to_staff: known,
        name_confirmed: confirmed,
        photo_id: photo,
        ..escort()
    };
    let cases: Vec<(Option<Escort>, bool, &str)> = vec![
        (None, false, "No escort recorded"),
        (
            Some(Escort { status: EscortStatus::Expected, arrived_at: None, ..e.clone() }),
            false,
            "Escort expected",
        ),
        (
            Some(Escort { status: EscortStatus::Expected, eta: Some(at(80)), ..e.clone() }),
            false,
            "Escort expected (ETA given)",
        ),
        (
            Some(Escort { status: EscortStatus::EnRoute, arrived_at: None, ..e.clone() }),
            false,
            "Escort en route",
        ),
        (
            Some(Escort { status: EscortStatus::EnRoute, eta: Some(at(70)), ..e.clone() }),
            false,
            "Escort en route (ETA given)",
        ),
        (Some(arrived(false, false, false)), false, "Escort arrived, identity not checked"),
        (Some(arrived(true, false, true)), false, "Escort arrived, identity not checked"),
        (Some(arrived(false, true, false)), false, "Escort arrived, identity not checked"),
        (Some(arrived(true, true, false)), true, "Escort arrived and identified"),
        (Some(arrived(false, true, true)), true, "Escort arrived and identified"),
        (
            Some(Escort { transport: Transport::EscortWithRideshare, ..e.clone() }),
            true,
            "Escort arrived and identified",
        ),
    ];
    for (escort, passed, detail) in cases {
        assert_gate(&with_escort(escort), GateKey::Escort, passed, detail);
    }
}

#[test]
fn going_alone_passes_only_where_policy_allows() {
    let ride = alone(Transport::RideshareAlone);
    let public = alone(Transport::PublicTransportAlone);
    let cases = [
        (with_policy(ride.clone(), true, false), true, "by rideshare alone (clinic policy allows)"),
        (
            with_policy(ride.clone(), false, true),
            false,
            "by rideshare alone, which the clinic's policy no longer allows",
        ),
        (
            with_policy(public.clone(), false, true),
            true,
            "by public transport alone (clinic policy allows)",
        ),
        (
            with_policy(public, true, false),
            false,
            "by public transport alone, which the clinic's policy no longer allows",
        ),
        (
            with_policy(ride, false, false),
            false,
            "by rideshare alone, which the clinic's policy no longer allows",
        ),
    ];
    for (case, passed, detail) in cases {
        assert_gate(&case, GateKey::Escort, passed, &format!("Going home {detail}"));
    }
}

#[test]
fn critical_alert_gate() {
    assert_gate(&Case::ready(), GateKey::CriticalAlert, true, "None waiting for acknowledgement");
    let case = |critical| Case { critical, ..Case::ready() };
    assert_gate(&case(1), GateKey::CriticalAlert, false, "1 critical alert not acknowledged");
    assert_gate(&case(2), GateKey::CriticalAlert, false, "2 critical alerts not acknowledged");
    assert_eq!(case(1).gates().readiness, Readiness::NotReady);
}

#[test]
fn readiness_ready_awaiting_escort_and_not_ready() {
    let ready = Case::ready().gates();
    assert_eq!(ready.readiness, Readiness::Ready);
    assert!(ready.missing.is_empty());
    assert_eq!(ready.failed_soft().count(), 0);

    let awaiting = with_escort(None).gates();
    assert_eq!(awaiting.readiness, Readiness::ReadyAwaitingEscort);
    assert_eq!(awaiting.missing, ["Escort: No escort recorded"]);

    let early = Case { now: at(18), ..Case::ready() }.gates();
    assert_eq!(early.readiness, Readiness::NotReady);
    assert_eq!(early.missing, ["Minimum period: 42 min left"]);

    let soft = Case::latest(good_with(55, |c| c.nausea = Some(2))).gates();
    assert_eq!(soft.readiness, Readiness::NotReady);
    let failed: Vec<GateKey> = soft.failed_soft().map(|g| g.key).collect();
    assert_eq!(failed, [GateKey::Nausea]);

    let all = Case { now: at(18), escort: None, critical: 1, ..Case::latest(bare(10)) }.gates();
    assert_eq!(all.readiness, Readiness::NotReady);
    assert_eq!(all.missing.len(), 10, "no check overdue yet at +18: {:?}", all.missing);
    assert_eq!(all.missing[0], "Minimum period: 42 min left");
    assert_eq!(all.missing[9], "Critical alerts: 1 critical alert not acknowledged");
}

#[test]
fn every_gate_is_listed_in_order_with_its_label() {
    let g = Case::ready().gates();
    let keys: Vec<GateKey> = g.gates.iter().map(|g| g.key).collect();
    assert_eq!(keys, GateKey::ALL);
    for gate in &g.gates {
        assert_eq!(gate.label, gate.key.label());
        assert_eq!(gate.hard, gate.key.hard());
        assert_eq!(g.gate(gate.key).expect("assessed"), gate);
    }
    assert_eq!(GateKey::SOFT.len(), 9);
    assert!(GateKey::SOFT.iter().all(|k| !k.hard()));
    assert!(GateKey::Minimum.hard() && GateKey::Escort.hard());
}

#[test]
fn names_round_trip_and_match_serde() {
    for k in GateKey::ALL {
        assert_eq!(GateKey::parse(k.as_str()), Some(k));
        assert_eq!(serde_json::to_value(k).expect("json"), k.as_str());
    }
    for t in Transport::ALL {
        assert_eq!(Transport::parse(t.as_str()), Some(t));
        assert_eq!(serde_json::to_value(t).expect("json"), t.as_str());
    }
    for s in EscortStatus::ALL {
        assert_eq!(EscortStatus::parse(s.as_str()), Some(s));
        assert_eq!(serde_json::to_value(s).expect("json"), s.as_str());
    }
    for w in WillDrive::ALL {
        assert_eq!(WillDrive::parse(w.as_str()), Some(w));
        assert_eq!(serde_json::to_value(w).expect("json"), w.as_str());
    }
    assert_eq!(GateKey::parse("Spo2"), None);
    assert_eq!(Transport::PublicTransportAlone.label(), "Public transport alone");
    assert_eq!(EscortStatus::EnRoute.label(), "En route");
    assert_eq!(GateKey::Lightheadedness.label(), "Lightheadedness and gait");
}

#[test]
fn gates_never_name_the_patient() {
    let case = Case { now: at(18), escort: None, critical: 1, ..Case::latest(bare(10)) };
    let json = serde_json::to_string(&case.gates()).expect("json");
    assert!(!json.contains("Testy"), "{json}");
    let g = case.gates();
    let back: DischargeGates = serde_json::from_str(&json).expect("round trip");
    assert_eq!(back, g);
}

#[test]
fn a_snapshot_stored_before_planned_checks_loads_and_lacks_only_that_gate() {
    // A snapshot's gates as stored before "Planned checks" existed: ten gates.
    let mut json = serde_json::to_value(Case::ready().gates()).expect("encodes");
    let gates = json["gates"].as_array_mut().expect("a list");
    gates.retain(|g| g["key"] != serde_json::json!(GateKey::PlannedChecks));
    assert_eq!(gates.len(), 10);
    let old: DischargeGates = serde_json::from_value(json).expect("an old snapshot loads");
    assert_eq!(old.gate(GateKey::PlannedChecks), None, "missing, and no panic");
    assert!(!old.passed(GateKey::PlannedChecks));
    assert!(old.passed(GateKey::Escort) && old.gate(GateKey::Escort).is_some());
}
