//! Turning a file's bytes into tables of text cells: recognising what the file is,
//! decoding CSV text (UTF-8, UTF-16, Windows-1252; comma, semicolon or tab), and reading
//! every sheet of an XLSX workbook. What the columns mean is decided in `load`.

use std::borrow::Cow;

use crate::dataset::{Notice, NoticeLog};

/// A table of text cells as the user sees it in a spreadsheet. The cells' text is kept
/// end to end in one string (a cell per `String` cost more than the text itself).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file name, with ` › Sheet` for a workbook's sheet.
    pub source: String,
    /// Every cell's text, end to end.
    text: String,
    /// Cell `k` is `text[bounds[k]..bounds[k + 1]]`.
    bounds: Vec<u32>,
    /// Each row: the row number the user sees (1-based), and its first cell.
    rows: Vec<(u32, u32)>,
}

/// The table's text would not fit the 4 GB its cell offsets can address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFull;

impl Table {
    /// An empty table read from `source`.
    pub fn new(source: String) -> Table {
        Table {
            source,
            text: String::new(),
            bounds: vec![0],
            rows: Vec::new(),
        }
    }

    /// Starts a row with the row number the user sees; cells pushed after it belong to it.
    pub fn start_row(&mut self, line: usize) {
        let first = (self.bounds.len() - 1) as u32;
        self.rows
            .push((u32::try_from(line).unwrap_or(u32::MAX), first));
    }

    /// Adds a cell to the last row.
    pub fn push_cell(&mut self, cell: &str) -> Result<(), TableFull> {
        let end = u32::try_from(self.text.len() + cell.len()).map_err(|_| TableFull)?;
        self.text.push_str(cell);
        self.bounds.push(end);
        Ok(())
    }

    /// How many bytes of cell text the table holds.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `i` (0-based), if there is one.
    pub fn row(&self, i: usize) -> Option<Row<'_>> {
        let (line, first) = *self.rows.get(i)?;
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.bounds.len() - 1, |r| r.1 as usize);
        Some(Row {
            line: line as usize,
            text: &self.text,
            bounds: &self.bounds[first as usize..=end],
        })
    }

    /// The rows from the `from`th (0-based) on.
    pub fn rows_from(&self, from: usize) -> impl Iterator<Item = Row<'_>> + '_ {
        (from..self.rows.len()).filter_map(move |i| self.row(i))
    }

    /// Every row.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        self.rows_from(0)
    }
}

/// One row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'t> {
    /// The row number the user sees (1-based).
    pub line: usize,
    text: &'t str,
    /// The row's cell boundaries: one more than it has cells.
    bounds: &'t [u32],
}

impl<'t> Row<'t> {
    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cell `i`'s text.
    pub fn get(&self, i: usize) -> Option<&'t str> {
        let start = *self.bounds.get(i)? as usize;
        let end = *self.bounds.get(i + 1)? as usize;
        self.text.get(start..end)
    }

    /// The cells' text, in order.
    pub fn cells(self) -> impl Iterator<Item = &'t str> {
        self.bounds
            .windows(2)
            .map(move |w| &self.text[w[0] as usize..w[1] as usize])
    }

    /// Whether every cell is empty or blank (the cells' text end to end is all whitespace).
    pub fn is_blank(&self) -> bool {
        let start = self.bounds[0] as usize;
        let end = self.bounds[self.bounds.len() - 1] as usize;
        self.text[start..end].trim().is_empty()
    }
}

/// How often (in bytes of input) progress is reported while a file is read.
pub const PROGRESS_STEP: u64 = 1 << 20;

/// Files larger than this are refused before reading (the tab would run out of memory).
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;
/// A single cell longer than this is not data anyone typed.
pub const MAX_CELL_CHARS: usize = 100_000;
/// Inflated size of a workbook's parts beyond which it is refused as a likely zip bomb.
pub const MAX_XLSX_INFLATED: u64 = 1024 * 1024 * 1024;
/// Ratio of inflated to compressed size beyond which a large workbook is refused.
pub const MAX_XLSX_RATIO: u64 = 200;

