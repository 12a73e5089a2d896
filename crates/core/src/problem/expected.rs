//! What a cell or a file was expected to hold, as the problems' sentences name it:
//! [`Quantity`], [`Count`], [`DateOf`], [`RiskPart`], and the [`BinaryKind`] given instead.

use std::fmt;

use serde::{Deserialize, Serialize};

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
