//! Problems found in the user's files: where each is (file, sheet, row, column), how
//! serious it is, what kind it is with the data it needs, and the sentence the user
//! reads. [`ProblemLog`] keeps the first few of each kind and counts the rest.

use std::collections::HashMap;
use std::fmt;
use std::mem::Discriminant;

use serde::{Deserialize, Serialize};

use crate::period::Period;

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

/// What kind of binary file was given where a data file was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BinaryKind {
    Png,
    Pdf,
    Jpeg,
    Gif,
    /// An Excel 97-2003 `.xls` workbook.
    OldExcel,
    Gzip,
    Rtf,
}

impl fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BinaryKind::Png => "a PNG image",
            BinaryKind::Pdf => "a PDF document",
            BinaryKind::Jpeg => "a JPEG image",
            BinaryKind::Gif => "a GIF image",
            BinaryKind::OldExcel => "an old Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV",
            BinaryKind::Gzip => "a gzip archive",
            BinaryKind::Rtf => "a Word (RTF) document",
        })
    }
}

/// What a figure cell was expected to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quantity {
    Value,
    Numerator,
    Denominator,
    Multiplier,
    Target,
    AnnualTarget,
    Benchmark,
    Population,
    Progress,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Quantity::Value => "a number such as 1,309, 98% or £15.8m",
            Quantity::Numerator => "a number (the numerator)",
            Quantity::Denominator => "a number (the denominator)",
            Quantity::Multiplier => "a multiplier such as 100 or 1000",
            Quantity::Target => "a target figure",
            Quantity::AnnualTarget => "an annual target figure",
            Quantity::Benchmark => "a benchmark figure",
            Quantity::Population => "a population count",
            Quantity::Progress => "progress as a percentage such as 50%",
        })
    }
}

/// What a whole-number cell was expected to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Count {
    Rank,
    RankOf,
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Count::Rank => "a rank such as 8",
            Count::RankOf => "the number ranked, such as 32",
        })
    }
}

/// Which date a date cell was expected to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateOf {
    Start,
    Due,
}

impl fmt::Display for DateOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOf::Start => "a start date",
            DateOf::Due => "a due date",
        })
    }
}

/// What went wrong, with what the sentence needs. Found text is kept as the user wrote
/// it, cut to 40 characters.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProblemKind {
    // A file that cannot be read at all.
    EmptyFile,
    FileTooLarge {
        megabytes: usize,
        limit_megabytes: usize,
    },
    NotADataFile {
        looks_like: BinaryKind,
    },
    BinaryData,
    TooMuchText,
    XlsxNotSupported,
    NotAWorkbook {
        reason: String,
    },
    ZipDamaged {
        reason: String,
    },
    WorkbookPartUnreadable {
        part: usize,
        reason: String,
    },
    ZipBomb {
        compressed: u64,
        inflated: u64,
    },
    SheetUnreadable {
        reason: String,
    },
    NoSheetRecognised,
    NoRows,
    NoHeader {
        first_row: String,
    },
    NoKeyColumn {
        found: String,
    },
    HeaderOnly,
    // A row left out.
    UnreadableRow {
        reason: String,
    },
    CellTooLong {
        limit: usize,
    },
    WrongFieldCount {
        found: usize,
        expected: usize,
    },
    RowWithoutKey,
    ActionWithoutKey,
    ActionWithoutDueDate,
    PopulationWithoutGroup,
    ValueWithoutPeriod,
    // A cell left out.
    NotANumber {
        expected: Quantity,
        found: String,
    },
    NotAWholeNumber {
        expected: Count,
        found: String,
    },
    NotAPeriod {
        found: String,
    },
    NotACalendarYear {
        found: String,
    },
    NotADate {
        expected: DateOf,
        found: String,
    },
    UnknownPolarity {
        found: String,
    },
    BadTolerance {
        found: String,
    },
    NotYesOrNo {
        found: String,
    },
    BadDecimals {
        found: String,
    },
    UnknownStatus {
        found: String,
    },
    // For the user's information.
    ValueReplaced {
        code: String,
        period: Period,
        earlier: String,
        same: bool,
    },
    /// More problems of the kind of `like` than [`PROBLEMS_PER_KIND`], counted.
    MoreOfTheSame {
        count: usize,
        like: Box<ProblemKind>,
    },
}

impl ProblemKind {
    /// How serious a problem of this kind is.
    pub fn level(&self) -> Level {
        use ProblemKind::*;
        match self {
            EmptyFile
            | FileTooLarge { .. }
            | NotADataFile { .. }
            | BinaryData
            | TooMuchText
            | XlsxNotSupported
            | NotAWorkbook { .. }
            | ZipDamaged { .. }
            | WorkbookPartUnreadable { .. }
            | ZipBomb { .. }
            | SheetUnreadable { .. }
            | NoSheetRecognised
            | NoRows
            | NoHeader { .. }
            | NoKeyColumn { .. }
            | HeaderOnly => Level::Error,
            ValueReplaced { .. } => Level::Info,
            MoreOfTheSame { like, .. } => like.level(),
            _ => Level::Problem,
        }
    }

    /// A few words naming the kind, for the line that counts the rest of them.
    pub fn label(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            UnreadableRow { .. } => "unreadable row",
            CellTooLong { .. } => "cell too long",
            WrongFieldCount { .. } => "wrong number of fields",
            RowWithoutKey => "no code or title",
            ActionWithoutKey => "action with no code or title",
            ActionWithoutDueDate => "no due date",
            PopulationWithoutGroup => "incomplete population row",
            ValueWithoutPeriod => "no period",
            NotANumber { .. } => "not a number",
            NotAWholeNumber { .. } => "not a whole number",
            NotAPeriod { .. } => "not a period",
            NotACalendarYear { .. } => "bad year",
            NotADate { .. } => "not a date",
            UnknownPolarity { .. } => "unknown polarity",
            BadTolerance { .. } => "bad tolerance",
            NotYesOrNo { .. } => "not yes or no",
            BadDecimals { .. } => "bad decimals",
            UnknownStatus { .. } => "unknown status",
            ValueReplaced { .. } => "value replaced",
            MoreOfTheSame { like, .. } => like.label(),
            _ => "file unreadable",
        }
    }
}

