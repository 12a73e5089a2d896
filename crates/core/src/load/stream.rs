//! A text file loaded as it is read: its first rows decide what it is, and an ordinary
//! table (not a wide one, not report-shaped) is then read record by record straight into
//! the dataset, so no table of the whole file is ever built. Anything else is read whole
//! into a table first, as a workbook's sheets are.

use crate::dataset::Dataset;
use crate::problem::{Position, Problem, ProblemKind, ProblemLog};
use crate::read::{Records, Table, TableFull};

use super::columns::{Columns, Kind};
use super::{columns_of, load_tables, read_with_mapping, shaped, Loader};

/// The rows read before deciding what the table is: more than the header is looked for
/// in (20), and the row under it.
const HEAD_ROWS: usize = 64;

/// Loads the decoded text of the file `name`, telling `progress` how many bytes of it have
/// been read and loaded. An `Err` means the file as a whole could not be read (returned
/// once per file, so its size costs nothing).
#[allow(clippy::result_large_err)]
pub(super) fn load_text(
    ds: &mut Dataset,
    name: &str,
    text: &str,
    log: &mut ProblemLog,
    progress: &mut dyn FnMut(u64),
) -> Result<(), Problem> {
    let too_much = |_: TableFull| Problem::new(Position::file(name), ProblemKind::TooMuchText);
    let size = text.len() as u64;
    // Reading and loading go together here, where a whole table's reading takes half
    // the progress and its loading the other half: progress as often in bytes read.
    let mut records = Records::new(name, text).every(crate::read::PROGRESS_STEP / 2);
    let mut head = Table::new(name.to_string(), None);
    let mut more = true;
    while more && head.len() < HEAD_ROWS {
        more = records
            .next_into(&mut head, log, &mut |at| progress(at / 2))
            .map_err(too_much)?;
    }
    if more {
        let (found, mapped) = columns_of(&ds.mappings, &head);
        if let Ok((cols, kind)) = found {
            if streams(&head, &cols, kind) {
                if mapped {
                    read_with_mapping(log, &head, kind);
                }
                stream(ds, log, &head, &mut records, &cols, kind, progress).map_err(too_much)?;
                records.finish(log);
                return Ok(());
            }
        }
        while records
            .next_into(&mut head, log, &mut |at| progress(at / 2))
            .map_err(too_much)?
        {}
    }
    records.finish(log);
    load_tables(ds, name, vec![head], size, log, progress);
    Ok(())
}

/// Whether a table whose first rows are `head` can be read a row at a time: an ordinary
/// table whose kind its header says, and not a wide one (whose report shape, a header
/// repeated further down, can show anywhere).
fn streams(head: &Table, cols: &Columns, kind: Kind) -> bool {
    kind != Kind::Wide
        && head.len() > cols.header_row + 1
        && !shaped::worth_trying(head, Some((cols, kind)))
}

/// Reads the data rows of `head`, then every record left, into the dataset.
fn stream(
    ds: &mut Dataset,
    log: &mut ProblemLog,
    head: &Table,
    records: &mut Records<'_>,
    cols: &Columns,
    kind: Kind,
    progress: &mut dyn FnMut(u64),
) -> Result<(), TableFull> {
    let Some(mut loader) = Loader::for_table(ds, log, head, cols, kind) else {
        return Ok(());
    };
    let (mut rows, mut any) = (0, false);
    for cells in head.rows_from(cols.header_row + 1) {
        any = any || !cells.is_blank();
        rows += usize::from(loader.data_row(cells, true));
    }
    // One row at a time, its memory kept from row to row.
    let mut row = Table::new(String::new(), None);
    while records.next_into(&mut row, loader.log, progress)? {
        if let Some(cells) = row.row(0) {
            any = any || !cells.is_blank();
            rows += usize::from(loader.data_row(cells, true));
        }
        row.clear();
    }
    if !any {
        loader
            .log
            .push(Problem::new(head.position(), ProblemKind::HeaderOnly));
    }
    loader.finish(head, rows);
    Ok(())
}
