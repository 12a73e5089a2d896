//! Files that hold many areas' figures: LGBF all-council downloads, tidy statistical
//! downloads (statistics.gov.scot) and mid-year population estimates (NRS). They are
//! read into [`AreaData`] as they are, every council kept; once the user says which
//! council is theirs, [`project`] turns them into that council's PIs, with each year's
//! rank among the councils, the Scottish average and the family group's average, and
//! into the population of the age bands the PIs name.

mod bands;
mod family;
mod project;
mod rank;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::dataset::Observation;
use crate::period::Period;

pub use bands::{AgeBand, AgeColumn};
pub use family::{family_of, Family};
pub use project::{project, Projected};
pub use rank::{competition_rank, RankOrder};

/// Every area's figures, as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaData {
    /// Each PI's values by period, then area (by the name the file gives it, else its code).
    pub values: FxHashMap<String, BTreeMap<Period, BTreeMap<String, Observation>>>,
    /// The Scotland row's figure, where the file states one, by PI and period.
    pub scotland: FxHashMap<String, BTreeMap<Period, Observation>>,
    /// Area codes by the area's name, where the file gives both (`S12000019` →
    /// `Midlothian`), so a choice made by either finds it.
    pub codes: BTreeMap<String, String>,
    /// Councils' LGBF family groups.
    pub families: Vec<FamilyRow>,
    /// Population estimates by single year of age.
    pub ages: Vec<AgeRow>,
}

impl AreaData {
    /// Whether any file held figures of areas.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.ages.is_empty()
    }
}

/// One council's family group, for one indicator family or (where the table names no
/// family) for all.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyRow {
    pub area: String,
    pub group: String,
    pub family: Option<Family>,
}

/// Which of the sexes a population row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Persons,
    Males,
    Females,
}

impl Sex {
    /// `Persons`, `All`, `All people`, `Total`; `Males`, `Male`, `M`; `Females`, `F`.
    pub fn parse(text: &str) -> Option<Sex> {
        let t = crate::text::letters_key(text);
        match t.as_str() {
            "persons" | "person" | "all" | "allpersons" | "allpeople" | "people" | "total"
            | "both" | "bothsexes" => Some(Sex::Persons),
            "males" | "male" | "m" | "men" => Some(Sex::Males),
            "females" | "female" | "f" | "women" => Some(Sex::Females),
            _ => None,
        }
    }
}

/// One row of mid-year population estimates: an area, a sex and a year, with the
/// population of each age column.
#[derive(Debug, Clone, PartialEq)]
pub struct AgeRow {
    pub area: String,
    pub sex: Sex,
    /// The calendar year of the mid-year estimate.
    pub year: i32,
    pub ages: Vec<(AgeColumn, f64)>,
}

/// The key two spellings of one area share: `Edinburgh, City of` and `City of
/// Edinburgh` do not, but `Perth & Kinross` and `Perth and Kinross` do.
pub fn area_key(name: &str) -> String {
    crate::text::letters_key(&name.replace('&', "and"))
}

/// Whether an area is Scotland as a whole (by name or by its code `S92000003`), which
/// is the benchmark, never a council to rank.
pub fn is_scotland(area: &str) -> bool {
    let k = area_key(area);
    k == "scotland" || k == "s92000003"
}
