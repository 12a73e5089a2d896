//! One PI of a report-shaped table as its rows give it: the row with its code or title
//! and figures, and the continuation rows under it (no code, no period values) that add
//! feeder items or continue its title or note. Once complete it is merged into the
//! dataset like any other PI's row.

use std::collections::BTreeMap;

use crate::dataset::{FeederItem, Observation, SourceRow};
use crate::period::Period;
use crate::problem::{ProblemKind, Quantity};
use crate::read::Row;
use crate::status::Status;
use crate::trend::quartile;
use crate::value::{trim, Figure};

use super::super::cell::{self, Read};
use super::super::pi_row::seen;
use super::super::Loader;
use super::header::{Header, Shaped};
use super::lgbf_text::ranks;

/// A cell: its column and trimmed text.
type At = (usize, String);

/// A PI being read: its first row and the continuation rows so far.
#[derive(Debug, Default)]
pub(super) struct Pending {
    /// The row the PI starts on, as the user counts it.
    line: usize,
    code: String,
    title: String,
    priority: String,
    note: String,
    /// The section heading above the PI, where there is one.
    heading: Option<String>,
    status: Option<At>,
    values: Vec<(At, Period)>,
    targets: Vec<(At, Period)>,
    annual: Vec<(At, Option<i32>)>,
    benchmark: Option<At>,
    /// Feeder items: the row, the label and the value's cell.
    feeder: Vec<(usize, String, At)>,
    comparison: Option<At>,
}

