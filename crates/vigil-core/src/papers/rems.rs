//! The Spravato REMS Patient Monitoring Form: the details only the nurse can give (sex, lot,
//! concomitant medicines, serious adverse events), the 7-calendar-day deadline, and the
//! "forms due" list. The form's other fields are filled from the session (see `sheets`).

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::fields::note;
use crate::text::required_text;
use crate::VigilError;

/// Calendar days after the treatment within which the form is due (clinical.md section 5).
pub const REMS_DUE_DAYS: u64 = 7;

/// Sex as the REMS form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Self::Female => "Female",
            Self::Male => "Male",
            Self::Other => "Other",
        }
    }
}

/// The REMS details as the form sends them. Date of birth and dose are empty when they are as
/// admitted.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemsDetailsInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub date_of_birth: String,
    pub sex: String,
    pub dose_mg: String,
    pub lot: String,
    pub benzodiazepines: bool,
    pub non_benzodiazepine_sedatives: bool,
    pub psychostimulants: bool,
    pub maois: bool,
    pub opioids: bool,
    pub serious_adverse_events: String,
}

/// The validated REMS details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemsDetails {
    /// Overrides the admission's date of birth when given.
    pub date_of_birth: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// Overrides the admission's dose when given.
    pub dose_mg: Option<u32>,
    pub lot: String,
    pub benzodiazepines: bool,
    pub non_benzodiazepine_sedatives: bool,
    pub psychostimulants: bool,
    pub maois: bool,
    pub opioids: bool,
    /// "None" or what happened.
    pub serious_adverse_events: String,
}

impl RemsDetailsInput {
    /// Errors: `validation` naming the field: a date of birth that is not `YYYY-MM-DD` or not
    /// in the past, an unknown sex, a dose that is not 56, 84 or a whole number of mg from 28 to
    /// 112, a lot longer than 40 characters, a serious-adverse-events text that is missing or
    /// too long.
    pub fn validate(&self, today: NaiveDate) -> Result<RemsDetails, VigilError> {
        let date_of_birth = match self.date_of_birth.trim() {
            "" => None,
            raw => {
                let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
                    VigilError::validation("dateOfBirth", "Enter the date of birth as YYYY-MM-DD.")
                })?;
                if date >= today {
                    return Err(VigilError::validation(
                        "dateOfBirth",
                        "The date of birth must be in the past.",
                    ));
                }
                Some(date)
            }
        };
        let sex = match self.sex.trim() {
            "" => None,
            "female" => Some(Sex::Female),
            "male" => Some(Sex::Male),
            "other" => Some(Sex::Other),
            _ => return Err(VigilError::validation("sex", "Choose female, male or other.")),
        };
        let dose_mg = match self.dose_mg.trim() {
            "" => None,
            raw => match raw.parse::<u32>() {
                Ok(mg) if (28..=112).contains(&mg) => Some(mg),
                _ => {
                    return Err(VigilError::validation(
                        "doseMg",
                        "The dose must be 56 mg, 84 mg or a whole number of mg from 28 to 112.",
                    ))
                }
            },
        };
        let lot = self.lot.trim().to_owned();
        if lot.chars().count() > 40 || lot.chars().any(char::is_control) {
            return Err(VigilError::validation(
                "lot",
                "The lot number must be at most 40 characters, without control characters.",
            ));
        }
        let events = note(&self.serious_adverse_events)
            .map_err(|e| VigilError::validation("seriousAdverseEvents", e.message))?;
        if events.is_empty() {
            return Err(VigilError::validation(
                "seriousAdverseEvents",
                "Enter the serious adverse events, or \"none\".",
            ));
        }
        Ok(RemsDetails {
            date_of_birth,
            sex,
            dose_mg,
            lot,
            benzodiazepines: self.benzodiazepines,
            non_benzodiazepine_sedatives: self.non_benzodiazepine_sedatives,
            psychostimulants: self.psychostimulants,
            maois: self.maois,
            opioids: self.opioids,
            serious_adverse_events: events,
        })
    }
}

/// "This form was submitted", with the reference the REMS gave (or how it was sent).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormSubmittedInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub reference: String,
}

impl FormSubmittedInput {
    /// Errors: `validation` on `reference` when missing or longer than 100 characters.
    pub fn validate(&self) -> Result<String, VigilError> {
        required_text(&self.reference, "reference", "The submission reference", 100)
    }
}

/// One REMS form: due, overdue or submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormDue {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub treated_at: DateTime<Utc>,
    /// The end of the 7th calendar day after the treatment, local time.
    pub due_by: DateTime<Utc>,
    pub overdue: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<String>,
    pub reference: Option<String>,
}

/// The instant the form of a treatment at `treated_at` stops being on time: the end of the
/// 7th calendar day after the treatment day, in zone `tz` (a DST gap at midnight falls back to
/// the next valid instant; UTC midnight if the zone cannot place it).
pub fn due_by<Tz: TimeZone>(treated_at: DateTime<Utc>, tz: &Tz) -> DateTime<Utc> {
    let day = treated_at.with_timezone(tz).date_naive() + Days::new(REMS_DUE_DAYS + 1);
    let midnight = day.and_time(NaiveTime::MIN);
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn input() -> RemsDetailsInput {
        RemsDetailsInput {
            session_id: 1,
            date_of_birth: String::new(),
            sex: "female".into(),
            dose_mg: "84".into(),
            lot: "TEST-LOT-1".into(),
            benzodiazepines: false,
            non_benzodiazepine_sedatives: false,
            psychostimulants: true,
            maois: false,
            opioids: false,
            serious_adverse_events: "None".into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, 1).expect("date")
    }

    #[test]
    fn the_form_is_due_by_the_end_of_the_seventh_calendar_day() {
        let tz = FixedOffset::west_opt(5 * 3600).expect("zone");
        // 23:30 local on 1 July: due by the end of 8 July local.
        let treated = tz.with_ymd_and_hms(2026, 7, 1, 23, 30, 0).single().expect("t");
        let due = due_by(treated.with_timezone(&Utc), &tz);
        assert_eq!(due, tz.with_ymd_and_hms(2026, 7, 9, 0, 0, 0).single().expect("t"));
    }

    #[test]
    fn details_validate_and_name_bad_fields() {
        let ok = input().validate(today()).expect("valid");
        assert_eq!((ok.sex, ok.dose_mg, ok.date_of_birth), (Some(Sex::Female), Some(84), None));
        type Change = fn(&mut RemsDetailsInput);
        let cases: [(&str, Change); 6] = [
            ("dateOfBirth", |i| i.date_of_birth = "01/02/1990".into()),
            ("dateOfBirth", |i| i.date_of_birth = "2026-07-01".into()),
            ("sex", |i| i.sex = "x".into()),
            ("doseMg", |i| i.dose_mg = "56.5".into()),
            ("lot", |i| i.lot = "L".repeat(41)),
            ("seriousAdverseEvents", |i| i.serious_adverse_events = " ".into()),
        ];
        for (field, change) in cases {
            let mut bad = input();
            change(&mut bad);
            let err = bad.validate(today()).expect_err(field);
            assert_eq!(err.field.as_deref(), Some(field));
        }
    }

    #[test]
    fn a_submission_needs_a_reference() {
        let bad = FormSubmittedInput { session_id: 1, reference: "  ".into() };
        assert_eq!(bad.validate().expect_err("empty").field.as_deref(), Some("reference"));
    }
}
