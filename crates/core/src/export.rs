//! The report as files people pass around: CSV (one row per PI, every computed column)
//! and XLSX (a summary sheet with the key, and a sheet per group). Text that a
//! spreadsheet could run as a formula is neutralised.

use crate::report::{Report, Row};
use crate::status::Status;
use crate::trend::quartile_label;
use crate::value::{Format, Unit};

/// Column headers of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 22] = [
    "Group",
    "Code",
    "Indicator",
    "Period",
    "Value",
    "Value shown",
    "Unit",
    "Target",
    "Status",
    "Reason",
    "Short trend",
    "Long trend",
    "Change",
    "Benchmark",
    "Against benchmark",
    "Rank",
    "Ranked",
    "Quartile",
    "Note",
    "Status stated in file",
    "Worked out as",
    "Data checks",
];

/// Makes a text cell safe to open in a spreadsheet: one that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading apostrophe, so Excel shows it as text
/// and never runs it as a formula.
///
/// ```
/// use scorecard_core::export::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
/// assert_eq!(neutralise("Referrals"), "Referrals");
/// ```
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A number in plain digits (no thousands separators) at the PI's decimals, in the
/// unit it is shown in: 75 for 75%, 15.846 for £15.846m.
fn plain(format: &Format, x: f64) -> String {
    let scale = format.unit.scale();
    format!("{:.*}", format.decimals as usize, format.shown(x) / scale)
}

fn csv_record(row: &Row) -> Vec<String> {
    let f = &row.format;
    let text = |s: &str| neutralise(s);
    let trend = |t: &Option<crate::trend::TrendResult>| {
        t.as_ref()
            .map(|t| t.trend.label().to_string())
            .unwrap_or_default()
    };
    vec![
        text(&row.group),
        text(&row.code),
        text(&row.title),
        row.period.to_string(),
        row.value.map(|v| plain(f, v)).unwrap_or_else(|| {
            if row.value_shown.as_deref() == Some(crate::suppress::MARK) {
                crate::suppress::MARK.into()
            } else {
                String::new()
            }
        }),
        text(row.value_shown.as_deref().unwrap_or("")),
        text(&f.unit.to_string()),
        row.target.map(|t| plain(f, t.value)).unwrap_or_default(),
        row.status.label().to_string(),
        text(&row.reason),
        trend(&row.short_trend),
        trend(&row.long_trend),
        text(row.change.as_deref().unwrap_or("")),
        row.benchmark.map(|(b, _)| plain(f, b)).unwrap_or_default(),
        row.benchmark
            .map(|(_, c)| c.label().to_string())
            .unwrap_or_default(),
        row.rank.map(|(r, _, _)| r.to_string()).unwrap_or_default(),
        row.rank.map(|(_, n, _)| n.to_string()).unwrap_or_default(),
        row.rank
            .map(|(_, _, q)| quartile_label(q).to_string())
            .unwrap_or_default(),
        text(&row.note),
        row.stated_status
            .map(|s| s.label().to_string())
            .unwrap_or_default(),
        text(row.working.as_deref().unwrap_or("")),
        text(&row.checks.join(" | ")),
    ]
}

/// The report as CSV (UTF-8 with a BOM, so Excel reads `£` and `–` right): a header
/// row, then one row per PI at the report period.
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would only drop the row.
        let _ = w.write_record(CSV_COLUMNS);
        for row in report.groups.iter().flat_map(|g| &g.rows) {
            let _ = w.write_record(csv_record(row));
        }
        let _ = w.flush();
    }
    out
}

/// A file name for the report: `scorecard-Q2-2018-19.csv`.
pub fn file_name(report: &Report, extension: &str) -> String {
    let period: String = report
        .period
        .to_string()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("scorecard-{period}.{extension}")
}

/// Colours of each status, for the workbook: (text, fill).
fn status_colours(s: Status) -> (u32, u32) {
    match s {
        Status::OffTarget => (0xB4231C, 0xFBE9E7),
        Status::Warning => (0x8A5A00, 0xFFF3D6),
        Status::OnTarget => (0x1F6F3A, 0xE5F4EA),
        Status::DataOnly => (0x3A4A5C, 0xEEF1F5),
        Status::DataNotYetAvailable => (0x5B5F66, 0xF1F1F1),
    }
}

