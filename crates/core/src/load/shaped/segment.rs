//! What each row of a sheet of report-shaped tables is: blank, a section heading, a
//! table's header, or a row of the table above it.

use crate::read::Row;
use crate::value::trim;

use super::header::is_header;

/// What a row is, before it is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Line<'t> {
    Blank,
    /// A row whose only non-empty cell is its first: the heading (the group) of the rows
    /// after it until the next heading. A title above a table is one too.
    Heading(&'t str),
    /// The first header row of a table: a code or title column and a period column.
    Header,
    /// A row of the table above, or text under no table.
    Body,
}

pub(super) fn line<'t>(row: &Row<'t>) -> Line<'t> {
    if row.is_blank() {
        return Line::Blank;
    }
    let first = row.get(0).map(trim).unwrap_or("");
    if !first.is_empty() && row.cells().skip(1).all(|c| trim(c).is_empty()) {
        return Line::Heading(first);
    }
    if is_header(row) {
        Line::Header
    } else {
        Line::Body
    }
}
