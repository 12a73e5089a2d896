//! The report for one period: a row per indicator with its value, target, status and
//! reason, trends, benchmark, quartile and checks; summaries per group; actions.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::action::{action_status, expected_progress, ActionStatus};
use crate::dataset::{Dataset, Observation};
use crate::indicator::{Indicator, Polarity};
use crate::period::{Frequency, Period};
use crate::status::{effective_target, judge, reason, EffectiveTarget, Status};
use crate::trend::{
    benchmark, compare, long_trend_periods, short_trend_period, Change, Comparison, Point, Rank,
    TrendResult,
};
use crate::value::Format;

/// A PI's value in a period, and how it was obtained.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Computed {
    /// The value before rounding.
    pub value: f64,
    /// How it was worked out where it was not stated: "42 ÷ 19,090 × 1,000 (population 0-15, mid-2023 estimate)".
    pub working: Option<String>,
    /// The count it was worked out from, where it was (small counts may be suppressed).
    pub numerator: Option<f64>,
}

/// The value of a PI in a period: the stated value, else numerator ÷ denominator × per,
/// with the denominator taken from the population table where the PI names a
/// population group. Problems (a zero denominator, a stated value that disagrees with
/// its feeder data) are added to `checks`.
pub fn value_of(
    ds: &Dataset,
    ind: &Indicator,
    period: Period,
    checks: &mut Vec<DataCheck>,
) -> Option<Computed> {
    let obs = ds.observations.get(&ind.code)?.get(&period)?;
    computed(ds, ind, &ind.format(), period, obs, checks)
}

/// [`value_of`] with the observation and the PI's format already looked up.
fn computed(
    ds: &Dataset,
    ind: &Indicator,
    fmt: &Format,
    period: Period,
    obs: &Observation,
    checks: &mut Vec<DataCheck>,
) -> Option<Computed> {
    let per = obs
        .per
        .or(ind.per)
        .unwrap_or(if fmt.unit == crate::value::Unit::Percent {
            100.0
        } else {
            1.0
        });
    let mut working = None;
    let mut derived = None;
    if let Some(n) = obs.numerator {
        let denominator = denominator(ds, ind, period, obs, checks);
        if let Some((d, pop)) = denominator {
            if d == 0.0 {
                checks.push(DataCheck::ZeroDenominator { period });
            } else {
                let v = n / d * per;
                derived = Some(v);
                let num = Format {
                    decimals: 0,
                    ..Format::default()
                };
                let mut w = format!("{} ÷ {} × {}", group_num(n), group_num(d), num.show(per));
                if let Some(p) = pop {
                    w.push_str(&format!(" ({p})"));
                }
                working = Some(w);
            }
        }
    }
    match (&obs.value, derived) {
        (Some(stated), Some(d)) => {
            if fmt.shown(stated.number) != fmt.shown(d) {
                checks.push(DataCheck::StatedValueDiffers {
                    period,
                    stated: fmt.show(stated.number),
                    feeder: fmt.show(d),
                    working: working.clone().unwrap_or_default(),
                });
            }
            Some(Computed {
                value: stated.number,
                working: None,
                numerator: obs.numerator,
            })
        }
        (Some(stated), None) => Some(Computed {
            value: stated.number,
            working: None,
            numerator: obs.numerator,
        }),
        (None, Some(d)) => Some(Computed {
            value: d,
            working,
            numerator: obs.numerator,
        }),
        (None, None) => None,
    }
}

/// The denominator of a PI's rate in a period: the file's own, else the population
/// of the group the PI names (with the estimate used, for the working).
fn denominator(
    ds: &Dataset,
    ind: &Indicator,
    period: Period,
    obs: &Observation,
    checks: &mut Vec<DataCheck>,
) -> Option<(f64, Option<String>)> {
    match (obs.denominator, &ind.population_group) {
        (Some(d), _) => Some((d, None)),
        (None, Some(group)) => match ds.population_for(group, period.financial_year()) {
            Some(p) => Some((
                p.population,
                Some(format!("population {}, mid-{} estimate", p.group, p.year)),
            )),
            None => {
                checks.push(DataCheck::NoPopulation {
                    group: group.clone(),
                    year: period.financial_year(),
                    period,
                });
                None
            }
        },
        (None, None) => None,
    }
}

