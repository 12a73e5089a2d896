//! The one path from a cell's text to its typed value, for every kind of column and
//! every layout: each parser below takes the cell's trimmed, non-empty text and gives
//! the value, `None` for a mark that means "no value" (`N/A`, `-`), or the
//! [`ProblemKind`] the user is told about. [`Loader::cell`] reports that problem with
//! the file, row and column.

use chrono::NaiveDate;

use crate::indicator::{parse_yes_no, Polarity, TargetProfile, Tolerance};
use crate::period::{parse_date, Period};
use crate::problem::{quote, Count, DateOf, ProblemKind, Quantity};
use crate::read::Row;
use crate::status::Status;
use crate::value::{parse_figure, trim, Figure};

use super::columns::{slot, Col, Columns};
use super::Loader;

/// What a cell's text reads as.
pub(super) type Read<T> = Result<Option<T>, ProblemKind>;

/// How much of a cell a message quotes.
pub(super) const QUOTED: usize = 40;

/// A figure as written in reports: `1,309`, `98%`, `£15.8m`.
pub(super) fn figure(text: &str, expected: Quantity) -> Read<Figure> {
    parse_figure(text).map_err(|_| ProblemKind::NotANumber {
        expected,
        found: quote(text, QUOTED),
    })
}

/// A figure's number alone.
pub(super) fn number(text: &str, expected: Quantity) -> Read<f64> {
    Ok(figure(text, expected)?.map(|f| f.number))
}

/// A whole number, 0 or more: a rank, or the number ranked.
pub(super) fn count(text: &str, expected: Count) -> Read<u32> {
    let problem = || ProblemKind::NotAWholeNumber {
        expected,
        found: quote(text, QUOTED),
    };
    match parse_figure(text) {
        Ok(Some(f))
            if f.number >= 0.0 && f.number.fract() == 0.0 && f.number <= u32::MAX as f64 =>
        {
            Ok(Some(f.number as u32))
        }
        Ok(None) => Ok(None),
        _ => Err(problem()),
    }
}

/// Progress of an action in percent, 0 to 100: `50%`, `50`, or a fraction `0.5`.
pub(super) fn progress(text: &str) -> Read<f64> {
    Ok(figure(text, Quantity::Progress)?.map(|f| {
        let p = if f.unit.is_none() && f.number <= 1.0 && f.decimals > 0 {
            f.number * 100.0
        } else {
            f.number
        };
        p.clamp(0.0, 100.0)
    }))
}

/// A period label: `Q2 2018/19`, `2018/19`, `Sep 2018`. A period column has no "no
/// value" mark: a row is about a period.
pub(super) fn period(text: &str) -> Result<Period, ProblemKind> {
    match Period::parse(text) {
        Some(p) => Ok(p),
        None => Err(ProblemKind::NotAPeriod {
            found: quote(text, QUOTED),
        }),
    }
}

/// The calendar year of a mid-year population estimate.
pub(super) fn calendar_year(text: &str) -> Read<i32> {
    match text.parse::<i32>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(Some(y)),
        _ => Err(ProblemKind::NotACalendarYear {
            found: quote(text, QUOTED),
        }),
    }
}

/// A date, day first: `31-Mar-2019`, `31/03/2019`, `2019-03-31`.
pub(super) fn date(text: &str, expected: DateOf) -> Read<NaiveDate> {
    match parse_date(text) {
        Some(d) => Ok(Some(d)),
        None => Err(ProblemKind::NotADate {
            expected,
            found: quote(text, QUOTED),
        }),
    }
}

/// `up`, `down`, `band`, `none` and their aliases.
pub(super) fn polarity(text: &str) -> Read<Polarity> {
    match Polarity::parse(text) {
        Some(p) => Ok(Some(p)),
        None => Err(ProblemKind::UnknownPolarity {
            found: quote(text, QUOTED),
        }),
    }
}

/// `pro rata` or `flat` and their aliases.
pub(super) fn target_profile(text: &str) -> Read<TargetProfile> {
    match TargetProfile::parse(text) {
        Some(p) => Ok(Some(p)),
        None => Err(ProblemKind::UnknownTargetProfile {
            found: quote(text, QUOTED),
        }),
    }
}

