//! The report as an XLSX workbook: a summary sheet with the key, a sheet per group and
//! the actions.

use crate::report::Report;
use crate::status::Status;
use crate::value::{Format, Unit};

use super::sheet_name::sheet_name;
use super::{book, Cell, Column, ExportError, COLUMNS, GROUP_HEAD_ROWS, SHEET_ROWS};

/// The report as an XLSX workbook: a summary sheet with the key, then a sheet per
/// group with the columns of [`COLUMNS`] that are `in_workbook`, then the actions.
/// Numbers are stored as numbers with their formats; statuses are labelled and
/// coloured; all text is stored as text, never as a formula, and formula-like text still
/// gets its apostrophe so that copying the cell elsewhere stays safe. A text too long for
/// a cell is cut with a note; a cell that still cannot be written is left empty (the
/// summary sheet says how many were) rather than failing the workbook.
pub fn xlsx(report: &Report) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::Workbook;

    if let Some(g) = report
        .groups
        .iter()
        .find(|g| g.rows.len() > SHEET_ROWS - GROUP_HEAD_ROWS)
    {
        return Err(ExportError::TooManyRows {
            group: g.name.clone(),
            rows: g.rows.len(),
        });
    }
    let mut book = Workbook::new();
    let styles = book::Styles::new();
    let mut skipped = 0;
    // Lower-case names taken; "History" is reserved by Excel.
    let mut used: Vec<String> = vec!["history".into()];
    summary_sheet(&mut book, report, &styles, &mut used, &mut skipped)?;
    for group in &report.groups {
        group_sheet(&mut book, group, &styles, &mut used, &mut skipped)?;
    }
    if !report.actions.is_empty() {
        actions_sheet(&mut book, &report.actions, &styles, &mut used, &mut skipped)?;
    }
    if skipped > 0 {
        if let Ok(ws) = book.worksheet_from_index(0) {
            let note = format!("{skipped} cells could not be written and were left empty.");
            let _ = ws.write_string(1, 0, note);
        }
    }
    book.save_to_buffer()
        .map_err(|e| ExportError::Workbook(e.to_string()))
}

/// Adds a worksheet with a legal, unused name made from `wanted`.
fn add_sheet<'b>(
    book: &'b mut rust_xlsxwriter::Workbook,
    wanted: &str,
    used: &mut Vec<String>,
) -> Result<&'b mut rust_xlsxwriter::Worksheet, ExportError> {
    let name = sheet_name(wanted, used);
    let ws = book.add_worksheet();
    ws.set_name(&name).map_err(|e| ExportError::SheetName {
        name,
        reason: e.to_string(),
    })
}

/// The summary sheet: the count of each status per group and for all, and the key.
fn summary_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    report: &Report,
    st: &book::Styles,
    used: &mut Vec<String>,
    skipped: &mut usize,
) -> Result<(), ExportError> {
    const ORDER: [Status; 5] = [
        Status::OffTarget,
        Status::Warning,
        Status::OnTarget,
        Status::DataNotYetAvailable,
        Status::DataOnly,
    ];
    let ws = add_sheet(book, "Summary", used)?;
    let mut sheet = book::Sheet { ws, skipped };
    let title = format!("Performance report: {}", report.period);
    sheet.text(0, 0, &title, Some(&st.title));
    let headers = ORDER.map(|s| format!("{} {}", s.symbol(), s.label()));
    sheet.text(2, 0, "Group", Some(&st.head));
    for (c, h) in headers.iter().enumerate() {
        sheet.text(2, c as u16 + 1, h, Some(&st.head));
    }
    sheet.text(2, 6, "On target", Some(&st.head));
    let mut r = 3u32;
    let lines = report
        .groups
        .iter()
        .map(|g| (g.name.as_str(), &g.summary, &st.wrap))
        .chain([("All indicators", &report.summary, &st.bold)]);
    for (name, s, style) in lines {
        sheet.text(r, 0, name, Some(style));
        for (c, status) in ORDER.iter().enumerate() {
            sheet.number(r, c as u16 + 1, s.count(*status) as f64, None);
        }
        if let Some(share) = s.share_on_target() {
            sheet.number(r, 6, share / 100.0, Some(&st.percent));
        }
        r += 1;
    }
    r += 1;
    sheet.text(r, 0, "Key", Some(&st.bold));
    for s in Status::ALL {
        r += 1;
        let key = format!("{} {}", s.symbol(), s.label());
        sheet.text(r, 0, &key, Some(st.status(s)));
    }
    let _ = sheet.ws.set_column_width(0, 48);
    for c in 1..=6 {
        let _ = sheet.ws.set_column_width(c, 14);
    }
    Ok(())
}

