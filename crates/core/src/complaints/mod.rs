//! Complaints case lists → the SPSO model complaints handling procedure's indicators.
//! A case list's rows (`case`) are read with the other files; once every file is read,
//! [`derive`] links each complaint's stages, counts working days (`calendar`) and adds
//! the indicators (`indicators`) to the dataset as ordinary PIs, CMP.01 to CMP.29, with
//! the counts behind each figure as feeder data. Settings the user gives for a CMP code
//! in a definitions file (targets, polarity, title) stand over the defaults here.
//!
//! ```
//! use scorecard_core::{read_all, InputFile, complaints};
//! let list = "Case ref,Date received,Stage,Date closed,Outcome\nC1,07/10/2019,1,11/10/2019,Upheld\n";
//! let ds = read_all(&[InputFile { name: "cases.csv".into(), bytes: list.as_bytes().to_vec() }]);
//! let ds = complaints::derive(&ds, &complaints::calendar::HolidaySettings::default()).unwrap();
//! let q3 = scorecard_core::period::Period::parse("Q3 2019/20").unwrap();
//! assert_eq!(ds.observations["CMP.06"][&q3].value.as_ref().unwrap().number, 5.0);
//! ```

pub mod calendar;
pub mod case;
pub mod indicators;

use std::collections::HashMap;

use chrono::Datelike;

use crate::dataset::Dataset;
use crate::indicator::{Indicator, Polarity};
use crate::problem::{Position, Problem, ProblemKind};

use calendar::{Calendar, HolidaySettings};
use case::{CaseRow, Stage};
use indicators::{observe_all, Measure, StageRecord, GROUP};

/// Where a case list row was read, as a problem's position.
fn position(ds: &Dataset, row: &CaseRow) -> Position {
    match ds.sources.get(row.source.source as usize) {
        Some(s) => Position::sheet(&s.name, s.sheet.as_deref()),
        None => Position::default(),
    }
    .at_row(row.source.row as usize)
}

/// Each complaint's stages from the case list's rows. Rows of one reference are taken in
/// the order they were received: a stage 2 row after a stage 1 row is the escalation
/// (the two-row way CRM systems show one); an `Escalated` row always is; a row with an
/// escalation date gives the escalation on the same row. The same reference at the same
/// stage twice: the later row replaces the earlier, with a notice.
pub fn records(ds: &Dataset, notices: &mut Vec<Problem>) -> Vec<StageRecord> {
    let mut order: Vec<usize> = (0..ds.complaints.len()).collect();
    order.sort_by_key(|&i| {
        let r = &ds.complaints[i];
        (r.reference.clone(), r.received, i)
    });
    let mut out: Vec<StageRecord> = Vec::new();
    // For each (reference, stage): where its record is in `out`, and the row it came from.
    let mut seen: HashMap<(String, Stage), (usize, usize)> = HashMap::new();
    let mut frontline: HashMap<String, bool> = HashMap::new();
    for i in order {
        let row = &ds.complaints[i];
        let named = !row.reference.is_empty();
        let stage = match row.stage {
            Stage::Investigation if named && frontline.contains_key(&row.reference) => {
                Stage::Escalated
            }
            s => s,
        };
        if stage == Stage::Frontline && named {
            frontline.insert(row.reference.clone(), true);
        }
        let mut put = |record: StageRecord, out: &mut Vec<StageRecord>| {
            if !named {
                out.push(record);
                return;
            }
            let key = (row.reference.clone(), record.stage);
            match seen.get(&key) {
                Some(&(at, earlier)) => {
                    notices.push(Problem::new(
                        position(ds, row),
                        ProblemKind::DuplicateCase {
                            reference: row.reference.clone(),
                            stage: record.stage.label().to_lowercase(),
                            earlier: ds.complaints[earlier].place.clone(),
                        },
                    ));
                    out[at] = record;
                    seen.insert(key, (at, i));
                }
                None => {
                    seen.insert(key, (out.len(), i));
                    out.push(record);
                }
            }
        };
        put(
            StageRecord {
                reference: row.reference.clone(),
                stage,
                start: row.received,
                closed: row.closed,
                outcome: row.outcome,
                extension: row.extension,
            },
            &mut out,
        );
        if let Some(e) = &row.escalation {
            put(
                StageRecord {
                    reference: row.reference.clone(),
                    stage: Stage::Escalated,
                    start: e.date,
                    closed: e.closed,
                    outcome: e.outcome,
                    extension: e.extension,
                },
                &mut out,
            );
        }
    }
    out
}

