//! Loading a file into the dataset: each table is recognised from its headers
//! (`columns`), and its rows are read as indicator values in the long or wide layout,
//! PI definitions, population estimates or actions, then merged into the dataset.
//! Every bad cell becomes a notice naming file, row and column; good rows still count.

mod actions;
mod cell;
mod columns;
mod long;
mod merge;
mod pi_row;
mod population;
mod wide;

use rustc_hash::FxHashMap;

use crate::dataset::{Dataset, Level, Notice, NoticeLog, SourceSummary};
use crate::period::Period;
use crate::read::{read_delimited, read_tables_with_progress, Row, Table};

use cell::Cells;
use columns::{find_header, kind_of, Columns, Kind};

/// Reads one file's bytes into the dataset. Problems become notices in the dataset;
/// a file that cannot be read at all gets one error notice and adds nothing.
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
    let size = bytes.len() as u64;
    let mut log = NoticeLog::default();
    match read_tables_with_progress(name, bytes, &mut log, &mut |at| progress(at / 2)) {
        Ok(tables) => {
            let mut recognised = 0;
            let many = tables.len() > 1;
            let no_tables = tables.is_empty();
            // Each table is dropped once loaded: its text is not needed after.
            let all: usize = tables.iter().map(|t| t.len()).sum::<usize>().max(1);
            let mut before = 0;
            for table in tables {
                let n = table.len();
                let mut on_rows = |done: usize| {
                    progress(size / 2 + size / 2 * (before + done) as u64 / all as u64)
                };
                let known = load_table(ds, &table, &mut log, many, &mut on_rows);
                before += n;
                if known {
                    recognised += 1;
                }
            }
            if recognised == 0 && !no_tables && !many {
                // The single table's own notice already says why.
            } else if recognised == 0 {
                log.push(
                    "no sheet recognised",
                    error(name, "no sheet of this workbook has columns Scorecard recognises (such as Code, Indicator, Period, Value)".into()),
                );
            }
        }
        Err(e) => ds.notices.push(e),
    }
    ds.notices.extend(log.finish());
}

/// Reads text pasted from a spreadsheet (tab-separated) as if it were a file.
pub fn load_pasted(ds: &mut Dataset, name: &str, text: &str) {
    let mut log = NoticeLog::default();
    if let Ok(table) = read_delimited(name, text, &mut log) {
        load_table(ds, &table, &mut log, false, &mut |_| {});
    }
    ds.notices.extend(log.finish());
}

fn error(file: &str, message: String) -> Notice {
    Notice::error(file, message)
}

