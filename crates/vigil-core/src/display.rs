//! Display and sound settings of the workstation: the theme (light, dim, following the system,
//! or dim between set hours), the alert volume and after how long an unacknowledged alert's
//! sound escalates. Comfort, not clinical policy: any signed-in nurse may change them, and each
//! change is a setting change attributed to that nurse like any other.
//!
//! Default theme: `light`. It keeps the look every clinic has today after an upgrade, and does
//! not depend on a desktop colour preference that a shared clinic workstation may not set
//! (or set for another reason); a darkened room chooses Dim or the hours in Settings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::VigilError;

/// Which theme the screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ThemeMode {
    Light,
    Dim,
    /// Dim when the desktop prefers a dark colour scheme.
    System,
    /// Dim between `dim_from` and `dim_until` (local time, across midnight when needed).
    Scheduled,
}

impl ThemeMode {
    /// The stored and IPC name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dim => "dim",
            Self::System => "system",
            Self::Scheduled => "scheduled",
        }
    }

    /// The mode named `name` exactly, if any.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Light, Self::Dim, Self::System, Self::Scheduled]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

/// The theme used until a nurse chooses one.
pub const DEFAULT_THEME: ThemeMode = ThemeMode::Light;
/// The default dim hours: evening to morning.
pub const DEFAULT_DIM_FROM: &str = "20:00";
pub const DEFAULT_DIM_UNTIL: &str = "07:00";
/// Percent; quiet but audible in a quiet room.
pub const DEFAULT_VOLUME: u32 = 40;
/// Minutes an alert may stay unacknowledged before its sound escalates.
pub const DEFAULT_ESCALATE_AFTER_MINUTES: u32 = 5;

/// The display and sound settings in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DisplaySettings {
    pub theme: ThemeMode,
    /// "HH:MM", local time: the dim hours start (used when `theme` is `scheduled`).
    pub dim_from: String,
    /// "HH:MM", local time: the dim hours end.
    pub dim_until: String,
    /// Alert volume in percent, 0-100. 0 silences routine tones; urgent ones keep a floor.
    pub volume: u32,
    /// Minutes, 1-60, before an unacknowledged alert's sound escalates.
    pub escalate_after_minutes: u32,
}

impl Default for DisplaySettings {
    fn default() -> Self {
        Self {
            theme: DEFAULT_THEME,
            dim_from: DEFAULT_DIM_FROM.to_owned(),
            dim_until: DEFAULT_DIM_UNTIL.to_owned(),
            volume: DEFAULT_VOLUME,
            escalate_after_minutes: DEFAULT_ESCALATE_AFTER_MINUTES,
        }
    }
}

/// A change of the display and sound settings, as the Settings panel sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DisplaySettingsEdit {
    pub theme: String,
    pub dim_from: String,
    pub dim_until: String,
    pub volume: f64,
    pub escalate_after_minutes: f64,
}

impl DisplaySettingsEdit {
    /// Errors: `validation` on `theme` (not one of the four), `dimFrom` / `dimUntil` (not a
    /// time "HH:MM" from 00:00 to 23:59; or, for dim hours, the same time twice), `volume`
    /// (not a whole number 0-100) or `escalateAfterMinutes` (not a whole number 1-60).
    pub fn validate(&self) -> Result<DisplaySettings, VigilError> {
        let theme = ThemeMode::parse(&self.theme).ok_or_else(|| {
            VigilError::validation("theme", "Choose light, dim, follow the system or set hours.")
        })?;
        let dim_from = clock_time(&self.dim_from, "dimFrom")?;
        let dim_until = clock_time(&self.dim_until, "dimUntil")?;
        if theme == ThemeMode::Scheduled && dim_from == dim_until {
            return Err(VigilError::validation(
                "dimUntil",
                "The dim hours must end at another time than they start.",
            ));
        }
        let volume = whole(self.volume, 0, 100, "volume", "The volume is a whole percent 0-100.")?;
        let escalate_after_minutes = whole(
            self.escalate_after_minutes,
            1,
            60,
            "escalateAfterMinutes",
            "Escalation comes after a whole number of minutes from 1 to 60.",
        )?;
        Ok(DisplaySettings { theme, dim_from, dim_until, volume, escalate_after_minutes })
    }
}

