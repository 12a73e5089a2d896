//! Merging what a row says into the dataset: a later value for the same PI and period
//! replaces the earlier one with a notice saying where that came from; other fields fill
//! in. Also the annual targets, and compacting each PI's map after a long run of its rows.

use std::collections::btree_map::Entry;

use crate::dataset::{Observation, SourceRow};
use crate::period::Period;
use crate::problem::{source_label, ProblemKind};

use super::Loader;

/// Periods added in one run of rows of a PI after which its map is rebuilt.
const COMPACT_AFTER: usize = 12;

impl Loader<'_> {
    /// Ends a run of rows of one PI. A map filled in order of period leaves its B-tree
    /// nodes about half full; where the run added many periods the PI's map is rebuilt
    /// from its sorted entries, which fills them (a million values took ~40% less memory).
    /// Files whose rows are not grouped by PI make short runs and are not rebuilt.
    pub(super) fn end_run(&mut self) {
        if self.run_added >= COMPACT_AFTER {
            if let Some(m) = self.ds.observations.get_mut(self.run_code.as_str()) {
                *m = std::mem::take(m).into_iter().collect();
            }
        }
        self.run_added = 0;
    }

    /// "complaints.csv row 7": where an earlier value was read.
    pub(super) fn describe(&self, at: Option<SourceRow>) -> String {
        let Some(at) = at else {
            return String::new();
        };
        let p = &self.position;
        let name = match self.ds.sources.get(at.source as usize) {
            Some(s) if at.source != self.source_index => s.to_string(),
            _ => source_label(&p.file, p.sheet.as_deref()),
        };
        format!("{name} row {}", at.row)
    }

    /// The annual target of a financial year; a later one replaces an earlier one.
    pub(super) fn annual_target(&mut self, code: &str, fy: i32, value: f64) {
        self.ds
            .annual_targets
            .entry(code.to_string())
            .or_default()
            .insert(fy, value);
    }

    /// Merges an observation: a later value for the same PI and period replaces the
    /// earlier one, with a notice; other fields fill in where the later row has them.
    pub(super) fn merge(&mut self, row: usize, code: &str, period: Period, obs: Observation) {
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
        fill!(numerator, denominator, per, target);
        if let Some(more) = obs.more {
            let into = slot.more_mut();
            macro_rules! fill_more {
                ($($f:ident),*) => { $( if more.$f.is_some() { into.$f = more.$f; } )* };
            }
            fill_more!(benchmark, rank, rank_of, stated_status);
            if !more.note.is_empty() {
                into.note = more.note;
            }
            if !more.feeder.is_empty() {
                into.feeder = more.feeder;
            }
        }
        if let Some((old, new, from)) = replaced {
            let kind = ProblemKind::ValueReplaced {
                code: code.to_string(),
                period,
                earlier: self.describe(from),
                same: old == new,
            };
            self.row_problem(row, kind);
        }
    }
}
