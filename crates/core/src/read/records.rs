//! Delimited text read record by record: each record becomes a row of a [`Table`] the
//! caller gives, so a long file can be loaded a row at a time without a table of the
//! whole file ever being built.

use crate::problem::{Position, Problem, ProblemKind, ProblemLog};

use super::delimited::{count_lines, push_record, unclosed_quote};
use super::sniff::detect_delimiter;
use super::{Table, TableFull, PROGRESS_STEP};

/// The csv reader's pass over a file's decoded text.
pub struct Records<'t> {
    name: &'t str,
    text: &'t str,
    delimiter: u8,
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    /// Where the last record started, for a quote left open at the end.
    last: Option<LastRecord>,
    next_report: u64,
    /// How many bytes are read between two reports of progress.
    step: u64,
    done: bool,
}

/// Where the last record started: in bytes, and its line.
struct LastRecord {
    byte: usize,
    line: usize,
}

impl<'t> Records<'t> {
    /// A pass over `text`, the decoded text of the file `name`; the separator is the one
    /// that splits its first lines most consistently.
    pub fn new(name: &'t str, text: &'t str) -> Records<'t> {
        let delimiter = detect_delimiter(text);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        Records {
            name,
            text,
            delimiter,
            reader,
            record: csv::StringRecord::new(),
            last: None,
            next_report: PROGRESS_STEP,
            step: PROGRESS_STEP,
            done: false,
        }
    }

    /// Progress told about every `step` bytes rather than every [`PROGRESS_STEP`].
    pub fn every(mut self, step: u64) -> Records<'t> {
        self.step = step.max(1);
        self.next_report = self.step;
        self
    }

    /// Reads the next record into `table` as a new row, telling `progress` how many bytes
    /// have been read (about every [`PROGRESS_STEP`] bytes, or as [`Records::every`] says). `false` at the end of the
    /// text. A record left out (a problem in `log` says why) adds no row but is not the end.
    /// `TableFull` where `table` cannot take the row's text.
    pub fn next_into(
        &mut self,
        table: &mut Table,
        log: &mut ProblemLog,
        progress: &mut dyn FnMut(u64),
    ) -> Result<bool, TableFull> {
        while !self.done {
            match next_record(&mut self.reader, &mut self.record) {
                Ok(false) => self.done = true,
                Ok(true) => {
                    let line = self.record.position().map_or(0, |p| p.line() as usize);
                    let byte = self.record.position().map_or(0, |p| p.byte() as usize);
                    let at = byte as u64;
                    if at >= self.next_report {
                        progress(at);
                        self.next_report = at + self.step;
                    }
                    self.last = Some(LastRecord { byte, line });
                    push_record(table, &self.record, line, self.delimiter, self.name, log)?;
                    return Ok(true);
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    log.push(Problem::new(
                        Position::file(self.name).at_row(line),
                        ProblemKind::UnreadableRow {
                            reason: e.to_string(),
                        },
                    ));
                    if e.is_io_error() || !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                        self.done = true;
                    }
                }
            }
        }
        Ok(false)
    }

    /// Once every record is read: a quote left open makes csv read the rest of the file
    /// into one cell. Where the row should have ended cannot be known, so the row stays
    /// as read (other checks say what is wrong with it) and the user is told where the
    /// quote opened and which lines it took in.
    pub fn finish(self, log: &mut ProblemLog) {
        let Some(last) = self.last else {
            return;
        };
        let record = &self.text[last.byte..];
        if let Some(open) = unclosed_quote(record, self.delimiter) {
            let row = last.line + count_lines(&record[..open]);
            let last_line = last.line + count_lines(record.trim_end_matches(['\n', '\r']));
            log.push(Problem::new(
                Position::file(self.name).at_row(row),
                ProblemKind::UnclosedQuote { last_line },
            ));
        }
    }
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
