//! When a REMS Patient Monitoring Form is due, in local calendar days (clinical.md section 5):
//! for a treatment on day D the last day on time is D+7; the clinic is warned from a day it
//! chooses (default D+5); D+7 itself is the last day, and after it the form is overdue. Only
//! calendar dates are compared, so a DST change or a month or year boundary moves nothing.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::submission::SubmissionChannel;

/// Calendar days after the treatment day that are still on time (the last day is D+7).
pub const REMS_DUE_DAYS: u32 = 7;

/// The day (after the treatment day) the forms list starts warning, unless the clinic changes
/// it in its discharge policy.
pub const DEFAULT_WARN_FROM_DAY: u32 = 5;

/// Where a REMS form stands on a given local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FormStatus {
    /// Not submitted, before the warning day.
    Due,
    /// Not submitted, from the warning day to the day before the last day.
    DueSoon,
    /// Not submitted, and today is the last day on time (D+7).
    LastDay,
    /// Not submitted after the last day.
    Overdue,
    Submitted,
}

impl FormStatus {
    /// Due soon, on its last day or overdue: counted in the header.
    pub fn needs_attention(self) -> bool {
        matches!(self, Self::DueSoon | Self::LastDay | Self::Overdue)
    }
}

/// The local calendar day of instant `at` in zone `tz`.
pub fn local_day<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> NaiveDate {
    at.with_timezone(tz).date_naive()
}

/// A treatment's deadline, in local calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RemsDeadline {
    /// Day D: the local calendar day of the treatment.
    pub treated_on: NaiveDate,
    /// D+7: the last day the form is on time.
    pub last_day: NaiveDate,
}

impl RemsDeadline {
    /// The deadline of a treatment on local day `treated_on`.
    pub fn for_day(treated_on: NaiveDate) -> Self {
        Self { treated_on, last_day: plus_days(treated_on, REMS_DUE_DAYS) }
    }

    /// The deadline of a treatment at instant `treated_at`, its day taken in zone `tz`.
    pub fn of<Tz: TimeZone>(treated_at: DateTime<Utc>, tz: &Tz) -> Self {
        Self::for_day(local_day(treated_at, tz))
    }

    /// The form's status on local day `today`, warning from day D+`warn_from_day` (1-7; a
    /// larger value warns only on the last day).
    pub fn status(&self, today: NaiveDate, warn_from_day: u32, submitted: bool) -> FormStatus {
        if submitted {
            FormStatus::Submitted
        } else if today > self.last_day {
            FormStatus::Overdue
        } else if today == self.last_day {
            FormStatus::LastDay
        } else if today >= plus_days(self.treated_on, warn_from_day) {
            FormStatus::DueSoon
        } else {
            FormStatus::Due
        }
    }
}

fn plus_days(day: NaiveDate, days: u32) -> NaiveDate {
    // Treatment days are recent dates, far from the end of chrono's calendar.
    day.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
}

