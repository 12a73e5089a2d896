//! Action tables: improvement-plan actions with a due date and progress.

use crate::action::Action;
use crate::period::parse_date;

use super::cell::Cells;
use super::columns::Col;
use super::{truncate, Loader};

impl Loader<'_> {
    pub(super) fn action_row(&mut self, row: usize, c: &Cells) {
        let date = |this: &mut Self, col: Col, what: &str| -> Option<chrono::NaiveDate> {
            let (i, text) = c.get(col)?;
            let d = parse_date(text);
            if d.is_none() {
                this.cell_problem(
                    row,
                    i,
                    "not a date",
                    format!(
                        "expected {what} such as 31-Mar-2019, found '{}'",
                        truncate(text, 40)
                    ),
                );
            }
            d
        };
        let start = date(self, Col::StartDate, "a start date");
        let Some(due) = date(self, Col::DueDate, "a due date") else {
            if c.get(Col::DueDate).is_none() {
                self.row_problem(
                    row,
                    "no due date",
                    "the action has no due date; it was left out".into(),
                );
            }
            return;
        };
        let progress = match self.figure(
            row,
            c.get(Col::Progress),
            "progress as a percentage such as 50%",
        ) {
            Some(f) => {
                let p = if f.unit.is_none() && f.number <= 1.0 && f.decimals > 0 {
                    f.number * 100.0
                } else {
                    f.number
                };
                p.clamp(0.0, 100.0)
            }
            None => 0.0,
        };
        let code = c.text(Col::Code);
        let title = c.text(Col::Title);
        if code.is_empty() && title.is_empty() {
            self.row_problem(
                row,
                "no key",
                "the action has neither a code nor a title; it was left out".into(),
            );
            return;
        }
        self.ds.actions.push(Action {
            code,
            title,
            group: c.text(Col::Group),
            start,
            due,
            progress,
            note: c.text(Col::Note),
            source: format!("{} row {row}", self.source),
        });
    }
}
