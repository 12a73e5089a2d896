//! One row's cells by what their columns hold, and reading a cell into a typed value
//! (with a notice naming file, row and column when it is not one).

use crate::read::Row;
use crate::value::{parse_figure, trim, Figure};

use super::columns::{slot, Col, Columns};
use super::{truncate, Loader};

/// One row's cells by column.
pub(super) struct Cells<'r> {
    pub(super) cells: Row<'r>,
    pub(super) cols: &'r Columns,
}

impl<'r> Cells<'r> {
    /// The trimmed text of a column, empty where the column is absent or blank.
    pub(super) fn text(&self, c: Col) -> String {
        self.get(c).map(|(_, s)| s.to_string()).unwrap_or_default()
    }

    pub(super) fn get(&self, c: Col) -> Option<(usize, &'r str)> {
        match slot(c) {
            Some(s) => self.cols.first[s],
            None => self.cols.cols.iter().position(|x| *x == Some(c)),
        }
        .and_then(|i| self.cells.get(i).map(|s| (i, trim(s))))
        .filter(|(_, s)| !s.is_empty())
    }
}

impl Loader<'_> {
    /// A number cell: `None` (with a notice) when it is not one.
    pub(super) fn figure(
        &mut self,
        row: usize,
        at: Option<(usize, &str)>,
        what: &str,
    ) -> Option<Figure> {
        let (i, text) = at?;
        match parse_figure(text) {
            Ok(f) => f,
            Err(_) => {
                self.cell_problem(
                    row,
                    i,
                    "not a number",
                    format!("expected {what}, found '{}'", truncate(text, 40)),
                );
                None
            }
        }
    }

    pub(super) fn number(
        &mut self,
        row: usize,
        at: Option<(usize, &str)>,
        what: &str,
    ) -> Option<f64> {
        self.figure(row, at, what).map(|f| f.number)
    }

    pub(super) fn whole(
        &mut self,
        row: usize,
        at: Option<(usize, &str)>,
        what: &str,
    ) -> Option<u32> {
        let (i, text) = at?;
        let n = self.number(row, at, what)?;
        if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 {
            Some(n as u32)
        } else {
            self.cell_problem(
                row,
                i,
                "not a whole number",
                format!("expected {what}, found '{text}'"),
            );
            None
        }
    }
}
