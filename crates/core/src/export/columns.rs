//! The one column list of the exports: each column's header, its cell for a row, and
//! how the workbook lays it out.

use crate::report::{Row, Shown};
use crate::status::Status;
use crate::trend::TrendResult;

/// What a column holds for one row, before it is written as CSV text or a workbook cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Text from the file or made from it: neutralised where a spreadsheet could run it.
    Text(String),
    /// A figure in the PI's format: plain digits in the CSV, a formatted number in the
    /// workbook.
    Figure(f64),
    /// A whole number that is not a figure of the PI (a rank).
    Whole(u32),
    /// A status: its words in the CSV, symbol and words in its colours in the workbook.
    Status(Status),
    /// A figure withheld by small-number suppression: `c` in both.
    Suppressed,
    /// A status the file states, used as it stands (no polarity was given): as
    /// [`Cell::Status`], followed by "(as stated)".
    StatedStatus(Status),
}

/// One column of the exports: its header, its cell for a row, and how the workbook
/// lays it out. [`COLUMNS`] drives both the CSV and the workbook's group sheets.
pub struct Column {
    pub header: &'static str,
    /// The column's cell for a row.
    pub cell: fn(&Row) -> Cell,
    /// Whether the workbook's group sheets have it too (they leave out the group, which
    /// is the sheet, and the value as text and unit, which its number format shows).
    pub in_workbook: bool,
    /// The column's width in the workbook, in characters; wide columns wrap their text.
    pub width: f64,
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn optional_text(s: Option<impl AsRef<str>>) -> Cell {
    s.map_or(Cell::Empty, |s| text(s.as_ref()))
}

fn trend(t: &Option<TrendResult>) -> Cell {
    optional_text(t.as_ref().map(|t| t.trend.label()))
}

/// Every column of the exports, in the CSV's order.
pub const COLUMNS: &[Column] = &[
    Column {
        header: "Group",
        cell: |r| text(&r.group),
        in_workbook: false,
        width: 24.0,
    },
    Column {
        header: "Code",
        cell: |r| text(&r.code),
        in_workbook: true,
        width: 12.0,
    },
    Column {
        header: "Indicator",
        cell: |r| text(&r.title),
        in_workbook: true,
        width: 48.0,
    },
    Column {
        header: "Period",
        cell: |r| Cell::Text(r.period.to_string()),
        in_workbook: true,
        width: 12.0,
    },
    Column {
        header: "Value",
        cell: |r| match (r.value, &r.value_shown) {
            (Some(v), _) => Cell::Figure(v),
            (None, Shown::Suppressed) => Cell::Suppressed,
            (None, _) => Cell::Empty,
        },
        in_workbook: true,
        width: 12.0,
    },
    Column {
        header: "Value shown",
        cell: |r| match &r.value_shown {
            Shown::Value(s) => text(s),
            Shown::Suppressed => Cell::Suppressed,
            Shown::Missing => Cell::Empty,
        },
        in_workbook: false,
        width: 12.0,
    },
    Column {
        header: "Unit",
        cell: |r| text(&r.format.unit.to_string()),
        in_workbook: false,
        width: 8.0,
    },
    Column {
        header: "Target",
        cell: |r| r.target.map_or(Cell::Empty, |t| Cell::Figure(t.value)),
        in_workbook: true,
        width: 10.0,
    },
    Column {
        header: "Status",
        cell: |r| {
            if r.status_stated {
                Cell::StatedStatus(r.status)
            } else {
                Cell::Status(r.status)
            }
        },
        in_workbook: true,
        width: 24.0,
    },
    Column {
        header: "Reason",
        cell: |r| text(&r.reason),
        in_workbook: true,
        width: 48.0,
    },
    Column {
        header: "Short trend",
        cell: |r| trend(&r.short_trend),
        in_workbook: true,
        width: 14.0,
    },
    Column {
        header: "Long trend",
        cell: |r| trend(&r.long_trend),
        in_workbook: true,
        width: 14.0,
    },
    Column {
        header: "Change",
        cell: |r| optional_text(r.change_sentence()),
        in_workbook: true,
        width: 40.0,
    },
    Column {
        header: "Benchmark",
        cell: |r| r.benchmark.map_or(Cell::Empty, |(b, _)| Cell::Figure(b)),
        in_workbook: true,
        width: 12.0,
    },
    Column {
        header: "Against benchmark",
        cell: |r| optional_text(r.benchmark.map(|(_, c)| c.label())),
        in_workbook: true,
        width: 12.0,
    },
    Column {
        header: "Rank",
        cell: |r| r.rank.map_or(Cell::Empty, |k| Cell::Whole(k.rank)),
        in_workbook: true,
        width: 8.0,
    },
    Column {
        header: "Ranked",
        cell: |r| r.rank.map_or(Cell::Empty, |k| Cell::Whole(k.of)),
        in_workbook: true,
        width: 8.0,
    },
    Column {
        header: "Quartile",
        cell: |r| optional_text(r.rank.map(|k| k.quartile().label())),
        in_workbook: true,
        width: 16.0,
    },
    Column {
        header: "Note",
        cell: |r| text(&r.note),
        in_workbook: true,
        width: 40.0,
    },
    Column {
        header: "Status stated in file",
        cell: |r| r.stated_status.map_or(Cell::Empty, Cell::Status),
        in_workbook: true,
        width: 24.0,
    },
    Column {
        header: "Worked out as",
        cell: |r| optional_text(r.working.as_deref()),
        in_workbook: true,
        width: 40.0,
    },
    Column {
        header: "Data checks",
        cell: |r| {
            let checks: Vec<String> = r.checks.iter().map(|c| c.to_string()).collect();
            text(&checks.join(" | "))
        },
        in_workbook: true,
        width: 48.0,
    },
    Column {
        header: "Feeder data",
        cell: |r| text(&feeder_text(r)),
        in_workbook: true,
        width: 48.0,
    },
];

/// A row's feeder items as the report prints them, and their check where they give the
/// value: "Number received (cumulative): 12,500 | Number paid within 30 days
/// (cumulative): 11,500 | 11,500 of 12,500 is 92%".
fn feeder_text(r: &Row) -> String {
    let mut parts: Vec<String> = r
        .feeder
        .iter()
        .map(|f| format!("{}: {}", f.label, f.value.written()))
        .collect();
    parts.extend(r.feeder_check.clone());
    parts.join(" | ")
}

/// The CSV's header row: every column's header, in order.
pub fn headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.header).collect()
}
