//! The SPSO model complaints handling procedure's indicators worked out from a case
//! list, per quarter and per financial year: counts year to date (as the published
//! tables' "(cumulative)" titles), averages and percentages over the complaints closed
//! in the period itself, each with the counts behind it as feeder data.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::dataset::{FeederItem, Observation};
use crate::indicator::Polarity;
use crate::period::Period;
use crate::value::{Figure, Unit};

use super::calendar::Calendar;
use super::case::{Outcome, Stage};

/// One stage of one complaint, as worked out from the case list's rows: a stage 1
/// response, a stage 2 investigation, or an escalated stage 2.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRecord {
    pub reference: String,
    pub stage: Stage,
    /// Day 1 of the count: the day the complaint (or the escalation) was received.
    pub start: NaiveDate,
    /// The day of the response; `None` while open.
    pub closed: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub extension: bool,
}

impl StageRecord {
    /// Whether it is a new complaint: received at stage 1 or straight at stage 2 (an
    /// escalation is the same complaint, not a new one).
    pub fn is_new(&self) -> bool {
        self.stage != Stage::Escalated
    }
}

/// What an indicator measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    /// New complaints received, year to date.
    Received,
    /// Responses given (complaints closed at any stage), year to date.
    Closed,
    /// Responses with this outcome at any stage, year to date.
    Outcomes(Outcome),
    /// Average working days to respond at a stage, in the period.
    AverageDays(Stage),
    /// % closed within the stage's working days, in the period.
    Within(Stage),
    /// Responses where an extension was authorised, year to date.
    Extensions,
    /// New complaints received per 1,000 population, year to date.
    PerThousand,
    /// Complaints closed at a stage, year to date.
    ClosedAt(Stage),
    /// % of the complaints closed at a stage in the period with this outcome.
    OutcomeShare(Stage, Outcome),
}

/// One of the indicators: its code and title, what it measures, and its settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Definition {
    pub code: &'static str,
    pub title: &'static str,
    pub measure: Measure,
}

impl Definition {
    pub fn polarity(&self) -> Polarity {
        match self.measure {
            Measure::AverageDays(_) => Polarity::Down,
            Measure::Within(_) => Polarity::Up,
            _ => Polarity::None,
        }
    }

    /// Counts accumulate through the year; averages and percentages are the period's.
    pub fn cumulative(&self) -> bool {
        matches!(
            self.measure,
            Measure::Received
                | Measure::Closed
                | Measure::Outcomes(_)
                | Measure::Extensions
                | Measure::PerThousand
                | Measure::ClosedAt(_)
        )
    }

    pub fn unit(&self) -> Unit {
        match self.measure {
            Measure::AverageDays(_) => Unit::Named("days".into()),
            Measure::Within(_) | Measure::OutcomeShare(..) => Unit::Percent,
            _ => Unit::Number,
        }
    }

    pub fn decimals(&self) -> u8 {
        match self.measure {
            Measure::AverageDays(_) | Measure::Within(_) | Measure::OutcomeShare(..) => 2,
            Measure::PerThousand => 2,
            _ => 0,
        }
    }
}

use Measure::*;
use Outcome::*;
use Stage::*;