/// The cells of a row by what their columns hold.
fn cells<'a>(
    row: Row<'a>,
    header: &'a Header,
) -> impl Iterator<Item = (usize, Shaped, &'a str)> + 'a {
    row.cells()
        .enumerate()
        .filter_map(|(i, c)| Some((i, header.cols.get(i).copied().flatten()?, trim(c))))
        .filter(|(_, _, t)| !t.is_empty())
}

/// Whether a row continues the PI above it: no code (for a table keyed by title, no
/// title either where the table has a code) and no period values.
pub(super) fn continues(row: &Row, header: &Header) -> bool {
    // Keyed by title (no code column), a row with no period values continues the PI above.
    !cells(*row, header).any(|(_, s, _)| s == Shaped::Code || matches!(s, Shaped::Value(_)))
}

/// Joins text continued on a later row with one space.
fn join(to: &mut String, more: &str) {
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(more);
}

impl Pending {
    /// A PI's first row, under `heading`; `None` where the row has no code or title.
    pub(super) fn start(row: &Row, header: &Header, heading: Option<&str>) -> Option<Pending> {
        let mut p = Pending {
            line: row.line,
            heading: heading.map(str::to_string),
            ..Pending::default()
        };
        p.add(row, header, true);
        let key = if header.has(Shaped::Code) {
            &p.code
        } else {
            &p.title
        };
        (!key.is_empty()).then_some(p)
    }

    /// A continuation row: feeder items, and text continuing the title, note or priority.
    pub(super) fn add(&mut self, row: &Row, header: &Header, first: bool) {
        let mut label = String::new();
        for (i, s, t) in cells(*row, header) {
            let at = (i, t.to_string());
            match s {
                Shaped::Code if first => self.code = t.to_string(),
                Shaped::Title => join(&mut self.title, t),
                Shaped::Priority => join(&mut self.priority, t),
                Shaped::Note => join(&mut self.note, t),
                Shaped::Value(p) if first => self.values.push((at, p)),
                Shaped::Target(p) if first => self.targets.push((at, p)),
                Shaped::Status if first => self.status = Some(at),
                Shaped::AnnualTarget(fy) if first => self.annual.push((at, fy)),
                Shaped::Benchmark if first => self.benchmark = Some(at),
                Shaped::Comparison => match &mut self.comparison {
                    Some((_, text)) => join(text, t),
                    None => self.comparison = Some(at),
                },
                Shaped::FeederLabel => label = t.to_string(),
                Shaped::FeederValue => self.feeder.push((row.line, std::mem::take(&mut label), at)),
                _ => {}
            }
        }
    }

    /// Merges the PI into the dataset: its title and group, each period's value and
    /// target, and on the table's latest period its note, stated status, benchmark and
    /// feeder items; annual targets; LGBF ranks on each year's observation.
    pub(super) fn finish(self, l: &mut Loader, header: &Header) {
        let line = self.line;
        let code = if self.code.is_empty() {
            self.title.clone()
        } else {
            self.code.clone()
        };
        {
            let ind = l.ds.indicator_mut(&code);
            ind.title = if self.title.is_empty() {
                code.clone()
            } else {
                self.title.clone()
            };
            match &self.heading {
                Some(h) => {
                    ind.group = h.clone();
                    ind.priority = self.priority.clone();
                }
                None if !self.priority.is_empty() => ind.group = self.priority.clone(),
                None => {}
            }
        }
        let mut periods: BTreeMap<Period, Observation> = BTreeMap::new();
        for ((i, text), p) in &self.values {
            if let Some(f) = l.cell(line, Some((*i, text)), published) {
                seen(l.ds.indicator_mut(&code), &f);
                periods.entry(*p).or_default().value = Some(f);
            }
        }
        for ((i, text), p) in &self.targets {
            if let Some(t) = l.number(line, Some((*i, text)), Quantity::Target) {
                periods.entry(*p).or_default().target = Some(t);
            }
        }
        let latest = header.latest;
        let stated = match &self.status {
            Some((i, t)) => l.cell(line, Some((*i, t)), cell::status),
            None => stated_in_note(&self.note),
        };
        let benchmark = self
            .benchmark
            .as_ref()
            .and_then(|(i, t)| l.number(line, Some((*i, t)), Quantity::Benchmark));
        let mut feeder = Vec::new();
        for (row, label, (i, t)) in &self.feeder {
            if let Some(value) = l.cell(*row, Some((*i, t)), |t| cell::figure(t, Quantity::Value)) {
                feeder.push(FeederItem {
                    label: label.clone(),
                    value,
                });
            }
        }
        if !self.note.is_empty() || stated.is_some() || benchmark.is_some() || !feeder.is_empty() {
            let o = periods.entry(latest).or_default().more_mut();
            o.note = self.note.clone();
            o.stated_status = stated;
            o.benchmark = benchmark;
            o.feeder = feeder;
        }
        for ((i, text), fy) in &self.annual {
            if let Some(a) = l.number(line, Some((*i, text)), Quantity::AnnualTarget) {
                l.annual_target(&code, fy.unwrap_or(latest.financial_year()), a);
            }
        }
        if let Some((i, text)) = &self.comparison {
            comparison(l, line, *i, text, &code, &mut periods);
        }
        let source = Some(SourceRow {
            source: l.source_index,
            row: u32::try_from(line).unwrap_or(u32::MAX),
        });
        for (p, mut o) in periods {
            o.source = source;
            l.merge(line, &code, p, o);
        }
    }
}

/// A value as published: `New for 2019/20` (and `N/A`, empty) is no value.
fn published(text: &str) -> Read<Figure> {
    let lower = text.to_lowercase();
    if ["new for", "not available", "not yet available"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return Ok(None);
    }
    cell::figure(text, Quantity::Value)
}

/// The status a note states: `Q2 18/19: Off Target …`; `Q2 18/19: N/A …` says the
/// figure is not available yet.
pub(super) fn stated_in_note(note: &str) -> Option<Status> {
    if let Some(s) = Status::stated_in(note) {
        return Some(s);
    }
    let body = match note.split_once(':') {
        Some((head, rest)) if head.len() <= 24 => rest,
        _ => note,
    }
    .trim_start();
    let na = body.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("n/a"));
    (na && !body[3..].starts_with(|c: char| c.is_alphanumeric()))
        .then_some(Status::DataNotYetAvailable)
}

/// The ranks of an `External Comparison` cell on each year's observation (of 32 where
/// the text does not say); a stated quartile that the rank does not give is a notice.
fn comparison(
    l: &mut Loader,
    line: usize,
    col: usize,
    text: &str,
    code: &str,
    periods: &mut BTreeMap<Period, Observation>,
) {
    let found = ranks(text);
    if found.is_empty() {
        let found = crate::problem::quote(text, 40);
        l.cell_problem(line, col, ProblemKind::UnreadableComparison { found });
        return;
    }
    for r in found {
        let period = Period::Year { fy: r.fy };
        let of = r.of.unwrap_or(32);
        if let (Some(stated), Some(computed)) = (r.quartile, quartile(r.rank, of)) {
            if stated != computed {
                let kind = ProblemKind::QuartileDiffers {
                    code: code.to_string(),
                    period,
                    rank: r.rank,
                    of,
                    stated,
                    computed,
                };
                l.cell_problem(line, col, kind);
            }
        }
        let o = periods.entry(period).or_default().more_mut();
        o.rank = Some(r.rank);
        o.rank_of = Some(of);
    }
}
