//! Everything read from the user's files, merged: indicators, their values by period,
//! targets, population estimates, actions, and the notices raised while reading.

use std::collections::BTreeMap;
use std::fmt;

use rustc_hash::FxHashMap;

use crate::action::Action;
use crate::indicator::Indicator;
use crate::load::mapping::{ColumnMapping, Unplaced};
use crate::period::Period;
pub use crate::problem::Level;
use crate::problem::{source_label, Problem};
use crate::status::Status;
use crate::value::Figure;

/// What was given for one PI in one period. A million of these make a long file's
/// dataset, so what few files give is kept apart ([`MoreObserved`]): an observation of a
/// plain file is half the size it would otherwise be.
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
    /// Where it was read ("complaints.csv row 7"), for messages.
    pub source: Option<SourceRow>,
    /// What few files give for a period; `None` where nothing of it was given.
    #[serde(default)]
    pub more: Option<Box<MoreObserved>>,
}

/// What some files give for a PI in one period beside its value and target.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MoreObserved {
    /// The comparator (Scottish average) for this period.
    pub benchmark: Option<f64>,
    pub rank: Option<u32>,
    pub rank_of: Option<u32>,
    pub note: String,
    /// A status the file itself states, to check against the computed one.
    pub stated_status: Option<Status>,
    /// The figures behind the value, as a report prints them under "Feeder Data"
    /// (`Number received (cumulative)` 5,460), in the order given.
    pub feeder: Vec<FeederItem>,
    /// The mean of the council's LGBF family group, where a family table gives it.
    #[serde(default)]
    pub family: Option<FamilyAverage>,
}

/// Nothing more observed: what [`Observation::more`] reads where nothing was given.
static NOTHING_MORE: MoreObserved = MoreObserved {
    benchmark: None,
    rank: None,
    rank_of: None,
    note: String::new(),
    stated_status: None,
    feeder: Vec::new(),
    family: None,
};

impl Observation {
    /// What more was given for the period (all of it empty where nothing was).
    pub fn more(&self) -> &MoreObserved {
        self.more.as_deref().unwrap_or(&NOTHING_MORE)
    }

    /// Keeps `more` where any of it was given (an observation stays small where nothing was).
    pub fn set_more(&mut self, more: MoreObserved) {
        self.more = (more != MoreObserved::default()).then(|| Box::new(more));
    }

    /// What more was given, to be written to.
    pub fn more_mut(&mut self) -> &mut MoreObserved {
        self.more.get_or_insert_with(Box::default)
    }
}

/// The mean value of the councils of one LGBF family group (those with a value).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FamilyAverage {
    /// The group as the family table names it (`2`, `Family Group 2`).
    pub group: String,
    pub value: f64,
    /// How many councils of the group had a value.
    pub of: u32,
}

impl FamilyAverage {
    /// `family group 2`, or the group's own name where it is more than a number.
    pub fn group_name(&self) -> String {
        if self.group.chars().all(|c| c.is_ascii_digit()) {
            format!("family group {}", self.group)
        } else {
            self.group.clone()
        }
    }
}

/// A figure behind a PI's value: its label and the figure as read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FeederItem {
    pub label: String,
    pub value: Figure,
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
    /// The file name as the user gave it.
    pub name: String,
    /// The workbook's sheet, for an XLSX file.
    pub sheet: Option<String>,
    /// "indicator values (wide layout)", "population table", ...
    pub recognised_as: String,
    /// Data rows read (not counting the header).
    pub rows: usize,
}

impl fmt::Display for SourceSummary {
    /// `council-q2.xlsx › Values`, or the file name alone for a CSV file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&source_label(&self.name, self.sheet.as_deref()))
    }
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
    /// Narrative sections, as read, for every period.
    pub narrative: Vec<crate::narrative::Narrative>,
    /// Risks from a risk register.
    pub risks: Vec<crate::risk::Risk>,
    pub sources: Vec<SourceSummary>,
    /// Problems found while reading, and notices for the user's information.
    pub notices: Vec<Problem>,
    /// Figures of many areas (LGBF and statistics downloads, population estimates by
    /// age), kept until the user's council is known ([`crate::areas::project`]).
    pub areas: crate::areas::AreaData,
    /// Tables that were not read because their headers could not be placed, as the
    /// column mapping step offers them.
    pub unplaced: Vec<Unplaced>,
    /// The column mappings the user chose, used while reading: settings given before the
    /// files are read, not something read from them.
    pub mappings: Vec<ColumnMapping>,
    /// Rows of complaints case lists, worked out into the SPSO indicators once every
    /// file is read ([`crate::complaints::derive`]).
    pub complaints: Vec<crate::complaints::case::CaseRow>,
    /// Local holidays from holiday lists among the files.
    pub holidays: Vec<chrono::NaiveDate>,
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
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
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
