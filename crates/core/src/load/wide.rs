//! The wide layout: one row per PI, a column per period (`Q2 2018/19 Value`,
//! `2017/18 Target`); the row's other columns apply to every period.

use std::collections::BTreeMap;

use crate::dataset::{MoreObserved, Observation};
use crate::period::Period;
use crate::problem::Quantity;
use crate::value::Figure;

use super::cell::{self, Cells};
use super::columns::Col;
use super::pi_row::seen;
use super::Loader;

impl Loader<'_> {
    /// Each period's value, target and benchmark of a wide-layout row, merged with the
    /// row's other figures; the note goes to the period it names, else the latest.
    pub(super) fn wide_row(
        &mut self,
        row: usize,
        c: &Cells,
        code: &str,
        per_row: Observation,
        annual: Option<f64>,
    ) {
        let mut periods: BTreeMap<Period, Observation> = BTreeMap::new();
        for (i, col) in self.cols.cols.iter().enumerate() {
            let at = c.at(i);
            match col {
                Some(Col::ValueOf(p)) => {
                    // An empty cell makes nothing: a wide file may have thousands of
                    // period columns, most of them empty.
                    if let Some(v) = self.value(row, at, code) {
                        periods.entry(*p).or_default().value = Some(v);
                    }
                }
                Some(Col::TargetOf(p)) => {
                    let t = self.number(row, at, Quantity::Target);
                    if t.is_some() {
                        periods.entry(*p).or_default().target = t;
                    }
                }
                Some(Col::BenchmarkOf(p)) => {
                    let b = self.number(row, at, Quantity::Benchmark);
                    if b.is_some() {
                        periods.entry(*p).or_default().more_mut().benchmark = b;
                    }
                }
                Some(Col::AnnualTargetOf(fy)) => {
                    if let Some(a) = self.number(row, at, Quantity::AnnualTarget) {
                        self.annual_target(code, *fy, a);
                    }
                }
                _ => {}
            }
        }
        // A note (and a status it states) belongs to the period it names, else to the
        // latest period of the row with a value.
        let note_period = Period::find_in(&per_row.more().note)
            .map(|(p, _)| p)
            .filter(|p| periods.contains_key(p))
            .or_else(|| {
                periods
                    .iter()
                    .rev()
                    .find(|(_, o)| o.value.is_some())
                    .map(|(p, _)| *p)
            });
        for (p, mut obs) in periods {
            obs.numerator = per_row.numerator;
            obs.denominator = per_row.denominator;
            obs.per = per_row.per;
            obs.target = obs.target.or(per_row.target);
            obs.source = per_row.source;
            // The period's own benchmark column (the only more a period's cells give),
            // else the row's; the row's rank; its note where the note belongs.
            let given = per_row.more();
            let noted = Some(p) == note_period;
            obs.set_more(MoreObserved {
                benchmark: obs.more().benchmark.or(given.benchmark),
                rank: given.rank,
                rank_of: given.rank_of,
                note: if noted {
                    given.note.clone()
                } else {
                    String::new()
                },
                stated_status: given.stated_status.filter(|_| noted),
                ..MoreObserved::default()
            });
            if let Some(a) = annual {
                self.annual_target(code, p.financial_year(), a);
            }
            self.merge(row, code, p, obs);
        }
    }

    /// A value cell, noting its unit and decimals on the indicator.
    fn value(&mut self, row: usize, at: Option<(usize, &str)>, code: &str) -> Option<Figure> {
        let f = self.cell(row, at, |t| cell::figure(t, Quantity::Value))?;
        seen(self.ds.indicator_mut(code), &f);
        Some(f)
    }
}
