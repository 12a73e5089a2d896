//! [`ProblemLog`]: the first few problems of each kind, and a line counting the rest.

use std::mem::Discriminant;

use rustc_hash::FxHashMap;

use super::{Position, Problem, ProblemKind};

/// How many problems of one kind, in one column of one sheet, are listed one by one.
pub const PROBLEMS_PER_KIND: usize = 5;

/// Problems of one kind in one column of one sheet of one file.
type Key = (
    String,
    Option<String>,
    Option<String>,
    Discriminant<ProblemKind>,
);

/// Collects problems, keeping the first few of each kind in a column of a file and
/// counting the rest, so a thousand bad rows make one readable message and not a thousand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProblemLog {
    problems: Vec<Problem>,
    /// How many of each kind were seen, and the first of them (for the closing line).
    /// Hashed with the fast hash: a file of bad rows looks its key up once per row.
    seen: FxHashMap<Key, (usize, ProblemKind)>,
    /// The kinds in the order first seen, so the closing lines come in that order.
    order: Vec<Key>,
}

impl ProblemLog {
    /// Adds a problem, or counts it where enough of its kind are listed already.
    pub fn push(&mut self, problem: Problem) {
        let p = &problem.position;
        let key = (
            p.file.clone(),
            p.sheet.clone(),
            p.column.clone(),
            std::mem::discriminant(&problem.kind),
        );
        match self.seen.get_mut(&key) {
            Some((n, _)) => {
                *n += 1;
                if *n <= PROBLEMS_PER_KIND {
                    self.problems.push(problem);
                }
            }
            None => {
                self.seen.insert(key.clone(), (1, problem.kind.clone()));
                self.order.push(key);
                self.problems.push(problem);
            }
        }
    }

    /// The problems, with one closing line for each kind that had more than could be listed.
    pub fn finish(mut self) -> Vec<Problem> {
        for key in self.order {
            let Some((n, like)) = self.seen.remove(&key) else {
                continue;
            };
            if n > PROBLEMS_PER_KIND {
                let (file, sheet, column, _) = key;
                let position = Position {
                    file,
                    sheet,
                    row: None,
                    column,
                };
                let kind = ProblemKind::MoreOfTheSame {
                    count: n - PROBLEMS_PER_KIND,
                    like: Box::new(like),
                };
                self.problems.push(Problem::new(position, kind));
            }
        }
        self.problems
    }

    /// Whether any problem was logged.
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;
    use crate::problem::{Level, Quantity};

    fn bad_value(row: usize) -> Problem {
        Problem::new(
            Position::file("a.csv").at_row(row).at_column("value"),
            ProblemKind::NotANumber {
                expected: Quantity::Value,
                found: "x".into(),
            },
        )
    }

    #[test]
    fn problems_of_one_kind_beyond_five_are_counted_in_one_line() {
        let mut log = ProblemLog::default();
        for row in 2..10 {
            log.push(bad_value(row));
        }
        let out = log.finish();
        assert_eq!(out.len(), 6);
        assert_eq!(
            out[5].to_string(),
            "a.csv, column 'value': 3 more rows had the same problem (not a number); only the first 5 are listed"
        );
        assert_eq!(out[5].level, Level::Problem);
    }

    #[test]
    fn different_kinds_in_one_column_are_counted_apart() {
        let mut log = ProblemLog::default();
        for row in 2..8 {
            log.push(bad_value(row));
            log.push(Problem::new(
                Position::file("a.csv").at_row(row).at_column("value"),
                ProblemKind::NotAPeriod { found: "y".into() },
            ));
        }
        assert_eq!(log.finish().len(), 12);
    }

    #[test]
    fn replaced_values_beyond_five_are_counted_as_information() {
        let mut log = ProblemLog::default();
        for row in 2..9 {
            log.push(Problem::new(
                Position::file("b.csv").at_row(row),
                ProblemKind::ValueReplaced {
                    code: "X".into(),
                    period: Period::Quarter { fy: 2018, q: 1 },
                    earlier: "a.csv row 2".into(),
                    same: false,
                },
            ));
        }
        let out = log.finish();
        assert_eq!(out[5].level, Level::Info);
        assert_eq!(
            out[5].to_string(),
            "b.csv: 2 more values replaced earlier ones; only the first 5 are listed"
        );
    }

    #[test]
    fn a_sheet_is_named_after_its_workbook() {
        let p = Position::sheet("q2.xlsx", Some("Values")).at_row(3);
        assert_eq!(p.to_string(), "q2.xlsx › Values, row 3");
    }

    #[test]
    fn problems_travel_to_the_page_and_back() {
        let p = bad_value(3);
        let bytes = postcard::to_allocvec(&p).unwrap();
        assert_eq!(postcard::from_bytes::<Problem>(&bytes).unwrap(), p);
    }
}
