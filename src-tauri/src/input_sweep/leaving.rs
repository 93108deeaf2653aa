//! The sweep of the commands of a patient's leaving: escort, discharge, departure, against
//! advice, transfer, the papers, REMS details and forms, and the discharge policy.
//!
//! Accepted refusals other than `validation` (a well-formed number naming no record):
//! `sessionId` → `not_found`. A paper saved as PDF goes to a folder of the harness's own,
//! outside its data directory.

use serde_json::json;

use super::harness::{local_before, Harness};
use super::spec::{Make, Spec};
use crate::test_support::ADMIN_PIN;

const NOT_FOUND: &[&str] = &["not_found"];

fn save_escort(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({
        "sessionId": s, "fullName": "Test Escort", "relationship": "Friend",
        "phone": "555-0100", "adultAttested": true, "transport": "escort_drives",
        "status": "arrived", "eta": "", "arrivedAt": local_before(1), "knownToStaff": false,
        "nameConfirmed": true, "photoId": true,
    });
    Spec {
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.arrivedAt"],
        ..Spec::new("save_escort", json!({ "input": input }))
    }
}

fn confirm_discharge(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({
        "sessionId": s, "pin": ADMIN_PIN, "escortConfirmed": true,
        "instructionsNoDriving": true, "instructionsRideHome": true,
        "instructionsEmergency": true, "acknowledgedByPatient": true,
        "acknowledgedByEscort": true,
        "overrides": [{ "gate": "nausea", "reason": "Prescriber agreed by phone.",
            "prescriber": "Dr Test Prescriber" }],
    });
    Spec {
        optional: &["input.overrides.*"],
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        ..Spec::new("confirm_discharge", json!({ "input": input }))
    }
}

fn record_against_advice(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({
        "sessionId": s, "risksExplained": true, "prescriberNotified": true,
        "prescriber": "Dr Test Prescriber", "notifiedAt": local_before(2), "willDrive": "no",
        "escortPresent": false, "actionsTaken": "Explained the risks.\nCalled the prescriber.",
        "signatureRefused": false, "witness": "", "leftAt": local_before(1),
    });
    Spec {
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.notifiedAt", "input.leftAt"],
        ..Spec::new("record_against_advice", json!({ "input": input }))
    }
}

fn record_transfer(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({
        "sessionId": s, "destination": "St Example ED by ambulance",
        "handedOverTo": "Paramedic crew lead", "emergencyServicesCalled": "yes",
        "transferredAt": local_before(1), "note": "",
    });
    Spec {
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.transferredAt"],
        ..Spec::new("record_transfer", json!({ "input": input }))
    }
}

fn save_rems_details(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({
        "sessionId": s, "dateOfBirth": "1980-02-03", "sex": "female", "doseMg": "56",
        "lot": "LOT123", "benzodiazepines": false, "nonBenzodiazepineSedatives": false,
        "psychostimulants": false, "maois": false, "opioids": false,
        "seriousAdverseEvents": "None",
    });
    Spec {
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.dateOfBirth"],
        ..Spec::new("save_rems_details", json!({ "input": input }))
    }
}

fn mark_form_submitted(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({ "sessionId": s, "channel": "portal", "reference": "REF-0001" });
    Spec {
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        ..Spec::new("mark_form_submitted", json!({ "input": input }))
    }
}

fn update_discharge_policy(_: &Harness) -> Spec {
    let edit = json!({ "allowRideshareAlone": false, "allowPublicTransportAlone": false,
        "escortLateMinutes": 30, "maxNausea": 1, "remsWarnFromDay": 5 });
    Spec::new("update_discharge_policy", json!({ "edit": edit }))
}

fn print_paper(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    Spec {
        ids: &["sessionId"],
        id_codes: NOT_FOUND,
        ..Spec::new("print_paper", json!({ "sessionId": s, "paper": "discharge" }))
    }
}

/// A spec for saving a paper as PDF: a session id and a folder outside the data directory.
fn save_pdf(cmd: &'static str, h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let args = json!({ "sessionId": s, "folder": h.export_folder() });
    Spec { ids: &["sessionId"], id_codes: NOT_FOUND, ..Spec::new(cmd, args) }
}

/// A spec for a command whose one argument is a session id.
fn by_session(cmd: &'static str, h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    Spec { ids: &["sessionId"], id_codes: NOT_FOUND, ..Spec::new(cmd, json!({ "sessionId": s })) }
}

/// A history search with every field set (any session, none needed).
fn search_history(_: &Harness) -> Spec {
    let query = json!({ "text": "nguy thi", "from": "2026-06-01", "to": "2026-07-01",
        "protocol": "spravato", "left": "against_advice" });
    const FIELDS: &[&str] = &["query.from", "query.to", "query.protocol", "query.left"];
    Spec {
        optional: FIELDS,
        nullable: FIELDS,
        times: &["query.from", "query.to"],
        ..Spec::new("search_history", json!({ "query": query }))
    }
}

/// The commands of this file with how to set each up.
pub const SPECS: &[Make] = &[
    ("search_history", search_history),
    ("save_escort", save_escort),
    ("confirm_discharge", confirm_discharge),
    ("record_against_advice", record_against_advice),
    ("record_transfer", record_transfer),
    ("save_rems_details", save_rems_details),
    ("mark_form_submitted", mark_form_submitted),
    ("update_discharge_policy", update_discharge_policy),
    ("print_paper", print_paper),
    ("load_discharge", |h| by_session("load_discharge", h)),
    ("record_departure", |h| by_session("record_departure", h)),
    ("discharge_sheet", |h| by_session("discharge_sheet", h)),
    ("rems_form", |h| by_session("rems_form", h)),
    ("save_discharge_pdf", |h| save_pdf("save_discharge_pdf", h)),
    ("save_rems_pdf", |h| save_pdf("save_rems_pdf", h)),
    ("load_rems_details", |h| by_session("load_rems_details", h)),
];
