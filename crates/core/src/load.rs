//! Recognising what a table holds from its headers (long or wide indicator values,
//! PI metadata, population estimates, actions) and loading its rows into the dataset.
//! Every bad cell becomes a notice naming file, row and column; good rows still count.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::action::Action;
use crate::dataset::{
    Dataset, Level, Notice, NoticeLog, Observation, PopulationEstimate, SourceRow, SourceSummary,
};
use crate::indicator::{parse_yes_no, Indicator, Polarity, Tolerance};
use crate::period::{parse_date, Period};
use crate::read::{read_delimited, read_tables_with_progress, Row, Table};
use crate::status::Status;
use crate::value::{parse_figure, trim, Figure, Unit};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Col {
    Code,
    Title,
    Group,
    Period,
    Value,
    Numerator,
    Denominator,
    Per,
    Target,
    AnnualTarget,
    Polarity,
    Tolerance,
    Cumulative,
    Unit,
    Decimals,
    Benchmark,
    Rank,
    RankOf,
    Note,
    Status,
    PopulationGroup,
    Area,
    StartDate,
    DueDate,
    Progress,
    /// Wide layout: the value of one period.
    ValueOf(Period),
    /// Wide layout: the target of one period.
    TargetOf(Period),
    /// The annual target of one financial year (`Annual Target 2018/19`).
    AnnualTargetOf(i32),
    /// Wide layout: the benchmark of one period.
    BenchmarkOf(Period),
}

/// Header aliases from the spec, compared with case, spaces, `_` and `-` removed.
const ALIASES: &[(&str, Col)] = &[
    ("code", Col::Code),
    ("picode", Col::Code),
    ("indicatorcode", Col::Code),
    ("ref", Col::Code),
    ("title", Col::Title),
    ("indicator", Col::Title),
    ("pi", Col::Title),
    ("name", Col::Title),
    ("action", Col::Title),
    ("description", Col::Title),
    ("group", Col::Group),
    ("priority", Col::Group),
    ("outcome", Col::Group),
    ("section", Col::Group),
    ("service", Col::Group),
    ("period", Col::Period),
    ("quarter", Col::Period),
    ("year", Col::Period),
    ("value", Col::Value),
    ("actual", Col::Value),
    ("result", Col::Value),
    ("numerator", Col::Numerator),
    ("count", Col::Numerator),
    ("denominator", Col::Denominator),
    ("population", Col::Denominator),
    ("base", Col::Denominator),
    ("per", Col::Per),
    ("scale", Col::Per),
    ("multiplier", Col::Per),
    ("target", Col::Target),
    ("periodtarget", Col::Target),
    ("annualtarget", Col::AnnualTarget),
    ("polarity", Col::Polarity),
    ("aim", Col::Polarity),
    ("direction", Col::Polarity),
    ("tolerance", Col::Tolerance),
    ("warning", Col::Tolerance),
    ("threshold", Col::Tolerance),
    ("cumulative", Col::Cumulative),
    ("ytd", Col::Cumulative),
    ("yeartodate", Col::Cumulative),
    ("unit", Col::Unit),
    ("units", Col::Unit),
    ("decimals", Col::Decimals),
    ("dp", Col::Decimals),
    ("benchmark", Col::Benchmark),
    ("scotland", Col::Benchmark),
    ("national", Col::Benchmark),
    ("comparator", Col::Benchmark),
    ("scottishaverage", Col::Benchmark),
    ("rank", Col::Rank),
    ("lgbfrank", Col::Rank),
    ("rankof", Col::RankOf),
    ("outof", Col::RankOf),
    ("note", Col::Note),
    ("notes", Col::Note),
    ("comment", Col::Note),
    ("comments", Col::Note),
    ("commentary", Col::Note),
    ("status", Col::Status),
    ("populationgroup", Col::PopulationGroup),
    ("agegroup", Col::PopulationGroup),
    ("area", Col::Area),
    ("startdate", Col::StartDate),
    ("start", Col::StartDate),
    ("duedate", Col::DueDate),
    ("due", Col::DueDate),
    ("progress", Col::Progress),
    ("progress%", Col::Progress),
    ("percentcomplete", Col::Progress),
];