/// The indicators, CMP.01 to CMP.12 with the published titles, then the others the
/// procedure asks for.
#[rustfmt::skip]
pub const DEFINITIONS: &[Definition] = &[
    Definition { code: "CMP.01", title: "Number of complaints received (cumulative)", measure: Received },
    Definition { code: "CMP.02", title: "Number of complaints closed in the year", measure: Closed },
    Definition { code: "CMP.03", title: "Number of complaints upheld (cumulative)", measure: Outcomes(Upheld) },
    Definition { code: "CMP.04", title: "Number of complaints partially upheld (cumulative)", measure: Outcomes(PartiallyUpheld) },
    Definition { code: "CMP.05", title: "Number of complaints not upheld (cumulative)", measure: Outcomes(NotUpheld) },
    Definition { code: "CMP.06", title: "Average time in working days to respond to complaints at stage 1", measure: AverageDays(Frontline) },
    Definition { code: "CMP.07", title: "Average time in working days to respond to complaints at stage 2", measure: AverageDays(Investigation) },
    Definition { code: "CMP.08", title: "Average time in working days for a full response for escalated complaints", measure: AverageDays(Escalated) },
    Definition { code: "CMP.09", title: "Percentage of complaints at stage 1 complete within 5 working days", measure: Within(Frontline) },
    Definition { code: "CMP.10", title: "Percentage of complaints at stage 2 complete within 20 working days", measure: Within(Investigation) },
    Definition { code: "CMP.11", title: "Percentage of complaints escalated and complete within 20 working days", measure: Within(Escalated) },
    Definition { code: "CMP.12", title: "Number of complaints where an extension to the 5 or 20 day target has been authorised (cumulative)", measure: Extensions },
    Definition { code: "CMP.13", title: "Number of complaints resolved (cumulative)", measure: Outcomes(Resolved) },
    Definition { code: "CMP.14", title: "Number of complaints received per 1,000 population (cumulative)", measure: PerThousand },
    Definition { code: "CMP.15", title: "Number of complaints closed at stage 1 (cumulative)", measure: ClosedAt(Frontline) },
    Definition { code: "CMP.16", title: "Number of complaints closed at stage 2 (cumulative)", measure: ClosedAt(Investigation) },
    Definition { code: "CMP.17", title: "Number of escalated complaints closed (cumulative)", measure: ClosedAt(Escalated) },
    Definition { code: "CMP.18", title: "Percentage of complaints closed at stage 1 that were upheld", measure: OutcomeShare(Frontline, Upheld) },
    Definition { code: "CMP.19", title: "Percentage of complaints closed at stage 1 that were partially upheld", measure: OutcomeShare(Frontline, PartiallyUpheld) },
    Definition { code: "CMP.20", title: "Percentage of complaints closed at stage 1 that were not upheld", measure: OutcomeShare(Frontline, NotUpheld) },
    Definition { code: "CMP.21", title: "Percentage of complaints closed at stage 1 that were resolved", measure: OutcomeShare(Frontline, Resolved) },
    Definition { code: "CMP.22", title: "Percentage of complaints closed at stage 2 that were upheld", measure: OutcomeShare(Investigation, Upheld) },
    Definition { code: "CMP.23", title: "Percentage of complaints closed at stage 2 that were partially upheld", measure: OutcomeShare(Investigation, PartiallyUpheld) },
    Definition { code: "CMP.24", title: "Percentage of complaints closed at stage 2 that were not upheld", measure: OutcomeShare(Investigation, NotUpheld) },
    Definition { code: "CMP.25", title: "Percentage of complaints closed at stage 2 that were resolved", measure: OutcomeShare(Investigation, Resolved) },
    Definition { code: "CMP.26", title: "Percentage of escalated complaints closed that were upheld", measure: OutcomeShare(Escalated, Upheld) },
    Definition { code: "CMP.27", title: "Percentage of escalated complaints closed that were partially upheld", measure: OutcomeShare(Escalated, PartiallyUpheld) },
    Definition { code: "CMP.28", title: "Percentage of escalated complaints closed that were not upheld", measure: OutcomeShare(Escalated, NotUpheld) },
    Definition { code: "CMP.29", title: "Percentage of escalated complaints closed that were resolved", measure: OutcomeShare(Escalated, Resolved) },
];

/// The group the indicators are reported under, as the published table heads them.
pub const GROUP: &str = "Provide an efficient complaints service";

/// The periods the case list covers: every quarter from the one of its earliest date to
/// the one of its latest, and every financial year before the latest quarter's (a
/// year's figure is given once the year is over and the list runs past it).
pub fn periods(records: &[StageRecord]) -> Vec<Period> {
    let dates = records
        .iter()
        .flat_map(|r| std::iter::once(r.start).chain(r.closed));
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Vec::new();
    };
    let (first, last) = (Period::quarter_of(first), Period::quarter_of(last));
    let mut out = Vec::new();
    let mut q = first;
    while q <= last {
        out.push(q);
        q = q.next();
    }
    for fy in first.financial_year()..last.financial_year() {
        out.push(Period::Year { fy });
    }
    out.sort();
    out
}

fn count(n: usize) -> Figure {
    Figure {
        number: n as f64,
        unit: None,
        decimals: 0,
    }
}

fn item(label: String, n: usize) -> FeederItem {
    FeederItem {
        label,
        value: count(n),
    }
}