fn group_num(x: f64) -> String {
    let d = if x.fract() == 0.0 { 0 } else { 2 };
    crate::value::group_thousands(x, d)
}

/// A figure as the report shows it: the value in the PI's format, the mark of a
/// figure withheld by small-number suppression, or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Shown {
    /// The figure as written in the report: `1,309`, `75.00%`, `£15.846m`.
    Value(String),
    /// Withheld by small-number suppression; shown as `c`.
    Suppressed,
    /// No value for the period; shown as `-`.
    #[default]
    Missing,
}

impl Shown {
    /// A value in a PI's format, or nothing.
    pub fn of(format: &Format, value: Option<f64>) -> Shown {
        value.map_or(Shown::Missing, |v| Shown::Value(format.show(v)))
    }

    /// The figure as written, where there is one to show.
    pub fn value(&self) -> Option<&str> {
        match self {
            Shown::Value(s) => Some(s),
            Shown::Suppressed | Shown::Missing => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        *self == Shown::Suppressed
    }
}

/// The figure, `c` where it is suppressed, `-` where there is none.
///
/// ```
/// use scorecard_core::report::Shown;
/// assert_eq!(Shown::Value("1,309".into()).to_string(), "1,309");
/// assert_eq!(Shown::Suppressed.to_string(), "c");
/// assert_eq!(Shown::Missing.to_string(), "-");
/// ```
impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Shown::Value(s) => s,
            Shown::Suppressed => crate::suppress::MARK,
            Shown::Missing => "-",
        })
    }
}

/// A data-quality finding about a PI: something in the file that does not add up.
/// Its `Display` is the sentence the report shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum DataCheck {
    /// The PI's rate needs a population the population table does not have.
    NoPopulation {
        group: String,
        /// The financial year (its first calendar year) an estimate was looked for in or before.
        year: i32,
        period: Period,
    },
    /// The feeder data's denominator is 0: no value, not 0 and not 100%.
    ZeroDenominator { period: Period },
    /// The stated value differs (as shown) from the one its feeder data give.
    StatedValueDiffers {
        period: Period,
        /// The stated value, as shown.
        stated: String,
        /// The value the feeder data give, as shown.
        feeder: String,
        /// How the feeder value was worked out.
        working: String,
    },
    /// A rank outside 1 to the number ranked: no quartile.
    RankOutOfRange { rank: u32, of: u32 },
    /// The status the file states differs from the computed one.
    StatusDiffers {
        period: Period,
        stated: Status,
        computed: Status,
        /// Why the computed status is what it is.
        reason: String,
    },
}

impl std::fmt::Display for DataCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataCheck::NoPopulation {
                group,
                year,
                period,
            } => write!(
                f,
                "No population for group '{group}' in or before {year}: the rate for {period} cannot be worked out"
            ),
            DataCheck::ZeroDenominator { period } => write!(
                f,
                "The denominator for {period} is 0, so there is no value (not 0, not 100%)"
            ),
            DataCheck::StatedValueDiffers {
                period,
                stated,
                feeder,
                working,
            } => write!(
                f,
                "The file states {stated} for {period} but its feeder data give {feeder} ({working}); the stated value is used"
            ),
            DataCheck::RankOutOfRange { rank, of } => write!(
                f,
                "Rank {rank} of {of} is not possible; no quartile is shown"
            ),
            DataCheck::StatusDiffers {
                period,
                stated,
                computed,
                reason,
            } => write!(
                f,
                "The file states '{}' for {period}; Scorecard computes '{}' ({reason})",
                stated.label(),
                computed.label()
            ),
        }
    }
}

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
}

