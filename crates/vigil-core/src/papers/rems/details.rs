//! The REMS details only the nurse can give: sex, lot, concomitant medicines, serious adverse
//! events, and a date of birth or dose when they differ from the admission.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::fields::note;
use crate::VigilError;

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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
        let date_of_birth = date_of_birth(&self.date_of_birth, today)?;
        let sex = sex(&self.sex)?;
        let dose_mg = dose_mg(&self.dose_mg)?;
        let lot = lot(&self.lot)?;
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

/// Empty, or a `YYYY-MM-DD` date in the past and at most 120 years before `today`.
fn date_of_birth(raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, VigilError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        VigilError::validation("dateOfBirth", "Enter the date of birth as YYYY-MM-DD.")
    })?;
    if date >= today {
        return Err(VigilError::validation(
            "dateOfBirth",
            "The date of birth must be in the past.",
        ));
    }
    // The admission's rule: nobody is older than 120 (year 1 is a typing slip).
    if today.years_since(date).is_none_or(|age| age > 120) {
        return Err(VigilError::validation(
            "dateOfBirth",
            "The date of birth is more than 120 years ago.",
        ));
    }
    Ok(Some(date))
}

/// Empty, `female`, `male` or `other`.
fn sex(raw: &str) -> Result<Option<Sex>, VigilError> {
    match raw.trim() {
        "" => Ok(None),
        "female" => Ok(Some(Sex::Female)),
        "male" => Ok(Some(Sex::Male)),
        "other" => Ok(Some(Sex::Other)),
        _ => Err(VigilError::validation("sex", "Choose female, male or other.")),
    }
}

/// Empty, or a whole number of mg from 28 to 112.
fn dose_mg(raw: &str) -> Result<Option<u32>, VigilError> {
    match raw.trim() {
        "" => Ok(None),
        raw => match raw.parse::<u32>() {
            Ok(mg) if (28..=112).contains(&mg) => Ok(Some(mg)),
            _ => Err(VigilError::validation(
                "doseMg",
                "The dose must be 56 mg, 84 mg or a whole number of mg from 28 to 112.",
            )),
        },
    }
}

/// At most 40 characters on one line (the rule of [`crate::text`]); may be empty.
fn lot(raw: &str) -> Result<String, VigilError> {
    let lot = raw.trim().to_owned();
    if lot.chars().count() > 40 || lot.chars().any(crate::text::refused_in_line) {
        return Err(VigilError::validation(
            "lot",
            "The lot number must be at most 40 characters, without control, invisible or \
             text-direction characters.",
        ));
    }
    Ok(lot)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn details_validate_and_name_bad_fields() {
        let ok = input().validate(today()).expect("valid");
        assert_eq!((ok.sex, ok.dose_mg, ok.date_of_birth), (Some(Sex::Female), Some(84), None));
        type Change = fn(&mut RemsDetailsInput);
        let cases: [(&str, Change); 8] = [
            ("dateOfBirth", |i| i.date_of_birth = "01/02/1990".into()),
            ("dateOfBirth", |i| i.date_of_birth = "2026-07-01".into()),
            ("dateOfBirth", |i| i.date_of_birth = "0001-01-01".into()),
            ("dateOfBirth", |i| i.date_of_birth = "1905-06-30".into()),
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
}