impl fmt::Display for ProblemKind {
    // One arm per kind: the sentences are easier to compare side by side in one match.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            EmptyFile => f.write_str("the file is empty"),
            FileTooLarge { megabytes, limit_megabytes } => write!(
                f,
                "the file is {megabytes} MB; Scorecard reads files up to {limit_megabytes} MB"
            ),
            NotADataFile { looks_like } => {
                write!(f, "this looks like {looks_like}, not a CSV or XLSX data file")
            }
            BinaryData => f.write_str(
                "this does not look like a text (CSV) file or an XLSX workbook: it contains binary data",
            ),
            TooMuchText => {
                f.write_str("the file holds more text than Scorecard can read (4 GB)")
            }
            XlsxNotSupported => f.write_str("XLSX workbooks are not supported in this build"),
            NotAWorkbook { reason } => write!(
                f,
                "this is a zip file but not a readable XLSX workbook ({reason})"
            ),
            ZipDamaged { reason } => write!(
                f,
                "this looks like a zip file but it is damaged or truncated ({reason})"
            ),
            WorkbookPartUnreadable { part, reason } => write!(
                f,
                "the workbook is damaged: part {part} cannot be read ({reason})"
            ),
            ZipBomb { compressed, inflated } => write!(
                f,
                "the workbook would expand from {} to {} when opened; it was refused to protect the page (a 'zip bomb')",
                human_size(*compressed),
                human_size(*inflated)
            ),
            SheetUnreadable { reason } => write!(f, "the sheet could not be read ({reason})"),
            NoSheetRecognised => f.write_str(
                "no sheet of this workbook has columns Scorecard recognises (such as Code, Indicator, Period, Value)",
            ),
            NoRows => f.write_str("the file has no rows with data"),
            NoHeader { first_row } => write!(
                f,
                "no header row found: expected columns such as Code, Indicator, Period and Value (or a period like 'Q2 2018/19 Value'); the first row reads '{first_row}'"
            ),
            NoKeyColumn { found } => write!(
                f,
                "no column names the indicator: expected a 'Code' or 'Indicator' column; found {found}"
            ),
            HeaderOnly => f.write_str("the file has a header but no rows of data"),
            UnreadableRow { reason } => write!(
                f,
                "this row could not be read as CSV ({reason}); it was left out"
            ),
            CellTooLong { limit } => write!(
                f,
                "a cell holds more than {limit} characters; it was left out"
            ),
            WrongFieldCount { found, expected } => write!(
                f,
                "this row has {found} fields but the header has {expected}; a comma inside a title needs the title in quotes. The row was left out"
            ),
            RowWithoutKey => f.write_str(
                "this row has neither a code nor an indicator title; it was left out",
            ),
            ActionWithoutKey => {
                f.write_str("the action has neither a code nor a title; it was left out")
            }
            ActionWithoutDueDate => f.write_str("the action has no due date; it was left out"),
            PopulationWithoutGroup => {
                f.write_str("the population group is empty; the row was left out")
            }
            ValueWithoutPeriod => {
                f.write_str("this row has a value but no period; it was left out")
            }
            NotANumber { expected, found } => write!(f, "expected {expected}, found '{found}'"),
            NotAWholeNumber { expected, found } => {
                write!(f, "expected {expected}, found '{found}'")
            }
            NotAPeriod { found } => write!(
                f,
                "expected a period such as 'Q2 2018/19', '2018/19' or 'Sep 2018', found '{found}'"
            ),
            NotACalendarYear { found } => write!(
                f,
                "expected a calendar year such as 2023, found '{found}'"
            ),
            NotADate { expected, found } => write!(
                f,
                "expected {expected} such as 31-Mar-2019, found '{found}'"
            ),
            UnknownPolarity { found } => write!(
                f,
                "expected up, down, band or none (or 'Aim to Maximise', 'Aim to Minimise'), found '{found}'"
            ),
            BadTolerance { found } => write!(
                f,
                "expected a tolerance such as 2 or 5%, found '{found}'"
            ),
            NotYesOrNo { found } => write!(f, "expected yes or no, found '{found}'"),
            BadDecimals { found } => write!(
                f,
                "expected a number of decimal places from 0 to 6, found '{found}'"
            ),
            UnknownStatus { found } => write!(
                f,
                "expected a status such as On Target, Warning, Off Target or Data Only, found '{found}'"
            ),
            ValueReplaced { code, period, earlier, same } => {
                write!(f, "the value of {code} for {period} replaces the one from {earlier}")?;
                if *same {
                    f.write_str(" (the same figure)")?;
                }
                Ok(())
            }
            MoreOfTheSame { count, like } => match **like {
                ValueReplaced { .. } => write!(
                    f,
                    "{count} more values replaced earlier ones; only the first {PROBLEMS_PER_KIND} are listed"
                ),
                _ => write!(
                    f,
                    "{count} more rows had the same problem ({}); only the first {PROBLEMS_PER_KIND} are listed",
                    like.label()
                ),
            },
        }
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
    seen: HashMap<Key, (usize, ProblemKind)>,
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
        let bytes = bincode::serialize(&p).unwrap();
        assert_eq!(bincode::deserialize::<Problem>(&bytes).unwrap(), p);
    }
}
