//! XLSX workbooks: every sheet read into a [`Table`], numbers as Excel shows them
//! (percentage formats, date serials), after a check that the workbook does not inflate
//! far beyond its size.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use crate::problem::{Position, Problem, ProblemKind};

use super::limits::{MAX_CELL_CHARS, MAX_XLSX_INFLATED, MAX_XLSX_RATIO};
use super::{error, too_much_text, Table};

/// Reads every sheet of a workbook into a table of its own.
pub(super) fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Vec<Table>, Problem> {
    check_inflated_size(name, bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        let reason = e.to_string();
        error(name, ProblemKind::NotAWorkbook { reason })
    })?;
    let dates = DateSystem::of(&book);
    let mut tables = Vec::new();
    let sheets = book.sheet_names().to_owned();
    for sheet in sheets {
        let range = book.worksheet_range(&sheet).map_err(|e| {
            Problem::new(
                Position::sheet(name, Some(&sheet)),
                ProblemKind::SheetUnreadable {
                    reason: e.to_string(),
                },
            )
        })?;
        // Number formats say what Excel shows: 0.875 formatted `0.0%` is 87.5%.
        let styles = book.worksheet_style(&sheet).ok();
        let mut table = Table::new(name.to_string(), Some(sheet));
        read_sheet(&mut table, &range, styles.as_ref(), dates).map_err(|_| too_much_text(name))?;
        tables.push(table);
    }
    Ok(tables)
}

/// A sheet's cells into `table`, each as Excel shows it.
fn read_sheet(
    table: &mut Table,
    range: &Range<Data>,
    styles: Option<&calamine::StyleRange>,
    dates: DateSystem,
) -> Result<(), super::TableFull> {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    for (i, row) in range.rows().enumerate() {
        let r = first_row + i as u32;
        table.start_row(r as usize + 1);
        for _ in 0..first_col {
            table.push_cell("")?;
        }
        for (j, c) in row.iter().enumerate() {
            match c {
                Data::Empty => table.push_cell(""),
                Data::String(s) => match s.char_indices().nth(MAX_CELL_CHARS) {
                    Some((end, _)) => table.push_cell(&s[..end]),
                    None => table.push_cell(s),
                },
                Data::Float(f) => {
                    let format = styles
                        .and_then(|s| s.get((r, first_col + j as u32)))
                        .and_then(|s| s.number_format.as_ref())
                        .map(|n| n.format_code.as_str());
                    table.push_cell(&format_number(*f, format))
                }
                Data::Int(i) => table.push_cell(&i.to_string()),
                Data::Bool(b) => table.push_cell(if *b { "yes" } else { "no" }),
                Data::DateTime(d) => table.push_cell(&dates.serial_to_iso(d.as_f64())),
                Data::DateTimeIso(s) | Data::DurationIso(s) => table.push_cell(s),
                Data::Error(e) => table.push_cell(&format!("#{e:?}")),
            }?;
        }
    }
    Ok(())
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
        _ => format_float(f),
    }
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
        assert_eq!(format_number(0.875, Some("0.00")), "0.875");
        assert_eq!(format_number(0.5, Some("\"%\"0.0")), "0.5");
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