/// The report as an XLSX workbook: a summary sheet with the key, then a sheet per
/// group. Numbers are stored as numbers with their formats; statuses are labelled and
/// coloured; all text is stored as text, never as a formula, and formula-like text still
/// gets its apostrophe so that copying the cell elsewhere stays safe.
#[cfg(feature = "xlsx")]
pub fn xlsx(report: &Report) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Color, Format as Cell, FormatBorder, Workbook};

    let e = |err: rust_xlsxwriter::XlsxError| err.to_string();
    let mut book = Workbook::new();
    let bold = Cell::new().set_bold();
    let head = Cell::new()
        .set_bold()
        .set_background_color(Color::RGB(0xEEF2F7))
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let wrap = Cell::new().set_text_wrap();
    let title = Cell::new().set_bold().set_font_size(16);
    let status_cell = |s: Status| {
        let (fg, bg) = status_colours(s);
        Cell::new()
            .set_bold()
            .set_font_color(Color::RGB(fg))
            .set_background_color(Color::RGB(bg))
    };

    // Summary and key.
    {
        let sheet = book.add_worksheet();
        sheet.set_name("Summary").map_err(e)?;
        sheet
            .write_string_with_format(
                0,
                0,
                format!("Performance report: {}", report.period),
                &title,
            )
            .map_err(e)?;
        let headers = [
            "Group",
            "● Off Target",
            "▲ Warning",
            "✓ On Target",
            "? Data Not Yet Available",
            "📊 Data Only",
            "On target",
        ];
        for (c, h) in headers.iter().enumerate() {
            sheet
                .write_string_with_format(2, c as u16, *h, &head)
                .map_err(e)?;
        }
        let pct = Cell::new().set_num_format("0%");
        let mut r = 3u32;
        let mut lines: Vec<(String, &crate::report::Summary)> = report
            .groups
            .iter()
            .map(|g| (g.name.clone(), &g.summary))
            .collect();
        lines.push(("All indicators".into(), &report.summary));
        for (name, s) in lines {
            let fmt = if name == "All indicators" {
                &bold
            } else {
                &wrap
            };
            sheet
                .write_string_with_format(r, 0, neutralise(&name), fmt)
                .map_err(e)?;
            for (c, st) in [
                Status::OffTarget,
                Status::Warning,
                Status::OnTarget,
                Status::DataNotYetAvailable,
                Status::DataOnly,
            ]
            .iter()
            .enumerate()
            {
                sheet
                    .write_number(r, c as u16 + 1, s.count(*st) as f64)
                    .map_err(e)?;
            }
            if let Some(share) = s.share_on_target() {
                sheet
                    .write_number_with_format(r, 6, share / 100.0, &pct)
                    .map_err(e)?;
            }
            r += 1;
        }
        r += 1;
        sheet
            .write_string_with_format(r, 0, "Key", &bold)
            .map_err(e)?;
        for s in Status::ALL {
            r += 1;
            sheet
                .write_string_with_format(
                    r,
                    0,
                    format!("{} {}", s.symbol(), s.label()),
                    &status_cell(s),
                )
                .map_err(e)?;
        }
        sheet.set_column_width(0, 48).map_err(e)?;
        for c in 1..=6 {
            sheet.set_column_width(c, 14).map_err(e)?;
        }
    }

    let columns = [
        ("Code", 12.0),
        ("Indicator", 48.0),
        ("Period", 12.0),
        ("Value", 12.0),
        ("Target", 10.0),
        ("Status", 24.0),
        ("Reason", 48.0),
        ("Short trend", 14.0),
        ("Long trend", 14.0),
        ("Change", 40.0),
        ("Benchmark", 12.0),
        ("Against benchmark", 12.0),
        ("Quartile", 22.0),
        ("Note", 40.0),
    ];
    let mut used: Vec<String> = vec!["summary".into()];
    for group in &report.groups {
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name(&group.name, &mut used))
            .map_err(e)?;
        sheet
            .write_string_with_format(0, 0, neutralise(&group.name), &title)
            .map_err(e)?;
        sheet.write_string(1, 0, group.summary.line()).map_err(e)?;
        for (c, (h, w)) in columns.iter().enumerate() {
            sheet
                .write_string_with_format(3, c as u16, *h, &head)
                .map_err(e)?;
            sheet.set_column_width(c as u16, *w).map_err(e)?;
        }
        sheet.set_freeze_panes(4, 2).map_err(e)?;
        for (i, row) in group.rows.iter().enumerate() {
            let r = 4 + i as u32;
            let number = Cell::new().set_num_format(number_format(&row.format));
            sheet.write_string(r, 0, neutralise(&row.code)).map_err(e)?;
            sheet
                .write_string_with_format(r, 1, neutralise(&row.title), &wrap)
                .map_err(e)?;
            sheet
                .write_string(r, 2, row.period.to_string())
                .map_err(e)?;
            match (row.value, row.value_shown.as_deref()) {
                (Some(v), _) => {
                    sheet
                        .write_number_with_format(r, 3, stored(&row.format, v), &number)
                        .map_err(e)?;
                }
                (None, Some(mark)) => {
                    sheet.write_string(r, 3, mark).map_err(e)?;
                }
                _ => {}
            }
            if let Some(t) = row.target {
                sheet
                    .write_number_with_format(r, 4, stored(&row.format, t.value), &number)
                    .map_err(e)?;
            }
            sheet
                .write_string_with_format(
                    r,
                    5,
                    format!("{} {}", row.status.symbol(), row.status.label()),
                    &status_cell(row.status),
                )
                .map_err(e)?;
            sheet
                .write_string_with_format(r, 6, neutralise(&row.reason), &wrap)
                .map_err(e)?;
            for (c, t) in [(7u16, &row.short_trend), (8, &row.long_trend)] {
                if let Some(t) = t {
                    sheet.write_string(r, c, t.trend.label()).map_err(e)?;
                }
            }
            if let Some(c) = &row.change {
                sheet
                    .write_string_with_format(r, 9, neutralise(c), &wrap)
                    .map_err(e)?;
            }
            if let Some((b, cmp)) = row.benchmark {
                sheet
                    .write_number_with_format(r, 10, stored(&row.format, b), &number)
                    .map_err(e)?;
                sheet.write_string(r, 11, cmp.label()).map_err(e)?;
            }
            if let Some((rank, of, q)) = row.rank {
                sheet
                    .write_string(r, 12, format!("{} ({rank} of {of})", quartile_label(q)))
                    .map_err(e)?;
            }
            sheet
                .write_string_with_format(r, 13, neutralise(&row.note), &wrap)
                .map_err(e)?;
        }
        let last = 3 + group.rows.len() as u32;
        sheet
            .autofilter(3, 0, last, (columns.len() - 1) as u16)
            .map_err(e)?;
    }

    if !report.actions.is_empty() {
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name("Actions", &mut used))
            .map_err(e)?;
        let date = Cell::new().set_num_format("dd mmm yyyy");
        let pct = Cell::new().set_num_format("0%");
        for (c, (h, w)) in [
            ("Code", 12.0),
            ("Action", 60.0),
            ("Due date", 14.0),
            ("Progress", 10.0),
            ("Expected by now", 12.0),
            ("Status", 16.0),
            ("Note", 40.0),
        ]
        .iter()
        .enumerate()
        {
            sheet
                .write_string_with_format(0, c as u16, *h, &head)
                .map_err(e)?;
            sheet.set_column_width(c as u16, *w).map_err(e)?;
        }
        for (i, a) in report.actions.iter().enumerate() {
            let r = 1 + i as u32;
            sheet.write_string(r, 0, neutralise(&a.code)).map_err(e)?;
            sheet
                .write_string_with_format(r, 1, neutralise(&a.title), &wrap)
                .map_err(e)?;
            let serial = (a.due
                - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default())
            .num_days();
            sheet
                .write_number_with_format(r, 2, serial as f64, &date)
                .map_err(e)?;
            sheet
                .write_number_with_format(r, 3, a.progress / 100.0, &pct)
                .map_err(e)?;
            sheet
                .write_number_with_format(r, 4, a.expected / 100.0, &pct)
                .map_err(e)?;
            sheet.write_string(r, 5, a.status.label()).map_err(e)?;
            sheet
                .write_string_with_format(r, 6, neutralise(&a.note), &wrap)
                .map_err(e)?;
        }
    }
    book.save_to_buffer().map_err(e)
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

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique.
fn sheet_name(group: &str, used: &mut Vec<String>) -> String {
    let clean: String = group
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect::<String>()
        .trim()
        .trim_matches('\'')
        .to_string();
    let base: String = if clean.is_empty() {
        "Indicators".into()
    } else {
        clean
    };
    let mut name: String = base.chars().take(31).collect();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        let tail = format!(" ({n})");
        name = base.chars().take(31 - tail.len()).collect::<String>() + &tail;
        n += 1;
    }
    used.push(name.to_lowercase());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut used = vec!["summary".to_string()];
        assert_eq!(
            sheet_name("Provide an efficient complaints service", &mut used),
            "Provide an efficient complaints"
        );
        assert_eq!(
            sheet_name("Provide an efficient complaints service!", &mut used),
            "Provide an efficient compla (2)"
        );
        assert_eq!(sheet_name("Q1/Q2: [draft]", &mut used), "Q1 Q2   draft");
        assert_eq!(sheet_name("Summary", &mut used), "Summary (2)");
    }

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
