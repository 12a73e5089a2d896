//! Small-number suppression for reports that will be published: counts from 1 to a
//! threshold are shown as `c`, and so are rates worked out from such counts. This is
//! the one place it is done: the page shows, and both exports write, the report that
//! [`apply`] returns, so no figure, sentence or comparison of it can give a withheld
//! count away.

use crate::report::{DataCheck, Report, Row, Shown};
use crate::trend::{Point, TrendResult};
use crate::value::Unit;

/// The mark shown in place of a suppressed figure.
pub use crate::value::SUPPRESSED as MARK;

/// The default threshold: counts from 1 to 4 are suppressed.
pub const DEFAULT_THRESHOLD: u32 = 4;

fn small(x: f64, threshold: u32) -> bool {
    x >= 1.0 && x <= threshold as f64 && x.fract() == 0.0
}

/// Whether a PI's values are counts: plain numbers written with no decimals.
fn is_count(row: &Row) -> bool {
    row.format.unit == Unit::Number && row.format.decimals == 0 && row.working.is_none()
}

/// Which figures of one row are withheld.
#[derive(Clone, Copy)]
struct Rule {
    count: bool,
    threshold: u32,
}

impl Rule {
    /// Whether a value (as shown) or the count it was worked out from is a small count.
    fn hides(self, value: Option<f64>, numerator: Option<f64>) -> bool {
        value.is_some_and(|v| self.count && small(v, self.threshold))
            || numerator.is_some_and(|n| small(n, self.threshold))
    }

    /// Withholds a point where it is a small count; whether it did.
    fn point(self, p: &mut Point) -> bool {
        if p.value.is_none() || self.hides(p.value, p.numerator) {
            p.value = None;
            p.numerator = None;
            return true;
        }
        false
    }

    /// Withholds the comparator of a trend where any value it came from is withheld
    /// (a mean with one small count in it would give the count away beside the others).
    fn trend(self, t: &mut TrendResult) -> bool {
        let mut withheld = false;
        for p in &mut t.from {
            withheld |= self.point(p);
        }
        if withheld {
            t.against = None;
        }
        withheld
    }
}

/// A copy of the report with every figure from a count of 1 to `threshold` withheld,
/// wherever it would show: the value (and its reason, working, feeder data and data
/// checks), earlier values, chart points, the comparators of trends, the change, and
/// therefore the group narratives and both exports made from the copy. Statuses, trend
/// directions and summaries stay: they do not disclose the count.
///
/// ```
/// use scorecard_core::{read_all, report, suppress, InputFile};
/// let file = InputFile { name: "c.csv".into(), bytes: b"code,period,value\nA,Q1 2019/20,3\nB,Q1 2019/20,12\n".to_vec() };
/// let r = suppress::apply(&report::build(&read_all(&[file]), None).unwrap(), 4);
/// let shown: Vec<_> = r.groups[0].rows.iter().map(|row| row.value_shown.to_string()).collect();
/// assert_eq!(shown, ["c", "12"]);
/// ```
pub fn apply(report: &Report, threshold: u32) -> Report {
    let mut out = report.clone();
    for row in out.groups.iter_mut().flat_map(|g| g.rows.iter_mut()) {
        apply_row(row, threshold);
    }
    out
}

/// Withholds one row's small counts in place, as [`apply`] does for every row (the
/// detail of a PI the page asks for on its own).
pub fn apply_row(row: &mut Row, threshold: u32) {
    let rule = Rule {
        count: is_count(row),
        threshold,
    };
    let current = rule.hides(row.value, row.numerator);
    if current {
        withhold_current(row, threshold);
    }
    let mut withheld = current;
    for cell in &mut row.history {
        if rule.hides(cell.value, cell.numerator) {
            withheld = true;
            cell.value = None;
            cell.numerator = None;
            cell.shown = Shown::Suppressed;
        }
    }
    // Feeder data are counts: a small one is withheld like any count.
    let feeders = row.feeder.len();
    row.feeder
        .retain(|f| !(f.value.number >= 1.0 && f.value.number <= f64::from(threshold)));
    withheld |= row.feeder.len() != feeders;
    let before = row.series.len();
    row.series
        .retain(|p| !rule.hides(Some(p.value), p.numerator));
    withheld |= row.series.len() != before;
    for t in [&mut row.short_trend, &mut row.long_trend]
        .into_iter()
        .flatten()
    {
        withheld |= rule.trend(t);
    }
    if let Some(c) = &mut row.change {
        // Either end withheld: the sentence with the other end would give it away.
        if current | rule.point(&mut c.from) | rule.point(&mut c.to) {
            withheld = true;
            row.change = None;
        }
    }
    row.suppressed |= withheld;
}

/// Withholds the report period's value and everything that states it.
fn withhold_current(row: &mut Row, threshold: u32) {
    row.value = None;
    row.value_shown = Shown::Suppressed;
    row.working = None;
    row.numerator = None;
    row.reason = format!(
        "The figure is suppressed (a count from 1 to {threshold} is not published): {}",
        row.status_label()
    );
    let reason = row.reason.clone();
    // The feeder data's figures are the count's; the other checks state none of it.
    row.checks
        .retain(|c| !matches!(c, DataCheck::StatedValueDiffers { .. }));
    for check in &mut row.checks {
        if let DataCheck::StatusDiffers { reason: r, .. } = check {
            r.clone_from(&reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::build;
    use crate::{read_all, InputFile};

    fn report(csv: &str) -> Report {
        let ds = read_all(&[InputFile {
            name: "t.csv".into(),
            bytes: csv.as_bytes().to_vec(),
        }]);
        build(&ds, None).unwrap()
    }

    #[test]
    fn rates_from_small_counts_are_suppressed_too() {
        let r = report("code,period,numerator,denominator,per,decimals\nR,Q1 2019/20,3,1000,1000,1\nS,Q1 2019/20,30,1000,1000,1\n");
        let r = apply(&r, 4);
        let rows = &r.groups[0].rows;
        assert_eq!(rows[0].value_shown, Shown::Suppressed);
        assert!(rows[0].value.is_none() && rows[0].working.is_none());
        assert!(rows[0].numerator.is_none(), "the count itself");
        assert!(!rows[0].reason.contains('3'));
        assert_eq!(rows[1].value_shown.to_string(), "30.0");
    }

    #[test]
    fn zero_and_large_counts_and_percentages_are_not_suppressed() {
        let r = apply(
            &report("code,period,value\nZ,Q1 2019/20,0\nP,Q1 2019/20,3%\nL,Q1 2019/20,5\n"),
            4,
        );
        let shown: Vec<_> = r.groups[0]
            .rows
            .iter()
            .map(|x| x.value_shown.to_string())
            .collect();
        assert_eq!(shown, ["0", "3%", "5"]);
    }

    #[test]
    fn earlier_small_counts_and_their_chart_points_are_withheld() {
        let r = apply(
            &report("code,period,value\nA,Q4 2018/19,2\nA,Q1 2019/20,9\n"),
            4,
        );
        let row = &r.groups[0].rows[0];
        assert_eq!(row.history.last().unwrap().shown, Shown::Suppressed);
        assert_eq!(row.series.len(), 1);
        assert!(row.suppressed && row.change.is_none());
        let short = row.short_trend.as_ref().unwrap();
        assert_eq!((short.against, short.from[0].value), (None, None));
    }
}
