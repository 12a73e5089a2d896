//! The report's actions, each with its computed status, and dates as the report shows them.

use crate::action::{action_status, expected_progress, ActionStatus};
use crate::dataset::Dataset;
use crate::period::Period;

/// An action with its computed status.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ActionRow {
    pub code: String,
    pub title: String,
    pub group: String,
    /// Crosses to the page as a day number (the page needs no date parser).
    #[serde(with = "day_number")]
    pub due: chrono::NaiveDate,
    pub progress: f64,
    pub expected: f64,
    pub status: ActionStatus,
    pub note: String,
}

/// Every action with its status at the end of the report period; an action without a
/// start date is taken to start with the period's financial year.
pub(super) fn action_rows(ds: &Dataset, period: Period) -> Vec<ActionRow> {
    let at = period.end();
    let fy_start = Period::Year {
        fy: period.financial_year(),
    }
    .start();
    ds.actions
        .iter()
        .map(|a| {
            let start = a.start.unwrap_or(fy_start);
            ActionRow {
                code: a.code.clone(),
                title: a.title.clone(),
                group: a.group.clone(),
                due: a.due,
                progress: a.progress,
                expected: expected_progress(start, a.due, at),
                status: action_status(a.progress, start, a.due, at),
                note: a.note.clone(),
            }
        })
        .collect()
}

/// A date as its day number from the common era, for the page–worker messages.
mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(d.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n)
            .ok_or_else(|| serde::de::Error::custom("a day number out of range"))
    }
}

/// A date as the report shows it: `31 Mar 2019`.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2019, 3, 1).unwrap();
/// assert_eq!(scorecard_core::report::show_date(d), "01 Mar 2019");
/// ```
pub fn show_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{:02} {} {}",
        d.day(),
        MONTHS[d.month0() as usize],
        d.year()
    )
}