fn squash(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a header names: an alias, or a period label with `value`/`target` around it.
fn classify_header(header: &str) -> Option<Col> {
    let key = squash(header);
    if let Some((_, col)) = ALIASES.iter().find(|(a, _)| *a == key) {
        return Some(*col);
    }
    let (period, rest) = Period::find_in(header)?;
    match squash(&rest).as_str() {
        "" | "value" | "values" | "actual" | "result" => Some(Col::ValueOf(period)),
        "target" | "periodtarget" => Some(Col::TargetOf(period)),
        "annualtarget" | "target(annual)" => Some(Col::AnnualTargetOf(period.financial_year())),
        "benchmark" | "scotland" | "scottishaverage" | "national" | "comparator" => {
            Some(Col::BenchmarkOf(period))
        }
        _ => None,
    }
}

/// What a table was recognised as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Long,
    Wide,
    Metadata,
    Population,
    Actions,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::Long => "indicator values (long layout)",
            Kind::Wide => "indicator values (wide layout)",
            Kind::Metadata => "indicator definitions",
            Kind::Population => "population table",
            Kind::Actions => "actions",
        }
    }
}

/// The header row and what each column holds.
struct Columns {
    header_row: usize,
    names: Vec<String>,
    cols: Vec<Option<Col>>,
    /// For each plain column kind (see [`slot`]), the first column that holds it.
    first: [Option<usize>; SLOTS],
}

/// How many column kinds [`slot`] numbers.
const SLOTS: usize = 25;

/// A number for each column kind that names no period, to look columns up by.
fn slot(c: Col) -> Option<usize> {
    Some(match c {
        Col::Code => 0,
        Col::Title => 1,
        Col::Group => 2,
        Col::Period => 3,
        Col::Value => 4,
        Col::Numerator => 5,
        Col::Denominator => 6,
        Col::Per => 7,
        Col::Target => 8,
        Col::AnnualTarget => 9,
        Col::Polarity => 10,
        Col::Tolerance => 11,
        Col::Cumulative => 12,
        Col::Unit => 13,
        Col::Decimals => 14,
        Col::Benchmark => 15,
        Col::Rank => 16,
        Col::RankOf => 17,
        Col::Note => 18,
        Col::Status => 19,
        Col::PopulationGroup => 20,
        Col::Area => 21,
        Col::StartDate => 22,
        Col::DueDate => 23,
        Col::Progress => 24,
        Col::ValueOf(_) | Col::TargetOf(_) | Col::AnnualTargetOf(_) | Col::BenchmarkOf(_) => {
            return None
        }
    })
}

impl Columns {
    fn has(&self, c: Col) -> bool {
        self.cols.contains(&Some(c))
    }
}

/// Finds the header: the first of the first 20 rows in which at least two cells are
/// recognised (reports often carry a title row or two above their table).
fn find_header(table: &Table) -> Option<Columns> {
    for (i, cells) in table.rows().enumerate().take(20) {
        let cols: Vec<Option<Col>> = cells.cells().map(classify_header).collect();
        if cols.iter().filter(|c| c.is_some()).count() >= 2 {
            let mut first = [None; SLOTS];
            for (i, c) in cols.iter().enumerate() {
                if let Some(s) = c.and_then(slot) {
                    first[s].get_or_insert(i);
                }
            }
            return Some(Columns {
                header_row: i,
                names: cells.cells().map(|h| h.trim().to_string()).collect(),
                cols,
                first,
            });
        }
    }
    None
}

