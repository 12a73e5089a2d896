//! Tables Scorecard cannot place: each is named in a notice with what was found, and
//! described ([`Unplaced`]: its first rows, the row taken as its header) so the page can
//! offer it in the column mapping step. Nothing is passed over silently.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::problem::{quote, Position, Problem, ProblemKind, ProblemLog};
use crate::read::Table;

use super::columns::{classify_header, find_header};
use super::mapping::{signature, Role, HEADER_SEARCH_ROWS, MAPPED_COLUMNS};

/// How many rows of a table the mapping step shows.
pub const PREVIEW_ROWS: usize = 8;

/// How much of a cell the mapping step shows, in characters.
const PREVIEW_CELL_CHARS: usize = 60;

/// Where a table is: its file, sheet and first row. Two tables of one sheet (stacked
/// with their own headers) differ in their first row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TablePlace {
    pub file: String,
    pub sheet: Option<String>,
    /// The table's first row as the user counts it.
    pub first_row: usize,
}

/// One of a table's first rows, as the mapping step shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// The row as the user counts it.
    pub line: usize,
    /// Its cells, each cut to 60 characters, the first [`MAPPED_COLUMNS`].
    pub cells: Vec<String>,
    /// Its [`signature`], should the user take it as the header row.
    pub signature: String,
    /// The roles its cells name where they are headers Scorecard recognises, else
    /// [`Role::Ignore`]: the first choice offered for each column.
    pub suggested: Vec<Role>,
}

/// A table that was not read, as the mapping step offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    pub place: TablePlace,
    /// The table's first non-blank rows.
    pub rows: Vec<PreviewRow>,
    /// Which of `rows` looks like the header: the one recognised headers were found in,
    /// else the first with two cells or more.
    pub header: usize,
    /// How many columns the table has (only the first [`MAPPED_COLUMNS`] can be mapped).
    pub columns: usize,
    /// Why it was not read, worded (the page shows the sentence and needs no more).
    pub why: String,
}

impl Unplaced {
    /// `q2.xlsx › Sheet 2` for a sheet, `odd.csv` for a file, with the row a table
    /// stacked below another starts at.
    pub fn label(&self) -> String {
        let mut s = crate::problem::source_label(&self.place.file, self.place.sheet.as_deref());
        if self.place.first_row > 1 {
            s.push_str(&format!(", the table from row {}", self.place.first_row));
        }
        s
    }

    fn describe(table: &Table, why: ProblemKind) -> Unplaced {
        let found = find_header(table).map(|c| c.header_row);
        let mut header = None;
        let mut rows = Vec::new();
        let mut columns = 0;
        for (i, r) in table.rows().enumerate() {
            if rows.len() == PREVIEW_ROWS {
                break;
            }
            if r.is_blank() {
                continue;
            }
            let is_header = match found {
                Some(h) => h == i,
                None => header.is_none() && r.cells().filter(|c| !c.trim().is_empty()).count() >= 2,
            };
            if is_header {
                header = Some(rows.len());
            }
            columns = columns.max(r.len());
            rows.push(PreviewRow {
                line: r.line,
                cells: r
                    .cells()
                    .take(MAPPED_COLUMNS)
                    .map(|c| quote(c.trim(), PREVIEW_CELL_CHARS))
                    .collect(),
                signature: signature(r.cells()),
                suggested: r
                    .cells()
                    .take(MAPPED_COLUMNS)
                    .map(|c| classify_header(c).map_or(Role::Ignore, Role::of_col))
                    .collect(),
            });
        }
        Unplaced {
            place: TablePlace {
                file: table.file.clone(),
                sheet: table.sheet.clone(),
                first_row: table.row(0).map_or(1, |r| r.line),
            },
            rows,
            header: header.unwrap_or(0),
            columns,
            why: why.to_string(),
        }
    }
}

/// A table that was not read: a blank sheet of a workbook is named as empty; a table
/// whose headers cannot be placed is named with why and offered for column mapping; a
/// file with nothing in it at all is an error, as before.
pub(super) fn pass_over(
    ds: &mut Dataset,
    table: &Table,
    log: &mut ProblemLog,
    why: ProblemKind,
    one_of_many: bool,
) {
    let position: Position = table.position();
    match why {
        ProblemKind::NoRows if one_of_many => {
            log.push(Problem::new(position, ProblemKind::SheetEmpty));
        }
        ProblemKind::NoHeader { first_row } if !has_two_cells(table) => {
            // A cover page or a note is not a table to map.
            let kind = if one_of_many {
                ProblemKind::NoTable { first_row }
            } else {
                ProblemKind::NoHeader { first_row }
            };
            log.push(Problem::new(position, kind));
        }
        ProblemKind::NoHeader { .. } | ProblemKind::NoKeyColumn { .. } => {
            ds.unplaced.push(Unplaced::describe(table, why.clone()));
            log.push(Problem::new(
                position,
                ProblemKind::NotPlaced { why: Box::new(why) },
            ));
        }
        why => log.push(Problem::new(position, why)),
    }
}

/// Whether any of the first rows has two cells with text: a table rather than a title.
fn has_two_cells(table: &Table) -> bool {
    table
        .rows()
        .take(HEADER_SEARCH_ROWS)
        .any(|r| r.cells().filter(|c| !c.trim().is_empty()).nth(1).is_some())
}