/// The width of the Warning band: `2`, or `5%` of the target.
pub(super) fn tolerance(text: &str) -> Read<Tolerance> {
    Tolerance::parse(text).map_err(|_| ProblemKind::BadTolerance {
        found: quote(text, QUOTED),
    })
}

/// `yes` or `no` (and their aliases), for a cumulative column.
pub(super) fn yes_no(text: &str) -> Read<bool> {
    match parse_yes_no(text) {
        Some(y) => Ok(Some(y)),
        None => Err(ProblemKind::NotYesOrNo {
            found: quote(text, QUOTED),
        }),
    }
}

/// Decimal places shown, 0 to 6.
pub(super) fn decimals(text: &str) -> Read<u8> {
    match text.parse::<u8>() {
        Ok(d) if d <= 6 => Ok(Some(d)),
        _ => Err(ProblemKind::BadDecimals {
            found: quote(text, QUOTED),
        }),
    }
}

/// A status as published: `On Target`, `Off Target`, `Data Only`...
pub(super) fn status(text: &str) -> Read<Status> {
    match Status::stated_in(text) {
        Some(s) => Ok(Some(s)),
        None => Err(ProblemKind::UnknownStatus {
            found: quote(text, QUOTED),
        }),
    }
}

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

    /// The trimmed text of a column and the column's place, where it is not blank.
    /// Inlined, so the column's slot is worked out where the code names it, not on
    /// each of the twenty-odd look-ups a row makes.
    #[inline(always)]
    pub(super) fn get(&self, c: Col) -> Option<(usize, &'r str)> {
        match slot(c) {
            Some(s) => self.cols.first[s],
            None => self.cols.cols.iter().position(|x| *x == Some(c)),
        }
        .and_then(|i| self.at(i))
    }

    /// The trimmed text of the `i`th cell and `i`, where it is not blank.
    pub(super) fn at(&self, i: usize) -> Option<(usize, &'r str)> {
        self.cells
            .get(i)
            .map(|s| (i, trim(s)))
            .filter(|(_, s)| !s.is_empty())
    }
}

impl Loader<'_> {
    /// A cell read by `parse`: `None` where it is absent, blank or a "no value" mark, and
    /// where it is not what its column holds (then with a problem naming the cell).
    pub(super) fn cell<T>(
        &mut self,
        row: usize,
        at: Option<(usize, &str)>,
        parse: impl FnOnce(&str) -> Read<T>,
    ) -> Option<T> {
        let (i, text) = at?;
        match parse(text) {
            Ok(v) => v,
            Err(kind) => {
                self.cell_problem(row, i, kind);
                None
            }
        }
    }

    /// A figure cell's number.
    pub(super) fn number(
        &mut self,
        row: usize,
        at: Option<(usize, &str)>,
        expected: Quantity,
    ) -> Option<f64> {
        self.cell(row, at, |t| number(t, expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_cell_reads_its_value_or_says_what_was_expected() {
        assert_eq!(number("1,309", Quantity::Value), Ok(Some(1309.0)));
        assert_eq!(number("N/A", Quantity::Value), Ok(None));
        assert_eq!(count("8", Count::Rank), Ok(Some(8)));
        assert_eq!(progress("0.5"), Ok(Some(50.0)));
        assert_eq!(progress("150%"), Ok(Some(100.0)));
        assert_eq!(calendar_year("2023"), Ok(Some(2023)));
        assert_eq!(decimals("2"), Ok(Some(2)));
        assert_eq!(yes_no("yes"), Ok(Some(true)));
        let message = |r: Result<(), ProblemKind>| r.unwrap_err().to_string();
        assert_eq!(
            message(count("8.5", Count::Rank).map(drop)),
            "expected a rank such as 8, found '8.5'"
        );
        assert_eq!(
            message(date("31/13/2019", DateOf::Due).map(drop)),
            "expected a due date such as 31-Mar-2019, found '31/13/2019'"
        );
        assert_eq!(
            message(decimals("7").map(drop)),
            "expected a number of decimal places from 0 to 6, found '7'"
        );
    }

    #[test]
    fn found_text_is_quoted_to_forty_characters() {
        let long = "x".repeat(100);
        let ProblemKind::NotAPeriod { found } = period(&long).unwrap_err() else {
            panic!("not a period problem");
        };
        assert_eq!(found.chars().count(), 41, "40 and an ellipsis");
    }
}