fn kind_of(cols: &Columns) -> Option<Kind> {
    let has = |c| cols.has(c);
    let wide = cols.cols.iter().any(|c| matches!(c, Some(Col::ValueOf(_))));
    if has(Col::DueDate) && has(Col::Progress) {
        Some(Kind::Actions)
    } else if has(Col::PopulationGroup)
        && has(Col::Denominator)
        && has(Col::Period)
        && !has(Col::Code)
        && !has(Col::Title)
        && !has(Col::Value)
        && !has(Col::Numerator)
    {
        Some(Kind::Population)
    } else if !(has(Col::Code) || has(Col::Title)) {
        None
    } else if has(Col::Period) {
        Some(Kind::Long)
    } else if wide {
        Some(Kind::Wide)
    } else {
        Some(Kind::Metadata)
    }
}

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
const A_VALUE: &str = "a number such as 1,309, 98% or £15.8m";

/// Notes a value's decimals and unit on its indicator.
fn seen(ind: &mut Indicator, f: &Figure) {
    ind.decimals_seen = Some(ind.decimals_seen.unwrap_or(0).max(f.decimals));
    if let Some(u) = &f.unit {
        ind.unit_seen = Some(u.clone());
    }
}

/// A row's indicator settings, read before they are set (see [`Loader::apply`]).
#[derive(Clone, Copy)]
struct Meta<'r> {
    title: Option<&'r str>,
    group: Option<&'r str>,
    polarity: Option<Polarity>,
    tolerance: Option<Tolerance>,
    cumulative: Option<bool>,
    unit: Option<&'r str>,
    decimals: Option<u8>,
    population_group: Option<&'r str>,
    per: Option<f64>,
    standing_target: Option<f64>,
}

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

/// Periods added in one run of rows of a PI after which its map is rebuilt.
const COMPACT_AFTER: usize = 12;

/// Period labels remembered per table, at most (a file of unique labels is not cached).
const PERIOD_CACHE: usize = 4096;

/// One row's cells by column.
struct Cells<'r> {
    cells: Row<'r>,
    cols: &'r Columns,
}

impl<'r> Cells<'r> {
    /// The trimmed text of a column, empty where the column is absent or blank.
    fn text(&self, c: Col) -> String {
        self.get(c).map(|(_, s)| s.to_string()).unwrap_or_default()
    }

