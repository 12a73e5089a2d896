//! The user's council chosen, many areas' figures become that council's PIs: its own
//! values, each year's rank among the councils with a value, the Scottish average and
//! its family group's average; and the population of each age band its PIs name.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::dataset::{Dataset, FamilyAverage, Observation, PopulationEstimate};
use crate::indicator::Indicator;
use crate::problem::{Position, Problem, ProblemKind};
use crate::value::Unit;

use super::rank::mean;
use super::{area_key, competition_rank, family_of, is_scotland, AgeBand, AgeRow, RankOrder, Sex};

/// The dataset as the report sees it for one area.
#[derive(Debug)]
pub struct Projected<'a> {
    pub dataset: Cow<'a, Dataset>,
    /// The areas the user may choose from, by name (by code where the file gives no
    /// name), in order; empty where there is no choice to make.
    pub areas: Vec<String>,
    /// The area reported on: the one chosen, or the only one there is.
    pub area: Option<String>,
}

/// The dataset for the area `chosen` (a name or a code, in any case): unchanged where no
/// file held many areas' figures.
pub fn project<'a>(ds: &'a Dataset, chosen: Option<&str>) -> Projected<'a> {
    let data = &ds.areas;
    if data.is_empty() {
        return Projected {
            dataset: Cow::Borrowed(ds),
            areas: Vec::new(),
            area: None,
        };
    }
    let areas = choices(ds);
    let area = match areas.as_slice() {
        [only] => Some(only.clone()),
        _ => chosen.and_then(|c| areas.iter().find(|a| same_area(ds, a, c)).cloned()),
    };
    let mut out = ds.clone();
    if let Some(area) = &area {
        for code in &ds.order {
            if let Some(ind) = ds.indicators.get(code) {
                council_values(ds, &mut out, ind, area);
            }
        }
    }
    population(ds, &mut out, area.as_deref());
    Projected {
        dataset: Cow::Owned(out),
        areas: if areas.len() > 1 { areas } else { Vec::new() },
        area,
    }
}

/// Every area named in the files, Scotland left out, once each.
fn choices(ds: &Dataset) -> Vec<String> {
    let mut seen = BTreeMap::new();
    let from_values = ds.areas.values.values().flat_map(|by_period| {
        by_period
            .values()
            .flat_map(|by_area| by_area.keys().map(String::as_str))
    });
    let from_ages = ds.areas.ages.iter().map(|r| r.area.as_str());
    for name in from_values.chain(from_ages) {
        if !is_scotland(name) {
            seen.entry(area_key(name))
                .or_insert_with(|| name.to_string());
        }
    }
    let mut names: Vec<String> = seen.into_values().collect();
    names.sort_by_key(|n| n.to_lowercase());
    names
}

/// Whether `name` (as a file has it) is the area the user named by name or code.
fn same_area(ds: &Dataset, name: &str, wanted: &str) -> bool {
    let want = area_key(wanted);
    area_key(name) == want
        || ds
            .areas
            .codes
            .iter()
            .any(|(n, c)| area_key(c) == want && area_key(n) == area_key(name))
}

/// An area's value: the stated one, else numerator ÷ denominator × per.
fn value(ind: &Indicator, obs: &Observation) -> Option<f64> {
    if let Some(v) = &obs.value {
        return Some(v.number);
    }
    let per = obs
        .per
        .or(ind.per)
        .unwrap_or(if ind.format().unit == Unit::Percent {
            100.0
        } else {
            1.0
        });
    match (obs.numerator, obs.denominator) {
        (Some(n), Some(d)) if d != 0.0 => Some(n / d * per),
        _ => None,
    }
}

