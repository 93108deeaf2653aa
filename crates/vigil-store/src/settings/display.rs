//! The display and sound settings as setting keys: read with their defaults, and a change
//! recorded (only the values that differ) with one audit entry by the nurse who made it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use vigil_core::display::{minutes_of_day, DisplaySettings, ThemeMode};

use super::{latest, number, set};
use crate::StoreError;

const THEME: &str = "display_theme";
const DIM_FROM: &str = "display_dim_from";
const DIM_UNTIL: &str = "display_dim_until";
const VOLUME: &str = "sound_volume";
const ESCALATE: &str = "sound_escalate_after_minutes";

/// The display and sound settings in force; each value never set (or unreadable) is its
/// default.
pub fn display(conn: &Connection) -> Result<DisplaySettings, StoreError> {
    let d = DisplaySettings::default();
    let time = |key: &str, default: String| -> Result<String, StoreError> {
        Ok(latest(conn, key)?.filter(|t| minutes_of_day(t).is_some()).unwrap_or(default))
    };
    Ok(DisplaySettings {
        theme: latest(conn, THEME)?.and_then(|t| ThemeMode::parse(&t)).unwrap_or(d.theme),
        dim_from: time(DIM_FROM, d.dim_from)?,
        dim_until: time(DIM_UNTIL, d.dim_until)?,
        volume: number(conn, VOLUME, d.volume)?.min(100),
        escalate_after_minutes: number(conn, ESCALATE, d.escalate_after_minutes)?.clamp(1, 60),
    })
}

/// Records the values of `new` (validated by the caller) that differ from those in force,
/// changed by nurse `by`, with one audit entry; nothing at all when none differs.
/// Returns whether anything was written.
pub fn set_display(
    tx: &Transaction<'_>,
    new: &DisplaySettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let old = display(tx)?;
    let pairs = [
        (THEME, old.theme.as_str().to_owned(), new.theme.as_str().to_owned()),
        (DIM_FROM, old.dim_from, new.dim_from.clone()),
        (DIM_UNTIL, old.dim_until, new.dim_until.clone()),
        (VOLUME, old.volume.to_string(), new.volume.to_string()),
        (ESCALATE, old.escalate_after_minutes.to_string(), new.escalate_after_minutes.to_string()),
    ];
    let changed: Vec<(&str, String)> =
        pairs.into_iter().filter(|(_, o, n)| o != n).map(|(k, _, n)| (k, n)).collect();
    if changed.is_empty() {
        return Ok(false);
    }
    set(tx, &changed, by, now)?;
    Ok(true)
}