/// One REMS form on the forms-due list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormDue {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    /// When the clock started (the first device); orders the list.
    pub treated_at: DateTime<Utc>,
    /// Day D, local.
    pub treated_on: NaiveDate,
    /// D+7, local: the last day the form is on time ("Due by" shows this day).
    pub last_day: NaiveDate,
    pub status: FormStatus,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<String>,
    pub reference: Option<String>,
    /// How it was sent; `None` on forms marked before the channel was recorded.
    pub channel: Option<SubmissionChannel>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// The status on each day from D to D+8, warning from day 5.
    fn week(treated_on: NaiveDate) -> Vec<(NaiveDate, FormStatus)> {
        let deadline = RemsDeadline::for_day(treated_on);
        (0..=8)
            .map(|n| plus_days(treated_on, n))
            .map(|today| (today, deadline.status(today, DEFAULT_WARN_FROM_DAY, false)))
            .collect()
    }

    #[test]
    fn the_last_day_is_d_plus_7_and_the_status_follows_the_days() {
        use FormStatus::*;
        let d = day(2026, 7, 1);
        assert_eq!(RemsDeadline::for_day(d).last_day, day(2026, 7, 8));
        let want = [Due, Due, Due, Due, Due, DueSoon, DueSoon, LastDay, Overdue];
        let got: Vec<FormStatus> = week(d).into_iter().map(|(_, s)| s).collect();
        assert_eq!(got, want);
        // The table the issue names: D, D+4, D+5, D+6, D+7, D+8.
        for (n, status) in
            [(0, Due), (4, Due), (5, DueSoon), (6, DueSoon), (7, LastDay), (8, Overdue)]
        {
            assert_eq!(week(d)[n].1, status, "D+{n}");
        }
    }

    #[test]
    fn across_the_year_end_december_31_is_due_by_january_7() {
        use FormStatus::*;
        let d = day(2026, 12, 31);
        assert_eq!(RemsDeadline::for_day(d).last_day, day(2027, 1, 7));
        let cases = [
            (day(2026, 12, 31), Due),
            (day(2027, 1, 4), Due),
            (day(2027, 1, 5), DueSoon),
            (day(2027, 1, 6), DueSoon),
            (day(2027, 1, 7), LastDay),
            (day(2027, 1, 8), Overdue),
        ];
        for (today, status) in cases {
            assert_eq!(RemsDeadline::for_day(d).status(today, 5, false), status, "{today}");
        }
        // And across a month end: 28 February 2027 to 7 March.
        assert_eq!(RemsDeadline::for_day(day(2027, 2, 28)).last_day, day(2027, 3, 7));
    }

    #[test]
    fn the_warning_day_is_the_clinics() {
        use FormStatus::*;
        let deadline = RemsDeadline::for_day(day(2026, 7, 1));
        let on = |n: u32, warn: u32| deadline.status(plus_days(day(2026, 7, 1), n), warn, false);
        assert_eq!((on(0, 1), on(1, 1), on(6, 1)), (Due, DueSoon, DueSoon));
        assert_eq!((on(5, 6), on(6, 6)), (Due, DueSoon));
        assert_eq!((on(6, 7), on(7, 7), on(8, 7)), (Due, LastDay, Overdue));
    }

    #[test]
    fn a_submitted_form_is_submitted_whatever_the_day() {
        let deadline = RemsDeadline::for_day(day(2026, 7, 1));
        for today in [day(2026, 7, 1), day(2026, 7, 8), day(2026, 8, 30)] {
            assert_eq!(deadline.status(today, 5, true), FormStatus::Submitted);
        }
        assert!(!FormStatus::Submitted.needs_attention());
        assert!(!FormStatus::Due.needs_attention());
        assert!(FormStatus::DueSoon.needs_attention() && FormStatus::Overdue.needs_attention());
    }

    #[test]
    fn the_treatment_day_is_local_and_a_dst_change_moves_nothing() {
        use FormStatus::*;
        // 23:30 EST on 7 March 2026 is already 8 March in UTC; clocks go forward on 8 March.
        let treated = New_York.with_ymd_and_hms(2026, 3, 7, 23, 30, 0).single().expect("t");
        let deadline = RemsDeadline::of(treated.with_timezone(&Utc), &New_York);
        assert_eq!(
            deadline,
            RemsDeadline { treated_on: day(2026, 3, 7), last_day: day(2026, 3, 14) }
        );
        let at = |d: u32, h: u32, m: u32| {
            let local = New_York.with_ymd_and_hms(2026, 3, d, h, m, 0).single().expect("t");
            local_day(local.with_timezone(&Utc), &New_York)
        };
        let cases = [
            (at(12, 0, 5), DueSoon),
            (at(13, 23, 59), DueSoon),
            (at(14, 0, 0), LastDay),
            (at(14, 23, 59), LastDay),
            (at(15, 0, 0), Overdue),
        ];
        for (today, status) in cases {
            assert_eq!(deadline.status(today, 5, false), status, "{today}");
        }
        // Clocks go back on 1 November 2026: 00:15 EDT on 31 October is due by 7 November.
        let treated = New_York.with_ymd_and_hms(2026, 10, 31, 0, 15, 0).single().expect("t");
        let deadline = RemsDeadline::of(treated.with_timezone(&Utc), &New_York);
        assert_eq!(deadline.last_day, day(2026, 11, 7));
        let late = New_York.with_ymd_and_hms(2026, 11, 7, 23, 59, 0).single().expect("t");
        let today = local_day(late.with_timezone(&Utc), &New_York);
        assert_eq!(deadline.status(today, 5, false), LastDay);
    }
}