/// "stage 1 complaints", "stage 2 complaints", "escalated complaints".
fn stage_words(stage: Stage) -> &'static str {
    match stage {
        Frontline => "stage 1 complaints",
        Investigation => "stage 2 complaints",
        Escalated => "escalated complaints",
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Works out one indicator for one period. [`Measure::PerThousand`] gets the count
/// received year to date as its numerator: the report divides it by the population.
/// A period in which no complaint of a stage was closed gets a note and no value.
pub fn observe(
    def: &Definition,
    period: Period,
    records: &[StageRecord],
    cal: &Calendar,
) -> Observation {
    let ytd = (
        Period::Year {
            fy: period.financial_year(),
        }
        .start(),
        period.end(),
    );
    let own = (period.start(), period.end());
    let within = |d: NaiveDate, (a, b): (NaiveDate, NaiveDate)| a <= d && d <= b;
    let closed_in = |win, stage: Option<Stage>| -> Vec<&StageRecord> {
        records
            .iter()
            .filter(|r| stage.is_none_or(|s| r.stage == s))
            .filter(|r| r.closed.is_some_and(|c| within(c, win)))
            .collect()
    };
    let by_stage = |rs: &[&StageRecord], label: &dyn Fn(Stage) -> String| -> Vec<FeederItem> {
        [Frontline, Investigation, Escalated]
            .into_iter()
            .map(|s| item(label(s), rs.iter().filter(|r| r.stage == s).count()))
            .collect()
    };
    let mut obs = Observation::default();
    let figure = |number: f64, unit: Option<Unit>| Figure {
        number,
        unit,
        decimals: def.decimals(),
    };
    match def.measure {
        Received | PerThousand => {
            let new: Vec<&StageRecord> = records
                .iter()
                .filter(|r| r.is_new() && within(r.start, ytd))
                .collect();
            if def.measure == PerThousand {
                obs.numerator = Some(new.len() as f64);
                obs.per = Some(1000.0);
            } else {
                obs.value = Some(count(new.len()));
            }
            obs.more_mut().feeder = vec![
                item(
                    "Received at stage 1".into(),
                    new.iter().filter(|r| r.stage == Frontline).count(),
                ),
                item(
                    "Received at stage 2 (direct)".into(),
                    new.iter().filter(|r| r.stage == Investigation).count(),
                ),
            ];
        }
        Closed => {
            let rs = closed_in(ytd, None);
            obs.value = Some(count(rs.len()));
            obs.more_mut().feeder = by_stage(&rs, &|s| format!("Closed: {}", stage_words(s)));
        }
        Outcomes(o) => {
            let rs: Vec<&StageRecord> = closed_in(ytd, None)
                .into_iter()
                .filter(|r| r.outcome == Some(o))
                .collect();
            obs.value = Some(count(rs.len()));
            obs.more_mut().feeder = by_stage(&rs, &|s| {
                format!("{}: {}", capital(o.words()), stage_words(s))
            });
        }
        Extensions => {
            let rs: Vec<&StageRecord> = closed_in(ytd, None)
                .into_iter()
                .filter(|r| r.extension)
                .collect();
            obs.value = Some(count(rs.len()));
            obs.more_mut().feeder = by_stage(&rs, &|s| format!("Extended: {}", stage_words(s)));
        }
        ClosedAt(stage) => {
            obs.value = Some(count(closed_in(ytd, Some(stage)).len()));
        }
        AverageDays(stage) | Within(stage) | OutcomeShare(stage, _) => {
            let rs = closed_in(own, Some(stage));
            let closed_label = format!("{} closed", capital(stage_words(stage)));
            if rs.is_empty() {
                obs.more_mut().note = format!("No {} were closed in {period}.", stage_words(stage));
                obs.more_mut().feeder = vec![item(closed_label, 0)];
                return obs;
            }
            let n = rs.len();
            match def.measure {
                AverageDays(_) => {
                    let days: i64 = rs
                        .iter()
                        .map(|r| cal.working_days(r.start, r.closed.unwrap_or(r.start)))
                        .sum();
                    obs.value = Some(figure(days as f64 / n as f64, None));
                    obs.more_mut().feeder = vec![
                        item(closed_label, n),
                        FeederItem {
                            label: "Working days taken in total".into(),
                            value: count(days as usize),
                        },
                    ];
                }
                Within(_) => {
                    let k = rs
                        .iter()
                        .filter(|r| {
                            cal.working_days(r.start, r.closed.unwrap_or(r.start))
                                <= stage.target_days()
                        })
                        .count();
                    obs.value = Some(figure(k as f64 * 100.0 / n as f64, Some(Unit::Percent)));
                    obs.more_mut().feeder = vec![
                        item(closed_label, n),
                        item(
                            format!("Closed within {} working days", stage.target_days()),
                            k,
                        ),
                    ];
                }
                OutcomeShare(_, o) => {
                    let k = rs.iter().filter(|r| r.outcome == Some(o)).count();
                    obs.value = Some(figure(k as f64 * 100.0 / n as f64, Some(Unit::Percent)));
                    obs.more_mut().feeder =
                        vec![item(closed_label, n), item(capital(o.words()), k)];
                }
                _ => {}
            }
        }
    }
    obs
}

/// Every indicator's observations by period.
pub fn observe_all(
    records: &[StageRecord],
    cal: &Calendar,
) -> Vec<(&'static Definition, BTreeMap<Period, Observation>)> {
    let periods = periods(records);
    // Each quarter's records (received or closed in it): a period looks only at the
    // quarters of its year to date, so a long list is not walked once per period.
    let mut by_quarter: BTreeMap<Period, Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        for d in std::iter::once(r.start).chain(r.closed) {
            let at = by_quarter.entry(Period::quarter_of(d)).or_default();
            if at.last() != Some(&i) {
                at.push(i);
            }
        }
    }
    let relevant: Vec<Vec<StageRecord>> = periods
        .iter()
        .map(|p| {
            let fy = p.financial_year();
            let first = Period::Quarter { fy, q: 1 };
            let mut at: Vec<usize> = by_quarter
                .range(first..=*p)
                .filter(|(q, _)| q.frequency() == crate::period::Frequency::Quarter)
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
            at.sort_unstable();
            at.dedup();
            at.into_iter().map(|i| records[i].clone()).collect()
        })
        .collect();
    DEFINITIONS
        .iter()
        .map(|def| {
            let by_period = periods
                .iter()
                .zip(&relevant)
                .map(|(p, rs)| (*p, observe(def, *p, rs, cal)))
                .collect();
            (def, by_period)
        })
        .collect()
}
