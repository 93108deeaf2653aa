//! Property test of the timeline of random sessions: admission, checks and corrections,
//! alerts with acknowledgements and resolutions (an acknowledged alert may be resolved too),
//! PADSS confirmations, readiness changes, pre-dose decisions and notes, each table numbering its rows
//! from 1 (so ids collide across kinds) at a handful of minutes (so times tie). Every entry has
//! a key unique across kinds, and the order is total (any arrangement sorts to the same
//! sequence) and idempotent.

use std::collections::{BTreeSet, HashSet};

use proptest::prelude::*;

use super::*;
use crate::{DeadlineKind, Protocol, RecoverySession};

/// The kinds this test builds. A new kind fails to compile here: add it to the session.
fn covered(kind: TimelineKind) {
    match kind {
        TimelineKind::Admission
        | TimelineKind::Check
        | TimelineKind::Correction
        | TimelineKind::Alert
        | TimelineKind::Acknowledgement
        | TimelineKind::Resolution
        | TimelineKind::Confirmation
        | TimelineKind::PredoseDecision
        | TimelineKind::Readiness
        | TimelineKind::Note => {}
    }
}

/// (clinical minute, recording minute, index of the earlier check it corrects, if it does).
type CheckPlan = (i64, i64, Option<prop::sample::Index>);
/// (kind, due minute, fired minute, acknowledged at, resolved at).
type FiringPlan = (usize, i64, i64, Option<i64>, Option<i64>);

#[derive(Debug, Clone)]
struct SessionPlan {
    session_id: i64,
    checks: Vec<CheckPlan>,
    firings: Vec<FiringPlan>,
    /// Minutes of the other records, one table each.
    confirmations: Vec<i64>,
    readiness: Vec<i64>,
    predose: Vec<i64>,
    notes: Vec<i64>,
}

fn minute() -> impl Strategy<Value = i64> {
    0i64..4
}

fn session_plan() -> impl Strategy<Value = SessionPlan> {
    let check = (minute(), minute(), proptest::option::of(any::<prop::sample::Index>()));
    let firing = (
        0usize..4,
        minute(),
        minute(),
        proptest::option::of(minute()),
        proptest::option::of(minute()),
    );
    (
        1i64..4,
        prop::collection::vec(check, 0..8),
        prop::collection::vec(firing, 0..8),
        prop::collection::vec(minute(), 0..3),
        prop::collection::vec(minute(), 0..3),
        prop::collection::vec(minute(), 0..3),
        prop::collection::vec(minute(), 0..3),
    )
        .prop_map(|(session_id, checks, firings, confirmations, readiness, predose, notes)| {
            SessionPlan { session_id, checks, firings, confirmations, readiness, predose, notes }
        })
}

/// The stored checks of the plan: ids 1.., each correction linked both ways.
fn stored_checks(plan: &[CheckPlan]) -> Vec<StoredCheck> {
    let mut out: Vec<StoredCheck> = Vec::new();
    for (i, (at_m, recorded_m, corrects)) in plan.iter().enumerate() {
        let id = i as i64 + 1;
        let live: Vec<usize> = (0..out.len()).filter(|j| out[*j].corrected_by.is_none()).collect();
        let original =
            corrects.as_ref().filter(|_| !live.is_empty()).map(|ix| live[ix.index(live.len())]);
        if let Some(j) = original {
            out[j].corrected_by = Some(id);
        }
        let mut check = valid(&full());
        check.observed_at = at(*at_m);
        out.push(StoredCheck {
            id,
            check,
            recorded_at: at(*recorded_m),
            who: Some("Ana Ruiz, RN".into()),
            corrects: original.map(|j| (out[j].id, "Wrong value.".into())),
            corrected_by: None,
        });
    }
    out
}

