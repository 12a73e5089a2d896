//! Narrative tables: a section title, an optional period and the text written for it.

use crate::narrative::Narrative;
use crate::problem::ProblemKind;

use super::cell::{self, Cells};
use super::columns::Col;
use super::Loader;

impl Loader<'_> {
    /// A piece of narrative; a row with text but no section is left out with a problem.
    pub(super) fn narrative_row(&mut self, row: usize, c: &Cells) {
        let Some((_, text)) = c.get(Col::Text) else {
            return;
        };
        let section = c
            .get(Col::Group)
            .or_else(|| c.get(Col::Title))
            .map(|(_, s)| s.to_string());
        let Some(section) = section else {
            self.row_problem(row, ProblemKind::NarrativeWithoutSection);
            return;
        };
        let period = match c.get(Col::Period) {
            None => None,
            Some(_) => match self.cell(row, c.get(Col::Period), |t| cell::period(t).map(Some)) {
                Some(p) => Some(p),
                // The period's problem is reported; the text is not put under the wrong one.
                None => return,
            },
        };
        self.ds.narrative.push(Narrative {
            section,
            period,
            text: text.to_string(),
        });
    }
}
