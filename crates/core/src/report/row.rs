//! Everything the report shows for one PI, and the sentences made from it.

use crate::dataset::FeederItem;
use crate::indicator::Polarity;
use crate::period::Period;
use crate::status::{EffectiveTarget, Status};
use crate::trend::{Change, Comparison, Rank, TrendResult};
use crate::value::Format;

use super::{DataCheck, Shown};

/// One earlier value shown beside the report period's, as the published tables do.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HistoryCell {
    pub period: Period,
    pub shown: Shown,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
}

/// Everything the report shows for one PI.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub code: String,
    pub title: String,
    pub group: String,
    /// The period this row reports (the report period, or the PI's latest of its own
    /// frequency where it is not reported at the report period's frequency).
    pub period: Period,
    pub polarity: Polarity,
    pub cumulative: bool,
    pub format: Format,
    pub value: Option<f64>,
    pub value_shown: Shown,
    pub working: Option<String>,
    /// The count the value was worked out from, where it was.
    pub numerator: Option<f64>,
    /// Some figure of this row is withheld by small-number suppression.
    pub suppressed: bool,
    pub target: Option<EffectiveTarget>,
    pub target_shown: Option<String>,
    pub status: Status,
    pub reason: String,
    /// The status the file states, where it gives one.
    pub stated_status: Option<Status>,
    pub short_trend: Option<TrendResult>,
    pub long_trend: Option<TrendResult>,
    /// Change against the same period last year (else the previous period); in words
    /// by [`Row::change_sentence`].
    pub change: Option<Change>,
    pub benchmark: Option<(f64, Comparison)>,
    pub benchmark_shown: Option<String>,
    /// The LGBF rank, where the file gives a possible one.
    pub rank: Option<Rank>,
    pub note: String,
    pub history: Vec<HistoryCell>,
    /// Every period with a value, in order, as shown (for charts and sparklines).
    pub series: Vec<SeriesPoint>,
    /// Data-quality findings for this PI.
    pub checks: Vec<DataCheck>,
    /// The figures behind the value as the file prints them under "Feeder Data", for
    /// the period this row reports.
    pub feeder: Vec<FeederItem>,
    /// How two feeder items give the value, where they agree with it as shown: "11,500
    /// of 12,500 is 92%" (a disagreement is a check instead).
    pub feeder_check: Option<String>,
    /// The priority a report-shaped table names beside the PI, where a section heading
    /// gives its group.
    pub priority: String,
    /// The status is the one the file states, shown as such ("On Target (as stated)"):
    /// no polarity was given or could be inferred to compute one.
    #[serde(default)]
    pub status_stated: bool,
    /// The mean of the council's LGBF family group in this period, where a family table
    /// gives the group.
    #[serde(default)]
    pub family: Option<crate::dataset::FamilyAverage>,
}

/// A point of a PI's history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SeriesPoint {
    pub period: Period,
    pub value: f64,
    pub target: Option<f64>,
    pub status: Status,
    pub numerator: Option<f64>,
    /// The comparator (Scottish average) of the period, where given.
    #[serde(default)]
    pub benchmark: Option<f64>,
    /// The LGBF rank of the period, where given and possible.
    #[serde(default)]
    pub rank: Option<Rank>,
    /// The LGBF family group's average of the period, where a family table gives it.
    #[serde(default)]
    pub family: Option<f64>,
    /// The officer's note written for the period.
    #[serde(default)]
    pub note: String,
}

impl Row {
    /// The status in words, marked where it is the file's own: "Warning (as stated)".
    pub fn status_label(&self) -> String {
        if self.status_stated {
            format!("{} (as stated)", self.status.label())
        } else {
            self.status.label().to_string()
        }
    }

    /// Whether the file states a status that differs from the computed one.
    pub fn status_differs(&self) -> bool {
        self.stated_status.is_some_and(|s| s != self.status)
    }

    /// The change in words: "a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1
    /// 2021/22"; `None` where there is none to show.
    pub fn change_sentence(&self) -> Option<String> {
        self.change.as_ref()?.sentence(&self.format)
    }

    /// The family group's average in words: "family group 2 average 2.4 (8 councils)".
    pub fn family_sentence(&self) -> Option<String> {
        let f = self.family.as_ref()?;
        Some(format!(
            "{} average {} ({} council{})",
            f.group_name(),
            self.format.show(f.value),
            f.of,
            if f.of == 1 { "" } else { "s" }
        ))
    }

    /// The value against the benchmark in words: "2.2 against 2.3 (Better)"; a
    /// suppressed value shows as `c`.
    pub fn benchmark_sentence(&self) -> Option<String> {
        let (b, c) = self.benchmark?;
        Some(format!(
            "{} against {} ({})",
            self.value_shown,
            self.format.show(b),
            c.label()
        ))
    }
}
