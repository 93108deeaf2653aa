//! The `form_drafts` table: unsaved form content, one row per form, kept so a closed or killed
//! app loses nothing a nurse typed. The content is opaque to the store (the UI's JSON).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::draft::{Draft, DraftForm};

use crate::StoreError;

/// Saves (replaces) the draft of `form`.
pub fn save(
    tx: &Transaction<'_>,
    form: DraftForm,
    content: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO form_drafts (form, content, saved_at_ms) VALUES (?1, ?2, ?3)
         ON CONFLICT (form) DO UPDATE SET content = excluded.content, saved_at_ms = excluded.saved_at_ms",
        params![form.as_str(), content, now.timestamp_millis()],
    )?;
    Ok(())
}

/// The draft of `form`, if there is one.
pub fn load(conn: &Connection, form: DraftForm) -> Result<Option<Draft>, StoreError> {
    let row = conn
        .query_row(
            "SELECT content, saved_at_ms FROM form_drafts WHERE form = ?1",
            [form.as_str()],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
        )
        .optional()?;
    row.map(|(content, saved)| {
        let saved_at = vigil_core::instant::from_millis(saved).ok_or(StoreError::Corrupt {
            table: "form_drafts",
            id: 0,
            what: "saved_at_ms".into(),
        })?;
        Ok(Draft { content, saved_at })
    })
    .transpose()
}

/// Removes the draft of `form` (after its record is saved, in the same transaction).
pub fn clear(tx: &Transaction<'_>, form: DraftForm) -> Result<(), StoreError> {
    tx.execute("DELETE FROM form_drafts WHERE form = ?1", [form.as_str()])?;
    Ok(())
}
