//! Loading a file into the dataset: each table is recognised from its headers
//! (`columns`), and its rows are read as indicator values in the long or wide layout,
//! PI definitions, population estimates or actions, then merged into the dataset.
//! Every bad cell becomes a notice naming file, row and column; good rows still count.

mod actions;
mod ages;
mod case_list;
mod cell;
mod columns;
mod lgbf;
mod long;
pub mod mapping;
mod merge;
mod narrative;
mod pi_row;
mod population;
mod risks;
mod role;
mod shaped;
mod stream;
mod unplaced;
mod wide;

use rustc_hash::FxHashMap;

use crate::dataset::{Dataset, SourceSummary};
use crate::period::Period;
use crate::problem::{quote, Position, Problem, ProblemKind, ProblemLog};
use crate::read::{open, read_delimited, Opened, Row, Table};

pub use lgbf::date_code;

use cell::Cells;
use columns::{find_header, kind_of, Columns, Kind};

/// Reads one file's bytes into the dataset. Problems go into the dataset's notices;
/// a file that cannot be read at all gets one error and adds nothing.
pub fn load_file(ds: &mut Dataset, name: &str, bytes: &[u8]) {
    load_file_with_progress(ds, name, bytes, &mut |_| {});
}

/// Like [`load_file`], telling `progress` how far it has got, in bytes of the file (about
/// every [`crate::read::PROGRESS_STEP`] bytes): reading the text takes it to half
/// the file's size, loading the rows the rest of the way.
pub fn load_file_with_progress(
    ds: &mut Dataset,
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(u64),
) {
    let mut log = ProblemLog::default();
    let read = match open(name, bytes) {
        Ok(Opened::Text(text)) => stream::load_text(ds, name, &text, &mut log, progress),
        Ok(Opened::Tables(tables)) => {
            load_tables(ds, name, tables, bytes.len() as u64, &mut log, progress);
            Ok(())
        }
        Err(e) => Err(e),
    };
    if let Err(e) = read {
        ds.notices.push(e);
    }
    ds.notices.extend(log.finish());
}

/// Loads a workbook's sheets, read into tables (or a text file read whole into one),
/// telling `progress` how far it has got from half the file's size (the reading) to
/// all of it.
fn load_tables(
    ds: &mut Dataset,
    name: &str,
    tables: Vec<Table>,
    size: u64,
    log: &mut ProblemLog,
    progress: &mut dyn FnMut(u64),
) {
    let mut recognised = 0;
    let many = tables.len() > 1;
    let no_tables = tables.is_empty();
    // Each table is dropped once loaded: its text is not needed after.
    let all: usize = tables.iter().map(|t| t.len()).sum::<usize>().max(1);
    let mut before = 0;
    for table in tables {
        let n = table.len();
        let mut on_rows =
            |done: usize| progress(size / 2 + size / 2 * (before + done) as u64 / all as u64);
        let known = load_table(ds, &table, log, many, &mut on_rows);
        before += n;
        if known {
            recognised += 1;
        }
    }
    // A single table that was not recognised has said why already.
    if recognised == 0 && (no_tables || many) {
        log.push(Problem::new(
            Position::file(name),
            ProblemKind::NoSheetRecognised,
        ));
    }
}

/// Reads text pasted from a spreadsheet (tab-separated) as if it were a file.
pub fn load_pasted(ds: &mut Dataset, name: &str, text: &str) {
    let mut log = ProblemLog::default();
    if let Ok(table) = read_delimited(name, text, &mut log) {
        load_table(ds, &table, &mut log, false, &mut |_| {});
    }
    ds.notices.extend(log.finish());
}

