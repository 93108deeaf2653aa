//! "This REMS form was submitted": how it was sent (online portal, fax, phone) and the
//! reference the REMS gave (clinical.md section 5: the channel is kept with the reference).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::required_text;
use crate::VigilError;

/// How a REMS form was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionChannel {
    /// The REMS online portal.
    Portal,
    Fax,
    Phone,
}

impl SubmissionChannel {
    /// Every channel, in the order the form offers them.
    pub const ALL: [Self; 3] = [Self::Portal, Self::Fax, Self::Phone];

    /// The stored and IPC name (`portal`, `fax`, `phone`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Portal => "portal",
            Self::Fax => "fax",
            Self::Phone => "phone",
        }
    }

    /// The channel named `name` (as [`Self::as_str`] gives it), if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// How the nurse reads it ("online portal").
    pub fn label(self) -> &'static str {
        match self {
            Self::Portal => "online portal",
            Self::Fax => "fax",
            Self::Phone => "phone",
        }
    }
}

/// "This form was submitted", as the forms-due screen sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormSubmittedInput {
    #[ts(type = "number")]
    pub session_id: i64,
    /// `portal`, `fax` or `phone`.
    pub channel: String,
    pub reference: String,
}

/// A validated submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormSubmission {
    pub channel: SubmissionChannel,
    /// Trimmed, 1-100 characters, no control characters.
    pub reference: String,
}

impl FormSubmittedInput {
    /// Errors: `validation` on `channel` unless `portal`, `fax` or `phone`; on `reference` when
    /// missing, longer than 100 characters or holding control characters.
    pub fn validate(&self) -> Result<FormSubmission, VigilError> {
        let channel = SubmissionChannel::parse(self.channel.trim()).ok_or_else(|| {
            VigilError::validation(
                "channel",
                "Choose how the form was submitted: online portal, fax or phone.",
            )
        })?;
        let reference =
            required_text(&self.reference, "reference", "The submission reference", 100)?;
        Ok(FormSubmission { channel, reference })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(channel: &str, reference: &str) -> FormSubmittedInput {
        FormSubmittedInput { session_id: 1, channel: channel.into(), reference: reference.into() }
    }

    #[test]
    fn a_submission_keeps_its_channel_and_trimmed_reference() {
        for channel in SubmissionChannel::ALL {
            let ok = input(channel.as_str(), "  REMS-0001 ").validate().expect("valid");
            assert_eq!(ok, FormSubmission { channel, reference: "REMS-0001".into() });
        }
    }

    #[test]
    fn a_submission_names_its_bad_field() {
        let cases = [
            ("", "REMS-1", "channel"),
            ("email", "REMS-1", "channel"),
            ("Portal", "REMS-1", "channel"),
            ("fax", "  ", "reference"),
            ("fax", "REMS\n1", "reference"),
            ("phone", &"R".repeat(101), "reference"),
        ];
        for (channel, reference, field) in cases {
            let err = input(channel, reference).validate().expect_err(field);
            assert_eq!(err.field.as_deref(), Some(field), "{channel:?} {reference:?}");
        }
    }

    #[test]
    fn channel_names_round_trip_and_match_serde() {
        for channel in SubmissionChannel::ALL {
            assert_eq!(SubmissionChannel::parse(channel.as_str()), Some(channel));
            let json = serde_json::to_string(&channel).expect("json");
            assert_eq!(json, format!("\"{}\"", channel.as_str()));
        }
    }
}