/// A point of a PI's history.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SeriesPoint {
    pub period: Period,
    pub value: f64,
    pub target: Option<f64>,
    pub status: Status,
    pub numerator: Option<f64>,
}

impl Row {
    /// Whether the file states a status that differs from the computed one.
    pub fn status_differs(&self) -> bool {
        self.stated_status.is_some_and(|s| s != self.status)
    }

    /// The change in words: "a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1
    /// 2021/22"; `None` where there is none to show.
    pub fn change_sentence(&self) -> Option<String> {
        self.change.as_ref()?.sentence(&self.format)
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

/// Counts of PIs in each status.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub off_target: usize,
    pub warning: usize,
    pub on_target: usize,
    pub data_only: usize,
    pub no_data: usize,
}

impl Summary {
    fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    fn slot(&mut self, s: Status) -> &mut usize {
        match s {
            Status::OffTarget => &mut self.off_target,
            Status::Warning => &mut self.warning,
            Status::OnTarget => &mut self.on_target,
            Status::DataOnly => &mut self.data_only,
            Status::DataNotYetAvailable => &mut self.no_data,
        }
    }

    /// How many PIs have this status.
    pub fn count(&self, s: Status) -> usize {
        match s {
            Status::OffTarget => self.off_target,
            Status::Warning => self.warning,
            Status::OnTarget => self.on_target,
            Status::DataOnly => self.data_only,
            Status::DataNotYetAvailable => self.no_data,
        }
    }

    /// On Target ÷ (On Target + Warning + Off Target), in percent; `None` when none has a target.
    pub fn share_on_target(&self) -> Option<f64> {
        let judged = self.on_target + self.warning + self.off_target;
        (judged > 0).then(|| self.on_target as f64 / judged as f64 * 100.0)
    }

    /// The line the published reports head their sections with: `● 0 ▲ 0 ✓ 10 ? 2 📊 8`.
    pub fn line(&self) -> String {
        Status::ALL
            .iter()
            .map(|s| format!("{} {}", s.symbol(), self.count(*s)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Total PIs counted.
    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.count(*s)).sum()
    }
}

/// The PIs of one group heading.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    pub name: String,
    pub rows: Vec<Row>,
    pub summary: Summary,
}

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
    pub actions: Vec<ActionRow>,
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
    let at = period.end();
    let fy_start = Period::Year {
        fy: period.financial_year(),
    }
    .start();
    let actions = ds
        .actions
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
        .collect();
    Some(Report {
        period,
        periods,
        history_periods: history,
        groups,
        summary,
        actions,
    })
}

/// One PI with what the report reads about it looked up once: its format, its
/// observations by period and its annual targets.
struct Pi<'a> {
    ds: &'a Dataset,
    ind: &'a Indicator,
    fmt: Format,
    obs: Option<&'a BTreeMap<Period, Observation>>,
    annual: Option<&'a BTreeMap<i32, f64>>,
}

impl<'a> Pi<'a> {
    fn new(ds: &'a Dataset, ind: &'a Indicator) -> Pi<'a> {
        Pi {
            ds,
            ind,
            fmt: ind.format(),
            obs: ds.observations.get(&ind.code),
            annual: ds.annual_targets.get(&ind.code),
        }
    }

    /// [`value_of`] for this PI.
    fn value(&self, period: Period, checks: &mut Vec<DataCheck>) -> Option<Computed> {
        let obs = self.obs?.get(&period)?;
        computed(self.ds, self.ind, &self.fmt, period, obs, checks)
    }
}