fn error(file: &str, message: String) -> Notice {
    Notice::error(file, message)
}

/// Reads a file into tables. An `Err` means the file as a whole could not be read;
/// smaller problems go into `log` and the rest of the file is read.
pub fn read_tables(name: &str, bytes: &[u8], log: &mut NoticeLog) -> Result<Vec<Table>, Notice> {
    read_tables_with_progress(name, bytes, log, &mut |_| {})
}

/// Like [`read_tables`], telling `progress` how many bytes of a text file have been read
/// (about every [`PROGRESS_STEP`] bytes).
pub fn read_tables_with_progress(
    name: &str,
    bytes: &[u8],
    log: &mut NoticeLog,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<Table>, Notice> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(error(name, "the file is empty".into()));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(error(
            name,
            format!(
                "the file is {} MB; Scorecard reads files up to {} MB",
                bytes.len() / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
        ));
    }
    if let Some(kind) = binary_kind(bytes) {
        return match kind {
            "zip" => read_xlsx(name, bytes),
            other => Err(error(
                name,
                format!("this looks like {other}, not a CSV or XLSX data file"),
            )),
        };
    }
    let text = decode(bytes).ok_or_else(|| {
        error(
            name,
            "this does not look like a text (CSV) file or an XLSX workbook: it contains binary data"
                .into(),
        )
    })?;
    read_delimited_with_progress(name, &text, log, progress).map(|t| vec![t])
}

/// Recognises binary files by their first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"PK\x03\x04", "zip"),
        (b"PK\x05\x06", "zip"),
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF document"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (
            b"\xd0\xcf\x11\xe0",
            "an old Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV",
        ),
        (b"\x1f\x8b", "a gzip archive"),
        (b"{\\rtf", "a Word (RTF) document"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
}

/// Decodes text: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8; else
/// Windows-1252, which is what Excel writes as "CSV" on a UK Windows machine.
/// `None` when the result still looks binary.
/// Valid UTF-8 is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let text = if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        enc.decode_without_bom_handling(&bytes[bom..]).0
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        Cow::Borrowed(s)
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
    };
    let sample: Vec<char> = text.chars().take(4096).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    (control * 20 <= sample.len()).then_some(text)
}

/// Picks the separator that splits the first lines most consistently: comma, semicolon or tab.
pub fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let first = counts.first().copied().unwrap_or(0);
        // Prefer a separator that appears, and the same number of times, on every line.
        let consistent = counts.iter().filter(|&&c| c == first).count();
        let score = if first == 0 {
            0
        } else {
            consistent * 1000 + first
        };
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

/// Reads CSV (or pasted tab-separated) text into a table.
pub fn read_delimited(name: &str, text: &str, log: &mut NoticeLog) -> Result<Table, Notice> {
    read_delimited_with_progress(name, text, log, &mut |_| {})
}

fn read_delimited_with_progress(
    name: &str,
    text: &str,
    log: &mut NoticeLog,
    progress: &mut dyn FnMut(u64),
) -> Result<Table, Notice> {
    let mut next_report = PROGRESS_STEP;
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::new(name.to_string());
    let mut record = csv::StringRecord::new();
    loop {
        match next_record(&mut reader, &mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let at = record.position().map_or(0, |p| p.byte());
                if at >= next_report {
                    progress(at);
                    next_report = at + PROGRESS_STEP;
                }
                push_record(&mut table, &record, line, delimiter, name, log)?;
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                log.push(
                    "unreadable row",
                    Notice::row_problem(
                        name,
                        line,
                        format!("this row could not be read as CSV ({e}); it was left out"),
                    ),
                );
                if !e.is_io_error() && matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    continue;
                }
                break;
            }
        }
    }
    Ok(table)
}

/// One record from the reader. Not inlined, nor is [`push_record`]: in the browser, V8
/// runs Wasm first with its baseline compiler and swaps in optimised code only at a
/// function's next call, so the per-record work must be a call of its own for a long
/// file to be read with optimised code.
#[inline(never)]
fn next_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
) -> csv::Result<bool> {
    reader.read_record(record)
}