/// Minutes after midnight of a time "HH:MM" (00:00-23:59, two digits each), if it is one.
pub fn minutes_of_day(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.len() != 5 || bytes[2] != b':' {
        return None;
    }
    let digits = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    };
    let (h, m) = (digits(&bytes[..2])?, digits(&bytes[3..])?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn clock_time(text: &str, field: &str) -> Result<String, VigilError> {
    minutes_of_day(text)
        .map(|_| text.to_owned())
        .ok_or_else(|| VigilError::validation(field, "Enter a time as HH:MM, from 00:00 to 23:59."))
}

fn whole(value: f64, min: u32, max: u32, field: &str, message: &str) -> Result<u32, VigilError> {
    if !value.is_finite()
        || value.fract() != 0.0
        || value < f64::from(min)
        || value > f64::from(max)
    {
        return Err(VigilError::validation(field, message));
    }
    Ok(value as u32)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn edit() -> DisplaySettingsEdit {
        DisplaySettingsEdit {
            theme: "scheduled".into(),
            dim_from: "20:00".into(),
            dim_until: "07:00".into(),
            volume: 40.0,
            escalate_after_minutes: 5.0,
        }
    }

    fn refused(e: DisplaySettingsEdit) -> String {
        e.validate().expect_err("refused").field.unwrap_or_default()
    }

    #[test]
    fn a_valid_edit_becomes_the_settings() {
        let s = edit().validate().expect("valid");
        assert_eq!(s.theme, ThemeMode::Scheduled);
        assert_eq!((s.dim_from.as_str(), s.dim_until.as_str()), ("20:00", "07:00"));
        assert_eq!((s.volume, s.escalate_after_minutes), (40, 5));
        for theme in ["light", "dim", "system", "scheduled"] {
            let s = DisplaySettingsEdit { theme: theme.into(), ..edit() }.validate().expect(theme);
            assert_eq!(s.theme.as_str(), theme);
        }
    }

    #[test]
    fn the_theme_is_one_of_the_four() {
        for bad in ["", "Dim", "dark", " light", "light ", "auto"] {
            assert_eq!(refused(DisplaySettingsEdit { theme: bad.into(), ..edit() }), "theme");
        }
    }

    #[test]
    fn times_are_hh_mm_within_a_day() {
        for ok in ["00:00", "23:59", "07:30"] {
            assert!(minutes_of_day(ok).is_some(), "{ok}");
        }
        assert_eq!(minutes_of_day("23:59"), Some(1439));
        for bad in
            ["24:00", "12:60", "7:00", "07:0", "0700", "07:00:00", "", "ab:cd", "07-00", "+7:00"]
        {
            assert_eq!(minutes_of_day(bad), None, "{bad}");
            assert_eq!(refused(DisplaySettingsEdit { dim_from: bad.into(), ..edit() }), "dimFrom");
            assert_eq!(
                refused(DisplaySettingsEdit { dim_until: bad.into(), ..edit() }),
                "dimUntil"
            );
        }
    }

    #[test]
    fn dim_hours_must_differ_only_when_they_are_used() {
        let same = DisplaySettingsEdit { dim_from: "07:00".into(), ..edit() };
        assert_eq!(refused(same.clone()), "dimUntil");
        assert!(DisplaySettingsEdit { theme: "dim".into(), ..same }.validate().is_ok());
    }

    #[test]
    fn volume_and_escalation_bounds() {
        for ok in [0.0, 100.0] {
            assert!(DisplaySettingsEdit { volume: ok, ..edit() }.validate().is_ok());
        }
        for bad in [-1.0, 101.0, 40.5, f64::NAN, f64::INFINITY] {
            assert_eq!(refused(DisplaySettingsEdit { volume: bad, ..edit() }), "volume");
        }
        for ok in [1.0, 60.0] {
            assert!(DisplaySettingsEdit { escalate_after_minutes: ok, ..edit() }
                .validate()
                .is_ok());
        }
        for bad in [0.0, 61.0, 2.5, f64::NAN] {
            let e = DisplaySettingsEdit { escalate_after_minutes: bad, ..edit() };
            assert_eq!(refused(e), "escalateAfterMinutes");
        }
    }

    #[test]
    fn defaults_are_valid_settings() {
        let d = DisplaySettings::default();
        let e = DisplaySettingsEdit {
            theme: d.theme.as_str().into(),
            dim_from: d.dim_from.clone(),
            dim_until: d.dim_until.clone(),
            volume: f64::from(d.volume),
            escalate_after_minutes: f64::from(d.escalate_after_minutes),
        };
        assert_eq!(e.validate(), Ok(d));
    }
}
