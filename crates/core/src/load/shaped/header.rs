//! The header of a report-shaped table: one or two rows. The first names the periods
//! and the fixed columns; the second (where there is one) says what each column under a
//! period holds (`Value`) and names the columns beside the last period that have no
//! period of their own (`Status`, `Note`, `Short Trend`, `Icon`).

use crate::period::Period;
use crate::read::Row;
use crate::value::trim;

use super::super::columns::{classify_header, squash, Col};

/// What a column of a report-shaped table holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Shaped {
    Code,
    Title,
    /// `Priority`: a group, or the PI's priority where a section heading gives the group.
    Priority,
    /// The value of a period.
    Value(Period),
    /// The target of a period (`Target` under it in the second row).
    Target(Period),
    /// The latest period's stated status.
    Status,
    /// The latest period's note.
    Note,
    /// `Annual Target 2018/19`; `None`: the latest period's financial year.
    AnnualTarget(Option<i32>),
    /// The latest period's benchmark.
    Benchmark,
    /// `Feeder Data`: the label of a figure behind the value.
    FeederLabel,
    /// `Value` beside `Feeder Data`: that figure.
    FeederValue,
    /// LGBF `External Comparison` free text: ranks and quartiles per year.
    Comparison,
    /// Shown by the report, not read: `Short Trend`, `Icon`...
    Ignored,
}

/// A report-shaped table's columns.
#[derive(Debug, Clone)]
pub(super) struct Header {
    pub(super) cols: Vec<Option<Shaped>>,
    /// Each column's name as messages quote it: the first row's text, else the second's.
    pub(super) names: Vec<String>,
    /// The table's latest period: `Status`, `Note` and `Benchmark` belong to it.
    pub(super) latest: Period,
    /// Whether the header has a second row (the table's rows start after it).
    pub(super) two_rows: bool,
}

impl Header {
    pub(super) fn has(&self, s: Shaped) -> bool {
        self.cols.contains(&Some(s))
    }
}

