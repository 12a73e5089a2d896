//! XLSX workbooks: every sheet read into a [`Table`], numbers as Excel shows them
//! (percentage formats, date serials), after a check that the workbook does not inflate
//! far beyond its size (`xlsx_parts`). Cells are read one at a time (a shared string is
//! borrowed, not copied into each cell), empty cells make nothing, and columns no cell
//! uses are not made at all (a sheet whose only cells sit in column XFD is one column).

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use crate::problem::{Position, Problem, ProblemKind};

use super::limits::{
    MAX_CELLS_PER_FILE, MAX_CELLS_PER_SHEET, MAX_CELL_CHARS, MAX_COLUMNS, MAX_SHEETS,
    MAX_WORKBOOK_TEXT_BYTES, MAX_XLSX_INFLATED, MAX_XLSX_RATIO,
};
use super::xlsx_parts::inspect;
use super::{error, Table};

/// Reads every sheet of a workbook into a table of its own.
pub(super) fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Vec<Table>, Problem> {
    check_inflated_size(name, bytes)?;
    inspect(name, bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        let reason = e.to_string();
        error(name, ProblemKind::NotAWorkbook { reason })
    })?;
    let dates = DateSystem::of(&book);
    let sheets = book.sheet_names().to_owned();
    if sheets.len() > MAX_SHEETS {
        return Err(error(
            name,
            ProblemKind::TooManySheets {
                count: sheets.len(),
                limit: MAX_SHEETS,
            },
        ));
    }
    let mut budget = Budget::default();
    let mut tables = Vec::new();
    for sheet in sheets {
        let at = Position::sheet(name, Some(&sheet));
        let unreadable = |e: calamine::XlsxError| {
            let reason = e.to_string();
            Problem::new(at.clone(), ProblemKind::SheetUnreadable { reason })
        };
        let mut cells = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
        let mut sparse = Sparse::default();
        while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(unreadable)? {
            let (row, col) = cell.get_position();
            let text = match cell.get_value() {
                // Number formats say what Excel shows: 0.875 formatted `0.0%` is 87.5%.
                DataRef::Float(f) => {
                    let format = cells
                        .styles()
                        .get(style)
                        .and_then(|s| s.number_format.as_ref())
                        .map(|n| n.format_code.as_str());
                    Cow::Owned(format_number(*f, format))
                }
                other => cell_text(other, dates),
            };
            sparse
                .push(row, col, &text, &mut budget)
                .map_err(|kind| Problem::new(at.clone(), kind))?;
        }
        let table = sparse
            .into_table(name.to_string(), sheet, &mut budget)
            .map_err(|kind| Problem::new(at.clone(), kind))?;
        tables.push(table);
    }
    Ok(tables)
}

/// A cell's text as Excel shows it (a number without a format as General).
fn cell_text<'a>(value: &DataRef<'a>, dates: DateSystem) -> Cow<'a, str> {
    match value {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Cow::Owned(s.clone())
        }
        DataRef::Float(f) => Cow::Owned(format_float(*f)),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Bool(b) => Cow::Borrowed(if *b { "yes" } else { "no" }),
        DataRef::DateTime(d) => Cow::Owned(dates.serial_to_iso(d.as_f64())),
        DataRef::Error(e) => Cow::Owned(format!("#{e:?}")),
    }
}

/// What the workbook's sheets have taken so far, against the per-file limits.
#[derive(Debug, Default)]
struct Budget {
    text: usize,
    cells: usize,
}

/// A sheet's non-empty cells as read, before the table is laid out: their text end to
/// end, each cell's column and end, each row's number and first cell.
#[derive(Debug, Default)]
struct Sparse {
    text: String,
    cells: Vec<(u32, u32)>,
    rows: Vec<(u32, u32)>,
    /// Which columns hold a cell.
    used: Vec<bool>,
}

