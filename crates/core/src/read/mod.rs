//! Turning a file's bytes into tables of text cells: recognising what the file is,
//! decoding CSV text (UTF-8, UTF-16, Windows-1252; comma, semicolon or tab), and reading
//! every sheet of an XLSX workbook. What the columns mean is decided in `load`.

mod delimited;
mod sniff;
mod table;
#[cfg(feature = "xlsx")]
mod xlsx;

use crate::dataset::{Notice, NoticeLog};

pub use delimited::{continental_number, read_delimited};
pub use sniff::{decode, detect_delimiter};
pub use table::{Row, Table, TableFull};

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

fn too_much_text(name: &str) -> Notice {
    error(
        name,
        "the file holds more text than Scorecard can read (4 GB)".into(),
    )
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
    if let Some(kind) = sniff::binary_kind(bytes) {
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
    delimited::read_delimited_with_progress(name, &text, log, progress).map(|t| vec![t])
}

#[cfg(feature = "xlsx")]
use xlsx::read_xlsx;

#[cfg(not(feature = "xlsx"))]
fn read_xlsx(name: &str, _bytes: &[u8]) -> Result<Vec<Table>, Notice> {
    Err(error(
        name,
        "XLSX workbooks are not supported in this build".into(),
    ))
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
#[cfg(test)]
mod tests {
    use super::*;

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
}