/// What a second header row's cell says, squashed; `None` where it is not a sub-header word.
fn sub_word(cell: &str) -> Option<Sub> {
    Some(match squash(cell).as_str() {
        "" => Sub::Blank,
        "value" | "values" | "actual" => Sub::Value,
        "target" => Sub::Target,
        "status" | "rag" => Sub::Status,
        "note" | "notes" | "comment" | "comments" | "commentary" => Sub::Note,
        "shorttrend" | "longtrend" | "trend" | "icon" | "statusicon" | "trendicon" => Sub::Ignored,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sub {
    Blank,
    Value,
    Target,
    Status,
    Note,
    Ignored,
}

/// Whether a row is a second header row: every cell a sub-header word, and `Value` once at least.
pub(super) fn is_sub_header(row: &Row) -> bool {
    let mut value = false;
    for c in row.cells() {
        match sub_word(c) {
            None => return false,
            Some(Sub::Value) => value = true,
            Some(_) => {}
        }
    }
    value
}

/// Whether a header names a column only report-shaped tables have.
pub(super) fn is_own_column(name: &str) -> bool {
    matches!(
        first_row_cell(name, None),
        Some(Shaped::FeederLabel | Shaped::Comparison)
    )
}

/// A first header row's cell: what it names.
fn first_row_cell(cell: &str, left: Option<Shaped>) -> Option<Shaped> {
    let key = squash(cell);
    match key.as_str() {
        "" => return None,
        "feederdata" | "feeder" | "feederdatalabel" => return Some(Shaped::FeederLabel),
        "externalcomparison" | "lgbfcomparison" | "comparison" | "lgbfrank" => {
            return Some(Shaped::Comparison)
        }
        "shorttrend" | "longtrend" | "trend" | "icon" => return Some(Shaped::Ignored),
        "value" if left == Some(Shaped::FeederLabel) => return Some(Shaped::FeederValue),
        _ => {}
    }
    Some(match classify_header(cell)? {
        Col::Code => Shaped::Code,
        Col::Title => Shaped::Title,
        Col::Group => Shaped::Priority,
        Col::ValueOf(p) => Shaped::Value(p),
        Col::TargetOf(p) => Shaped::Target(p),
        Col::AnnualTargetOf(fy) => Shaped::AnnualTarget(Some(fy)),
        Col::AnnualTarget => Shaped::AnnualTarget(None),
        Col::Benchmark => Shaped::Benchmark,
        Col::Status => Shaped::Status,
        Col::Note => Shaped::Note,
        _ => Shaped::Ignored,
    })
}

/// Whether a row is the first header row of a report-shaped table: a code or title
/// column and a period column at least.
pub(super) fn is_header(row: &Row) -> bool {
    let (mut key, mut period) = (false, false);
    let mut left = None;
    for c in row.cells() {
        let s = first_row_cell(c, left);
        match s {
            Some(Shaped::Code | Shaped::Title) => key = true,
            Some(Shaped::Value(_)) => period = true,
            _ => {}
        }
        left = s;
        if key && period {
            return true;
        }
    }
    false
}

/// Reads a header from its first row and its second, where there is one. A blank cell of
/// the first row belongs to the period on its left only where the second row says
/// `Value` (or `Target`) under it: merged cells come through this way.
pub(super) fn read_header(first: &Row, second: Option<&Row>) -> Option<Header> {
    let width = first.len().max(second.map_or(0, |r| r.len()));
    let mut cols: Vec<Option<Shaped>> = Vec::with_capacity(width);
    let mut names = Vec::with_capacity(width);
    let mut period: Option<Period> = None;
    // Where a period's column is, and whether the second row says `Value` under it.
    let mut value_at: Vec<(Period, usize, bool)> = Vec::new();
    for i in 0..width {
        let top = first.get(i).map(trim).unwrap_or("");
        let sub = second
            .and_then(|r| r.get(i))
            .and_then(sub_word)
            .unwrap_or(Sub::Blank);
        let left = cols.last().copied().flatten();
        let mut col = first_row_cell(top, left);
        match col {
            Some(Shaped::Value(p)) => {
                period = Some(p);
                match sub {
                    Sub::Target => col = Some(Shaped::Target(p)),
                    Sub::Status => col = Some(Shaped::Status),
                    Sub::Note => col = Some(Shaped::Note),
                    Sub::Ignored => col = Some(Shaped::Ignored),
                    Sub::Value | Sub::Blank => value_at.push((p, i, sub == Sub::Value)),
                }
            }
            Some(_) => period = None,
            None => {
                col = match sub {
                    Sub::Value => period.map(|p| {
                        // The period's own column says nothing under it: this is its value.
                        match value_at.iter_mut().find(|(q, _, _)| *q == p) {
                            Some((_, at, said)) if !*said => {
                                cols[*at] = Some(Shaped::Ignored);
                                *at = i;
                                *said = true;
                                Shaped::Value(p)
                            }
                            Some(_) => Shaped::Ignored,
                            None => {
                                value_at.push((p, i, true));
                                Shaped::Value(p)
                            }
                        }
                    }),
                    Sub::Target => period.map(Shaped::Target),
                    Sub::Status => Some(Shaped::Status),
                    Sub::Note => Some(Shaped::Note),
                    Sub::Ignored => Some(Shaped::Ignored),
                    Sub::Blank => None,
                };
            }
        }
        let name = if top.is_empty() {
            second.and_then(|r| r.get(i)).map(trim).unwrap_or("")
        } else {
            top
        };
        names.push(crate::problem::quote(
            name,
            crate::read::limits::COLUMN_NAME_CHARS,
        ));
        cols.push(col);
    }
    let latest = cols
        .iter()
        .filter_map(|c| match c {
            Some(Shaped::Value(p)) => Some(*p),
            _ => None,
        })
        .max()?;
    Some(Header {
        cols,
        names,
        latest,
        two_rows: second.is_some(),
    })
}