/// Loads one table; returns whether it was recognised. A sheet of a workbook that is
/// not recognised (a cover sheet, a chart) is passed over quietly.
fn load_table(
    ds: &mut Dataset,
    table: &Table,
    log: &mut NoticeLog,
    quiet_if_unknown: bool,
    progress: &mut dyn FnMut(usize),
) -> bool {
    if table.rows().all(|r| r.is_blank()) {
        if !quiet_if_unknown {
            log.push(
                "empty",
                error(&table.source, "the file has no rows with data".into()),
            );
        }
        return false;
    }
    let Some(cols) = find_header(table) else {
        if !quiet_if_unknown {
            let first: Vec<&str> = table
                .row(0)
                .map(|r| r.cells().take(6).collect())
                .unwrap_or_default();
            log.push(
                "no header",
                error(
                    &table.source,
                    format!(
                        "no header row found: expected columns such as Code, Indicator, Period and Value (or a period like 'Q2 2018/19 Value'); the first row reads '{}'",
                        truncate(&first.join(", "), 120)
                    ),
                ),
            );
        }
        return false;
    };
    let Some(kind) = kind_of(&cols) else {
        if !quiet_if_unknown {
            log.push(
                "no key",
                error(
                    &table.source,
                    format!(
                        "no column names the indicator: expected a 'Code' or 'Indicator' column; found {}",
                        truncate(&cols.names.join(", "), 160)
                    ),
                ),
            );
        }
        return false;
    };
    let source_index = u32::try_from(ds.sources.len()).unwrap_or(u32::MAX);
    let mut loader = Loader {
        ds,
        log,
        source: &table.source,
        cols: &cols,
        kind,
        source_index,
        periods: FxHashMap::default(),
        run_code: String::new(),
        run_added: 0,
    };
    let mut rows = 0;
    let data_rows = || table.rows_from(cols.header_row + 1);
    if data_rows().all(|r| r.is_blank()) {
        loader.log.push(
            "header only",
            error(
                &table.source,
                "the file has a header but no rows of data".into(),
            ),
        );
    }
    // Progress about every PROGRESS_STEP bytes' worth of rows.
    let step = (table.len() as u64 * crate::read::PROGRESS_STEP / (table.text_len() as u64).max(1))
        .max(1) as usize;
    for (i, cells) in data_rows().enumerate() {
        if i % step == step - 1 {
            progress(i);
        }
        let number = cells.line;
        if cells.is_blank() {
            continue;
        }
        if cells.len() != cols.names.len()
            && !(cells.len() < cols.names.len()
                && cells.len() + trailing_empty(&cols) >= cols.names.len())
        {
            if cells.len() > cols.names.len()
                && cells
                    .cells()
                    .skip(cols.names.len())
                    .all(|c| c.trim().is_empty())
            {
                // Extra empty cells at the end (a trailing comma) are harmless.
            } else {
                loader.row_problem(
                    number,
                    "wrong number of fields",
                    format!(
                        "this row has {} fields but the header has {}; a comma inside a title needs the title in quotes. The row was left out",
                        cells.len(),
                        cols.names.len()
                    ),
                );
                continue;
            }
        }
        rows += 1;
        loader.row(number, cells);
    }
    loader.end_run();
    ds_summary(loader.ds, &table.source, kind, rows);
    true
}

/// Columns at the end of the header with no name: rows may leave them out.
fn trailing_empty(cols: &Columns) -> usize {
    cols.names.iter().rev().take_while(|n| n.is_empty()).count()
}

fn ds_summary(ds: &mut Dataset, source: &str, kind: Kind, rows: usize) {
    ds.sources.push(SourceSummary {
        name: source.to_string(),
        recognised_as: kind.describe().to_string(),
        rows,
    });
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// What a value cell is expected to hold, for notices.
pub(super) const A_VALUE: &str = "a number such as 1,309, 98% or £15.8m";

struct Loader<'a> {
    ds: &'a mut Dataset,
    log: &'a mut NoticeLog,
    source: &'a str,
    cols: &'a Columns,
    kind: Kind,
    /// The place this table's summary will take in `ds.sources` (it is added once the
    /// rows are read).
    source_index: u32,
    /// Period labels read so far: the same few repeat on every row.
    periods: FxHashMap<Box<str>, Option<Period>>,
    /// The PI of the current run of rows, and how many periods the run added to it.
    run_code: String,
    run_added: usize,
}

/// Period labels remembered per table, at most (a file of unique labels is not cached).
const PERIOD_CACHE: usize = 4096;

impl Loader<'_> {
    fn row_problem(&mut self, row: usize, kind: &'static str, message: String) {
        self.log.push(
            kind,
            Notice {
                level: Level::Problem,
                file: self.source.to_string(),
                row: Some(row),
                column: None,
                message,
            },
        );
    }

    fn cell_problem(&mut self, row: usize, col: usize, kind: &'static str, message: String) {
        self.log.push(
            kind,
            Notice {
                level: Level::Problem,
                file: self.source.to_string(),
                row: Some(row),
                column: Some(self.cols.names.get(col).cloned().unwrap_or_default()),
                message,
            },
        );
    }

    fn info(&mut self, row: usize, kind: &'static str, message: String) {
        self.log.push(
            kind,
            Notice {
                level: Level::Info,
                file: self.source.to_string(),
                row: Some(row),
                column: None,
                message,
            },
        );
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
            Kind::Long | Kind::Wide | Kind::Metadata => self.indicator_row(row, &c),
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
}
