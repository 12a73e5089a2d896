//! A row about one PI, in any of the indicator layouts: its key, the settings that may
//! stand on any row (title, polarity, tolerance...), and the figures that apply to every
//! period the row gives. The periods themselves are read in `long` and `wide`.

use crate::dataset::{MoreObserved, Observation, SourceRow};
use crate::indicator::{
    CumulativeSource, Indicator, Polarity, PolaritySource, TargetProfile, Tolerance,
};
use crate::problem::{Count, ProblemKind, Quantity};
use crate::status::Status;
use crate::value::{Figure, Unit};

use super::cell::{self, Cells};
use super::columns::{Col, Kind};
use super::Loader;

/// Notes a value's decimals and unit on its indicator.
pub(super) fn seen(ind: &mut Indicator, f: &Figure) {
    ind.decimals_seen = Some(ind.decimals_seen.unwrap_or(0).max(f.decimals));
    if let Some(u) = &f.unit {
        ind.unit_seen = Some(u.clone());
    }
}

/// A row's indicator settings, read before they are set (see [`Loader::apply`]).
#[derive(Clone, Copy)]
pub(super) struct Meta<'r> {
    title: Option<&'r str>,
    group: Option<&'r str>,
    set: Option<&'r str>,
    polarity: Option<Polarity>,
    tolerance: Option<Tolerance>,
    cumulative: Option<bool>,
    pub(super) unit: Option<&'r str>,
    decimals: Option<u8>,
    population_group: Option<&'r str>,
    per: Option<f64>,
    standing_target: Option<f64>,
    target_profile: Option<TargetProfile>,
}

impl Loader<'_> {
    /// A row of indicator values or definitions: the figures it gives for every period,
    /// then its periods as its layout has them.
    pub(super) fn indicator_row(&mut self, row: usize, c: &Cells) {
        // A tidy download's PI is named by its dimensions and measurement.
        let tidy;
        let code = if self.kind == Kind::AreaValues && self.cols.has(Col::Measurement) {
            tidy = self.tidy_key(c);
            Some(tidy.as_str()).filter(|k| !k.is_empty())
        } else {
            c.get(Col::Code)
                .or_else(|| c.get(Col::Title))
                .map(|(_, s)| s)
        };
        let Some(code) = code else {
            self.row_problem(row, ProblemKind::RowWithoutKey);
            return;
        };
        let meta = self.metadata(row, c);

        let mut per_row = Observation {
            numerator: self.number(row, c.get(Col::Numerator), Quantity::Numerator),
            denominator: self.number(row, c.get(Col::Denominator), Quantity::Denominator),
            per: self.number(row, c.get(Col::Per), Quantity::Multiplier),
            target: self.number(row, c.get(Col::Target), Quantity::Target),
            value: None,
            source: Some(SourceRow {
                source: self.source_index,
                row: u32::try_from(row).unwrap_or(u32::MAX),
            }),
            more: None,
        };
        let mut more = MoreObserved {
            benchmark: self.number(row, c.get(Col::Benchmark), Quantity::Benchmark),
            rank: self.cell(row, c.get(Col::Rank), |t| cell::count(t, Count::Rank)),
            rank_of: self.cell(row, c.get(Col::RankOf), |t| cell::count(t, Count::RankOf)),
            note: c.text(Col::Note),
            ..MoreObserved::default()
        };
        // Said at the row, where the user can mend it: the report can only leave the
        // period without a value.
        if per_row.numerator.is_some() && per_row.denominator == Some(0.0) {
            if let Some((i, _)) = c.get(Col::Denominator) {
                self.cell_problem(row, i, ProblemKind::ZeroDenominator);
            }
        }
        // A status column says it; else a note may ("Q2 18/19: Off Target ...").
        more.stated_status = match c.get(Col::Status) {
            Some(at) => self.cell(row, Some(at), cell::status),
            None => Status::stated_in(&more.note),
        };
        per_row.set_more(more);
        let annual = self.number(row, c.get(Col::AnnualTarget), Quantity::AnnualTarget);

        if self.kind != Kind::Long {
            self.apply(code, &meta, None);
        }
        match self.kind {
            Kind::Long => self.long_row(row, c, code, &meta, per_row, annual),
            Kind::Wide => self.wide_row(row, c, code, per_row, annual),
            Kind::AreaValues => self.area_row(row, c, code, &meta, per_row),
            // A definitions table may give a year's annual target (`Annual Target 2019/20`).
            Kind::Metadata => {
                for (i, col) in self.cols.cols.iter().enumerate() {
                    if let Some(Col::AnnualTargetOf(fy)) = *col {
                        let at = c.at(i);
                        if let Some(a) = self.number(row, at, Quantity::AnnualTarget) {
                            self.annual_target(code, fy, a);
                        }
                    }
                }
            }
            Kind::Population
            | Kind::Actions
            | Kind::FamilyGroups
            | Kind::PopulationByAge
            | Kind::CaseList
            | Kind::Holidays
            | Kind::Narrative
            | Kind::Risks => {}
        }
    }

    /// Settings that may stand on any row, read with problems for bad cells; [`Loader::apply`]
    /// sets them on the indicator.
    pub(super) fn metadata<'r>(&mut self, row: usize, c: &Cells<'r>) -> Meta<'r> {
        let polarity = self.cell(row, c.get(Col::Polarity), cell::polarity);
        let tolerance = self.cell(row, c.get(Col::Tolerance), cell::tolerance);
        let cumulative = self.cell(row, c.get(Col::Cumulative), cell::yes_no);
        let decimals = self.cell(row, c.get(Col::Decimals), cell::decimals);
        let target_profile = self.cell(row, c.get(Col::TargetProfile), cell::target_profile);
        // A definitions table (no periods) may set the multiplier and a target that
        // stands for every period.
        let (per, standing_target) = if self.kind == Kind::Metadata {
            (
                self.number(row, c.get(Col::Per), Quantity::Multiplier),
                self.number(row, c.get(Col::Target), Quantity::Target),
            )
        } else {
            (None, None)
        };
        Meta {
            title: c.get(Col::Title).map(|(_, t)| t),
            group: c.get(Col::Group).map(|(_, g)| g),
            set: c.get(Col::Set).map(|(_, s)| s),
            polarity,
            tolerance,
            cumulative,
            unit: c.get(Col::Unit).map(|(_, u)| u),
            decimals,
            population_group: c.get(Col::PopulationGroup).map(|(_, g)| g),
            per,
            standing_target,
            target_profile,
        }
    }

    /// Sets a row's settings on its indicator (the latest non-empty one wins), and the
    /// unit and decimals of a value read on the row.
    pub(super) fn apply(&mut self, code: &str, meta: &Meta, value: Option<&Figure>) {
        let Meta {
            title,
            group,
            set,
            polarity,
            tolerance,
            cumulative,
            unit,
            decimals,
            population_group,
            per,
            standing_target,
            target_profile,
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
        if let Some(s) = set {
            if ind.set != s {
                ind.set = s.to_string();
            }
        }
        if let Some(p) = polarity {
            ind.polarity = p;
            ind.polarity_source = PolaritySource::File;
        }
        if tolerance.is_some() {
            ind.tolerance = tolerance;
        }
        if let Some(y) = cumulative {
            ind.cumulative = y;
            ind.cumulative_source = CumulativeSource::File;
        }
        if target_profile.is_some() {
            ind.target_profile_given = target_profile;
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
}
