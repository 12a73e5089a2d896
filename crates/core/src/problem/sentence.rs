//! The sentence the user reads for each [`ProblemKind`].

use std::fmt;

use super::kind::ProblemKind;
use super::{human_size, PROBLEMS_PER_KIND};

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
