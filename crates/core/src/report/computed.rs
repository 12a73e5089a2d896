//! A PI's value in a period: the stated one, else worked out from its numerator and
//! denominator (or the population table), with the findings that do not add up.

use crate::dataset::{Dataset, Observation};
use crate::indicator::Indicator;
use crate::period::Period;
use crate::value::Format;

use super::DataCheck;

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
pub(super) fn computed(
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
