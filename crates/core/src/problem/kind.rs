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
    // A complaints case list's dates, and a local holiday's.
    Received,
    Closed,
    Escalation,
    EscalationClosed,
    Holiday,
    Review,
}

impl fmt::Display for DateOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOf::Start => "a start date",
            DateOf::Due => "a due date",
            DateOf::Received => "the date the complaint was received",
            DateOf::Closed => "the date the complaint was closed",
            DateOf::Escalation => "the date the complaint was escalated",
            DateOf::EscalationClosed => "the date the escalated complaint was closed",
            DateOf::Holiday => "a holiday's date",
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
    /// A sheet or table of a workbook that was not read, and why (a cover sheet, a chart's
    /// data, a table whose header is not recognised).
    SheetPassedOver {
        reason: Box<ProblemKind>,
    },
    /// A report-shaped table's LGBF comparison states a quartile that its rank does not
    /// give (rank r of n is in quartile ⌈4r/n⌉).
    QuartileDiffers {
        code: String,
        period: Period,
        rank: u32,
        of: u32,
        stated: crate::trend::Quartile,
        computed: crate::trend::Quartile,
    },
    /// An `External Comparison` cell with no rank Scorecard can read in it.
    UnreadableComparison {
        found: String,
    },
    /// Rows with text on a sheet of report-shaped tables that no table header stands
    /// above (notes between tables, a footer); they were passed over.
    RowsOutsideTables {
        count: usize,
    },
    /// A target profile that is neither pro rata nor flat.
    UnknownTargetProfile {
        found: String,
    },
    /// Population estimates with no year: no `Year` column, no `Mid-2021` title above
    /// the header, no year in the sheet's or the file's name.
    PopulationWithoutYear,
    /// A `Sex` cell that is not persons, males or females.
    UnknownSex {
        found: String,
    },
    /// A family-group row without its council or its group.
    FamilyRowIncomplete,
    /// A row of many areas' figures without its area.
    RowWithoutArea,
    /// Councils ranked on a PI whose polarity is not given: highest first.
    RankedHighestFirst {
        code: String,
    },
    /// A table whose headers could not be placed, and why: it is offered for column mapping.
    NotPlaced {
        why: Box<ProblemKind>,
    },
    /// A table read with the column mapping the user chose for its headers.
    ReadWithMapping {
        /// What it was read as ("indicator values (long layout)").
        kind: String,
    },
    /// A sheet of a workbook with nothing in it.
    SheetEmpty,
    /// A sheet of a workbook with text but no table: no row has two cells (a cover page).
    NoTable {
        first_row: String,
    },
    /// A complaints case list's date that reads month first (`12/25/2019`).
    NotAUkDate {
        expected: DateOf,
        found: String,
    },
    /// A complaint's stage that is not one of the procedure's.
    UnknownStage {
        found: String,
    },
    /// A complaint's outcome that is not one of the procedure's.
    UnknownOutcome {
        found: String,
    },
    /// A complaint answered before it was received: it counts as received, not closed.
    ClosedBeforeReceived {
        reference: String,
        received: String,
        closed: String,
    },
    /// A case list row with no date received: it cannot be placed in a period.
    ComplaintWithoutReceivedDate,
    /// A row marked escalated with no escalation date.
    EscalatedWithoutDate {
        reference: String,
    },
    /// A complaint closed with no outcome: it counts as closed, under no outcome.
    ClosedWithoutOutcome {
        reference: String,
    },
    /// The same complaint at the same stage twice in a case list.
    DuplicateCase {
        reference: String,
        stage: String,
        earlier: String,
    },
    /// A value worked out from a case list replaces one a file states.
    WorkedOutReplaces {
        code: String,
        period: Period,
        computed: String,
        stated: String,
        earlier: String,
    },
    /// A row of a holiday list with no date.
    HolidayWithoutDate,
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
            ValueReplaced { .. } | SheetPassedOver { .. } | RowsOutsideTables { .. } => Level::Info,
            RankedHighestFirst { .. } => Level::Info,
            ReadWithMapping { .. } | SheetEmpty | NoTable { .. } => Level::Info,
            DuplicateCase { .. } | WorkedOutReplaces { .. } => Level::Info,
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
            UnknownTargetProfile { .. } => "unknown target profile",
            ZeroDenominator => "zero denominator",
            UnclosedQuote { .. } => "unclosed quote",
            PopulationWithoutYear => "no year",
            UnknownSex { .. } => "unknown sex",
            FamilyRowIncomplete => "incomplete family-group row",
            RowWithoutArea => "no area",
            RankedHighestFirst { .. } => "ranked highest first",
            TooManyColumns { .. } => "too many columns",
            ValueReplaced { .. } => "value replaced",
            NotPlaced { .. } => "table not read",
            ReadWithMapping { .. } => "read with your column mapping",
            SheetEmpty => "empty sheet",
            NoTable { .. } => "no table",
            NotAUkDate { .. } => "date not in UK order",
            UnknownStage { .. } => "unknown stage",
            UnknownOutcome { .. } => "unknown outcome",
            ClosedBeforeReceived { .. } => "closed before received",
            ComplaintWithoutReceivedDate => "no date received",
            EscalatedWithoutDate { .. } => "escalated with no date",
            ClosedWithoutOutcome { .. } => "closed with no outcome",
            DuplicateCase { .. } => "complaint listed twice",
            WorkedOutReplaces { .. } => "stated value replaced by the case list's",
            HolidayWithoutDate => "holiday with no date",
            MoreOfTheSame { like, .. } => like.label(),
            SheetPassedOver { .. } => "sheet passed over",
            QuartileDiffers { .. } => "quartile differs from rank",
            UnreadableComparison { .. } => "unreadable comparison",
            RowsOutsideTables { .. } => "rows outside tables",
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
            UnknownTargetProfile { found } => write!(
                f,
                "expected a target profile, pro rata (the annual target shared over the year) or flat (the annual target every period), found '{found}'"
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
            PopulationWithoutYear => f.write_str(
                "the population estimates say no year: add a Year column, or a title such as 'Mid-2021 population estimates' above the header; the table was left out",
            ),
            UnknownSex { found } => write!(
                f,
                "expected Persons (or All), Males or Females, found '{found}'; the row was left out"
            ),
            FamilyRowIncomplete => f.write_str(
                "the row needs both a council and its family group; it was left out",
            ),
            RowWithoutArea => f.write_str(
                "this row names no council or area; it was left out",
            ),
            RankedHighestFirst { code } => write!(
                f,
                "the councils are ranked on {code} with the highest value first, because no polarity is given for it; add a polarity column (up or down) or a definitions file to rank the other way"
            ),
            ZeroDenominator => f.write_str(
                "the denominator is 0, so no value can be worked out from the numerator; the period shows Data Not Yet Available",
            ),
            NotPlaced { why } => write!(
                f,
                "{why}. The table was not read: choose what each column holds in the column mapping below to read it"
            ),
            ReadWithMapping { kind } => write!(
                f,
                "read as {kind} with the column mapping you chose for these headers (forget it under Column mappings to be asked again)"
            ),
            SheetEmpty => f.write_str("the sheet is empty; there was nothing to read"),
            NoTable { first_row } => write!(
                f,
                "the sheet has no table (no row has two cells or more), so there was nothing to read; it reads '{first_row}'"
            ),
            ValueReplaced { code, period, earlier, same } => {
                write!(f, "the value of {code} for {period} replaces the one from {earlier}")?;
                if *same {
                    f.write_str(" (the same figure)")?;
                }
                Ok(())
            }
            NotAUkDate { expected, found } => write!(
                f,
                "expected {expected} in UK order, day first, such as 25/12/2019, found '{found}', which looks written month first (US order); the date was left out"
            ),
            UnknownStage { found } => write!(
                f,
                "expected a stage such as 1, 2, Stage 1, Frontline, Investigation or Escalated, found '{found}'; the row was left out"
            ),
            UnknownOutcome { found } => write!(
                f,
                "expected an outcome: upheld, partially upheld, not upheld or resolved, found '{found}'"
            ),
            ClosedBeforeReceived { reference, received, closed } => write!(
                f,
                "complaint {} was closed ({closed}) before it was received ({received}); it counts as received and still open",
                or_unnamed(reference)
            ),
            ComplaintWithoutReceivedDate => f.write_str(
                "this complaint has no date received, so it cannot be placed in a quarter; it was left out",
            ),
            EscalatedWithoutDate { reference } => write!(
                f,
                "complaint {} is marked escalated but has no escalation date; its escalation was left out",
                or_unnamed(reference)
            ),
            ClosedWithoutOutcome { reference } => write!(
                f,
                "complaint {} is closed but has no outcome; it counts as closed, under no outcome",
                or_unnamed(reference)
            ),
            DuplicateCase { reference, stage, earlier } => write!(
                f,
                "complaint {reference} is listed again at {stage}; this row replaces the one at {earlier}"
            ),
            WorkedOutReplaces { code, period, computed, stated, earlier } => write!(
                f,
                "{code} for {period} is worked out from the case list as {computed}; it replaces {stated} from {earlier}"
            ),
            HolidayWithoutDate => {
                f.write_str("this holiday has no date; it was left out")
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
            SheetPassedOver { reason } => write!(f, "this sheet was passed over: {reason}"),
            QuartileDiffers { code, period, rank, of, stated, computed } => write!(
                f,
                "{code} for {period}: rank {rank} of {of} is in the {computed} (⌈4 × {rank} ÷ {of}⌉ = {}), but the file says {stated}; the rank's quartile is shown",
                computed.number()
            ),
            UnreadableComparison { found } => write!(
                f,
                "expected ranks such as '22/23 Rank 12 (Second Quartile)', found '{found}'"
            ),
            RowsOutsideTables { count } => {
                if *count == 1 {
                    f.write_str("1 row with text stands above or between the tables under no table header and was passed over")
                } else {
                    write!(f, "{count} rows with text stand above or between the tables under no table header and were passed over")
                }
            }
        }
    }
}

/// A complaint's reference in a sentence, or words for one without.
fn or_unnamed(reference: &str) -> String {
    if reference.is_empty() {
        "(no reference)".to_string()
    } else {
        reference.to_string()
    }
}