/// Adds a record's cells to the table as a new row.
#[inline(never)]
fn push_record(
    table: &mut Table,
    record: &csv::StringRecord,
    line: usize,
    delimiter: u8,
    name: &str,
    log: &mut NoticeLog,
) -> Result<(), Notice> {
    table.start_row(line);
    for field in record.iter() {
        let pushed = if field.len() > MAX_CELL_CHARS && field.chars().count() > MAX_CELL_CHARS {
            log.push(
                "cell too long",
                Notice::row_problem(
                    name,
                    line,
                    format!("a cell holds more than {MAX_CELL_CHARS} characters; it was left out"),
                ),
            );
            table.push_cell("")
        } else if delimiter == b';' {
            match continental_number(field) {
                Some(n) => table.push_cell(&n),
                None => table.push_cell(field),
            }
        } else {
            table.push_cell(field)
        };
        pushed.map_err(|_| too_much_text(name))?;
    }
    Ok(())
}

fn too_much_text(name: &str) -> Notice {
    error(
        name,
        "the file holds more text than Scorecard can read (4 GB)".into(),
    )
}

/// A semicolon-separated file comes from a continental-locale Excel, where `5,5` is
/// five and a half and `1.309` is one thousand three hundred and nine. A cell that is
/// wholly such a number is rewritten the UK way; any other cell is left alone.
///
/// ```
/// use scorecard_core::read::continental_number;
/// assert_eq!(continental_number("5,5").as_deref(), Some("5.5"));
/// assert_eq!(continental_number("1.309,25 %").as_deref(), Some("1309.25 %"));
/// assert_eq!(continental_number("1.309").as_deref(), Some("1309"));
/// assert_eq!(continental_number("Engage children, young people"), None);
/// ```
pub fn continental_number(cell: &str) -> Option<String> {
    let t = cell.trim();
    let body = t
        .trim_start_matches(['-', '£', '€', ' '])
        .trim_end_matches(['%', ' ', 'm', 'k', 'M', 'K']);
    let (int, frac) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let int_ok = !int.is_empty()
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !int_ok || !frac_ok || (frac.is_none() && groups.len() == 1) {
        return None;
    }
    let start = t.find(body)?;
    let number = match frac {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    Some(format!(
        "{}{number}{}",
        &t[..start],
        &t[start + body.len()..]
    ))
}

#[cfg(feature = "xlsx")]
fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Vec<Table>, Notice> {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    check_inflated_size(name, bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        error(
            name,
            format!("this is a zip file but not a readable XLSX workbook ({e})"),
        )
    })?;
    let mut tables = Vec::new();
    let sheets = book.sheet_names().to_owned();
    for sheet in sheets {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| error(name, format!("the sheet '{sheet}' could not be read ({e})")))?;
        // Number formats say what Excel shows: 0.875 formatted `0.0%` is 87.5%.
        let styles = book.worksheet_style(&sheet).ok();
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut table = Table::new(format!("{name} › {sheet}"));
        let full = |_| too_much_text(name);
        for (i, row) in range.rows().enumerate() {
            let r = first_row + i as u32;
            table.start_row(r as usize + 1);
            for _ in 0..first_col {
                table.push_cell("").map_err(full)?;
            }
            for (j, c) in row.iter().enumerate() {
                let pushed = match c {
                    Data::Empty => table.push_cell(""),
                    Data::String(s) => match s.char_indices().nth(MAX_CELL_CHARS) {
                        Some((end, _)) => table.push_cell(&s[..end]),
                        None => table.push_cell(s),
                    },
                    Data::Float(f) => {
                        let format = styles
                            .as_ref()
                            .and_then(|s| s.get((r, first_col + j as u32)))
                            .and_then(|s| s.number_format.as_ref())
                            .map(|n| n.format_code.as_str());
                        table.push_cell(&format_number(*f, format))
                    }
                    Data::Int(i) => table.push_cell(&i.to_string()),
                    Data::Bool(b) => table.push_cell(if *b { "yes" } else { "no" }),
                    Data::DateTime(d) => table.push_cell(&serial_to_iso(d.as_f64())),
                    Data::DateTimeIso(s) | Data::DurationIso(s) => table.push_cell(s),
                    Data::Error(e) => table.push_cell(&format!("#{e:?}")),
                };
                pushed.map_err(full)?;
            }
        }
        tables.push(table);
    }
    Ok(tables)
}

