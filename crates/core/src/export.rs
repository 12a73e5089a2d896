//! The report as files people pass around: CSV (one row per PI, every computed column)
//! and XLSX (a summary sheet with the key, and a sheet per group). Text that a
//! spreadsheet could run as a formula is neutralised.

use crate::report::{Report, Row, Shown};
use crate::status::Status;
use crate::trend::TrendResult;
use crate::value::{Format, Unit};

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
        cell: |r| Cell::Status(r.status),
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
];

/// The CSV's header row: every column's header, in order.
pub fn headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.header).collect()
}

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

/// A cell as CSV text.
fn csv_text(cell: Cell, format: &Format) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => neutralise(&s),
        Cell::Figure(x) => plain(format, x),
        Cell::Whole(n) => n.to_string(),
        Cell::Status(s) => s.label().to_string(),
        Cell::Suppressed => crate::suppress::MARK.to_string(),
    }
}

/// The report as CSV (UTF-8 with a BOM, so Excel reads `£` and `–` right): a header
/// row, then one row per PI at the report period, as the report given has it (make it
/// with [`crate::suppress::apply`] first for publication).
pub fn csv(report: &Report) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would only drop the row.
        let _ = w.write_record(headers());
        for row in report.groups.iter().flat_map(|g| &g.rows) {
            let _ = w.write_record(COLUMNS.iter().map(|c| csv_text((c.cell)(row), &row.format)));
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

/// Excel's limit on the text of one cell, in UTF-16 units.
pub const CELL_LIMIT: usize = 32_767;

/// Rows a worksheet holds.
const SHEET_ROWS: usize = 1_048_576;

/// Rows above a group sheet's first PI: its title, summary line, a gap and the headers.
const GROUP_HEAD_ROWS: usize = 4;

/// What ends a text cut to fit [`CELL_LIMIT`].
const CUT_NOTE: &str =
    " … [cut at Excel's limit of 32,767 characters; the CSV export has the whole text]";

/// A text that fits in a workbook cell: one longer than Excel allows is cut, and says so.
///
/// ```
/// use scorecard_core::export::{fit_cell, CELL_LIMIT};
/// assert_eq!(fit_cell("Referrals"), "Referrals");
/// let long = "x".repeat(40_000);
/// let cut = fit_cell(&long);
/// assert_eq!(cut.encode_utf16().count(), CELL_LIMIT);
/// assert!(cut.ends_with("the CSV export has the whole text]"));
/// ```
pub fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.encode_utf16().count() <= CELL_LIMIT {
        return text.into();
    }
    let budget = CELL_LIMIT - CUT_NOTE.encode_utf16().count();
    let mut used = 0;
    let kept: String = text
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= budget
        })
        .collect();
    // Pad to the limit exactly where a character of two units did not fit.
    let pad = budget - kept.encode_utf16().count();
    format!("{kept}{}{CUT_NOTE}", " ".repeat(pad)).into()
}

/// Why a workbook could not be made at all. A single cell that cannot be written never
/// stops the workbook: it is left empty, and the summary sheet says how many were.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A group has more PIs than a worksheet has rows.
    #[error("the group '{group}' has {rows} indicators, more than a worksheet holds ({max})", max = crate::value::group_thousands((SHEET_ROWS - GROUP_HEAD_ROWS) as f64, 0))]
    TooManyRows { group: String, rows: usize },
    /// Excel refused a sheet name even after it was made legal.
    #[error("a sheet could not be named '{name}': {reason}")]
    SheetName { name: String, reason: String },
    /// The workbook could not be put together.
    #[error("the workbook could not be written: {0}")]
    Workbook(String),
}

/// Colours of each status, for the workbook: (text, fill).
#[cfg(feature = "xlsx")]
fn status_colours(s: Status) -> (u32, u32) {
    match s {
        Status::OffTarget => (0xB4231C, 0xFBE9E7),
        Status::Warning => (0x8A5A00, 0xFFF3D6),
        Status::OnTarget => (0x1F6F3A, 0xE5F4EA),
        Status::DataOnly => (0x3A4A5C, 0xEEF1F5),
        Status::DataNotYetAvailable => (0x5B5F66, 0xF1F1F1),
    }
}

#[cfg(feature = "xlsx")]
mod book {
    //! Writing the workbook: one cell at a time, each written or skipped on its own.

    use rust_xlsxwriter::{Color, Format as Style, FormatBorder, Worksheet, XlsxError};

    use super::{fit_cell, neutralise, status_colours};
    use crate::status::Status;

    /// The cell styles of the workbook, made once.
    pub struct Styles {
        pub bold: Style,
        pub head: Style,
        pub wrap: Style,
        pub title: Style,
        pub percent: Style,
        pub date: Style,
        status: Vec<(Status, Style)>,
    }

    impl Styles {
        pub fn new() -> Styles {
            Styles {
                bold: Style::new().set_bold(),
                head: Style::new()
                    .set_bold()
                    .set_background_color(Color::RGB(0xEEF2F7))
                    .set_border(FormatBorder::Thin)
                    .set_text_wrap(),
                wrap: Style::new().set_text_wrap(),
                title: Style::new().set_bold().set_font_size(16),
                percent: Style::new().set_num_format("0%"),
                date: Style::new().set_num_format("dd mmm yyyy"),
                status: Status::ALL
                    .iter()
                    .map(|s| {
                        let (fg, bg) = status_colours(*s);
                        let style = Style::new()
                            .set_bold()
                            .set_font_color(Color::RGB(fg))
                            .set_background_color(Color::RGB(bg));
                        (*s, style)
                    })
                    .collect(),
            }
        }

