//! What went wrong: [`ProblemKind`], one variant per problem with the data its
//! sentence needs, the things a cell was expected to hold, and the sentences themselves.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::period::Period;

use super::{human_size, Level, PROBLEMS_PER_KIND};

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
    Review,
}

impl fmt::Display for DateOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOf::Start => "a start date",
            DateOf::Due => "a due date",
            DateOf::Review => "a review date",
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
    // Kinds added later stand last, so the ones before keep their place in postcard's
    // encoding (problems are kept in this browser with the data).
    /// A numerator over a denominator of 0: no value can be worked out.
    ZeroDenominator,
    /// A quote opened in a CSV row and never closed before the end of the file.
    UnclosedQuote {
        /// The file's last line, which the quote's cell runs to.
        last_line: usize,
    },
    /// A row with text beyond the last column a sheet can have.
    TooManyColumns {
        limit: usize,
    },
    /// A workbook cell reference past XFD1048576.
    CellBeyondSheet {
        reference: String,
    },
    /// More cells than a sheet (or the whole workbook) may hold.
    TooManyCells {
        limit: usize,
        in_sheet: bool,
    },
    /// More sheets than a workbook may have.
    TooManySheets {
        count: usize,
        limit: usize,
    },
    /// More text in a workbook's cells than it may hold.
    WorkbookTextTooLarge {
        limit_megabytes: usize,
    },
    /// A workbook's shared strings declare far more than they hold.
    SharedStringsOverDeclared {
        declared: u64,
        holds: u64,
    },
    /// A row of narrative text with no section title.
    NarrativeWithoutSection,
    /// A risk with neither a code nor a title.
    RiskWithoutKey,
    /// A risk's likelihood, impact, score or rating that cannot be read.
    NotARiskLevel {
        expected: RiskPart,
        found: String,
    },
}

/// What a risk register's cell was expected to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskPart {
    Likelihood,
    Impact,
    Score,
    Rating,
}

impl fmt::Display for RiskPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RiskPart::Likelihood => {
                "a likelihood from 1 to 5, or Rare, Unlikely, Possible, Likely or Almost certain"
            }
            RiskPart::Impact => {
                "an impact from 1 to 5, or Insignificant, Minor, Moderate, Major or Catastrophic"
            }
            RiskPart::Score => "a risk score such as 16",
            RiskPart::Rating => "a rating such as High, Medium or Low (or Red, Amber, Green)",
        })
    }
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
            | HeaderOnly
            | CellBeyondSheet { .. }
            | TooManyCells { .. }
            | TooManySheets { .. }
            | WorkbookTextTooLarge { .. }
            | SharedStringsOverDeclared { .. } => Level::Error,
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
            ZeroDenominator => "zero denominator",
            UnclosedQuote { .. } => "unclosed quote",
            TooManyColumns { .. } => "too many columns",
            ValueReplaced { .. } => "value replaced",
            MoreOfTheSame { like, .. } => like.label(),
            NarrativeWithoutSection => "narrative with no section",
            RiskWithoutKey => "risk with no code or title",
            NotARiskLevel { .. } => "bad risk rating",
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
            UnclosedQuote { last_line } => write!(
                f,
                "a quote (\") opened in this row is never closed, so the row runs on to the file's last line ({last_line}) as one cell; close the quote, or remove it"
            ),
            TooManyColumns { limit } => write!(
                f,
                "this row has text beyond column {}, the last a sheet can have; the row was left out",
                crate::value::group_thousands(*limit as f64, 0)
            ),
            CellBeyondSheet { reference } => write!(
                f,
                "the sheet has a cell reference '{reference}', beyond XFD1048576, the last cell a sheet can have; the workbook is damaged and was refused"
            ),
            TooManyCells { limit, in_sheet } => write!(
                f,
                "the {} holds more than {} cells, more than Scorecard reads; it was refused",
                if *in_sheet { "sheet" } else { "workbook" },
                crate::value::group_thousands(*limit as f64, 0)
            ),
            TooManySheets { count, limit } => write!(
                f,
                "the workbook has {} sheets; Scorecard reads workbooks of up to {} sheets",
                crate::value::group_thousands(*count as f64, 0),
                crate::value::group_thousands(*limit as f64, 0)
            ),
            WorkbookTextTooLarge { limit_megabytes } => write!(
                f,
                "the workbook's cells hold more than {limit_megabytes} MB of text (a text repeated in many cells counts each time); it was refused to protect the page"
            ),
            SharedStringsOverDeclared { declared, holds } => write!(
                f,
                "the workbook's table of shared texts says it has {} but holds {}: the workbook is damaged and was refused before room was set aside for them",
                crate::value::group_thousands(*declared as f64, 0),
                crate::value::group_thousands(*holds as f64, 0)
            ),
            ZeroDenominator => f.write_str(
                "the denominator is 0, so no value can be worked out from the numerator; the period shows Data Not Yet Available",
            ),
            ValueReplaced { code, period, earlier, same } => {
                write!(f, "the value of {code} for {period} replaces the one from {earlier}")?;
                if *same {
                    f.write_str(" (the same figure)")?;
                }
                Ok(())
            }
            RiskWithoutKey => {
                f.write_str("the risk has neither a code nor a title; it was left out")
            }
            NotARiskLevel { expected, found } => write!(f, "expected {expected}, found '{found}'"),
            NarrativeWithoutSection => f.write_str(
                "this row has narrative text but no section title to put it under; it was left out",
            ),
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
