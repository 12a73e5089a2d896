//! One PI's row worked out: the period it reports, its target and status, trends,
//! change, rank, earlier values and series.

use std::collections::BTreeMap;

use crate::dataset::{Dataset, Observation};
use crate::indicator::{Indicator, Polarity, PolaritySource};
use crate::period::{Frequency, Period};
use crate::status::{indicator_target, judge, EffectiveTarget, Status, Why};
use crate::trend::{
    benchmark, compare, long_trend_periods, short_trend_period, Change, Point, Rank, TrendResult,
};
use crate::value::Format;

use super::computed::computed;
use super::feeder::feeder_ratio;
use super::{Computed, DataCheck, HistoryCell, Row, SeriesPoint, Shown};

/// One PI with what the report reads about it looked up once: its format, its
/// observations by period and its annual targets.
pub(super) struct Pi<'a> {
    ds: &'a Dataset,
    ind: &'a Indicator,
    fmt: Format,
    obs: Option<&'a BTreeMap<Period, Observation>>,
    annual: Option<&'a BTreeMap<i32, f64>>,
}

impl<'a> Pi<'a> {
    pub(super) fn new(ds: &'a Dataset, ind: &'a Indicator) -> Pi<'a> {
        Pi {
            ds,
            ind,
            fmt: ind.format(),
            obs: ds.observations.get(&ind.code),
            annual: ds.annual_targets.get(&ind.code),
        }
    }

    /// [`value_of`](super::value_of) for this PI.
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
    indicator_target(pi.ind, period, own, annual)
}

/// A PI's status in a period, its target, and whether the status is the one the file
/// states rather than a computed one.
struct Judged {
    status: Status,
    target: Option<EffectiveTarget>,
    stated: bool,
}

/// Status of a PI in a period, on the value as shown. Where no file gives the PI a
/// polarity (and none could be inferred), a status the file states for a period with a
/// value is the status, marked as stated: it is never made up.
fn status_at(pi: &Pi, period: Period, value: Option<f64>) -> Judged {
    let ind = pi.ind;
    let target = target_for(pi, period);
    let shown = value.map(|v| pi.fmt.shown(v));
    if ind.polarity_source == PolaritySource::NotGiven && shown.is_some() {
        let stated = pi
            .obs
            .and_then(|o| o.get(&period))
            .and_then(|o| o.more().stated_status)
            .filter(|s| *s != Status::DataNotYetAvailable);
        if let Some(status) = stated {
            return Judged {
                status,
                target,
                stated: true,
            };
        }
    }
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
    Judged {
        status,
        target,
        stated: false,
    }
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
    let rank = obs.more().rank?;
    let of = obs.more().rank_of.unwrap_or(32);
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
    // At most a point per observation: room for them all at once, not grown by doubling
    // (a million points took a third more memory).
    let mut points = Vec::with_capacity(obs.len());
    points.extend(
        obs.iter()
            .filter(|(p, _)| p.frequency() == period.frequency())
            .filter_map(|(p, o)| {
                let c = computed(pi.ds, pi.ind, &pi.fmt, *p, o, &mut Vec::new())?;
                let judged = status_at(pi, *p, Some(c.value));
                let more = o.more();
                Some(SeriesPoint {
                    period: *p,
                    value: pi.fmt.shown(c.value),
                    target: judged.target.map(|t| t.value),
                    status: judged.status,
                    numerator: c.numerator,
                    benchmark: more.benchmark,
                    rank: more
                        .rank
                        .and_then(|r| Rank::new(r, more.rank_of.unwrap_or(32))),
                    family: more.family.as_ref().map(|f| f.value),
                    note: more.note.clone(),
                })
            }),
    );
    points
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
pub(super) fn build_row(pi: &Pi, report: Period, history_periods: &[Period]) -> Row {
    let ind = pi.ind;
    let fmt = &pi.fmt;
    let period = row_period(pi, report);
    let mut checks = Vec::new();
    let computed_now = pi.value(period, &mut checks);
    let value = computed_now.as_ref().map(|c| c.value);
    let numerator = computed_now.as_ref().and_then(|c| c.numerator);
    let Judged {
        status,
        target,
        stated: status_stated,
    } = status_at(pi, period, value);
    let target_value = target.map(|t| t.value);
    let reason = Why {
        status,
        period,
        value,
        target,
        polarity: ind.polarity,
        source: &ind.polarity_source,
        tolerance: ind.tolerance,
        format: fmt,
        stated: status_stated,
    }
    .sentence();
    let obs = pi.obs.and_then(|o| o.get(&period));
    let now = value.map(|v| fmt.shown(v));
    let (short_trend, long_trend) = match now {
        Some(v) => trends(pi, period, v, target_value),
        None => (None, None),
    };
    let benchmark = obs.and_then(|o| o.more().benchmark).zip(now).map(|(b, v)| {
        let c = benchmark(v, fmt.shown(b), ind.polarity, target_value);
        (b, c)
    });
    let rank = rank(obs, &mut checks);
    let stated_status = obs.and_then(|o| o.more().stated_status);
    if let Some(stated) = stated_status.filter(|s| *s != status) {
        checks.push(DataCheck::StatusDiffers {
            period,
            stated,
            computed: status,
            reason: reason.clone(),
        });
    }
    let feeder = obs.map(|o| o.more().feeder.clone()).unwrap_or_default();
    let ratio = computed_now
        .as_ref()
        .and_then(|c| feeder_ratio(&feeder, c.value, fmt));
    let feeder_check = match ratio {
        Some(r) if r.agrees => Some(r.working),
        Some(r) => {
            checks.push(DataCheck::StatedValueDiffers {
                period,
                stated: value_shown_text(fmt, value),
                feeder: fmt.show(r.value),
                working: r.working,
            });
            None
        }
        None => None,
    };
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
        target_shown: target.map(|t| crate::status::show_target(&t, fmt)),
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
        note: obs.map(|o| o.more().note.clone()).unwrap_or_default(),
        history: history(pi, history_periods),
        series: series(pi, period),
        checks,
        feeder,
        feeder_check,
        priority: ind.priority.clone(),
        status_stated,
        family: obs.and_then(|o| o.more().family.clone()),
    }
}

/// A value as shown, for a sentence.
fn value_shown_text(fmt: &Format, value: Option<f64>) -> String {
    value.map(|v| fmt.show(v)).unwrap_or_default()
}
