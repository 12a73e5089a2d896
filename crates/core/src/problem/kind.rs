//! What went wrong: [`ProblemKind`], one variant per problem with the data its
//! sentence needs (the sentences are in `sentence`), how serious each is, and its label.

use serde::{Deserialize, Serialize};

use crate::period::Period;

use super::expected::{BinaryKind, Count, DateOf, Quantity, RiskPart};
use super::Level;

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
