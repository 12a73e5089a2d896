//! Population tables: one estimate per population group (age band), area and year.

use crate::dataset::PopulationEstimate;
use crate::problem::{ProblemKind, Quantity};

use super::cell::{self, Cells};
use super::columns::Col;
use super::Loader;

impl Loader<'_> {
    /// A population estimate; a row without its group is left out with a problem.
    pub(super) fn population_row(&mut self, row: usize, c: &Cells) {
        let group = c.get(Col::PopulationGroup).map(|(_, s)| s.to_string());
        let year = self.cell(row, c.get(Col::Period), cell::calendar_year);
        let population = self.number(row, c.get(Col::Denominator), Quantity::Population);
        match (group, year, population) {
            (Some(group), Some(year), Some(population)) => {
                self.ds.population.push(PopulationEstimate {
                    area: c.text(Col::Area),
                    group,
                    year,
                    population,
                })
            }
            (None, ..) => self.row_problem(row, ProblemKind::PopulationWithoutGroup),
            _ => {}
        }
    }
}