/// Loads one table; returns whether it was recognised. A table that is not recognised is
/// named in a notice and offered for column mapping (`unplaced`); a blank sheet of a
/// workbook is named as empty.
fn load_table(
    ds: &mut Dataset,
    table: &Table,
    log: &mut ProblemLog,
    one_of_many: bool,
    progress: &mut dyn FnMut(usize),
) -> bool {
    let (found, mapped) = columns_of(&ds.mappings, table);
    if let (Ok((_, kind)), true) = (&found, mapped) {
        read_with_mapping(log, table, *kind);
    }
    // Report-shaped tables are read where the ordinary header is not found, or where the
    // row under it shows their shape; a tidy file is not scanned again.
    let worth_it = match &found {
        Ok((cols, kind)) => shaped::worth_trying(table, Some((cols, *kind))),
        Err(ProblemKind::NoRows) => false,
        Err(_) => shaped::worth_trying(table, None),
    };
    if worth_it && shaped::load_shaped(ds, table, log, progress).is_some() {
        return true;
    }
    let (cols, kind) = match found {
        Ok(found) => found,
        Err(problem) => {
            unplaced::pass_over(ds, table, log, problem, one_of_many);
            return false;
        }
    };
    let Some(mut loader) = Loader::for_table(ds, log, table, &cols, kind) else {
        return true;
    };
    let data_rows = || table.rows_from(cols.header_row + 1);
    if data_rows().all(|r| r.is_blank()) {
        loader
            .log
            .push(Problem::new(table.position(), ProblemKind::HeaderOnly));
    }
    let mut rows = 0;
    // Progress about every PROGRESS_STEP bytes' worth of rows.
    let step = (table.len() as u64 * crate::read::PROGRESS_STEP / (table.text_len() as u64).max(1))
        .max(1) as usize;
    // A workbook's row has no field count: it ends at its last cell with text.
    let delimited = table.sheet.is_none();
    for (i, cells) in data_rows().enumerate() {
        if i % step == step - 1 {
            progress(i);
        }
        if loader.data_row(cells, delimited) {
            rows += 1;
        }
    }
    loader.finish(table, rows);
    true
}

/// The table's columns and what kind of table it is: by a mapping the user chose for its
/// headers (then `true`), else recognised from them; or why it is not recognised.
fn columns_of(
    mappings: &[mapping::ColumnMapping],
    table: &Table,
) -> (Result<(Columns, Kind), ProblemKind>, bool) {
    match mapping::mapped(mappings, table) {
        Some(found) => (Ok(found), true),
        None => (recognise(table), false),
    }
}

/// The notice that a table was read with the user's column mapping.
fn read_with_mapping(log: &mut ProblemLog, table: &Table, kind: Kind) {
    let kind = kind.describe().to_string();
    log.push(Problem::new(
        table.position(),
        ProblemKind::ReadWithMapping { kind },
    ));
}

/// The table's header and what kind of table it is, or why it is not recognised.
fn recognise(table: &Table) -> Result<(Columns, Kind), ProblemKind> {
    if table.rows().all(|r| r.is_blank()) {
        return Err(ProblemKind::NoRows);
    }
    let Some(cols) = find_header(table) else {
        let first: Vec<&str> = table
            .row(0)
            .map(|r| r.cells().take(6).collect())
            .unwrap_or_default();
        let first_row = quote(&first.join(", "), 120);
        return Err(ProblemKind::NoHeader { first_row });
    };
    match kind_of(&cols) {
        Some(kind) => Ok((cols, kind)),
        None => {
            let found = quote(&cols.names.join(", "), 160);
            Err(ProblemKind::NoKeyColumn { found })
        }
    }
}

/// Whether a row has as many cells as the header. It may leave out the header's unnamed
/// columns at the end, or have extra empty cells there (a trailing comma).
fn fits_header(cols: &Columns, cells: &Row<'_>) -> Result<(), ProblemKind> {
    let (found, expected) = (cells.len(), cols.names.len());
    let fits = found == expected
        || (found < expected && found + cols.unnamed_at_end >= expected)
        || (found > expected && cells.cells().skip(expected).all(|c| c.trim().is_empty()));
    if fits {
        Ok(())
    } else {
        Err(ProblemKind::WrongFieldCount { found, expected })
    }
}

struct Loader<'a> {
    ds: &'a mut Dataset,
    log: &'a mut ProblemLog,
    /// The table's file and sheet.
    position: Position,
    cols: &'a Columns,
    kind: Kind,
    /// The place this table's summary will take in `ds.sources` (it is added once the
    /// rows are read).
    source_index: u32,
    /// Period labels read so far: the same few repeat on every row.
    periods: FxHashMap<Box<str>, Period>,
    /// The PI of the current run of rows, and how many periods the run added to it.
    run_code: String,
    run_added: usize,
    /// The year of population estimates by age that have no `Year` column.
    table_year: Option<i32>,
    /// A complaints case list's columns by what they hold.
    case_cols: case_list::CaseColumns,
}

/// Period labels remembered per table, at most (a file of unique labels is not cached).
const PERIOD_CACHE: usize = 4096;

