//! Report-shaped tables, as councils publish them and Pentana exports them: several
//! tables stacked on one sheet (or in one pasted text) under section headings, each with
//! one or two header rows, PIs keyed by code or by title, continuation rows carrying
//! feeder data or the rest of a title or note, statuses stated in notes, and LGBF ranks
//! in free text. Read only where the ordinary header recognition fails or the table
//! shows the signature of this shape (a `Value` / `Status` second header row), so a tidy
//! file is never scanned twice.

mod continuation;
mod header;
mod lgbf_text;
mod segment;

use crate::dataset::{Dataset, SourceSummary};
use crate::problem::{Problem, ProblemKind, ProblemLog};
use crate::read::Table;

use super::columns::{Columns, Kind, SLOTS};
use super::Loader;
use continuation::{continues, Pending};
use header::{is_own_column, is_sub_header, read_header, Header};
use segment::{line, Line};

/// Whether a table is worth reading as report-shaped: the ordinary recognition found no
/// header, or the header it found has a column only this shape has (`Feeder Data`,
/// `External Comparison`), or the row under it is a second header row (`Value`,
/// `Status`, `Note`); or, for a wide table (a column per period), a section heading
/// stands above its header or its header is repeated further down. A long table (a
/// period column) is never scanned again: the header and one row are looked at.
pub(super) fn worth_trying(table: &Table, found: Option<(&Columns, Kind)>) -> bool {
    let Some((cols, kind)) = found else {
        return true;
    };
    if cols.names.iter().any(|n| is_own_column(n))
        || table
            .row(cols.header_row + 1)
            .is_some_and(|r| is_sub_header(&r))
    {
        return true;
    }
    kind == Kind::Wide && (heading_above(table, cols) || header_repeated(table, cols))
}

/// A section heading (or a title) above the header.
fn heading_above(table: &Table, cols: &Columns) -> bool {
    (0..cols.header_row)
        .filter_map(|i| table.row(i))
        .any(|r| matches!(line(&r), Line::Heading(_)))
}

/// The header's first cell starting a later row that is a header too: another table.
fn header_repeated(table: &Table, cols: &Columns) -> bool {
    let Some(first) = cols.names.first().filter(|n| !n.is_empty()) else {
        return false;
    };
    table.rows_from(cols.header_row + 1).any(|r| {
        r.get(0)
            .is_some_and(|c| crate::value::trim(c).eq_ignore_ascii_case(first))
            && line(&r) == Line::Header
    })
}

/// What reading a sheet as report-shaped tables found.
pub(super) struct Read {
    /// Tables read.
    pub(super) tables: usize,
    /// PIs read.
    pub(super) rows: usize,
}

/// Reads a sheet (or pasted text, or a delimited file) as stacked report-shaped tables.
/// `None` where it holds no table header of this shape; nothing is added then.
pub(super) fn load_shaped(
    ds: &mut Dataset,
    table: &Table,
    log: &mut ProblemLog,
    progress: &mut dyn FnMut(usize),
) -> Option<Read> {
    // Looked for first, so a sheet with no such table adds nothing.
    if !table.rows().any(|r| line(&r) == Line::Header) {
        return None;
    }
    let mut sheet = Sheet {
        source_index: u32::try_from(ds.sources.len()).unwrap_or(u32::MAX),
        ds,
        log,
        table,
        heading: None,
        block: None,
        pending: None,
        read: Read { tables: 0, rows: 0 },
        outside: None,
    };
    let mut i = 0;
    while let Some(row) = table.row(i) {
        if i % 1024 == 1023 {
            progress(i);
        }
        i += 1;
        match line(&row) {
            Line::Blank => {}
            Line::Heading(text) => {
                sheet.finish_pi();
                sheet.heading = Some(text.to_string());
            }
            Line::Header => {
                sheet.finish_pi();
                let second = table.row(i).filter(is_sub_header);
                if let Some(h) = read_header(&row, second.as_ref()) {
                    if h.two_rows {
                        i += 1;
                    }
                    sheet.start_table(row.line, h);
                }
            }
            Line::Body => sheet.body(&row),
        }
    }
    sheet.finish_pi();
    sheet.say_outside();
    let read = sheet.read;
    ds.sources.push(SourceSummary {
        name: table.file.clone(),
        sheet: table.sheet.clone(),
        recognised_as: format!(
            "report-shaped {} ({} PIs)",
            if read.tables == 1 {
                "table".to_string()
            } else {
                format!("tables ({})", read.tables)
            },
            read.rows
        ),
        rows: read.rows,
    });
    Some(read)
}

/// The state of reading one sheet.
struct Sheet<'a> {
    ds: &'a mut Dataset,
    log: &'a mut ProblemLog,
    table: &'a Table,
    source_index: u32,
    /// The latest section heading: the group of the rows under it.
    heading: Option<String>,
    /// The table being read: its header, and its columns as messages name them.
    block: Option<(Header, Columns)>,
    pending: Option<Pending>,
    read: Read,
    /// Rows with text under no table header: the first, and how many.
    outside: Option<(usize, usize)>,
}

impl Sheet<'_> {
    fn start_table(&mut self, header_row: usize, h: Header) {
        self.say_outside();
        let cols = Columns {
            header_row,
            unnamed_at_end: 0,
            cols: vec![None; h.names.len()],
            names: h.names.clone(),
            first: [None; SLOTS],
            canonical: Vec::new(),
        };
        self.block = Some((h, cols));
        self.read.tables += 1;
    }

    /// Names the rows with text under no table header read so far.
    fn say_outside(&mut self) {
        if let Some((first, count)) = self.outside.take() {
            let at = self.table.position().at_row(first);
            self.log
                .push(Problem::new(at, ProblemKind::RowsOutsideTables { count }));
        }
    }

    /// A row of the table above: a new PI, or a continuation of the one above it.
    fn body(&mut self, row: &crate::read::Row) {
        let Some((header, _)) = &self.block else {
            let (_, count) = self.outside.get_or_insert((row.line, 0));
            *count += 1;
            return;
        };
        if self.pending.is_some() && continues(row, header) {
            if let Some(p) = &mut self.pending {
                p.add(row, header, false);
            }
            return;
        }
        let started = Pending::start(row, header, self.heading.as_deref());
        self.finish_pi();
        match started {
            Some(p) => self.pending = Some(p),
            None => self.with_loader(|l, _| {
                l.row_problem(row.line, ProblemKind::RowWithoutKey);
            }),
        }
    }

    /// Merges the PI being read into the dataset.
    fn finish_pi(&mut self) {
        if let Some(p) = self.pending.take() {
            self.read.rows += 1;
            self.with_loader(|l, h| p.finish(l, h));
        }
    }

    /// Runs `f` with a loader for the table being read (it does nothing outside a table).
    fn with_loader(&mut self, f: impl FnOnce(&mut Loader, &Header)) {
        let Some((header, cols)) = &self.block else {
            return;
        };
        let mut loader = Loader::new(
            self.ds,
            self.log,
            self.table.position(),
            cols,
            Kind::Wide,
            self.source_index,
        );
        f(&mut loader, header);
        loader.end_run();
    }
}