/// The period a PI reports at a report period: the report period itself where the PI
/// has any period of that frequency; else its latest period of its own frequency that
/// ends by the report period's end.
fn row_period(pi: &Pi, report: Period) -> Period {
    let Some(obs) = pi.obs else {
        return report;
    };
    if obs.keys().any(|p| p.frequency() == report.frequency()) || obs.is_empty() {
        return report;
    }
    let freq: Frequency = obs
        .keys()
        .map(|p| p.frequency())
        .min()
        .unwrap_or(report.frequency());
    obs.keys()
        .filter(|p| p.frequency() == freq && p.end() <= report.end())
        .max()
        .copied()
        .unwrap_or(report)
}

fn target_for(pi: &Pi, period: Period) -> Option<EffectiveTarget> {
    let own = pi.obs.and_then(|o| o.get(&period)).and_then(|o| o.target);
    let annual = pi
        .annual
        .and_then(|t| t.get(&period.financial_year()))
        .copied();
    let ind = pi.ind;
    effective_target(period, own, annual, ind.cumulative).or(ind.standing_target.map(|value| {
        EffectiveTarget {
            value,
            source: crate::status::TargetSource::Period,
        }
    }))
}

/// Status of a PI in a period, on the value as shown.
fn status_at(pi: &Pi, period: Period, value: Option<f64>) -> (Status, Option<EffectiveTarget>) {
    let ind = pi.ind;
    let target = target_for(pi, period);
    let shown = value.map(|v| pi.fmt.shown(v));
    let polarity = if target.is_some() {
        ind.polarity
    } else {
        Polarity::None
    };
    let status = if ind.polarity == Polarity::None && shown.is_some() {
        Status::DataOnly
    } else {
        judge(shown, target.map(|t| t.value), polarity, ind.tolerance)
    };
    (status, target)
}

/// A PI's value in a period as a point to compare with, without data checks.
fn point(pi: &Pi, period: Period) -> Option<Point> {
    let c = pi.value(period, &mut Vec::new())?;
    Some(Point {
        period,
        value: Some(pi.fmt.shown(c.value)),
        numerator: c.numerator,
    })
}

/// The short and the long trend of a value (as shown) in `period`.
fn trends(
    pi: &Pi,
    period: Period,
    now: f64,
    target: Option<f64>,
) -> (Option<TrendResult>, Option<TrendResult>) {
    let polarity = pi.ind.polarity;
    let cumulative = pi.ind.cumulative;
    let short = point(pi, short_trend_period(period, cumulative)).map(|from| {
        let old = from.value.unwrap_or_default();
        TrendResult {
            trend: compare(now, old, polarity, target),
            against: Some(old),
            from: vec![from],
        }
    });
    let found: Vec<Point> = long_trend_periods(period, cumulative)
        .into_iter()
        .filter_map(|p| point(pi, p))
        .collect();
    let long = (!found.is_empty()).then(|| {
        let sum: f64 = found.iter().filter_map(|p| p.value).sum();
        let mean = pi.fmt.shown(sum / found.len() as f64);
        TrendResult {
            trend: compare(now, mean, polarity, target),
            against: Some(mean),
            from: found,
        }
    });
    (short, long)
}

/// Published narratives compare with the same period last year ("a 45% increase on the
/// same quarter last year"); where that has no value, with the previous period.
fn change(pi: &Pi, period: Period, now: f64, numerator: Option<f64>) -> Option<Change> {
    let from = [period.same_period_last_year(), period.previous()]
        .into_iter()
        .find_map(|p| point(pi, p))?;
    Some(Change {
        from,
        to: Point {
            period,
            value: Some(now),
            numerator,
        },
    })
}

/// The LGBF rank the file gives for the period (of 32 where it does not say); an
/// impossible one is a data check instead.
fn rank(obs: Option<&Observation>, checks: &mut Vec<DataCheck>) -> Option<Rank> {
    let obs = obs?;
    let rank = obs.rank?;
    let of = obs.rank_of.unwrap_or(32);
    let found = Rank::new(rank, of);
    if found.is_none() {
        checks.push(DataCheck::RankOutOfRange { rank, of });
    }
    found
}