    fn get(&self, c: Col) -> Option<(usize, &'r str)> {
        match slot(c) {
            Some(s) => self.cols.first[s],
            None => self.cols.cols.iter().position(|x| *x == Some(c)),
        }
        .and_then(|i| self.cells.get(i).map(|s| (i, trim(s))))
        .filter(|(_, s)| !s.is_empty())
    }
}

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

    /// A number cell: `None` (with a notice) when it is not one.
    fn figure(&mut self, row: usize, at: Option<(usize, &str)>, what: &str) -> Option<Figure> {
        let (i, text) = at?;
        match parse_figure(text) {
            Ok(f) => f,
            Err(_) => {
                self.cell_problem(
                    row,
                    i,
                    "not a number",
                    format!("expected {what}, found '{}'", truncate(text, 40)),
                );
                None
            }
        }
    }

    fn number(&mut self, row: usize, at: Option<(usize, &str)>, what: &str) -> Option<f64> {
        self.figure(row, at, what).map(|f| f.number)
    }

    fn whole(&mut self, row: usize, at: Option<(usize, &str)>, what: &str) -> Option<u32> {
        let (i, text) = at?;
        let n = self.number(row, at, what)?;
        if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 {
            Some(n as u32)
        } else {
            self.cell_problem(
                row,
                i,
                "not a whole number",
                format!("expected {what}, found '{text}'"),
            );
            None
        }
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

    fn population_row(&mut self, row: usize, c: &Cells) {
        let group = c.get(Col::PopulationGroup).map(|(_, s)| s.to_string());
        let year = match c.get(Col::Period) {
            Some((i, y)) => match y.parse::<i32>() {
                Ok(y) if (1900..=2200).contains(&y) => Some(y),
                _ => {
                    self.cell_problem(
                        row,
                        i,
                        "bad year",
                        format!(
                            "expected a calendar year such as 2023, found '{}'",
                            truncate(y, 40)
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let population = self.number(row, c.get(Col::Denominator), "a population count");
        match (group, year, population) {
            (Some(group), Some(year), Some(population)) => {
                self.ds.population.push(PopulationEstimate {
                    area: c.text(Col::Area),
                    group,
                    year,
                    population,
                })
            }
            (None, ..) => self.row_problem(
                row,
                "incomplete population row",
                "the population group is empty; the row was left out".into(),
            ),
            _ => {}
        }
    }

    fn action_row(&mut self, row: usize, c: &Cells) {
        let date = |this: &mut Self, col: Col, what: &str| -> Option<chrono::NaiveDate> {
            let (i, text) = c.get(col)?;
            let d = parse_date(text);
            if d.is_none() {
                this.cell_problem(
                    row,
                    i,
                    "not a date",
                    format!(
                        "expected {what} such as 31-Mar-2019, found '{}'",
                        truncate(text, 40)
                    ),
                );
            }
            d
        };
        let start = date(self, Col::StartDate, "a start date");
        let Some(due) = date(self, Col::DueDate, "a due date") else {
            if c.get(Col::DueDate).is_none() {
                self.row_problem(
                    row,
                    "no due date",
                    "the action has no due date; it was left out".into(),
                );
            }
            return;
        };
        let progress = match self.figure(
            row,
            c.get(Col::Progress),
            "progress as a percentage such as 50%",
        ) {
            Some(f) => {
                let p = if f.unit.is_none() && f.number <= 1.0 && f.decimals > 0 {
                    f.number * 100.0
                } else {
                    f.number
                };
                p.clamp(0.0, 100.0)
            }
            None => 0.0,
        };
        let code = c.text(Col::Code);
        let title = c.text(Col::Title);
        if code.is_empty() && title.is_empty() {
            self.row_problem(
                row,
                "no key",
                "the action has neither a code nor a title; it was left out".into(),
            );
            return;
        }
        self.ds.actions.push(Action {
            code,
            title,
            group: c.text(Col::Group),
            start,
            due,
            progress,
            note: c.text(Col::Note),
            source: format!("{} row {row}", self.source),
        });
    }

    fn indicator_row(&mut self, row: usize, c: &Cells) {
        let code = c
            .get(Col::Code)
            .or_else(|| c.get(Col::Title))
            .map(|(_, s)| s);
        let Some(code) = code else {
            self.row_problem(
                row,
                "no key",
                "this row has neither a code nor an indicator title; it was left out".into(),
            );
            return;
        };
        let meta = self.metadata(row, c);

        let mut per_row = Observation {
            numerator: self.number(row, c.get(Col::Numerator), "a number (the numerator)"),
            denominator: self.number(row, c.get(Col::Denominator), "a number (the denominator)"),
            per: self.number(row, c.get(Col::Per), "a multiplier such as 100 or 1000"),
            target: self.number(row, c.get(Col::Target), "a target figure"),
            benchmark: self.number(row, c.get(Col::Benchmark), "a benchmark figure"),
            rank: self.whole(row, c.get(Col::Rank), "a rank such as 8"),
            rank_of: self.whole(row, c.get(Col::RankOf), "the number ranked, such as 32"),
            note: c.text(Col::Note),
            stated_status: None,
            value: None,
            source: Some(SourceRow {
                source: self.source_index,
                row: u32::try_from(row).unwrap_or(u32::MAX),
            }),
        };
        per_row.stated_status = match c.get(Col::Status) {
            Some((i, s)) => {
                let st = Status::stated_in(s);
                if st.is_none() {
                    self.cell_problem(row, i, "unknown status", format!("expected a status such as On Target, Warning, Off Target or Data Only, found '{}'", truncate(s, 40)));
                }
                st
            }
            None => Status::stated_in(&per_row.note),
        };
        let annual = self.number(row, c.get(Col::AnnualTarget), "an annual target figure");

        if self.kind != Kind::Long {
            self.apply(code, &meta, None);
        }
        match self.kind {
            Kind::Long => {
                let Some((i, label)) = c.get(Col::Period) else {
                    self.apply(code, &meta, None);
                    if per_row.value.is_none() && c.get(Col::Value).is_some() {
                        self.row_problem(
                            row,
                            "no period",
                            "this row has a value but no period; it was left out".into(),
                        );
                    }
                    return;
                };
                let Some(period) = self.period(label) else {
                    self.apply(code, &meta, None);
                    self.cell_problem(row, i, "not a period", format!("expected a period such as 'Q2 2018/19', '2018/19' or 'Sep 2018', found '{}'", truncate(label, 40)));
                    return;
                };
                let value = self.figure(row, c.get(Col::Value), A_VALUE);
                // The row's settings and the value's unit and decimals: one look-up.
                self.apply(code, &meta, value.as_ref());
                per_row.value = value;
                if let Some(a) = annual {
                    self.annual_target(code, period.financial_year(), a);
                }
                self.merge(row, code, period, per_row);
            }
            Kind::Wide => {
                let mut periods: BTreeMap<Period, Observation> = BTreeMap::new();
                for (i, col) in self.cols.cols.iter().enumerate() {
                    let text = c.cells.get(i).map_or("", str::trim);
                    let at = Some((i, text)).filter(|(_, t)| !t.is_empty());
                    match col {
                        Some(Col::ValueOf(p)) => {
                            let v = self.value(row, at, code);
                            periods.entry(*p).or_default().value = v;
                        }
                        Some(Col::TargetOf(p)) => {
                            let t = self.number(row, at, "a target figure");
                            if t.is_some() {
                                periods.entry(*p).or_default().target = t;
                            }
                        }
                        Some(Col::BenchmarkOf(p)) => {
                            let b = self.number(row, at, "a benchmark figure");
                            if b.is_some() {
                                periods.entry(*p).or_default().benchmark = b;
                            }
                        }
                        Some(Col::AnnualTargetOf(fy)) => {
                            if let Some(a) = self.number(row, at, "an annual target figure") {
                                self.annual_target(code, *fy, a);
                            }
                        }
                        _ => {}
                    }
                }
                // A note (and a status it states) belongs to the period it names, else to the
                // latest period of the row with a value.
                let note_period = Period::find_in(&per_row.note)
                    .map(|(p, _)| p)
                    .filter(|p| periods.contains_key(p))
                    .or_else(|| {
                        periods
                            .iter()
                            .rev()
                            .find(|(_, o)| o.value.is_some())
                            .map(|(p, _)| *p)
                    });
                for (p, mut obs) in periods {
                    obs.numerator = per_row.numerator;
                    obs.denominator = per_row.denominator;
                    obs.per = per_row.per;
                    obs.target = obs.target.or(per_row.target);
                    obs.benchmark = obs.benchmark.or(per_row.benchmark);
                    obs.rank = per_row.rank;
                    obs.rank_of = per_row.rank_of;
                    obs.source = per_row.source;
                    if Some(p) == note_period {
                        obs.note = per_row.note.clone();
                        obs.stated_status = per_row.stated_status;
                    }
                    if let Some(a) = annual {
                        self.annual_target(code, p.financial_year(), a);
                    }
                    self.merge(row, code, p, obs);
                }
            }
            Kind::Metadata | Kind::Population | Kind::Actions => {}
        }
    }

    /// Ends a run of rows of one PI. A map filled in order of period leaves its B-tree
    /// nodes about half full; where the run added many periods the PI's map is rebuilt
    /// from its sorted entries, which fills them (a million values took ~40% less memory).
    /// Files whose rows are not grouped by PI make short runs and are not rebuilt.
    fn end_run(&mut self) {
        if self.run_added >= COMPACT_AFTER {
            if let Some(m) = self.ds.observations.get_mut(self.run_code.as_str()) {
                *m = std::mem::take(m).into_iter().collect();
            }
        }
        self.run_added = 0;
    }

    /// A period label, parsed once per table.
    fn period(&mut self, label: &str) -> Option<Period> {
        if let Some(p) = self.periods.get(label) {
            return *p;
        }
        let p = Period::parse(label);
        if self.periods.len() < PERIOD_CACHE {
            self.periods.insert(label.into(), p);
        }
        p
    }

    /// "complaints.csv row 7": where an earlier value was read.
    fn describe(&self, at: Option<SourceRow>) -> String {
        let Some(at) = at else {
            return String::new();
        };
        let name = match self.ds.sources.get(at.source as usize) {
            Some(s) if at.source != self.source_index => s.name.as_str(),
            _ => self.source,
        };
        format!("{name} row {}", at.row)
    }

    /// A value cell, noting its unit and decimals on the indicator.
    fn value(&mut self, row: usize, at: Option<(usize, &str)>, code: &str) -> Option<Figure> {
        let f = self.figure(row, at, A_VALUE)?;
        seen(self.ds.indicator_mut(code), &f);
        Some(f)
    }

    fn annual_target(&mut self, code: &str, fy: i32, value: f64) {
        self.ds
            .annual_targets
            .entry(code.to_string())
            .or_default()
            .insert(fy, value);
    }

    /// Settings that may stand on any row, read with notices for bad cells; [`Loader::apply`]
    /// sets them on the indicator.
    fn metadata<'r>(&mut self, row: usize, c: &Cells<'r>) -> Meta<'r> {
        let polarity = match c.get(Col::Polarity) {
            Some((i, s)) => {
                let p = Polarity::parse(s);
                if p.is_none() {
                    self.cell_problem(row, i, "unknown polarity", format!("expected up, down, band or none (or 'Aim to Maximise', 'Aim to Minimise'), found '{}'", truncate(s, 40)));
                }
                p
            }
            None => None,
        };
        let tolerance = match c.get(Col::Tolerance) {
            Some((i, s)) => match Tolerance::parse(s) {
                Ok(t) => t,
                Err(_) => {
                    self.cell_problem(
                        row,
                        i,
                        "bad tolerance",
                        format!(
                            "expected a tolerance such as 2 or 5%, found '{}'",
                            truncate(s, 40)
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let cumulative = match c.get(Col::Cumulative) {
            Some((i, s)) => {
                let y = parse_yes_no(s);
                if y.is_none() {
                    self.cell_problem(
                        row,
                        i,
                        "not yes or no",
                        format!("expected yes or no, found '{}'", truncate(s, 40)),
                    );
                }
                y
            }
            None => None,
        };
        let decimals = match c.get(Col::Decimals) {
            Some((i, s)) => match s.parse::<u8>() {
                Ok(d) if d <= 6 => Some(d),
                _ => {
                    self.cell_problem(
                        row,
                        i,
                        "bad decimals",
                        format!(
                            "expected a number of decimal places from 0 to 6, found '{}'",
                            truncate(s, 40)
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        // A definitions table (no periods) may set the multiplier and a target that
        // stands for every period.
        let (per, standing_target) = if self.kind == Kind::Metadata {
            (
                self.number(row, c.get(Col::Per), "a multiplier such as 100 or 1000"),
                self.number(row, c.get(Col::Target), "a target figure"),
            )
        } else {
            (None, None)
        };
        Meta {
            title: c.get(Col::Title).map(|(_, t)| t),
            group: c.get(Col::Group).map(|(_, g)| g),
            polarity,
            tolerance,
            cumulative,
            unit: c.get(Col::Unit).map(|(_, u)| u),
            decimals,
            population_group: c.get(Col::PopulationGroup).map(|(_, g)| g),
            per,
            standing_target,
        }
    }

    /// Sets a row's settings on its indicator (the latest non-empty one wins), and the
    /// unit and decimals of a value read on the row.
    fn apply(&mut self, code: &str, meta: &Meta, value: Option<&Figure>) {
        let Meta {
            title,
            group,
            polarity,
            tolerance,
            cumulative,
            unit,
            decimals,
            population_group,
            per,
            standing_target,
        } = *meta;
        let ind = self.ds.indicator_mut(code);
        // Compared first: the same title and group stand on every row of a PI.
        if let Some(t) = title {
            if ind.title != t {
                ind.title = t.to_string();
            }
        }
        if ind.title.is_empty() {
            ind.title = code.to_string();
        }
        if let Some(g) = group {
            if ind.group != g {
                ind.group = g.to_string();
            }
        }
        if let Some(p) = polarity {
            ind.polarity = p;
        }
        if tolerance.is_some() {
            ind.tolerance = tolerance;
        }
        if let Some(y) = cumulative {
            ind.cumulative = y;
        }
        if let Some(u) = unit {
            ind.unit = Some(Unit::parse(u));
        }
        if decimals.is_some() {
            ind.decimals = decimals;
        }
        if let Some(g) = population_group {
            ind.population_group = Some(g.to_string());
        }
        if per.is_some() {
            ind.per = per;
        }
        if standing_target.is_some() {
            ind.standing_target = standing_target;
        }
        if let Some(f) = value {
            seen(ind, f);
        }
    }

    /// Merges an observation: a later value for the same PI and period replaces the
    /// earlier one, with a notice; other fields fill in where the later row has them.
    fn merge(&mut self, row: usize, code: &str, period: Period, obs: Observation) {
        if self.run_code != code {
            self.end_run();
            self.run_code.clear();
            self.run_code.push_str(code);
        }
        // One look-up where the code is known (on most rows), two where it is new.
        let by_period = if let Some(m) = self.ds.observations.get_mut(code) {
            m
        } else {
            self.ds.observations.entry(code.to_string()).or_default()
        };
        let slot = match by_period.entry(period) {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => {
                self.run_added += 1;
                v.insert(Observation::default())
            }
        };
        let replaced = match (&slot.value, &obs.value) {
            (Some(old), Some(new)) => Some((old.number, new.number, slot.source)),
            _ => None,
        };
        if obs.value.is_some() {
            slot.value = obs.value;
            slot.source = obs.source;
        } else if slot.source.is_none() {
            slot.source = obs.source;
        }
        macro_rules! fill {
            ($($f:ident),*) => { $( if obs.$f.is_some() { slot.$f = obs.$f; } )* };
        }
        fill!(
            numerator,
            denominator,
            per,
            target,
            benchmark,
            rank,
            rank_of,
            stated_status
        );
        if !obs.note.is_empty() {
            slot.note = obs.note;
        }
        if let Some((old, new, from)) = replaced {
            let from = self.describe(from);
            let same = if old == new { " (the same figure)" } else { "" };
            self.info(
                row,
                "value replaced",
                format!("the value of {code} for {period} replaces the one from {from}{same}"),
            );
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
    fn recognises_header_aliases_case_and_spacing_insensitively() {
        assert_eq!(classify_header("PI Code"), Some(Col::Code));
        assert_eq!(classify_header("pi_code"), Some(Col::Code));
        assert_eq!(classify_header("Year-To-Date"), Some(Col::Cumulative));
        assert_eq!(
            classify_header("Annual Target 2018/19"),
            Some(Col::AnnualTargetOf(2018))
        );
        assert_eq!(
            classify_header("Q2 2018/19 Value"),
            Some(Col::ValueOf(Period::Quarter { fy: 2018, q: 2 }))
        );
        assert_eq!(classify_header("Favourite colour"), None);
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