/// The alert entries of the plan: firings 1.., acknowledgements 1.., resolutions 1...
fn alert_entries(plan: &[FiringPlan]) -> Vec<TimelineEntry> {
    let (mut acks, mut resolutions) = (0, 0);
    let mut out = Vec::new();
    for (i, (kind, due, fired, acked, resolved)) in plan.iter().enumerate() {
        let firing_id = i as i64 + 1;
        out.push(TimelineEntry::alert(&FiringRow {
            id: firing_id,
            kind: DeadlineKind::ALL[*kind],
            due_at: at(*due),
            fired_at: at(*fired),
            message: Some("Blood pressure 185/100 is critical.".into()),
        }));
        if let Some(m) = acked {
            acks += 1;
            let row = AcknowledgementRow { id: acks, firing_id, at: at(*m), who: None };
            out.push(TimelineEntry::acknowledgement(&row));
        }
        if let Some(m) = resolved {
            resolutions += 1;
            out.push(TimelineEntry::resolution(&ResolutionRow {
                id: resolutions,
                firing_id,
                how: "correction".into(),
                check_id: 1,
                at: at(*m),
                who: None,
            }));
        }
    }
    out
}

/// Entries of a table read plainly: ids 1.. at the given minutes.
fn plain(kind: TimelineKind, minutes: &[i64]) -> impl Iterator<Item = TimelineEntry> + '_ {
    minutes.iter().enumerate().map(move |(i, m)| {
        TimelineEntry::new(kind, i as i64 + 1, at(*m), at(*m), None, format!("{kind:?}"))
    })
}

fn build(plan: &SessionPlan) -> Vec<TimelineEntry> {
    let session = RecoverySession {
        id: plan.session_id,
        patient_name: "Test Patient".into(),
        bay: "Bay 1".into(),
        protocol: Protocol::IvKetamine,
        minimum_minutes: 60,
        clock_started_at: at(0),
        recorded_at: at(1),
        admitted_by: None,
    };
    let mut out: Vec<TimelineEntry> =
        stored_checks(&plan.checks).iter().map(StoredCheck::timeline_entry).collect();
    out.push(TimelineEntry::admission(&session));
    out.extend(alert_entries(&plan.firings));
    out.extend(plain(TimelineKind::Confirmation, &plan.confirmations));
    out.extend(plain(TimelineKind::Readiness, &plan.readiness));
    out.extend(plain(TimelineKind::PredoseDecision, &plan.predose));
    out.extend(plain(TimelineKind::Note, &plan.notes));
    out
}

fn sorted(mut entries: Vec<TimelineEntry>) -> Vec<TimelineEntry> {
    sort_timeline(&mut entries);
    entries
}

proptest! {
    #[test]
    fn keys_are_unique_and_the_order_is_total(
        (entries, shuffled) in session_plan()
            .prop_map(|plan| build(&plan))
            .prop_flat_map(|e| (Just(e.clone()), Just(e).prop_shuffle()))
    ) {
        entries.iter().for_each(|e| covered(e.kind));
        let keys: HashSet<&str> = entries.iter().map(TimelineEntry::key).collect();
        prop_assert_eq!(keys.len(), entries.len(), "duplicate keys: {:?}",
            entries.iter().map(TimelineEntry::key).collect::<Vec<_>>());
        let ids: BTreeSet<(TimelineKind, i64)> =
            entries.iter().map(|e| (e.kind, e.record_id)).collect();
        prop_assert_eq!(ids.len(), entries.len());
        let once = sorted(entries.clone());
        let mut reversed = entries.clone();
        reversed.reverse();
        prop_assert_eq!(&sorted(shuffled), &once);
        prop_assert_eq!(&sorted(reversed), &once);
        prop_assert_eq!(&sorted(once.clone()), &once);
        for pair in once.windows(2) {
            let key = |e: &TimelineEntry| (e.at, e.recorded_at, e.kind, e.record_id);
            prop_assert!(key(&pair[0]) < key(&pair[1]), "ties left: {:?}", pair);
        }
    }
}

#[test]
fn an_acknowledgement_and_a_resolution_with_the_same_id_differ() {
    let ack = AcknowledgementRow { id: 1, firing_id: 1, at: at(61), who: None };
    let resolution = ResolutionRow {
        id: 1,
        firing_id: 2,
        how: "correction".into(),
        check_id: 3,
        at: at(70),
        who: Some("Ana Ruiz, RN".into()),
    };
    let (a, r) = (TimelineEntry::acknowledgement(&ack), TimelineEntry::resolution(&resolution));
    assert_eq!((a.kind, a.key()), (TimelineKind::Acknowledgement, "acknowledgement-1"));
    assert_eq!((r.kind, r.key()), (TimelineKind::Resolution, "resolution-1"));
    assert_eq!(r.summary, "Alert #2 resolved by correction (entry #3)");
}