impl Sparse {
    /// Adds a cell (0-based row and column); an empty one makes nothing.
    fn push(
        &mut self,
        row: u32,
        col: u32,
        text: &str,
        budget: &mut Budget,
    ) -> Result<(), ProblemKind> {
        if text.is_empty() {
            return Ok(());
        }
        let col_index = col as usize;
        if col_index >= MAX_COLUMNS {
            // `xlsx_parts` refused references past XFD; this is a cell with none, after one.
            return Err(ProblemKind::CellBeyondSheet {
                reference: format!("column {}", col_index + 1),
            });
        }
        let line = row.saturating_add(1);
        let new_row = self.rows.last().is_none_or(|&(l, _)| l != line);
        if !new_row {
            // A cell at or before the last one of its row (never written by Excel) is
            // not read over it.
            let last = self.cells.last().map_or(0, |&(c, _)| c);
            if col <= last {
                return Ok(());
            }
        }
        budget.text += text.len();
        if budget.text > MAX_WORKBOOK_TEXT_BYTES {
            return Err(ProblemKind::WorkbookTextTooLarge {
                limit_megabytes: MAX_WORKBOOK_TEXT_BYTES / 1_000_000,
            });
        }
        // No more bytes than characters: most cells need no count.
        let text = match text.len() > MAX_CELL_CHARS {
            true => text
                .char_indices()
                .nth(MAX_CELL_CHARS)
                .map_or(text, |(end, _)| &text[..end]),
            false => text,
        };
        if new_row {
            self.rows.push((line, self.cells.len() as u32));
        }
        self.text.push_str(text);
        self.cells.push((col, self.text.len() as u32));
        if self.used.len() <= col_index {
            self.used.resize(col_index + 1, false);
        }
        self.used[col_index] = true;
        Ok(())
    }

    /// The table, its columns those some cell uses, in order: a row's cells up to its
    /// last are made, empty where it has none. The cells are counted before any is made.
    fn into_table(
        self,
        file: String,
        sheet: String,
        budget: &mut Budget,
    ) -> Result<Table, ProblemKind> {
        let mut dense = vec![0u32; self.used.len()];
        let mut n = 0;
        for (c, used) in self.used.iter().enumerate() {
            dense[c] = n;
            n += u32::from(*used);
        }
        let row_end = |i: usize| {
            self.rows
                .get(i + 1)
                .map_or(self.cells.len(), |r| r.1 as usize)
        };
        let mut made: usize = 0;
        for i in 0..self.rows.len() {
            let last = self.cells[row_end(i) - 1].0;
            made += dense[last as usize] as usize + 1;
        }
        if made > MAX_CELLS_PER_SHEET {
            return Err(ProblemKind::TooManyCells {
                limit: MAX_CELLS_PER_SHEET,
                in_sheet: true,
            });
        }
        budget.cells += made;
        if budget.cells > MAX_CELLS_PER_FILE {
            return Err(ProblemKind::TooManyCells {
                limit: MAX_CELLS_PER_FILE,
                in_sheet: false,
            });
        }
        let mut bounds = Vec::with_capacity(made + 1);
        bounds.push(0u32);
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut end = 0u32;
        for (i, &(line, first)) in self.rows.iter().enumerate() {
            rows.push((line, (bounds.len() - 1) as u32));
            let mut next = 0;
            for &(c, cell_end) in &self.cells[first as usize..row_end(i)] {
                let d = dense[c as usize];
                while next < d {
                    bounds.push(end);
                    next += 1;
                }
                bounds.push(cell_end);
                end = cell_end;
                next += 1;
            }
        }
        Ok(Table::from_parts(
            file,
            Some(sheet),
            self.text,
            bounds,
            rows,
        ))
    }
}

/// Refuses a workbook whose parts would inflate far beyond its size, before inflating any.
fn check_inflated_size(name: &str, bytes: &[u8]) -> Result<(), Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        let reason = e.to_string();
        error(name, ProblemKind::ZipDamaged { reason })
    })?;
    let mut total: u64 = 0;
    for part in 0..archive.len() {
        let entry = archive.by_index_raw(part).map_err(|e| {
            let reason = e.to_string();
            error(name, ProblemKind::WorkbookPartUnreadable { part, reason })
        })?;
        total = total.saturating_add(entry.size());
    }
    let compressed = bytes.len() as u64;
    if total > MAX_XLSX_INFLATED
        || (total > 50_000_000 && total / compressed.max(1) > MAX_XLSX_RATIO)
    {
        return Err(error(
            name,
            ProblemKind::ZipBomb {
                compressed,
                inflated: total,
            },
        ));
    }
    Ok(())
}

