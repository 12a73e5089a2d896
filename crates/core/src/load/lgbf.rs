//! Tables of many areas' figures: an LGBF all-council download (one row per council,
//! indicator and year), a tidy statistical download (statistics.gov.scot: `FeatureCode`,
//! `DateCode`, `Measurement`, `Units`, `Value` and a column per dimension), and a table
//! of the councils' LGBF family groups. Every area's row is kept in
//! [`crate::areas::AreaData`]; the PI's settings go on the indicator as in the long
//! layout.

use crate::areas::{is_scotland, Family, FamilyRow};
use crate::dataset::Observation;
use crate::period::Period;
use crate::problem::{quote, ProblemKind, Quantity};
use crate::value::Unit;

use super::cell::{self, Cells};
use super::columns::Col;
use super::pi_row::Meta;
use super::Loader;

/// A tidy download's `DateCode`: a calendar year `2019` (read as the financial year that
/// starts in it, 2019/20), a calendar quarter `2019-Q2` (April to June 2019: Q1
/// 2019/20), a month `2019M08`; else any period label (`2019/2020`).
///
/// ```
/// # use scorecard_core::period::Period;
/// # use scorecard_core::load::date_code;
/// assert_eq!(date_code("2019"), Some(Period::Year { fy: 2019 }));
/// assert_eq!(date_code("2019-Q1"), Some(Period::Quarter { fy: 2018, q: 4 }));
/// assert_eq!(date_code("2019-Q2"), Some(Period::Quarter { fy: 2019, q: 1 }));
/// assert_eq!(date_code("2016M08"), Some(Period::Month { year: 2016, month: 8 }));
/// assert_eq!(date_code("2019/2020"), Some(Period::Year { fy: 2019 }));
/// ```
pub fn date_code(text: &str) -> Option<Period> {
    let t = text.trim();
    let year = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    if let Some(y) = year(t) {
        return Some(Period::Year { fy: y });
    }
    let upper = t.to_uppercase();
    if let Some((y, q)) = upper.split_once("-Q").or_else(|| upper.split_once(" Q")) {
        let (y, q) = (year(y)?, q.parse::<u8>().ok()?);
        return match q {
            1 => Some(Period::Quarter { fy: y - 1, q: 4 }),
            2..=4 => Some(Period::Quarter { fy: y, q: q - 1 }),
            _ => None,
        };
    }
    if let Some((y, m)) = upper.split_once('M') {
        let (year, month) = (year(y)?, m.parse::<u8>().ok()?);
        return (1..=12)
            .contains(&month)
            .then_some(Period::Month { year, month });
    }
    Period::parse(t)
}

impl Loader<'_> {
    /// The key of a tidy download's row: its dimensions and measurement, each dimension
    /// with its header ("Age 16-64, Gender All, Ratio").
    pub(super) fn tidy_key(&self, c: &Cells) -> String {
        let mut parts = Vec::new();
        for (i, col) in self.cols.cols.iter().enumerate() {
            let dimension = !matches!(
                col,
                Some(
                    Col::Area
                        | Col::AreaCode
                        | Col::Period
                        | Col::Value
                        | Col::Unit
                        | Col::Numerator
                        | Col::Denominator
                        | Col::Measurement
                )
            );
            let name = self.cols.names.get(i).map_or("", String::as_str);
            if let (true, false, Some((_, text))) = (dimension, name.is_empty(), c.at(i)) {
                parts.push(format!("{name} {text}"));
            }
        }
        if let Some((_, m)) = c.get(Col::Measurement) {
            parts.push(m.to_string());
        }
        parts.join(", ")
    }

    /// The area a row is about: its name, else its code (a name and a code are
    /// remembered together).
    fn area_of(&mut self, c: &Cells) -> Option<String> {
        let name = c.get(Col::Area).map(|(_, s)| s);
        let code = c.get(Col::AreaCode).map(|(_, s)| s);
        if let (Some(n), Some(k)) = (name, code) {
            if !self.ds.areas.codes.contains_key(n) {
                self.ds.areas.codes.insert(n.to_string(), k.to_string());
            }
        }
        name.or(code).map(str::to_string)
    }

    /// One area's figure for one PI and period, kept with every other area's.
    pub(super) fn area_row(
        &mut self,
        row: usize,
        c: &Cells,
        code: &str,
        meta: &Meta,
        mut obs: Observation,
    ) {
        let mut meta = *meta;
        // A tidy download's `Units` says `Percent`, `People`, `Ratio`: only a percentage
        // or money is a unit the report shows; the rest are in the PI's name.
        if meta
            .unit
            .is_some_and(|u| !matches!(Unit::parse(u), Unit::Percent | Unit::Pounds { .. }))
        {
            meta.unit = None;
        }
        let Some(area) = self.area_of(c) else {
            self.apply(code, &meta, None);
            self.row_problem(row, ProblemKind::RowWithoutArea);
            return;
        };
        let Some((i, label)) = c.get(Col::Period) else {
            self.apply(code, &meta, None);
            self.row_problem(row, ProblemKind::ValueWithoutPeriod);
            return;
        };
        let Some(period) = date_code(label) else {
            self.apply(code, &meta, None);
            let found = quote(label, 40);
            self.cell_problem(row, i, ProblemKind::NotAPeriod { found });
            return;
        };
        obs.value = self.cell(row, c.get(Col::Value), |t| cell::figure(t, Quantity::Value));
        self.apply(code, &meta, obs.value.as_ref());
        let areas = &mut self.ds.areas;
        if is_scotland(&area) {
            areas
                .scotland
                .entry(code.to_string())
                .or_default()
                .insert(period, obs);
        } else {
            areas
                .values
                .entry(code.to_string())
                .or_default()
                .entry(period)
                .or_default()
                .insert(area, obs);
        }
    }

    /// A council's family group, for one family of indicators or for all.
    pub(super) fn family_row(&mut self, row: usize, c: &Cells) {
        let area = c.get(Col::Area).map(|(_, s)| s.to_string());
        let group = c.get(Col::FamilyGroup).map(|(_, s)| {
            // `Family Group 2` and `2` name the same group.
            let t = s.trim();
            let lower = t.to_lowercase();
            lower
                .strip_prefix("family group")
                .map_or(t.to_string(), |n| n.trim().to_string())
        });
        let family = c.get(Col::Family).and_then(|(_, f)| Family::parse(f));
        match (area, group) {
            (Some(area), Some(group)) => self.ds.areas.families.push(FamilyRow {
                area,
                group,
                family,
            }),
            _ => self.row_problem(row, ProblemKind::FamilyRowIncomplete),
        }
    }
}
