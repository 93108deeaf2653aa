//! The planned-checks gate (issue 11, bug 3): an overdue check is part of the one "not ready"
//! list, named, and makes the patient not ready until it is done.

use super::*;

#[test]
fn an_overdue_check_is_a_failed_soft_gate_naming_each_check() {
    // Only a check at +20: at +60 the +30 and +45 vitals are overdue (+60 is due, not yet).
    let late = Case { checks: stored_all(vec![baseline(), good(20)]), ..Case::ready() };
    let gates = late.gates();
    assert_eq!(gates.readiness, Readiness::NotReady);
    let failed: Vec<GateKey> = gates.failed_soft().map(|g| g.key).collect();
    assert_eq!(failed, [GateKey::PlannedChecks]);
    assert_eq!(
        gates.missing,
        ["Planned checks: 2 checks overdue: Vitals at +30 min, Vitals at +45 min"]
    );
    let one = Case { now: at(49), ..late.clone() };
    assert_gate(&one, GateKey::PlannedChecks, false, "1 check overdue: Vitals at +30 min");
    assert_gate(&Case::ready(), GateKey::PlannedChecks, true, "None overdue");
}

#[test]
fn the_gate_follows_the_plan_in_force_for_the_session() {
    // Vitals every 40 min: at +60 only the +40 vitals were planned, and +20 did not do them.
    let case = Case { checks: stored_all(vec![baseline(), good(20)]), ..Case::ready() };
    let plan =
        crate::checks::CheckPlanSettings { iv_vitals_every_minutes: 40, ..Default::default() };
    let gates = DischargeGates::assess(&GateInput { plan: &plan, ..case.input() });
    assert_eq!(
        gates.gate(GateKey::PlannedChecks).expect("assessed").detail,
        "1 check overdue: Vitals at +40 min"
    );
}
