//! Turning a file's bytes into tables of text cells: recognising what the file is,
//! decoding CSV text (UTF-8, UTF-16, Windows-1252; comma, semicolon or tab), and reading
//! every sheet of an XLSX workbook. What the columns mean is decided in `load`.

// A `Problem` is returned here at most once per file, when the whole file cannot be read
// (the per-row functions return the small `TableFull`), so its size costs nothing.
#![allow(clippy::result_large_err)]

mod delimited;
mod encoding;
pub mod limits;
mod records;
mod sniff;
mod table;
#[cfg(feature = "xlsx")]
mod xlsx;
#[cfg(feature = "xlsx")]
mod xlsx_parts;

use std::borrow::Cow;

use crate::problem::{Position, Problem, ProblemKind, ProblemLog};

pub use crate::problem::human_size;

pub use delimited::{continental_number, read_delimited};
pub use limits::{MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_XLSX_INFLATED, MAX_XLSX_RATIO};
pub use records::Records;
pub use sniff::{decode, detect_delimiter};
pub use table::{Row, Table, TableFull};

/// How often (in bytes of input) progress is reported while a file is read.
pub const PROGRESS_STEP: u64 = 1 << 20;

fn error(file: &str, kind: ProblemKind) -> Problem {
    Problem::new(Position::file(file), kind)
}

fn too_much_text(name: &str) -> Problem {
    error(name, ProblemKind::TooMuchText)
}

/// Reads a file into tables. An `Err` means the file as a whole could not be read;
/// smaller problems go into `log` and the rest of the file is read.
pub fn read_tables(name: &str, bytes: &[u8], log: &mut ProblemLog) -> Result<Vec<Table>, Problem> {
    read_tables_with_progress(name, bytes, log, &mut |_| {})
}

/// Like [`read_tables`], telling `progress` how many bytes of a text file have been read
/// (about every [`PROGRESS_STEP`] bytes).
pub fn read_tables_with_progress(
    name: &str,
    bytes: &[u8],
    log: &mut ProblemLog,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<Table>, Problem> {
    match open(name, bytes)? {
        Opened::Tables(tables) => Ok(tables),
        Opened::Text(text) => {
            delimited::read_delimited_with_progress(name, &text, log, progress).map(|t| vec![t])
        }
    }
}

/// A file opened for reading: a workbook's sheets, read into tables, or a text file's
/// decoded text, to be read record by record ([`Records`]).
#[derive(Debug)]
pub enum Opened<'b> {
    Tables(Vec<Table>),
    Text(Cow<'b, str>),
}

/// Recognises what a file is and opens it: a workbook is read into tables, a text file
/// decoded. An `Err` means the file as a whole cannot be read.
pub fn open<'b>(name: &str, bytes: &'b [u8]) -> Result<Opened<'b>, Problem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(error(name, ProblemKind::EmptyFile));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(error(
            name,
            ProblemKind::FileTooLarge {
                megabytes: bytes.len() / 1_000_000,
                limit_megabytes: MAX_FILE_BYTES / 1_000_000,
            },
        ));
    }
    if let Some(kind) = sniff::binary_kind(bytes) {
        return match kind {
            sniff::Binary::Zip => read_xlsx(name, bytes).map(Opened::Tables),
            sniff::Binary::Other(looks_like) => {
                Err(error(name, ProblemKind::NotADataFile { looks_like }))
            }
        };
    }
    decode(bytes)
        .map(Opened::Text)
        .ok_or_else(|| error(name, ProblemKind::BinaryData))
}

/// Whether these bytes are a workbook (a zip archive), which only the full engine reads.
pub fn is_workbook(bytes: &[u8]) -> bool {
    sniff::binary_kind(bytes) == Some(sniff::Binary::Zip)
}

#[cfg(feature = "xlsx")]
use xlsx::read_xlsx;

#[cfg(not(feature = "xlsx"))]
fn read_xlsx(name: &str, _bytes: &[u8]) -> Result<Vec<Table>, Problem> {
    Err(error(name, ProblemKind::XlsxNotSupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_renamed_csv_is_refused_with_what_it_looks_like() {
        let err = read_tables(
            "chart.csv",
            b"\x89PNG\r\n\x1a\n....",
            &mut ProblemLog::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "chart.csv: this looks like a PNG image, not a CSV or XLSX data file"
        );
    }
}
