//! The long layout: one row per PI per period, the period named in its own column.

use crate::dataset::Observation;
use crate::period::Period;
use crate::problem::{ProblemKind, Quantity};

use super::cell::{self, Cells};
use super::columns::Col;
use super::pi_row::Meta;
use super::{Loader, PERIOD_CACHE};

impl Loader<'_> {
    /// The period and value of a long-layout row, merged with the row's other figures.
    pub(super) fn long_row(
        &mut self,
        row: usize,
        c: &Cells,
        code: &str,
        meta: &Meta,
        mut per_row: Observation,
        annual: Option<f64>,
    ) {
        let Some((i, label)) = c.get(Col::Period) else {
            self.apply(code, meta, None);
            if per_row.value.is_none() && c.get(Col::Value).is_some() {
                self.row_problem(row, ProblemKind::ValueWithoutPeriod);
            }
            return;
        };
        let period = match self.period(label) {
            Ok(p) => p,
            Err(problem) => {
                self.apply(code, meta, None);
                self.cell_problem(row, i, problem);
                return;
            }
        };
        let value = self.cell(row, c.get(Col::Value), |t| cell::figure(t, Quantity::Value));
        // The row's settings and the value's unit and decimals: one look-up.
        self.apply(code, meta, value.as_ref());
        per_row.value = value;
        if let Some(a) = annual {
            self.annual_target(code, period.financial_year(), a);
        }
        self.merge(row, code, period, per_row);
    }

    /// A period label, parsed once per table (labels that are not periods, each time).
    fn period(&mut self, label: &str) -> Result<Period, ProblemKind> {
        if let Some(p) = self.periods.get(label) {
            return Ok(*p);
        }
        let p = cell::period(label)?;
        if self.periods.len() < PERIOD_CACHE {
            self.periods.insert(label.into(), p);
        }
        Ok(p)
    }
}
