//! Population tables: one estimate per population group (age band), area and year.

use crate::dataset::PopulationEstimate;

use super::cell::Cells;
use super::columns::Col;
use super::{truncate, Loader};

impl Loader<'_> {
    pub(super) fn population_row(&mut self, row: usize, c: &Cells) {
        let group = c.get(Col::PopulationGroup).map(|(_, s)| s.to_string());
        let year = match c.get(Col::Period) {
            Some((i, y)) => match y.parse::<i32>() {
                Ok(y) if (1900..=2200).contains(&y) => Some(y),
                _ => {
                    self.cell_problem(
                        row,
                        i,
                        "bad year",
                        format!(
                            "expected a calendar year such as 2023, found '{}'",
                            truncate(y, 40)
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let population = self.number(row, c.get(Col::Denominator), "a population count");
        match (group, year, population) {
            (Some(group), Some(year), Some(population)) => {
                self.ds.population.push(PopulationEstimate {
                    area: c.text(Col::Area),
                    group,
                    year,
                    population,
                })
            }
            (None, ..) => self.row_problem(
                row,
                "incomplete population row",
                "the population group is empty; the row was left out".into(),
            ),
            _ => {}
        }
    }
}