        pub fn status(&self, s: Status) -> &Style {
            self.status
                .iter()
                .find(|(x, _)| *x == s)
                .map_or(&self.bold, |(_, style)| style)
        }
    }

    /// A worksheet being written, counting the cells it had to leave empty.
    pub struct Sheet<'a> {
        pub ws: &'a mut Worksheet,
        pub skipped: &'a mut usize,
    }

    impl Sheet<'_> {
        fn done<T>(&mut self, written: Result<T, XlsxError>) {
            if written.is_err() {
                *self.skipped += 1;
            }
        }

        /// Text, neutralised and cut to fit a cell; always stored as text, never a formula.
        pub fn text(&mut self, row: u32, col: u16, text: &str, style: Option<&Style>) {
            if text.is_empty() {
                return;
            }
            let safe = neutralise(text);
            let fitted = fit_cell(&safe);
            let written = match style {
                Some(s) => self
                    .ws
                    .write_string_with_format(row, col, fitted.as_ref(), s)
                    .map(|_| ()),
                None => self.ws.write_string(row, col, fitted.as_ref()).map(|_| ()),
            };
            self.done(written);
        }

        pub fn number(&mut self, row: u32, col: u16, x: f64, style: Option<&Style>) {
            let written = match style {
                Some(s) => self.ws.write_number_with_format(row, col, x, s).map(|_| ()),
                None => self.ws.write_number(row, col, x).map(|_| ()),
            };
            self.done(written);
        }
    }
}

/// The report as an XLSX workbook: a summary sheet with the key, then a sheet per
/// group with the columns of [`COLUMNS`] that are `in_workbook`, then the actions.
/// Numbers are stored as numbers with their formats; statuses are labelled and
/// coloured; all text is stored as text, never as a formula, and formula-like text still
/// gets its apostrophe so that copying the cell elsewhere stays safe. A text too long for
/// a cell is cut with a note; a cell that still cannot be written is left empty (the
/// summary sheet says how many were) rather than failing the workbook.
#[cfg(feature = "xlsx")]
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
#[cfg(feature = "xlsx")]
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
#[cfg(feature = "xlsx")]
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
#[cfg(feature = "xlsx")]
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
                Cell::Suppressed => sheet.text(r, c, crate::suppress::MARK, None),
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
#[cfg(feature = "xlsx")]
fn actions_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    actions: &[crate::report::ActionRow],
    st: &book::Styles,
    used: &mut Vec<String>,
    skipped: &mut usize,
) -> Result<(), ExportError> {
    let ws = add_sheet(book, "Actions", used)?;
    let mut sheet = book::Sheet { ws, skipped };
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
        sheet.text(0, c as u16, h, Some(&st.head));
        let _ = sheet.ws.set_column_width(c as u16, *w);
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
#[cfg(feature = "xlsx")]
fn stored(format: &Format, x: f64) -> f64 {
    let shown = format.shown(x);
    if format.unit == Unit::Percent {
        shown / 100.0
    } else {
        shown
    }
}

/// An Excel number format that shows the figure as the report does.
#[cfg(feature = "xlsx")]
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

/// A sheet name Excel accepts, made from a group's: none of `[]:*?/\\` (each becomes a
/// space), at most 31 characters (UTF-16 units, as Excel counts), not starting or
/// ending with an apostrophe, not blank, and not one of `used` (lower case, which it
/// joins; put "history", Excel's reserved name, in it first).
#[cfg(feature = "xlsx")]
fn sheet_name(group: &str, used: &mut Vec<String>) -> String {
    /// At most `units` UTF-16 units of `s`, with no apostrophe or space at either end.
    fn fit(s: &str, units: usize) -> String {
        let mut n = 0;
        let cut: String = s
            .chars()
            .take_while(|c| {
                n += c.len_utf16();
                n <= units
            })
            .collect();
        cut.trim_matches(|c: char| c == '\'' || c.is_whitespace())
            .to_string()
    }
    let clean: String = group
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut base = fit(&clean, 31);
    if base.is_empty() {
        base = "Indicators".into();
    }
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        let tail = format!(" ({n})");
        name = fit(&base, 31 - tail.len()) + &tail;
        n += 1;
    }
    used.push(name.to_lowercase());
    name
}

#[cfg(all(test, feature = "xlsx"))]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut used = vec!["history".to_string(), "summary".to_string()];
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
        assert_eq!(sheet_name("History", &mut used), "History (2)");
        assert_eq!(sheet_name("'Quoted'", &mut used), "Quoted");
        assert_eq!(sheet_name("[]:*?", &mut used), "Indicators");
        let ends = format!("{}' and more", "a".repeat(30));
        assert_eq!(sheet_name(&ends, &mut used), "a".repeat(30));
        let wide = "📊".repeat(20);
        assert_eq!(sheet_name(&wide, &mut used).encode_utf16().count(), 30);
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