/// The population group a rate per 1,000 uses: the table's all-ages group, or its only
/// group.
fn all_ages(ds: &Dataset) -> Option<String> {
    let squash = crate::text::letters_key;
    let all = ds.population.iter().find(|p| {
        matches!(
            squash(&p.group).as_str(),
            "allages" | "all" | "total" | "allpersons" | "persons" | "allpeople"
        )
    });
    if let Some(p) = all {
        return Some(p.group.clone());
    }
    let first = ds.population.first()?;
    ds.population
        .iter()
        .all(|p| squash(&p.group) == squash(&first.group))
        .then(|| first.group.clone())
}

/// The dataset with the case lists' indicators added, or `None` where there is no case
/// list. `settings` are the page's (Easter Monday, local holidays typed in); holiday
/// lists among the files add to its local holidays.
pub fn derive(ds: &Dataset, settings: &HolidaySettings) -> Option<Dataset> {
    if ds.complaints.is_empty() {
        return None;
    }
    let mut out = ds.clone();
    let mut notices = Vec::new();
    let records = records(ds, &mut notices);
    let mut settings = settings.clone();
    settings.local.extend(ds.holidays.iter().copied());
    let years = records
        .iter()
        .flat_map(|r| std::iter::once(r.start).chain(r.closed))
        .map(|d| d.year());
    let (first, last) = (years.clone().min()?, years.max()?);
    let cal = Calendar::new(first, last, &settings);
    let population = all_ages(ds);
    let place = ds
        .complaints
        .first()
        .map(|r| position(ds, r))
        .unwrap_or_default();
    for (def, observed) in observe_all(&records, &cal) {
        let per_thousand = def.measure == Measure::PerThousand;
        if per_thousand && population.is_none() {
            continue;
        }
        let mut ind = Indicator {
            code: def.code.to_string(),
            title: def.title.to_string(),
            group: GROUP.to_string(),
            polarity: def.polarity(),
            cumulative: def.cumulative(),
            unit: Some(def.unit()),
            decimals: Some(def.decimals()),
            population_group: if per_thousand {
                population.clone()
            } else {
                None
            },
            per: per_thousand.then_some(1000.0),
            ..Indicator::default()
        };
        if let Some(user) = ds.indicators.get(def.code) {
            stand_over(&mut ind, user);
        } else {
            out.order.push(def.code.to_string());
        }
        let fmt = ind.format();
        out.indicators.insert(def.code.to_string(), ind);
        let by_period = out.observations.entry(def.code.to_string()).or_default();
        for (period, mut obs) in observed {
            if let Some(old) = by_period.get(&period) {
                // A period the case list gives no figure for keeps what a file states.
                if obs.value.is_none() && obs.numerator.is_none() && old.value.is_some() {
                    continue;
                }
                if let (Some(stated), Some(worked)) = (&old.value, &obs.value) {
                    let (stated, worked) = (fmt.show(stated.number), fmt.show(worked.number));
                    if stated != worked {
                        let earlier = old
                            .source
                            .and_then(|s| {
                                ds.sources
                                    .get(s.source as usize)
                                    .map(|src| format!("{src} row {}", s.row))
                            })
                            .unwrap_or_else(|| "an earlier file".into());
                        notices.push(Problem::new(
                            Position {
                                row: None,
                                ..place.clone()
                            },
                            ProblemKind::WorkedOutReplaces {
                                code: def.code.to_string(),
                                period,
                                computed: worked,
                                stated,
                                earlier,
                            },
                        ));
                    }
                }
                // What the files give for the period that the case list cannot: its
                // target, benchmark, the officer's note and the status they stated.
                obs.target = old.target;
                if let Some(theirs) = &old.more {
                    let more = obs.more_mut();
                    more.benchmark = theirs.benchmark;
                    more.rank = theirs.rank;
                    more.rank_of = theirs.rank_of;
                    more.stated_status = theirs.stated_status;
                    if !theirs.note.is_empty() {
                        more.note = theirs.note.clone();
                    }
                }
            }
            by_period.insert(period, obs);
        }
    }
    out.notices.extend(notices);
    Some(out)
}

/// What the user set for a CMP code in their own files stands over the defaults.
fn stand_over(ind: &mut Indicator, user: &Indicator) {
    if !user.title.is_empty() && user.title != user.code {
        ind.title = user.title.clone();
    }
    if !user.group.is_empty() {
        ind.group = user.group.clone();
    }
    ind.priority = user.priority.clone();
    if user.polarity != Polarity::None {
        ind.polarity = user.polarity;
    }
    ind.tolerance = user.tolerance;
    if user.unit.is_some() {
        ind.unit = user.unit.clone();
    }
    if user.decimals.is_some() {
        ind.decimals = user.decimals;
    }
    if user.population_group.is_some() {
        ind.population_group = user.population_group.clone();
    }
    if user.per.is_some() {
        ind.per = user.per;
    }
    ind.standing_target = user.standing_target;
}
