//! Small-number suppression for reports that will be published: counts from 1 to a
//! threshold are shown as `c`, and so are rates worked out from such counts, in the
//! view and in every export.

use crate::report::{Report, Row};
use crate::value::Unit;

/// The mark shown in place of a suppressed figure.
pub const MARK: &str = "c";

/// The default threshold: counts from 1 to 4 are suppressed.
pub const DEFAULT_THRESHOLD: u32 = 4;

fn small(x: f64, threshold: u32) -> bool {
    x >= 1.0 && x <= threshold as f64 && x.fract() == 0.0
}

/// Whether a PI's values are counts: plain numbers written with no decimals.
fn is_count(row: &Row) -> bool {
    row.format.unit == Unit::Number && row.format.decimals == 0 && row.working.is_none()
}

/// A copy of the report with every figure from a count of 1 to `threshold` withheld:
/// the value (and its reason, change and working), earlier values, and chart points.
/// Statuses and summaries stay: they do not disclose the count.
///
/// ```
/// use scorecard_core::{read_all, report, suppress, InputFile};
/// let file = InputFile { name: "c.csv".into(), bytes: b"code,period,value\nA,Q1 2019/20,3\nB,Q1 2019/20,12\n".to_vec() };
/// let r = suppress::apply(&report::build(&read_all(&[file]), None).unwrap(), 4);
/// let shown: Vec<_> = r.groups[0].rows.iter().map(|row| row.value_shown.clone().unwrap()).collect();
/// assert_eq!(shown, ["c", "12"]);
/// ```
pub fn apply(report: &Report, threshold: u32) -> Report {
    let mut out = report.clone();
    for row in out.groups.iter_mut().flat_map(|g| g.rows.iter_mut()) {
        apply_row(row, threshold);
    }
    out
}

/// Withholds one row's small counts, as [`apply`] does for every row (the detail of a PI
/// the page asks for on its own).
pub fn apply_row(row: &mut Row, threshold: u32) {
    let count = is_count(row);
    let hides = |value: Option<f64>, numerator: Option<f64>| {
        value.is_some_and(|v| count && small(v, threshold))
            || numerator.is_some_and(|n| small(n, threshold))
    };
    let mut withheld = false;
    if hides(row.value, row.numerator) {
        withheld = true;
        row.value = None;
        row.value_shown = Some(MARK.into());
        row.working = None;
        row.reason = format!(
            "The figure is suppressed (a count from 1 to {threshold} is not published): {}",
            row.status.label()
        );
    }
    for cell in &mut row.history {
        if hides(cell.value, cell.numerator) {
            withheld = true;
            cell.value = None;
            cell.shown = Some(MARK.into());
        }
    }
    let before = row.series.len();
    row.series.retain(|p| !hides(Some(p.value), p.numerator));
    withheld |= row.series.len() != before;
    if withheld {
        // Sentences and comparisons could give the withheld figure away.
        row.suppressed = true;
        row.change = None;
        row.checks.clear();
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
        assert_eq!(rows[0].value_shown.as_deref(), Some("c"));
        assert!(rows[0].value.is_none() && rows[0].working.is_none());
        assert!(!rows[0].reason.contains('3'));
        assert_eq!(rows[1].value_shown.as_deref(), Some("30.0"));
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
            .map(|x| x.value_shown.clone().unwrap())
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
        assert_eq!(row.history.last().unwrap().shown.as_deref(), Some("c"));
        assert_eq!(row.series.len(), 1);
        assert!(row.suppressed && row.change.is_none());
    }
}
