//! The `protocol_versions` table: the clinic's protocol settings, one row per version.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use vigil_core::protocol_version::ValidProtocolEdit;
use vigil_core::{Protocol, ProtocolVersion};

use crate::audit::{self, Action, Entry};
use crate::{versioned, StoreError};

/// Adds version 1, with vigil-core's default minimum, for every protocol that has none.
pub fn seed_defaults(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<(), StoreError> {
    for protocol in Protocol::ALL {
        let inserted = tx.execute(
            "INSERT INTO protocol_versions (protocol, version, minimum_minutes, created_at_ms)
             SELECT ?1, 1, ?2, ?3
             WHERE NOT EXISTS (SELECT 1 FROM protocol_versions WHERE protocol = ?1)",
            params![protocol.as_str(), protocol.default_minutes(), now.timestamp_millis()],
        )?;
        if inserted == 1 {
            let entry = Entry::new(Action::ProtocolSeed, None)
                .record("protocol_versions", tx.last_insert_rowid())
                .detail(protocol.as_str());
            audit::append(tx, now, &entry)?;
        }
    }
    Ok(())
}

/// The current (highest) version of every protocol, in `Protocol::ALL` order.
pub fn current(conn: &Connection) -> Result<Vec<ProtocolVersion>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, protocol, version, minimum_minutes, created_at_ms FROM protocol_versions p
         WHERE version = (SELECT max(version) FROM protocol_versions q WHERE q.protocol = p.protocol)",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut versions = rows
        .map(|row| {
            let (id, protocol, version, minimum_minutes, created) = row?;
            let corrupt = |what: &str| StoreError::Corrupt {
                table: "protocol_versions",
                id,
                what: what.into(),
            };
            Ok(ProtocolVersion {
                id,
                protocol: Protocol::parse(&protocol).ok_or_else(|| corrupt("protocol"))?,
                version,
                minimum_minutes,
                created_at: vigil_core::instant::from_millis(created)
                    .ok_or_else(|| corrupt("created_at_ms"))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    versions.sort_by_key(|v| Protocol::ALL.iter().position(|p| *p == v.protocol));
    Ok(versions)
}

/// Adds the next version of a protocol, made by admin `by`; returns its id.
pub fn add_version(
    tx: &Transaction<'_>,
    edit: &ValidProtocolEdit,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let detail = format!("{} minimum {} min", edit.protocol.as_str(), edit.minimum_minutes);
    let entry = Entry::new(Action::ProtocolChange, Some(by)).detail(&detail);
    versioned::insert_audited(
        tx,
        "protocol_versions",
        entry,
        now,
        "INSERT INTO protocol_versions (protocol, version, minimum_minutes, created_at_ms, created_by)
         SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3, ?4 FROM protocol_versions WHERE protocol = ?1",
        params![edit.protocol.as_str(), edit.minimum_minutes, now.timestamp_millis(), by],
    )
}
