//! Problems found in the user's files: where each is (file, sheet, row, column), how
//! serious it is, and what kind it is ([`ProblemKind`], in `kind`), with the sentence the
//! user reads. [`ProblemLog`] (in `log`) keeps the first few of each kind and counts the rest.

mod expected;
mod kind;
mod log;
mod sentence;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use expected::{BinaryKind, Count, DateOf, Quantity, RiskPart};
pub use kind::ProblemKind;
pub use log::{ProblemLog, PROBLEMS_PER_KIND};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// A whole file could not be read.
    Error,
    /// A cell or row was not understood and was left out; the rest of the file counts.
    Problem,
    /// Something the user should know (a value replaced by a later file).
    Info,
}

/// Where a problem is, as the user finds it in a spreadsheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Position {
    /// The file's name as the user gave it.
    pub file: String,
    /// The workbook's sheet, for an XLSX file.
    pub sheet: Option<String>,
    /// The row as the user counts it: the spreadsheet's row number, or the CSV line.
    pub row: Option<usize>,
    /// The column by its header.
    pub column: Option<String>,
}

impl Position {
    /// A whole file.
    pub fn file(file: &str) -> Position {
        Position {
            file: file.to_string(),
            ..Position::default()
        }
    }

    /// A file's sheet (`None` for a CSV file, which has one table).
    pub fn sheet(file: &str, sheet: Option<&str>) -> Position {
        Position {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            ..Position::default()
        }
    }

    /// The same place, at a row.
    pub fn at_row(mut self, row: usize) -> Position {
        self.row = Some(row);
        self
    }

    /// The same place, at a column named by its header.
    pub fn at_column(mut self, column: &str) -> Position {
        self.column = Some(column.to_string());
        self
    }
}

/// `complaints.xlsx › Values`: a file, and the sheet where there is one.
///
/// ```
/// use scorecard_core::problem::source_label;
/// assert_eq!(source_label("q2.xlsx", Some("Values")), "q2.xlsx › Values");
/// assert_eq!(source_label("q2.csv", None), "q2.csv");
/// ```
pub fn source_label(file: &str, sheet: Option<&str>) -> String {
    match sheet {
        Some(s) => format!("{file} › {s}"),
        None => file.to_string(),
    }
}

impl fmt::Display for Position {
    /// "complaints.xlsx › Values, row 14, column 'Value'".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(s) = &self.sheet {
            write!(f, " › {s}")?;
        }
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column '{c}'")?;
        }
        Ok(())
    }
}

/// Found text as a message quotes it: at most `n` characters, `…` where cut.
pub fn quote(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// `812 bytes`, `14 KB`, `4,295 MB`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{} KB", b / 1_000),
        b => format!(
            "{} MB",
            crate::value::group_thousands((b / 1_000_000) as f64, 0)
        ),
    }
}

/// A problem with the user's input: how serious, where, and what.
///
/// ```
/// use scorecard_core::problem::{Position, Problem, ProblemKind, Quantity, Level};
/// let p = Problem::new(
///     Position::file("complaints.csv").at_row(14).at_column("Value"),
///     ProblemKind::NotANumber { expected: Quantity::Value, found: "abc".into() },
/// );
/// assert_eq!(p.level, Level::Problem);
/// assert_eq!(
///     p.to_string(),
///     "complaints.csv, row 14, column 'Value': expected a number such as 1,309, 98% or £15.8m, found 'abc'"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub level: Level,
    pub position: Position,
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at a place, as serious as its kind is.
    pub fn new(position: Position, kind: ProblemKind) -> Problem {
        Problem {
            level: kind.level(),
            position,
            kind,
        }
    }

    /// The file the problem is in, as the user named it.
    pub fn file(&self) -> &str {
        &self.position.file
    }
}

impl fmt::Display for Problem {
    /// "complaints.csv, row 14, column 'Value': expected a number, found 'abc'".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.kind)
    }
}

impl std::error::Error for Problem {}