/// A number cell as Excel shows it: a percentage format gives `87.5%` (with the
/// format's decimals), and anything else the General format.
fn format_number(f: f64, format: Option<&str>) -> String {
    match format {
        Some(code) if is_percent_format(code) => {
            // Capped before formatting: a format may ask for 70,000 decimals, which
            // `format!` refuses (it panics), and an f64 holds no more than 15 digits anyway.
            let decimals = code
                .split_once('.')
                .map_or(0, |(_, rest)| {
                    rest.chars().take_while(|c| *c == '0').count()
                })
                .min(MAX_SHOWN_DECIMALS);
            let shown = crate::value::round_shown(f * 100.0, decimals as u8);
            format!("{shown:.decimals$}%")
        }
        Some(code) if is_pounds_format(code) => {
            // `"£"#,##0.00` and `[$£-809]#,##0.00`: money as Excel shows it, `£1,832.42`.
            let first = code.split(';').next().unwrap_or("");
            let decimals = format_decimals(first);
            let body = crate::value::group_thousands(f.abs(), decimals as u8);
            let sign = if f < 0.0 && body.chars().any(|c| matches!(c, '1'..='9')) {
                "-"
            } else {
                ""
            };
            format!("{sign}£{body}")
        }
        Some(code) if is_fixed_format(code) => {
            // `0.00`, `#,##0`: the decimals the format shows (`11.20`), with thousands.
            let first = code.split(';').next().unwrap_or("");
            let decimals = format_decimals(first) as u8;
            if first.contains(',') {
                crate::value::group_thousands(f, decimals)
            } else {
                let shown = crate::value::round_shown(f, decimals);
                format!("{shown:.0$}", decimals as usize)
            }
        }
        _ => format_float(f),
    }
}

/// The decimals a number format's first section shows: the zeros after its point.
fn format_decimals(code: &str) -> usize {
    code.split_once('.')
        .map_or(0, |(_, rest)| {
            rest.chars().take_while(|c| *c == '0').count()
        })
        .min(MAX_SHOWN_DECIMALS)
}

/// A number format of digits alone (`0.00`, `#,##0`, `#,##0.0`): fixed decimals.
fn is_fixed_format(code: &str) -> bool {
    let first = code.split(';').next().unwrap_or("");
    first.contains('0') && first.chars().all(|c| matches!(c, '#' | '0' | ',' | '.'))
}

/// A `£` in the first section of a number format (quoted, or as `[$£-809]`).
fn is_pounds_format(code: &str) -> bool {
    code.split(';').next().unwrap_or("").contains('£')
}

/// A `%` outside quoted text in the first section of a number format.
fn is_percent_format(code: &str) -> bool {
    let first = code.split(';').next().unwrap_or("");
    let mut quoted = false;
    let mut escaped = false;
    for c in first.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// Excel numbers as Excel shows them in General format: no `.0` on whole numbers.
fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        let s = format!("{f}");
        // Binary noise (0.30000000000000004) is cut at 15 significant digits as Excel does.
        match format!("{f:.15e}").parse::<f64>() {
            Ok(g) if s.len() > 17 => format!("{}", crate::value::round_shown(g, 12)),
            _ => s,
        }
    }
}

/// The most decimals a number format is shown with: a percentage shows two digits
/// before the point, and an f64 holds about 15 digits, so more would show binary noise.
const MAX_SHOWN_DECIMALS: usize = 10;

/// The largest date serial Excel shows as a date: 31 Dec 9999 (in the 1900 system).
const LAST_SERIAL: f64 = 2_958_465.0;

/// The day a workbook counts its date serials from: 1900 (Windows Excel) or 1904 (old
/// Mac Excel, `<workbookPr date1904="1"/>`), where serial 0 is 1 Jan 1904.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateSystem {
    From1900,
    From1904,
}

impl DateSystem {
    fn of<R: std::io::Read + std::io::Seek>(book: &Xlsx<R>) -> DateSystem {
        if book.has_1904_epoch() {
            DateSystem::From1904
        } else {
            DateSystem::From1900
        }
    }