/// A group's sheet: its name and summary line, then a row per PI.
fn group_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    group: &crate::report::Group,
    st: &book::Styles,
    used: &mut Vec<String>,
    skipped: &mut usize,
) -> Result<(), ExportError> {
    let columns: Vec<&Column> = COLUMNS.iter().filter(|c| c.in_workbook).collect();
    let ws = add_sheet(book, &group.name, used)?;
    let mut sheet = book::Sheet { ws, skipped };
    sheet.text(0, 0, &group.name, Some(&st.title));
    sheet.text(1, 0, &group.summary.line(), None);
    let head = GROUP_HEAD_ROWS as u32 - 1;
    for (c, col) in columns.iter().enumerate() {
        sheet.text(head, c as u16, col.header, Some(&st.head));
        let _ = sheet.ws.set_column_width(c as u16, col.width);
    }
    let _ = sheet.ws.set_freeze_panes(head + 1, 2);
    for (i, row) in group.rows.iter().enumerate() {
        let r = head + 1 + i as u32;
        let number = rust_xlsxwriter::Format::new().set_num_format(number_format(&row.format));
        for (c, col) in columns.iter().enumerate() {
            let c = c as u16;
            let wrap = (col.width >= 40.0).then_some(&st.wrap);
            match (col.cell)(row) {
                Cell::Empty => {}
                Cell::Text(t) => sheet.text(r, c, &t, wrap),
                Cell::Figure(x) => sheet.number(r, c, stored(&row.format, x), Some(&number)),
                Cell::Whole(n) => sheet.number(r, c, f64::from(n), None),
                Cell::Status(s) => {
                    let label = format!("{} {}", s.symbol(), s.label());
                    sheet.text(r, c, &label, Some(st.status(s)));
                }
                Cell::Suppressed => sheet.text(r, c, crate::value::SUPPRESSED, None),
                Cell::StatedStatus(s) => {
                    let label = format!("{} {} (as stated)", s.symbol(), s.label());
                    sheet.text(r, c, &label, Some(st.status(s)));
                }
            }
        }
    }
    let last = head + group.rows.len() as u32;
    let _ = sheet
        .ws
        .autofilter(head, 0, last, (columns.len() - 1) as u16);
    Ok(())
}

/// The actions' sheet: due date, progress against what is expected by now, status.
fn actions_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    actions: &[crate::report::ActionRow],
    st: &book::Styles,
    used: &mut Vec<String>,
    skipped: &mut usize,
) -> Result<(), ExportError> {
    let ws = add_sheet(book, "Actions", used)?;
    let mut sheet = book::Sheet { ws, skipped };
    let widths = [12.0, 60.0, 14.0, 10.0, 12.0, 16.0, 60.0];
    for (c, (h, w)) in super::ACTION_HEADERS.iter().zip(widths).enumerate() {
        sheet.text(0, c as u16, h, Some(&st.head));
        let _ = sheet.ws.set_column_width(c as u16, w);
    }
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    for (i, a) in actions.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.text(r, 0, &a.code, None);
        sheet.text(r, 1, &a.title, Some(&st.wrap));
        let serial = (a.due - epoch).num_days();
        sheet.number(r, 2, serial as f64, Some(&st.date));
        sheet.number(r, 3, a.progress / 100.0, Some(&st.percent));
        sheet.number(r, 4, a.expected / 100.0, Some(&st.percent));
        sheet.text(r, 5, a.status.label(), None);
        sheet.text(r, 6, &a.note, Some(&st.wrap));
    }
    Ok(())
}

/// The number as stored in the workbook: percentages as fractions (Excel's way).
fn stored(format: &Format, x: f64) -> f64 {
    let shown = format.shown(x);
    if format.unit == Unit::Percent {
        shown / 100.0
    } else {
        shown
    }
}

/// An Excel number format that shows the figure as the report does.
fn number_format(format: &Format) -> String {
    let decimals = if format.decimals > 0 {
        format!(".{}", "0".repeat(format.decimals as usize))
    } else {
        String::new()
    };
    match format.unit {
        Unit::Percent => format!("0{decimals}%"),
        // Each `,` after the digits divides by a thousand, as the suffix does.
        Unit::Pounds { suffix: Some(_) } => format!(
            "£#,##0{decimals}{}\"{}\"",
            ",".repeat((format.unit.exponent() / 3) as usize),
            format.unit.suffix_text()
        ),
        Unit::Pounds { .. } => format!("£#,##0{decimals}"),
        _ => format!("#,##0{decimals}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_match_the_screen() {
        let f = |unit, decimals| number_format(&Format { unit, decimals });
        assert_eq!(f(Unit::Percent, 2), "0.00%");
        assert_eq!(
            f(Unit::Pounds { suffix: Some('m') }, 3),
            "£#,##0.000,,\"m\""
        );
        assert_eq!(f(Unit::Number, 0), "#,##0");
    }
}