impl<'a> Loader<'a> {
    /// A loader for one table's rows: `source_index` is the place its summary will take
    /// in `ds.sources`.
    fn new(
        ds: &'a mut Dataset,
        log: &'a mut ProblemLog,
        position: Position,
        cols: &'a Columns,
        kind: Kind,
        source_index: u32,
    ) -> Loader<'a> {
        Loader {
            ds,
            log,
            position,
            cols,
            kind,
            source_index,
            periods: FxHashMap::default(),
            run_code: String::new(),
            run_added: 0,
            table_year: None,
            case_cols: case_list::CaseColumns::from_names(cols.headers()),
        }
    }

    /// A loader for the rows of `table` (or of its first rows, the rest to come): `None`
    /// where the table cannot be read (a notice says why).
    fn for_table(
        ds: &'a mut Dataset,
        log: &'a mut ProblemLog,
        table: &Table,
        cols: &'a Columns,
        kind: Kind,
    ) -> Option<Loader<'a>> {
        let source_index = u32::try_from(ds.sources.len()).unwrap_or(u32::MAX);
        let mut loader = Loader::new(ds, log, table.position(), cols, kind, source_index);
        // Population estimates by age without a `Year` column take the year of their title.
        if kind == Kind::PopulationByAge && !cols.has(columns::Col::Period) {
            loader.table_year = ages::year_of_table(table, cols);
            if loader.table_year.is_none() {
                loader.log.push(Problem::new(
                    table.position(),
                    ProblemKind::PopulationWithoutYear,
                ));
                return None;
            }
        }
        Some(loader)
    }

    /// Reads a data row; whether it counts as read. A blank row is passed over; a row
    /// that does not fit the header is left out with a notice (a workbook's row, not
    /// `delimited`, has no field count: it ends at its last cell with text).
    fn data_row(&mut self, cells: Row<'_>, delimited: bool) -> bool {
        if cells.is_blank() {
            return false;
        }
        if let Err(problem) =
            fits_header(self.cols, &cells).or_else(|p| if delimited { Err(p) } else { Ok(()) })
        {
            self.row_problem(cells.line, problem);
            return false;
        }
        self.row(cells.line, cells);
        true
    }

    /// Once the table's rows are read: its summary among the dataset's sources.
    fn finish(mut self, table: &Table, rows: usize) {
        self.end_run();
        self.ds.sources.push(SourceSummary {
            name: table.file.clone(),
            sheet: table.sheet.clone(),
            recognised_as: self.kind.describe().to_string(),
            rows,
        });
    }

    /// A row left out, or a notice about a row.
    fn row_problem(&mut self, row: usize, kind: ProblemKind) {
        let position = self.position.clone().at_row(row);
        self.log.push(Problem::new(position, kind));
    }

    /// A cell left out: the column named by its header.
    fn cell_problem(&mut self, row: usize, col: usize, kind: ProblemKind) {
        let column = self.cols.names.get(col).map_or("", String::as_str);
        let position = self.position.clone().at_row(row).at_column(column);
        self.log.push(Problem::new(position, kind));
    }

    /// Not inlined, for the reason `report::build_row` is not: one call per row lets the
    /// browser swap in optimised code while a large file is still being read.
    #[inline(never)]
    fn row(&mut self, row: usize, cells: Row<'_>) {
        let c = Cells {
            cells,
            cols: self.cols,
        };
        match self.kind {
            Kind::Population => self.population_row(row, &c),
            Kind::Actions => self.action_row(row, &c),
            Kind::Long | Kind::Wide | Kind::Metadata | Kind::AreaValues => {
                self.indicator_row(row, &c)
            }
            Kind::FamilyGroups => self.family_row(row, &c),
            Kind::PopulationByAge => self.age_row(row, &c),
            Kind::CaseList => self.case_row(row, c.cells),
            Kind::Holidays => self.holiday_row(row, c.cells),
            Kind::Narrative => self.narrative_row(row, &c),
            Kind::Risks => self.risk_row(row, &c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str, text: &str) -> Dataset {
        let mut ds = Dataset::default();
        load_file(&mut ds, name, text.as_bytes());
        ds
    }

    #[test]
    fn bad_cells_name_file_row_and_column_and_good_rows_still_count() {
        let ds = load(
            "pis.csv",
            "code,period,value\nA,Q1 2018/19,12\nA,Q2 2018/19,twelve\nB,Someday,3\nB,Q1 2018/19,4\n",
        );
        let msgs: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "pis.csv, row 3, column 'value': expected a number such as 1,309, 98% or £15.8m, found 'twelve'",
                "pis.csv, row 4, column 'period': expected a period such as 'Q2 2018/19', '2018/19' or 'Sep 2018', found 'Someday'",
            ]
        );
        assert_eq!(ds.observations["A"].len(), 2);
        assert_eq!(ds.observations["B"].len(), 1);
    }

    #[test]
    fn many_bad_rows_are_summarised() {
        let mut text = String::from("code,period,value\n");
        for i in 0..1000 {
            text.push_str(&format!("A{i},Q1 2018/19,bad\n"));
        }
        let ds = load("many.csv", &text);
        assert_eq!(ds.notices.len(), 6);
        assert!(ds.notices[5]
            .to_string()
            .contains("995 more rows had the same problem"));
    }

    #[test]
    fn a_later_value_replaces_an_earlier_one_with_a_notice() {
        let mut ds = Dataset::default();
        load_file(&mut ds, "a.csv", b"code,period,value\nX,Q1 2018/19,5\n");
        load_file(&mut ds, "b.csv", b"code,period,value\nX,Q1 2018/19,7\n");
        let obs = &ds.observations["X"][&Period::Quarter { fy: 2018, q: 1 }];
        assert_eq!(obs.value.as_ref().unwrap().number, 7.0);
        assert_eq!(
            ds.notices[0].to_string(),
            "b.csv, row 2: the value of X for Q1 2018/19 replaces the one from a.csv row 2"
        );
    }

    #[test]
    fn a_row_with_too_many_fields_is_left_out_with_a_reason() {
        let ds = load("t.csv", "code,title,period,value\nA,Engage children, young people,Q1 2018/19,5\nB,Fine,Q1 2018/19,6\n");
        assert!(ds.notices[0]
            .to_string()
            .starts_with("t.csv, row 2: this row has 5 fields but the header has 4"));
        assert!(ds.observations.contains_key("B"));
        assert!(!ds.observations.contains_key("A"));
    }

    #[test]
    fn title_rows_above_the_header_are_skipped() {
        let ds = load(
            "t.csv",
            "Children's services performance,,\n,,\ncode,period,value\nA,Q1 2018/19,5\n",
        );
        assert!(ds.notices.is_empty(), "{:?}", ds.notices);
        assert_eq!(ds.observations["A"].len(), 1);
    }

    #[test]
    fn a_zero_denominator_gives_a_notice_naming_the_row() {
        let ds = load(
            "rates.csv",
            "code,period,numerator,denominator\nA,Q1 2018/19,5,0\nB,Q1 2018/19,5,10\n",
        );
        let msgs: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            msgs,
            ["rates.csv, row 2, column 'denominator': the denominator is 0, so no value can be worked out from the numerator; the period shows Data Not Yet Available"]
        );
    }

    #[test]
    fn a_header_of_a_million_empty_columns_is_walked_once_not_per_row() {
        let mut text = format!("code,period,value{}\n", ",".repeat(1_000_000));
        for i in 0..20_000 {
            text.push_str(&format!("A{i},Q1 2018/19,5\n"));
        }
        let started = std::time::Instant::now();
        let ds = load("wide.csv", &text);
        assert!(ds.notices.is_empty(), "{:?}", ds.notices);
        assert_eq!(ds.observations.len(), 20_000);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn a_long_column_name_is_quoted_to_sixty_characters_for_each_bad_row() {
        let name = format!("t{}arget", "_".repeat(99_000));
        let mut text = format!("code,{name}\n");
        for _ in 0..300_000 {
            text.push_str("A,x\n");
        }
        let started = std::time::Instant::now();
        let ds = load("long.csv", &text);
        let first = ds.notices[0].to_string();
        assert!(
            first.starts_with("long.csv, row 2, column 't_____"),
            "{first}"
        );
        assert!(first.contains("…': expected a target figure"), "{first}");
        assert!(first.len() < 200, "{first}");
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    #[test]
    fn a_row_with_text_beyond_column_xfd_is_left_out_and_empty_cells_there_are_dropped() {
        let text = format!(
            "code,period,value{}\nA,Q1 2018/19,5{}\nB,Q1 2018/19,6{}x\n",
            ",".repeat(20_000),
            ",".repeat(20_000),
            ",".repeat(20_000)
        );
        let ds = load("far.csv", &text);
        let msgs: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            msgs,
            ["far.csv, row 3: this row has text beyond column 16,384, the last a sheet can have; the row was left out"]
        );
        assert!(ds.observations.contains_key("A"));
    }

    #[test]
    fn a_wide_file_makes_no_observation_for_an_empty_period_cell() {
        let ds = load(
            "w.csv",
            "code,Q1 2018/19,Q2 2018/19,Q3 2018/19\nA,1,,\nB,,,\n",
        );
        let n: usize = ds.observations.values().map(|o| o.len()).sum();
        assert_eq!(n, 1);
    }
}