/// One PI's values of the chosen council, ranked among the councils and set beside the
/// Scottish and family group averages.
fn council_values(ds: &Dataset, out: &mut Dataset, ind: &Indicator, area: &str) {
    let Some(periods) = ds.areas.values.get(&ind.code) else {
        return;
    };
    let order = RankOrder::of(ind.polarity);
    let mut ranked = false;
    let mut source = None;
    for (period, by_area) in periods {
        let councils: Vec<(&str, f64)> = by_area
            .iter()
            .filter(|(name, _)| !is_scotland(name))
            .filter_map(|(name, o)| Some((name.as_str(), value(ind, o)?)))
            .collect();
        let Some((_, ours)) = by_area.iter().find(|(name, _)| same_area(ds, name, area)) else {
            continue;
        };
        let mut obs = ours.clone();
        source = source.or(obs.source);
        let all: Vec<f64> = councils.iter().map(|(_, v)| *v).collect();
        if let Some(v) = value(ind, ours) {
            let (rank, of) = competition_rank(&all, v, order.unwrap_or(RankOrder::HighestFirst));
            obs.more_mut().rank = Some(rank);
            obs.more_mut().rank_of = Some(of);
            ranked |= of > 1;
        }
        let stated = ds
            .areas
            .scotland
            .get(&ind.code)
            .and_then(|s| s.get(period))
            .and_then(|o| value(ind, o));
        let benchmark = obs.more().benchmark.or(stated).or_else(|| mean(&all));
        let family = family_average(ds, &ind.code, area, &councils);
        if benchmark.is_some() || family.is_some() {
            let more = obs.more_mut();
            more.benchmark = benchmark;
            more.family = family;
        }
        let slot = out
            .observations
            .entry(ind.code.clone())
            .or_default()
            .entry(*period);
        match slot {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(obs);
            }
            // The council's own file says it: its figures stand, the comparisons fill in.
            std::collections::btree_map::Entry::Occupied(mut e) => {
                let own = e.get_mut();
                if let Some(theirs) = obs.more {
                    let own = own.more_mut();
                    own.rank = own.rank.or(theirs.rank);
                    own.rank_of = own.rank_of.or(theirs.rank_of);
                    own.benchmark = own.benchmark.or(theirs.benchmark);
                    own.family = own.family.take().or(theirs.family);
                }
            }
        }
    }
    if ranked && order.is_none() {
        let position = source
            .and_then(|s| ds.sources.get(s.source as usize))
            .map(|s| Position::sheet(&s.name, s.sheet.as_deref()))
            .unwrap_or_default();
        out.notices.push(Problem::new(
            position,
            ProblemKind::RankedHighestFirst {
                code: ind.code.clone(),
            },
        ));
    }
}

/// The mean of the values of the councils in the chosen council's family group for
/// this PI's family, where a family table gives its group.
fn family_average(
    ds: &Dataset,
    code: &str,
    area: &str,
    councils: &[(&str, f64)],
) -> Option<FamilyAverage> {
    let family = family_of(code);
    let applies = |f: &Option<super::Family>| f.is_none_or(|f| f == family);
    let rows = &ds.areas.families;
    let group = &rows
        .iter()
        .find(|r| applies(&r.family) && same_area(ds, &r.area, area))?
        .group;
    let members: BTreeSet<String> = rows
        .iter()
        .filter(|r| applies(&r.family) && r.group == *group)
        .map(|r| area_key(&r.area))
        .collect();
    let values: Vec<f64> = councils
        .iter()
        .filter(|(name, _)| members.contains(&area_key(name)))
        .map(|(_, v)| *v)
        .collect();
    Some(FamilyAverage {
        group: group.clone(),
        value: mean(&values)?,
        of: values.len() as u32,
    })
}

/// The population of each age band the PIs name, for each year the estimates give, of
/// the chosen area (or the only area, or Scotland where the file has nothing else).
fn population(ds: &Dataset, out: &mut Dataset, area: Option<&str>) {
    let rows = &ds.areas.ages;
    if rows.is_empty() {
        return;
    }
    let councils: BTreeSet<String> = rows
        .iter()
        .filter(|r| !is_scotland(&r.area))
        .map(|r| area_key(&r.area))
        .collect();
    let wanted: Option<&str> = match area {
        Some(a) => rows
            .iter()
            .find(|r| same_area(ds, &r.area, a))
            .map(|r| r.area.as_str()),
        None if councils.len() == 1 => rows
            .iter()
            .find(|r| !is_scotland(&r.area))
            .map(|r| r.area.as_str()),
        None if councils.is_empty() => rows.first().map(|r| r.area.as_str()),
        None => None,
    };
    let Some(wanted) = wanted else {
        return;
    };
    let mine: Vec<&AgeRow> = rows.iter().filter(|r| r.area == wanted).collect();
    let years: BTreeSet<i32> = mine.iter().map(|r| r.year).collect();
    let mut groups: Vec<&str> = Vec::new();
    for ind in ds.indicators_in_order() {
        if let Some(g) = ind.population_group.as_deref() {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
    }
    for group in groups {
        let Some(band) = AgeBand::parse(group) else {
            continue;
        };
        for &year in &years {
            let of = |sex: Sex| {
                mine.iter()
                    .find(|r| r.year == year && r.sex == sex)
                    .and_then(|r| band.sum(&r.ages))
            };
            let persons = of(Sex::Persons).or_else(|| Some(of(Sex::Males)? + of(Sex::Females)?));
            if let Some(population) = persons {
                out.population.push(PopulationEstimate {
                    area: wanted.to_string(),
                    group: group.to_string(),
                    year,
                    population,
                });
            }
        }
    }
}
