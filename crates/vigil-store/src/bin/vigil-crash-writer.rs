//! A test tool for the store's crash test (`tests/crash.rs`), not part of the app: opens the
//! database in the directory given as the first argument (with the key given second) and admits fictional patients as fast
//! as it can, printing `ok <session id>` after each commit returned, until it is killed.

use chrono::{Duration, NaiveDate, Utc};
use std::io::Write;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::{Admission, Protocol, Role};
use vigil_store::{nurses, sessions, DbKey, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: vigil-crash-writer <data dir> <key as 64 hex characters>";
    let dir = std::env::args_os().nth(1).ok_or(usage)?;
    let key = std::env::args().nth(2).and_then(|k| DbKey::from_hex(&k)).ok_or(usage)?;
    let store = Store::open_in(std::path::Path::new(&dir), &key)?;
    let now = Utc::now();
    let nurse = match store.with_conn(nurses::all)?.first() {
        Some(n) => n.id,
        None => {
            let new = NewNurse {
                display_name: "Crash Test Nurse".into(),
                credentials: "RN".into(),
                role: Role::Admin,
                pin: Pin::parse("246813", "pin")?,
            };
            store.with_tx(|tx| nurses::create(tx, &new, None, now))?
        }
    };
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let admission = Admission {
            patient_name: "Testy McTestface".into(),
            chart_number: format!("TEST-{n:06}"),
            date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29).ok_or("date")?,
            bay: format!("Bay {}", n % 12 + 1),
            protocol: Protocol::IvKetamine,
            protocol_version_id: 1,
            minimum_minutes: 60,
            dose_mg: 35.0,
            weight_kg: Some(70.0),
            clock_started_at: now - Duration::minutes(5),
            device_times: Vec::new(),
            note: "crash test".into(),
        };
        let id = store.with_tx(|tx| sessions::insert(tx, &admission, nurse, Utc::now()))?;
        writeln!(out, "ok {id}")?;
        out.flush()?;
    }
    Ok(())
}
