//! The long layout: one row per PI per period, the period named in its own column.

use crate::dataset::Observation;
use crate::period::Period;

use super::cell::Cells;
use super::columns::Col;
use super::pi_row::Meta;
use super::{truncate, Loader, A_VALUE, PERIOD_CACHE};

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
                self.row_problem(
                    row,
                    "no period",
                    "this row has a value but no period; it was left out".into(),
                );
            }
            return;
        };
        let Some(period) = self.period(label) else {
            self.apply(code, meta, None);
            self.cell_problem(
                row,
                i,
                "not a period",
                format!(
                    "expected a period such as 'Q2 2018/19', '2018/19' or 'Sep 2018', found '{}'",
                    truncate(label, 40)
                ),
            );
            return;
        };
        let value = self.figure(row, c.get(Col::Value), A_VALUE);
        // The row's settings and the value's unit and decimals: one look-up.
        self.apply(code, meta, value.as_ref());
        per_row.value = value;
        if let Some(a) = annual {
            self.annual_target(code, period.financial_year(), a);
        }
        self.merge(row, code, period, per_row);
    }

    /// A period label, parsed once per table.
    fn period(&mut self, label: &str) -> Option<Period> {
        if let Some(p) = self.periods.get(label) {
            return *p;
        }
        let p = Period::parse(label);
        if self.periods.len() < PERIOD_CACHE {
            self.periods.insert(label.into(), p);
        }
        p
    }
}
