//! Action tables: improvement-plan actions with a due date and progress.

use crate::action::Action;
use crate::problem::{source_label, DateOf, ProblemKind};

use super::cell::{self, Cells};
use super::columns::Col;
use super::Loader;

impl Loader<'_> {
    /// An action; one with no due date, or neither code nor title, is left out.
    pub(super) fn action_row(&mut self, row: usize, c: &Cells) {
        let start = self.cell(row, c.get(Col::StartDate), |t| cell::date(t, DateOf::Start));
        let Some(due) = self.cell(row, c.get(Col::DueDate), |t| cell::date(t, DateOf::Due)) else {
            // A due date that is not a date has had its problem reported.
            if c.get(Col::DueDate).is_none() {
                self.row_problem(row, ProblemKind::ActionWithoutDueDate);
            }
            return;
        };
        let progress = self
            .cell(row, c.get(Col::Progress), cell::progress)
            .unwrap_or(0.0);
        let code = c.text(Col::Code);
        let title = c.text(Col::Title);
        if code.is_empty() && title.is_empty() {
            self.row_problem(row, ProblemKind::ActionWithoutKey);
            return;
        }
        let p = &self.position;
        self.ds.actions.push(Action {
            code,
            title,
            group: c.text(Col::Group),
            start,
            due,
            progress,
            note: c.text(Col::Note),
            source: format!("{} row {row}", source_label(&p.file, p.sheet.as_deref())),
        });
    }
}
