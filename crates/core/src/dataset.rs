//! Everything read from the user's files, merged: indicators, their values by period,
//! targets, population estimates, actions, and the notices raised while reading.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;
use std::fmt;

use crate::action::Action;
use crate::indicator::Indicator;
use crate::period::Period;
use crate::status::Status;
use crate::value::Figure;

/// How serious a notice is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Level {
    /// A whole file could not be read.
    Error,
    /// A cell or row was not understood and was left out; the rest of the file counts.
    Problem,
    /// Something the user should know (a value replaced by a later file).
    Info,
}

/// A message about the input, naming the file, row and column where it can.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub level: Level,
    pub file: String,
    /// The row as the user counts it: the spreadsheet's row number, or the CSV line.
    pub row: Option<usize>,
    /// The column by its header.
    pub column: Option<String>,
    pub message: String,
}

impl Notice {
    /// A row (or a cell of it, column unknown) that was left out; the rest still counts.
    pub fn row_problem(file: &str, row: usize, message: String) -> Notice {
        Notice {
            level: Level::Problem,
            file: file.to_string(),
            row: Some(row),
            column: None,
            message,
        }
    }

    /// A file that could not be read at all.
    pub fn error(file: &str, message: String) -> Notice {
        Notice {
            level: Level::Error,
            file: file.to_string(),
            row: None,
            column: None,
            message,
        }
    }
}

impl fmt::Display for Notice {
    /// "complaints.csv, row 14, column 'Value': expected a number, found 'abc'".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column '{c}'")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Collects notices, keeping the first few of each kind in a file and counting the rest,
/// so a thousand bad rows make one readable message and not a thousand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoticeLog {
    notices: Vec<Notice>,
    /// (file, column, kind) → how many were seen.
    seen: HashMap<(String, Option<String>, &'static str), usize>,
}

/// How many notices of one kind, in one column of one file, are listed one by one.
pub const NOTICES_PER_KIND: usize = 5;

impl NoticeLog {
    /// Adds a notice; `kind` groups notices that say the same thing about different rows.
    pub fn push(&mut self, kind: &'static str, notice: Notice) {
        let key = (notice.file.clone(), notice.column.clone(), kind);
        let n = self.seen.entry(key).or_insert(0);
        *n += 1;
        if *n <= NOTICES_PER_KIND {
            self.notices.push(notice);
        }
    }

    /// The notices, with one closing line for each kind that had more than could be listed.
    pub fn finish(mut self) -> Vec<Notice> {
        let mut extra: Vec<_> = self
            .seen
            .into_iter()
            .filter(|(_, n)| *n > NOTICES_PER_KIND)
            .collect();
        extra.sort();
        for ((file, column, kind), n) in extra {
            self.notices.push(Notice {
                level: Level::Problem,
                file,
                row: None,
                column,
                message: format!(
                    "{} more rows had the same problem ({kind}); only the first {NOTICES_PER_KIND} are listed",
                    n - NOTICES_PER_KIND
                ),
            });
        }
        self.notices
    }

    /// Whether any notice was logged.
    pub fn is_empty(&self) -> bool {
        self.notices.is_empty()
    }
}

/// What was given for one PI in one period.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Observation {
    /// The value as stated in the file.
    pub value: Option<Figure>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The multiplier of numerator ÷ denominator (100, 1000).
    pub per: Option<f64>,
    /// This period's own target.
    pub target: Option<f64>,
    /// The comparator (Scottish average) for this period.
    pub benchmark: Option<f64>,
    pub rank: Option<u32>,
    pub rank_of: Option<u32>,
    pub note: String,
    /// A status the file itself states, to check against the computed one.
    pub stated_status: Option<Status>,
    /// Where it was read ("complaints.csv row 7"), for messages.
    pub source: Option<SourceRow>,
}

/// A row of a table read into the dataset: the table by its place in
/// [`Dataset::sources`], and the row as the user counts it. Two numbers rather than
/// "complaints.csv row 7" spelled out for every value read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceRow {
    pub source: u32,
    pub row: u32,
}

/// One population estimate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PopulationEstimate {
    pub area: String,
    /// The population group (age band) as written: `0-15`.
    pub group: String,
    /// The calendar year of the mid-year estimate.
    pub year: i32,
    pub population: f64,
}

/// What a file (or a sheet of a workbook) was recognised as.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceSummary {
    /// The file name, with the sheet after `›` for a workbook.
    pub name: String,
    /// "indicator values (wide layout)", "population table", ...
    pub recognised_as: String,
    /// Data rows read (not counting the header).
    pub rows: usize,
}

/// Everything read from the user's files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Indicators by code.
    pub indicators: FxHashMap<String, Indicator>,
    /// Codes in the order they were first seen, the order reports list them.
    pub order: Vec<String>,
    /// Values and targets by code, then period.
    pub observations: FxHashMap<String, BTreeMap<Period, Observation>>,
    /// Annual targets by code, then the financial year's starting calendar year.
    pub annual_targets: FxHashMap<String, BTreeMap<i32, f64>>,
    pub population: Vec<PopulationEstimate>,
    pub actions: Vec<Action>,
    pub sources: Vec<SourceSummary>,
    pub notices: Vec<Notice>,
}

impl Dataset {
    /// The indicator with this code, created in first-seen order when new.
    pub fn indicator_mut(&mut self, code: &str) -> &mut Indicator {
        // Looked up by `&str` first: a `String` is made only for a new code (once per PI,
        // not once per row).
        if !self.indicators.contains_key(code) {
            self.order.push(code.to_string());
            let ind = Indicator {
                code: code.to_string(),
                ..Indicator::default()
            };
            self.indicators.insert(code.to_string(), ind);
        }
        match self.indicators.get_mut(code) {
            Some(ind) => ind,
            None => unreachable!("inserted above"),
        }
    }

    /// Indicators in the order they were first seen.
    pub fn indicators_in_order(&self) -> impl Iterator<Item = &Indicator> {
        self.order.iter().filter_map(|c| self.indicators.get(c))
    }

    /// The population of a group for a financial year: the mid-year estimate of the
    /// calendar year in which the financial year starts, else the latest earlier one.
    pub fn population_for(&self, group: &str, fy: i32) -> Option<&PopulationEstimate> {
        let want = normalise_group(group);
        self.population
            .iter()
            .filter(|p| normalise_group(&p.group) == want && p.year <= fy)
            .max_by_key(|p| p.year)
    }

    /// Errors that stopped a whole file from being read.
    pub fn errors(&self) -> impl Iterator<Item = &Notice> {
        self.notices.iter().filter(|n| n.level == Level::Error)
    }
}

/// `0-15`, `0 – 15`, `Aged 0-15` all name the same group.
fn normalise_group(g: &str) -> String {
    g.to_lowercase()
        .replace(" to ", "-")
        .replace(['–', '—'], "-")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '+')
        .collect::<String>()
        .trim_start_matches("aged")
        .trim_start_matches("age")
        .to_string()
}

impl SourceSummary {
    /// Whether this source is the file of that name or one of its sheets.
    pub fn belongs_to(&self, file: &str) -> bool {
        self.name == file
            || self
                .name
                .strip_prefix(file)
                .is_some_and(|rest| rest.starts_with(" › "))
    }
}

impl Notice {
    /// The file the notice is about.
    pub fn file(&self) -> &str {
        &self.file
    }
}
