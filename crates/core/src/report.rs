//! The report for one period: a row per indicator with its value, target, status and
//! reason, trends, benchmark, quartile and checks; summaries per group; actions.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::action::{action_status, expected_progress, ActionStatus};
use crate::dataset::{Dataset, Observation};
use crate::indicator::{Indicator, Polarity};
use crate::period::{Frequency, Period};
use crate::status::{effective_target, judge, reason, EffectiveTarget, Status};
use crate::trend::{
    benchmark, compare, long_trend_periods, quartile, short_trend_period, Change, Comparison,
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
    checks: &mut Vec<String>,
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
    checks: &mut Vec<String>,
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
        let denominator = match (obs.denominator, &ind.population_group) {
            (Some(d), _) => Some((d, None)),
            (None, Some(group)) => match ds.population_for(group, period.financial_year()) {
                Some(p) => Some((
                    p.population,
                    Some(format!("population {}, mid-{} estimate", p.group, p.year)),
                )),
                None => {
                    checks.push(format!(
                        "No population for group '{group}' in or before {}: the rate for {period} cannot be worked out",
                        period.financial_year()
                    ));
                    None
                }
            },
            (None, None) => None,
        };
        if let Some((d, pop)) = denominator {
            if d == 0.0 {
                checks.push(format!(
                    "The denominator for {period} is 0, so there is no value (not 0, not 100%)"
                ));
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
                checks.push(format!(
                    "The file states {} for {period} but its feeder data give {} ({}); the stated value is used",
                    fmt.show(stated.number),
                    fmt.show(d),
                    working.clone().unwrap_or_default()
                ));
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

fn group_num(x: f64) -> String {
    let d = if x.fract() == 0.0 { 0 } else { 2 };
    crate::value::group_thousands(x, d)
}

/// One earlier value shown beside the report period's, as the published tables do.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HistoryCell {
    pub period: Period,
    pub shown: Option<String>,
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
    pub value_shown: Option<String>,
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
    /// Change against the same period last year (else the previous period), in words.
    pub change: Option<String>,
    pub benchmark: Option<(f64, Comparison)>,
    pub benchmark_shown: Option<String>,
    /// (rank, of, quartile)
    pub rank: Option<(u32, u32, u8)>,
    pub note: String,
    pub history: Vec<HistoryCell>,
    /// Every period with a value, in order, as shown (for charts and sparklines).
    pub series: Vec<SeriesPoint>,
    /// Data-quality findings for this PI.
    pub checks: Vec<String>,
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
    fn value(&self, period: Period, checks: &mut Vec<String>) -> Option<Computed> {
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

// Not inlined: in the browser, V8 first runs Wasm with its baseline compiler and swaps in
// optimised code only at the next call of a function. One call per PI lets the long
// loop in `build` pick the optimised code up; inlined, it would run unoptimised to the end.
#[inline(never)]
fn build_row(pi: &Pi, report: Period, history: &[Period]) -> Row {
    let ind = pi.ind;
    let fmt = pi.fmt.clone();
    let period = row_period(pi, report);
    let mut checks = Vec::new();
    let computed_now = pi.value(period, &mut checks);
    let value = computed_now.as_ref().map(|c| c.value);
    let (status, target) = status_at(pi, period, value);
    let reason = reason(
        status,
        period,
        value,
        target,
        ind.polarity,
        ind.tolerance,
        &fmt,
    );
    let obs = pi.obs.and_then(|o| o.get(&period));
    let quiet = |p: Period| pi.value(p, &mut Vec::new()).map(|c| fmt.shown(c.value));
    let target_value = target.map(|t| t.value);

    let short_trend = value.and_then(|v| {
        let from = short_trend_period(period, ind.cumulative);
        let old = quiet(from)?;
        Some(TrendResult {
            trend: compare(fmt.shown(v), old, ind.polarity, target_value),
            against: old,
            from: vec![from],
        })
    });
    let long_trend = value.and_then(|v| {
        let found: Vec<(Period, f64)> = long_trend_periods(period, ind.cumulative)
            .into_iter()
            .filter_map(|p| quiet(p).map(|x| (p, x)))
            .collect();
        if found.is_empty() {
            return None;
        }
        let mean = fmt.shown(found.iter().map(|(_, x)| x).sum::<f64>() / found.len() as f64);
        Some(TrendResult {
            trend: compare(fmt.shown(v), mean, ind.polarity, target_value),
            against: mean,
            from: found.into_iter().map(|(p, _)| p).collect(),
        })
    });
    // Published narratives compare with the same period last year ("a 45% increase on
    // the same quarter last year"); where that has no value, with the previous period.
    let change = value.and_then(|v| {
        [period.same_period_last_year(), period.previous()]
            .into_iter()
            .find_map(|from| quiet(from).map(|old| (from, old)))
            .map(|(from, old)| {
                Change {
                    from,
                    old,
                    to: period,
                    new: fmt.shown(v),
                }
                .sentence(&fmt)
            })
    });
    let benchmark = obs.and_then(|o| o.benchmark).zip(value).map(|(b, v)| {
        (
            b,
            benchmark(fmt.shown(v), fmt.shown(b), ind.polarity, target_value),
        )
    });
    let rank = obs.and_then(|o| {
        let r = o.rank?;
        let of = o.rank_of.unwrap_or(32);
        match quartile(r, of) {
            Some(q) => Some((r, of, q)),
            None => {
                checks.push(format!(
                    "Rank {r} of {of} is not possible; no quartile is shown"
                ));
                None
            }
        }
    });
    let stated_status = obs.and_then(|o| o.stated_status);
    if let Some(s) = stated_status.filter(|s| *s != status) {
        checks.push(format!(
            "The file states '{}' for {period}; Scorecard computes '{}' ({reason})",
            s.label(),
            status.label()
        ));
    }
    let series = pi
        .obs
        .map(|o| {
            o.iter()
                .filter(|(p, _)| p.frequency() == period.frequency())
                .filter_map(|(p, obs)| {
                    let c = computed(pi.ds, ind, &fmt, *p, obs, &mut Vec::new())?;
                    let (s, t) = status_at(pi, *p, Some(c.value));
                    Some(SeriesPoint {
                        period: *p,
                        value: fmt.shown(c.value),
                        target: t.map(|t| t.value),
                        status: s,
                        numerator: c.numerator,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let history = history
        .iter()
        .map(|p| {
            let c = pi.value(*p, &mut Vec::new());
            HistoryCell {
                period: *p,
                shown: c.as_ref().map(|c| fmt.show(c.value)),
                value: c.as_ref().map(|c| fmt.shown(c.value)),
                numerator: c.and_then(|c| c.numerator),
            }
        })
        .collect();
    Row {
        code: ind.code.clone(),
        title: ind.title.clone(),
        group: ind.group.clone(),
        period,
        polarity: ind.polarity,
        cumulative: ind.cumulative,
        value_shown: value.map(|v| fmt.show(v)),
        numerator: computed_now.as_ref().and_then(|c| c.numerator),
        suppressed: false,
        working: computed_now.and_then(|c| c.working),
        target_shown: target.map(|t| fmt.show_trimmed(t.value)),
        benchmark_shown: benchmark.map(|(b, _)| fmt.show(b)),
        format: fmt,
        value,
        target,
        status,
        reason,
        stated_status,
        short_trend,
        long_trend,
        change,
        benchmark,
        rank,
        note: obs.map(|o| o.note.clone()).unwrap_or_default(),
        history,
        series,
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
