//! The report as CSV: one row per PI, every column of [`COLUMNS`](super::COLUMNS); then,
//! after an empty row, the actions with their comments, as the Actions sheet has them.

use crate::report::{ActionRow, Report};
use crate::value::Format;

use super::{headers, neutralise, Cell, ACTION_HEADERS, COLUMNS};

/// A number in plain digits (no thousands separators) at the PI's decimals, in the
/// unit it is shown in: 75 for 75%, 15.846 for £15.846m.
fn plain(format: &Format, x: f64) -> String {
    let scale = format.unit.scale();
    format!("{:.*}", format.decimals as usize, format.shown(x) / scale)
}

/// A cell as CSV text.
fn csv_text(cell: Cell, format: &Format) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => neutralise(&s),
        Cell::Figure(x) => plain(format, x),
        Cell::Whole(n) => n.to_string(),
        Cell::Status(s) => s.label().to_string(),
        Cell::Suppressed => crate::value::SUPPRESSED.to_string(),
        Cell::StatedStatus(s) => format!("{} (as stated)", s.label()),
    }
}

/// An action's cells, under [`ACTION_HEADERS`]: the due date in ISO order (every
/// spreadsheet reads it as a date), progress and what is expected by now as percentages.
fn action_cells(a: &ActionRow) -> [String; ACTION_HEADERS.len()] {
    [
        neutralise(&a.code),
        neutralise(&a.title),
        a.due.format("%Y-%m-%d").to_string(),
        format!("{:.0}%", a.progress),
        format!("{:.1}%", a.expected),
        a.status.label().to_string(),
        neutralise(&a.note),
    ]
}

/// A record as wide as the PI table: every row has the same number of fields, so a
/// strict reader reads the whole file.
fn padded<I: IntoIterator<Item = String>>(cells: I, width: usize) -> Vec<String> {
    let mut v: Vec<String> = cells.into_iter().collect();
    v.resize(v.len().max(width), String::new());
    v
}

/// The report as CSV (UTF-8 with a BOM, so Excel reads `£` and `–` right): a header
/// row, then one row per PI at the report period, as the report given has it (make it
/// with [`crate::suppress::apply`] first for publication). When there are actions, an
/// empty row follows the PIs, then the actions' header row and one row per action with
/// its comment.
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        let width = COLUMNS.len();
        // Writing to a Vec cannot fail; a failure would only drop the row.
        let _ = w.write_record(headers());
        for row in report.groups.iter().flat_map(|g| &g.rows) {
            let _ = w.write_record(COLUMNS.iter().map(|c| csv_text((c.cell)(row), &row.format)));
        }
        if !report.actions.is_empty() {
            let _ = w.write_record(padded([], width));
            let _ = w.write_record(padded(ACTION_HEADERS.map(String::from), width));
            for a in &report.actions {
                let _ = w.write_record(padded(action_cells(a), width));
            }
        }
        let _ = w.flush();
    }
    out
}
