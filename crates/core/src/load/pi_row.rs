//! A row about one PI, in any of the indicator layouts: its key, the settings that may
//! stand on any row (title, polarity, tolerance...), and the figures that apply to every
//! period the row gives. The periods themselves are read in `long` and `wide`.

use crate::dataset::{Observation, SourceRow};
use crate::indicator::{parse_yes_no, Indicator, Polarity, Tolerance};
use crate::status::Status;
use crate::value::{Figure, Unit};

use super::cell::Cells;
use super::columns::{Col, Kind};
use super::{truncate, Loader};

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
    polarity: Option<Polarity>,
    tolerance: Option<Tolerance>,
    cumulative: Option<bool>,
    unit: Option<&'r str>,
    decimals: Option<u8>,
    population_group: Option<&'r str>,
    per: Option<f64>,
    standing_target: Option<f64>,
}

impl Loader<'_> {
    pub(super) fn indicator_row(&mut self, row: usize, c: &Cells) {
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
            Kind::Long => self.long_row(row, c, code, &meta, per_row, annual),
            Kind::Wide => self.wide_row(row, c, code, per_row, annual),
            Kind::Metadata | Kind::Population | Kind::Actions => {}
        }
    }

    /// Settings that may stand on any row, read with notices for bad cells; [`Loader::apply`]
    /// sets them on the indicator.
    pub(super) fn metadata<'r>(&mut self, row: usize, c: &Cells<'r>) -> Meta<'r> {
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
    pub(super) fn apply(&mut self, code: &str, meta: &Meta, value: Option<&Figure>) {
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
}
