//! The report as CSV: one row per PI, every column of [`COLUMNS`](super::COLUMNS).

use crate::report::Report;
use crate::value::Format;

use super::{headers, neutralise, Cell, COLUMNS};

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

/// The report as CSV (UTF-8 with a BOM, so Excel reads `£` and `–` right): a header
/// row, then one row per PI at the report period, as the report given has it (make it
/// with [`crate::suppress::apply`] first for publication).
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would only drop the row.
        let _ = w.write_record(headers());
        for row in report.groups.iter().flat_map(|g| &g.rows) {
            let _ = w.write_record(COLUMNS.iter().map(|c| csv_text((c.cell)(row), &row.format)));
        }
        let _ = w.flush();
    }
    out
}
