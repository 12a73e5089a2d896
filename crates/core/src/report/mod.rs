//! The report for one period: a row per indicator with its value, target, status and
//! reason, trends, benchmark, quartile and checks; summaries per group; actions.

mod actions;
mod check;
mod computed;
mod feeder;
mod pi;
mod row;
mod sets;
mod shown;
mod summary;

use std::collections::{BTreeSet, HashMap};

use crate::dataset::Dataset;
use crate::period::Period;

pub use actions::{show_date, ActionRow};
pub use check::DataCheck;
pub use computed::{value_of, Computed};
pub use row::{HistoryCell, Row, SeriesPoint};
pub use sets::SetSummary;
pub use shown::Shown;
pub use summary::{Group, Summary};

use actions::action_rows;
use computed::computed;
use pi::{build_row, Pi};

/// The whole report for one period.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub period: Period,
    /// Periods that have any value, latest last: the choices for the report period.
    pub periods: Vec<Period>,
    /// The earlier periods whose values the tables show beside the report period's.
    pub history_periods: Vec<Period>,
    pub groups: Vec<Group>,
    pub summary: Summary,
    /// A summary and Off Target list per PI set, where the file names sets.
    #[serde(default)]
    pub sets: Vec<SetSummary>,
    pub actions: Vec<ActionRow>,
    /// The narrative sections written for the report period.
    #[serde(default)]
    pub narrative: Vec<crate::narrative::NarrativeSection>,
    /// The risk register, highest rated first.
    #[serde(default)]
    pub risks: Vec<crate::risk::RiskRow>,
}

/// Every period in which any PI has a value (stated or computed), in order.
pub fn periods_with_values(ds: &Dataset) -> Vec<Period> {
    let mut set = BTreeSet::new();
    for ind in ds.indicators.values() {
        if let Some(obs) = ds.observations.get(&ind.code) {
            let fmt = ind.format();
            for (p, o) in obs {
                // A stated value is a value; only the others need working out.
                if o.value.is_some() || computed(ds, ind, &fmt, *p, o, &mut Vec::new()).is_some() {
                    set.insert(*p);
                }
            }
        }
    }
    set.into_iter().collect()
}

/// The earlier periods shown beside the report period, as the published tables do:
/// for a quarter, the previous year, the same quarter last year and the previous
/// quarter; for a year, the two before; for a month, the same month last year and the previous month.
pub fn history_periods(period: Period) -> Vec<Period> {
    match period {
        Period::Quarter { fy, .. } => vec![
            Period::Year { fy: fy - 1 },
            period.same_period_last_year(),
            period.previous(),
        ],
        Period::Year { .. } => vec![period.offset(-2), period.previous()],
        Period::Month { .. } => vec![period.same_period_last_year(), period.previous()],
    }
}

/// How many of a row's latest points the page gets for its sparkline; the detail of a PI
/// (every point) is asked for on its own ([`row_for`]).
pub const SPARK_POINTS: usize = 8;

/// The report as the page first gets it: each row's series cut to the last
/// [`SPARK_POINTS`] points up to its period. A report of 25,000 PIs with ten years of
/// quarters is then a fifth of the size to send and read.
pub fn for_page(mut report: Report) -> Report {
    for row in report.groups.iter_mut().flat_map(|g| g.rows.iter_mut()) {
        row.series.retain(|s| s.period <= row.period);
        let extra = row.series.len().saturating_sub(SPARK_POINTS);
        row.series.drain(..extra);
        row.series.shrink_to_fit();
        // A sparkline has no use for the notes; the detail view asks for them.
        for point in &mut row.series {
            point.note = String::new();
        }
    }
    report
}

/// One PI's row of the report for `period` (the report period as [`build`] settled it),
/// with every point of its series.
pub fn row_for(ds: &Dataset, code: &str, period: Period) -> Option<Row> {
    let ind = ds.indicators.get(code)?;
    Some(build_row(
        &Pi::new(ds, ind),
        period,
        &history_periods(period),
    ))
}

/// Computes the report. `period`: the report period; `None` for the latest with a value.
pub fn build(ds: &Dataset, period: Option<Period>) -> Option<Report> {
    let periods = periods_with_values(ds);
    let period = period.or_else(|| periods.last().copied())?;
    let history = history_periods(period);
    let mut groups: Vec<Group> = Vec::new();
    // Each group's place in `groups`, by name.
    let mut group_at: HashMap<&str, usize> = HashMap::new();
    let mut summary = Summary::default();
    for ind in ds.indicators_in_order() {
        let row = build_row(&Pi::new(ds, ind), period, &history);
        summary.add(row.status);
        let name = if ind.group.is_empty() {
            "Indicators"
        } else {
            ind.group.as_str()
        };
        match group_at.get(name) {
            Some(&i) => {
                let g = &mut groups[i];
                g.summary.add(row.status);
                g.rows.push(row);
            }
            None => {
                let mut s = Summary::default();
                s.add(row.status);
                group_at.insert(name, groups.len());
                groups.push(Group {
                    name: name.to_string(),
                    rows: vec![row],
                    summary: s,
                });
            }
        }
    }
    let actions = action_rows(ds, period);
    let sets = sets::set_summaries(&groups, |code| {
        ds.indicators.get(code).map(|i| i.set.as_str())
    });
    Some(Report {
        period,
        periods,
        history_periods: history,
        groups,
        summary,
        sets,
        actions,
        narrative: crate::narrative::sections_for(&ds.narrative, period),
        risks: crate::risk::risk_rows(&ds.risks),
    })
}