    /// An Excel date serial as an ISO date. A serial outside the dates Excel can show
    /// (before 1900 or after 9999) is given as the number it is, so the column's reader
    /// says it is not a date, naming the cell.
    fn serial_to_iso(self, serial: f64) -> String {
        let (y, m, d) = match self {
            DateSystem::From1900 => (1899, 12, 30),
            DateSystem::From1904 => (1904, 1, 1),
        };
        let date = (0.0..=LAST_SERIAL)
            .contains(&serial)
            .then(|| chrono::TimeDelta::try_days(serial.floor() as i64))
            .flatten()
            .and_then(|days| chrono::NaiveDate::from_ymd_opt(y, m, d)?.checked_add_signed(days));
        match date {
            Some(d) => d.format("%Y-%m-%d").to_string(),
            None => format_float(serial),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentage_formats_read_as_excel_shows_them() {
        assert_eq!(format_number(0.875, Some("0.0%")), "87.5%");
        assert_eq!(format_number(0.875, Some("0%")), "88%");
        assert_eq!(format_number(0.875, Some("0.00")), "0.88");
        assert_eq!(format_number(11.2, Some("0.00")), "11.20");
        assert_eq!(format_number(5460.0, Some("#,##0")), "5,460");
        assert_eq!(format_number(0.875, Some("0.00E+00")), "0.875");
        assert_eq!(format_number(0.5, Some("\"%\"0.0")), "0.5");
        assert_eq!(format_number(0.9, Some("0%")), "90%");
        assert_eq!(format_number(0.7037, Some("0.00%")), "70.37%");
        assert_eq!(format_number(1832.42, Some("\"£\"#,##0.00")), "£1,832.42");
        assert_eq!(format_number(9812.0, Some("[$£-809]#,##0.00")), "£9,812.00");
        assert_eq!(format_number(-5.5, Some("\"£\"#,##0")), "-£6");
    }

    #[test]
    fn a_sheet_whose_only_cells_sit_in_column_xfd_is_one_column() {
        let mut sparse = Sparse::default();
        let mut budget = Budget::default();
        for row in 0..10_000 {
            sparse.push(row, 16_383, "7", &mut budget).unwrap();
        }
        let table = sparse
            .into_table("far.xlsx".into(), "Far right".into(), &mut budget)
            .unwrap();
        assert_eq!(table.len(), 10_000);
        assert!(table.rows().all(|r| r.len() == 1 && r.get(0) == Some("7")));
        assert_eq!(budget.cells, 10_000);
    }

    #[test]
    fn empty_cells_make_nothing_and_gaps_between_cells_keep_their_columns() {
        let mut sparse = Sparse::default();
        let mut budget = Budget::default();
        for (row, col, text) in [
            (0, 2, "Code"),
            (0, 5, "Value"),
            (1, 2, "A"),
            (1, 3, ""),
            (1, 5, "5"),
        ] {
            sparse.push(row, col, text, &mut budget).unwrap();
        }
        let table = sparse
            .into_table("f.xlsx".into(), "S".into(), &mut budget)
            .unwrap();
        let rows: Vec<Vec<&str>> = table.rows().map(|r| r.cells().collect()).collect();
        assert_eq!(rows, [vec!["Code", "Value"], vec!["A", "5"]]);
    }

    #[test]
    fn one_long_string_in_many_cells_passes_the_workbook_text_limit() {
        let mut sparse = Sparse::default();
        let mut budget = Budget::default();
        let long = "x".repeat(99_000);
        let refused = (0..50_000).find_map(|row| sparse.push(row, 0, &long, &mut budget).err());
        assert!(matches!(
            refused,
            Some(ProblemKind::WorkbookTextTooLarge { .. })
        ));
        assert!(sparse.text.len() <= MAX_WORKBOOK_TEXT_BYTES);
    }

    #[test]
    fn a_format_with_seventy_thousand_decimals_is_shown_with_ten() {
        let code = format!("0.{}%", "0".repeat(70_000));
        assert_eq!(format_number(0.875, Some(&code)), "87.5000000000%");
    }

    #[test]
    fn a_date_serial_far_out_of_range_is_kept_as_its_number() {
        let dates = DateSystem::From1900;
        assert_eq!(
            dates.serial_to_iso(200_000_000_000_000.0),
            "200000000000000"
        );
        assert_eq!(dates.serial_to_iso(-5.0), "-5");
        assert_eq!(dates.serial_to_iso(f64::NAN), "NaN");
        assert_eq!(dates.serial_to_iso(43555.0), "2019-03-31");
    }

    #[test]
    fn a_workbook_on_the_1904_date_system_reads_its_dates_as_excel_shows_them() {
        assert_eq!(DateSystem::From1904.serial_to_iso(42_093.0), "2019-03-31");
    }

    #[test]
    fn excel_floats_read_as_excel_shows_them() {
        assert_eq!(format_float(1309.0), "1309");
        assert_eq!(format_float(0.1 + 0.2), "0.3");
        assert_eq!(format_float(18.33), "18.33");
    }
}
