//! Drafts: what a nurse typed into a form and has not saved yet. The content is the UI's own
//! JSON, bounded in size; the app stores it as typed and gives it back after a restart.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::VigilError;

/// The largest draft accepted, in bytes.
pub const MAX_DRAFT_BYTES: usize = 65536;

/// The forms that keep drafts (named as [`DraftForm::as_str`]; the page's type is generated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, TS)]
#[ts(rename_all = "snake_case")]
pub enum DraftForm {
    Admit,
    /// The check (or correction) form; its content names the patient's session.
    Check,
    /// The escort form (content names the session).
    Escort,
    /// The discharge form, without the PIN (content names the session).
    Discharge,
    /// The against-advice form (content names the session).
    AgainstAdvice,
    /// The REMS details form (content names the session).
    RemsDetails,
}

impl DraftForm {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admit => "admit",
            Self::Check => "check",
            Self::Escort => "escort",
            Self::Discharge => "discharge",
            Self::AgainstAdvice => "against_advice",
            Self::RemsDetails => "rems_details",
        }
    }

    /// Parses a form name from the UI. Errors: `validation` on `form`.
    pub fn parse(name: &str) -> Result<Self, VigilError> {
        match name {
            "admit" => Ok(Self::Admit),
            "check" => Ok(Self::Check),
            "escort" => Ok(Self::Escort),
            "discharge" => Ok(Self::Discharge),
            "against_advice" => Ok(Self::AgainstAdvice),
            "rems_details" => Ok(Self::RemsDetails),
            _ => Err(VigilError::validation("form", "Unknown form.")),
        }
    }
}

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub content: String,
    pub saved_at: DateTime<Utc>,
}

/// Checks a draft's size. Errors: `validation` on `content`.
pub fn check_content(content: &str) -> Result<(), VigilError> {
    if content.len() > MAX_DRAFT_BYTES {
        return Err(VigilError::validation("content", "The form is too large to keep as a draft."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_sizes() {
        for name in ["admit", "check", "escort", "discharge", "against_advice", "rems_details"] {
            assert_eq!(DraftForm::parse(name).map(DraftForm::as_str), Ok(name));
        }
        assert!(DraftForm::parse("settings").is_err());
        assert!(check_content(&"x".repeat(MAX_DRAFT_BYTES)).is_ok());
        assert!(check_content(&"x".repeat(MAX_DRAFT_BYTES + 1)).is_err());
    }
}
