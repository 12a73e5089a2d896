//! What is worked out about each PI once every file is read, in a pass over the whole
//! dataset (not per row, and again after each file added, with the same result): whether
//! it is cumulative where only its title says so, and its polarity where no file gives one
//! but the statuses a file states leave only one possibility.

use crate::dataset::Dataset;
use crate::indicator::{title_says_cumulative, CumulativeSource, Polarity, PolaritySource};
use crate::period::Period;
use crate::report::value_of;
use crate::status::{indicator_target, judge, Status};

/// Settles every PI's inferred settings. Settings a file gives are never touched; the
/// ones inferred before are worked out afresh, so running it again, or after more
/// files, gives what the files together say.
pub fn settle(ds: &mut Dataset) {
    for ind in ds.indicators.values_mut() {
        if ind.cumulative_source != CumulativeSource::File {
            let by_title = title_says_cumulative(&ind.title);
            ind.cumulative = by_title;
            ind.cumulative_source = if by_title {
                CumulativeSource::Title
            } else {
                CumulativeSource::NotGiven
            };
        }
        if ind.polarity_source != PolaritySource::File {
            ind.polarity = Polarity::None;
            ind.polarity_source = PolaritySource::NotGiven;
        }
    }
    let inferred: Vec<(String, Polarity, Vec<Period>)> = ds
        .indicators
        .values()
        .filter(|ind| ind.polarity_source == PolaritySource::NotGiven)
        .filter_map(|ind| {
            let (polarity, from) = infer_polarity(ds, &ind.code)?;
            Some((ind.code.clone(), polarity, from))
        })
        .collect();
    for (code, polarity, from) in inferred {
        if let Some(ind) = ds.indicators.get_mut(&code) {
            ind.polarity = polarity;
            ind.polarity_source = PolaritySource::Inferred { from };
        }
    }
}

/// The one polarity, up or down, that gives every status the file states for the PI
/// (On Target, Warning, Off Target, in a period with a value and a target), and the
/// periods that showed it; `None` where there is no such statement, or where both or
/// neither fit. `band` needs a tolerance to mean anything, so it is never inferred.
pub fn infer_polarity(ds: &Dataset, code: &str) -> Option<(Polarity, Vec<Period>)> {
    let ind = ds.indicators.get(code)?;
    let observations = ds.observations.get(code)?;
    let annual = ds.annual_targets.get(code);
    let fmt = ind.format();
    let mut evidence: Vec<(Period, f64, f64, Status)> = Vec::new();
    for (period, obs) in observations {
        let Some(stated) = obs
            .more()
            .stated_status
            .filter(|s| matches!(s, Status::OnTarget | Status::Warning | Status::OffTarget))
        else {
            continue;
        };
        let Some(value) = value_of(ds, ind, *period, &mut Vec::new()) else {
            continue;
        };
        let annual = annual
            .and_then(|a| a.get(&period.financial_year()))
            .copied();
        let Some(target) = indicator_target(ind, *period, obs.target, annual) else {
            continue;
        };
        evidence.push((*period, fmt.shown(value.value), target.value, stated));
    }
    if evidence.is_empty() {
        return None;
    }
    let fits = |p: Polarity| {
        evidence
            .iter()
            .all(|(_, v, t, stated)| judge(Some(*v), Some(*t), p, ind.tolerance) == *stated)
    };
    let polarity = match (fits(Polarity::Up), fits(Polarity::Down)) {
        (true, false) => Polarity::Up,
        (false, true) => Polarity::Down,
        _ => return None,
    };
    Some((polarity, evidence.into_iter().map(|(p, ..)| p).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_file;

    fn loaded(text: &str) -> Dataset {
        let mut ds = Dataset::default();
        load_file(&mut ds, "t.csv", text.as_bytes());
        ds
    }

    #[test]
    fn settling_again_changes_nothing() {
        let mut ds = loaded(
            "code,title,period,value,target,status\nA,Days lost (cumulative),Q1 2018/19,4,5,On Target\nB,Paid on time,Q1 2018/19,96,95,On Target\n",
        );
        settle(&mut ds);
        let once = ds.clone();
        settle(&mut ds);
        assert_eq!(ds, once);
        assert_eq!(ds.indicators["A"].polarity, Polarity::Down);
        assert_eq!(ds.indicators["B"].polarity, Polarity::Up);
        assert_eq!(
            ds.indicators["A"].cumulative_source,
            CumulativeSource::Title
        );
    }

    #[test]
    fn statements_only_closeness_explains_infer_nothing() {
        // On Target just above the target and Off Target far above it: a band, which
        // needs a tolerance, so neither up nor down fits and nothing is inferred.
        let mut ds = loaded(
            "code,period,value,target,status\nA,Q1 2018/19,96,95,On Target\nA,Q2 2018/19,120,95,Off Target\n",
        );
        settle(&mut ds);
        assert_eq!(infer_polarity(&ds, "A"), None);
        assert_eq!(ds.indicators["A"].polarity_source, PolaritySource::NotGiven);
    }

    #[test]
    fn a_polarity_a_file_gives_is_never_touched() {
        let mut ds = loaded(
            "code,title,period,value,target,status,polarity,cumulative\nA,Count (cumulative),Q1 2018/19,96,95,On Target,down,no\n",
        );
        settle(&mut ds);
        let a = &ds.indicators["A"];
        assert_eq!(
            (a.polarity, &a.polarity_source),
            (Polarity::Down, &PolaritySource::File)
        );
        assert!(!a.cumulative);
    }
}
