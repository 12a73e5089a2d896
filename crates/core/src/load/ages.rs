//! Mid-year population estimates as National Records of Scotland publish them: one row
//! per area, sex and year, a column per single year of age (`0` … `89`, `90+`) and/or
//! `All ages`. The year is a `Year` column, else the title above the header
//! (`Mid-2021 population estimates`), else the sheet's name, else the file's name.

use crate::areas::{AgeColumn, AgeRow, Sex};
use crate::problem::{quote, ProblemKind, Quantity};
use crate::read::Table;

use super::cell::{self, Cells};
use super::columns::{Col, Columns};
use super::Loader;

/// The year of estimates that have no `Year` column: the first year (1900 to 2200) in
/// a title row above the header, the sheet's name or the file's name.
pub(super) fn year_of_table(table: &Table, cols: &Columns) -> Option<i32> {
    let titles = table
        .rows()
        .take(cols.header_row)
        .flat_map(|r| r.cells().map(str::to_string).collect::<Vec<_>>());
    let names = table.sheet.iter().cloned().chain([table.file.clone()]);
    titles.chain(names).find_map(|t| first_year(&t))
}

/// The first four-digit year in a text: `Mid-2021` gives 2021.
fn first_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                if let Ok(y) = text[start..i].parse::<i32>() {
                    if (1900..=2200).contains(&y) {
                        return Some(y);
                    }
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

impl Loader<'_> {
    /// One area's, sex's and year's estimates by age.
    pub(super) fn age_row(&mut self, row: usize, c: &Cells) {
        let year = match c.get(Col::Period) {
            Some(at) => self.cell(row, Some(at), cell::calendar_year),
            None => self.table_year,
        };
        let name = c.get(Col::Area).map(|(_, s)| s);
        let code = c.get(Col::AreaCode).map(|(_, s)| s);
        if let (Some(n), Some(k)) = (name, code) {
            if !self.ds.areas.codes.contains_key(n) {
                self.ds.areas.codes.insert(n.to_string(), k.to_string());
            }
        }
        let Some(area) = name.or(code).map(str::to_string) else {
            self.row_problem(row, ProblemKind::RowWithoutArea);
            return;
        };
        let sex = match c.get(Col::Sex) {
            Some((i, s)) => match Sex::parse(s) {
                Some(sex) => sex,
                None => {
                    let found = quote(s, 40);
                    self.cell_problem(row, i, ProblemKind::UnknownSex { found });
                    return;
                }
            },
            None => Sex::Persons,
        };
        let mut ages = Vec::new();
        for i in 0..self.cols.cols.len() {
            let column = match self.cols.cols[i] {
                Some(Col::Age(a)) => AgeColumn::Single(a),
                Some(Col::AgeAndOver(a)) => AgeColumn::AndOver(a),
                Some(Col::AllAges) => AgeColumn::All,
                _ => continue,
            };
            if let Some(n) = self.number(row, c.at(i), Quantity::Population) {
                ages.push((column, n));
            }
        }
        if let Some(year) = year {
            self.ds.areas.ages.push(AgeRow {
                area,
                sex,
                year,
                ages,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_year;

    #[test]
    fn the_year_is_the_first_four_digits_that_make_one() {
        assert_eq!(first_year("Mid-2021 population estimates"), Some(2021));
        assert_eq!(first_year("Table 1: 12345 people, mid-2019"), Some(2019));
        assert_eq!(first_year("mid-year-pop-est-21.csv"), None);
    }
}