#[cfg(not(feature = "xlsx"))]
fn read_xlsx(name: &str, _bytes: &[u8]) -> Result<Vec<Table>, Notice> {
    Err(error(
        name,
        "XLSX workbooks are not supported in this build".into(),
    ))
}

/// Refuses a workbook whose parts would inflate far beyond its size, before inflating any.
#[cfg(feature = "xlsx")]
fn check_inflated_size(name: &str, bytes: &[u8]) -> Result<(), Notice> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        error(
            name,
            format!("this looks like a zip file but it is damaged or truncated ({e})"),
        )
    })?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| {
            error(
                name,
                format!("the workbook is damaged: part {i} cannot be read ({e})"),
            )
        })?;
        total = total.saturating_add(entry.size());
    }
    let compressed = bytes.len() as u64;
    if total > MAX_XLSX_INFLATED
        || (total > 50_000_000 && total / compressed.max(1) > MAX_XLSX_RATIO)
    {
        return Err(error(
            name,
            format!(
                "the workbook would expand from {} to {} when opened; it was refused to protect the page (a 'zip bomb')",
                human_size(compressed),
                human_size(total)
            ),
        ));
    }
    Ok(())
}

/// A number cell as Excel shows it: a percentage format gives `87.5%` (with the
/// format's decimals), and anything else the General format.
#[cfg(feature = "xlsx")]
fn format_number(f: f64, format: Option<&str>) -> String {
    match format {
        Some(code) if is_percent_format(code) => {
            let decimals = code.split_once('.').map_or(0, |(_, rest)| {
                rest.chars().take_while(|c| *c == '0').count()
            });
            let shown = crate::value::round_shown(f * 100.0, decimals as u8);
            format!("{shown:.decimals$}%")
        }
        _ => format_float(f),
    }
}

/// A `%` outside quoted text in the first section of a number format.
#[cfg(feature = "xlsx")]
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

/// `812 bytes`, `14 KB`, `4,295 MB`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{} KB", b / 1_000),
        b => format!(
            "{} MB",
            crate::value::group_thousands((b / 1_000_000) as f64, 0)
        ),
    }
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

/// An Excel date serial (days since 30 Dec 1899) as an ISO date.
#[cfg(feature = "xlsx")]
fn serial_to_iso(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    match base.checked_add_signed(chrono::Duration::days(serial.floor() as i64)) {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => serial.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_semicolon_and_tab_separators() {
        assert_eq!(detect_delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter("title,\"a;b\"\nx,y\n"), b',');
    }

    #[test]
    fn windows_1252_pound_sign_decodes() {
        let bytes = b"value\n\xa315.8m\n";
        assert_eq!(decode(bytes).unwrap(), "value\n£15.8m\n");
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "a,b\n1,2".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "a,b\n1,2");
    }

    #[test]
    fn png_renamed_csv_is_refused_with_what_it_looks_like() {
        let err = read_tables(
            "chart.csv",
            b"\x89PNG\r\n\x1a\n....",
            &mut NoticeLog::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "chart.csv: this looks like a PNG image, not a CSV or XLSX data file"
        );
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn percentage_formats_read_as_excel_shows_them() {
        assert_eq!(format_number(0.875, Some("0.0%")), "87.5%");
        assert_eq!(format_number(0.875, Some("0%")), "88%");
        assert_eq!(format_number(0.875, Some("0.00")), "0.875");
        assert_eq!(format_number(0.5, Some("\"%\"0.0")), "0.5");
    }

    #[test]
    fn excel_floats_read_as_excel_shows_them() {
        assert_eq!(format_float(1309.0), "1309");
        assert_eq!(format_float(0.1 + 0.2), "0.3");
        assert_eq!(format_float(18.33), "18.33");
    }
}