/// Every period of the row's frequency with a value, in order.
fn series(pi: &Pi, period: Period) -> Vec<SeriesPoint> {
    let Some(obs) = pi.obs else {
        return Vec::new();
    };
    obs.iter()
        .filter(|(p, _)| p.frequency() == period.frequency())
        .filter_map(|(p, o)| {
            let c = computed(pi.ds, pi.ind, &pi.fmt, *p, o, &mut Vec::new())?;
            let (s, t) = status_at(pi, *p, Some(c.value));
            Some(SeriesPoint {
                period: *p,
                value: pi.fmt.shown(c.value),
                target: t.map(|t| t.value),
                status: s,
                numerator: c.numerator,
            })
        })
        .collect()
}

/// The earlier values shown beside the report period's.
fn history(pi: &Pi, periods: &[Period]) -> Vec<HistoryCell> {
    periods
        .iter()
        .map(|p| {
            let c = pi.value(*p, &mut Vec::new());
            HistoryCell {
                period: *p,
                shown: Shown::of(&pi.fmt, c.as_ref().map(|c| c.value)),
                value: c.as_ref().map(|c| pi.fmt.shown(c.value)),
                numerator: c.and_then(|c| c.numerator),
            }
        })
        .collect()
}

// Not inlined: in the browser, V8 first runs Wasm with its baseline compiler and swaps in
// optimised code only at the next call of a function. One call per PI lets the long
// loop in `build` pick the optimised code up; inlined, it would run unoptimised to the end.
#[inline(never)]
fn build_row(pi: &Pi, report: Period, history_periods: &[Period]) -> Row {
    let ind = pi.ind;
    let fmt = &pi.fmt;
    let period = row_period(pi, report);
    let mut checks = Vec::new();
    let computed_now = pi.value(period, &mut checks);
    let value = computed_now.as_ref().map(|c| c.value);
    let numerator = computed_now.as_ref().and_then(|c| c.numerator);
    let (status, target) = status_at(pi, period, value);
    let target_value = target.map(|t| t.value);
    let reason = reason(
        status,
        period,
        value,
        target,
        ind.polarity,
        ind.tolerance,
        fmt,
    );
    let obs = pi.obs.and_then(|o| o.get(&period));
    let now = value.map(|v| fmt.shown(v));
    let (short_trend, long_trend) = match now {
        Some(v) => trends(pi, period, v, target_value),
        None => (None, None),
    };
    let benchmark = obs.and_then(|o| o.benchmark).zip(now).map(|(b, v)| {
        let c = benchmark(v, fmt.shown(b), ind.polarity, target_value);
        (b, c)
    });
    let rank = rank(obs, &mut checks);
    let stated_status = obs.and_then(|o| o.stated_status);
    if let Some(stated) = stated_status.filter(|s| *s != status) {
        checks.push(DataCheck::StatusDiffers {
            period,
            stated,
            computed: status,
            reason: reason.clone(),
        });
    }
    Row {
        code: ind.code.clone(),
        title: ind.title.clone(),
        group: ind.group.clone(),
        period,
        polarity: ind.polarity,
        cumulative: ind.cumulative,
        value_shown: Shown::of(fmt, value),
        numerator,
        suppressed: false,
        working: computed_now.and_then(|c| c.working),
        target_shown: target.map(|t| fmt.show_trimmed(t.value)),
        benchmark_shown: benchmark.map(|(b, _)| fmt.show(b)),
        format: fmt.clone(),
        value,
        target,
        status,
        reason,
        stated_status,
        short_trend,
        long_trend,
        change: now.and_then(|v| change(pi, period, v, numerator)),
        benchmark,
        rank,
        note: obs.map(|o| o.note.clone()).unwrap_or_default(),
        history: history(pi, history_periods),
        series: series(pi, period),
        checks,
    }
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
