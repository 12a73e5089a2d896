//! Comparisons of a value with another: trends over time, change between two periods,
//! the benchmark (Scottish average), and LGBF rank quartiles.

use crate::indicator::Polarity;
use crate::period::Period;
use crate::value::{Format, Unit};

/// Direction of a value against a comparator, judged by the PI's polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Trend {
    Improving,
    NoChange,
    GettingWorse,
    /// Data-only PIs: the value went up.
    Up,
    /// Data-only PIs: the value went down.
    Down,
}

impl Trend {
    /// Words for the eye and for screen readers.
    pub fn label(self) -> &'static str {
        match self {
            Trend::Improving => "Improving",
            Trend::NoChange => "No Change",
            Trend::GettingWorse => "Getting Worse",
            Trend::Up => "Up",
            Trend::Down => "Down",
        }
    }

    /// The arrow shown beside the words.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Improving => "⬆",
            Trend::GettingWorse => "⬇",
            Trend::NoChange => "➡",
            Trend::Up => "↗",
            Trend::Down => "↘",
        }
    }

    /// A stable identifier for styles and exports.
    pub fn key(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::NoChange => "no-change",
            Trend::GettingWorse => "getting-worse",
            Trend::Up => "up",
            Trend::Down => "down",
        }
    }
}

/// Judges `new` against `old` (both as shown) by polarity. For `band` the one nearer
/// the target is better; a `band` PI with no target is judged like a data-only one.
///
/// ```
/// use scorecard_core::indicator::Polarity;
/// use scorecard_core::trend::{compare, Trend};
/// assert_eq!(compare(15.13, 15.67, Polarity::Down, None), Trend::Improving);
/// assert_eq!(compare(75.0, 87.5, Polarity::Up, None), Trend::GettingWorse);
/// assert_eq!(compare(16.0, 9.0, Polarity::None, None), Trend::Up);
/// assert_eq!(compare(9.0, 9.0, Polarity::Up, None), Trend::NoChange);
/// ```
pub fn compare(new: f64, old: f64, polarity: Polarity, target: Option<f64>) -> Trend {
    let same = (new - old).abs() <= 1e-9 * (1.0 + old.abs());
    if same {
        return Trend::NoChange;
    }
    let better = match (polarity, target) {
        (Polarity::Up, _) => new > old,
        (Polarity::Down, _) => new < old,
        (Polarity::Band, Some(t)) => {
            let (dn, d_old) = ((new - t).abs(), (old - t).abs());
            if (dn - d_old).abs() <= 1e-9 * (1.0 + d_old) {
                return Trend::NoChange;
            }
            dn < d_old
        }
        (Polarity::None, _) | (Polarity::Band, None) => {
            return if new > old { Trend::Up } else { Trend::Down };
        }
    };
    if better {
        Trend::Improving
    } else {
        Trend::GettingWorse
    }
}

/// A trend with what it was measured against, for the detail view.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrendResult {
    pub trend: Trend,
    /// The comparator value, as shown.
    pub against: f64,
    /// The periods the comparator came from (one for a short trend, up to four for a long one).
    pub from: Vec<Period>,
}

/// The periods a short trend compares with: the previous period, or for a cumulative PI
/// the same period last year (year-to-date figures only compare across years).
pub fn short_trend_period(period: Period, cumulative: bool) -> Period {
    if cumulative {
        period.same_period_last_year()
    } else {
        period.previous()
    }
}

/// The periods a long trend averages: the four before, of the same frequency (for a
/// cumulative PI the same period in each of the four years before).
pub fn long_trend_periods(period: Period, cumulative: bool) -> [Period; 4] {
    let step = |p: Period| short_trend_period(p, cumulative);
    let a = step(period);
    let b = step(a);
    let c = step(b);
    let d = step(c);
    [a, b, c, d]
}

/// Change between two periods, in the words the reports use.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub from: Period,
    pub old: f64,
    pub to: Period,
    pub new: f64,
}

impl Change {
    /// `new − old`.
    pub fn difference(&self) -> f64 {
        self.new - self.old
    }

    /// `(new − old) ÷ old × 100`; `None` when `old` is zero.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// use scorecard_core::trend::Change;
    /// let c = Change { from: Period::parse("Q1 2020/21").unwrap(), old: 1309.0,
    ///                  to: Period::parse("Q1 2021/22").unwrap(), new: 1893.0 };
    /// assert_eq!((c.percent().unwrap() * 10.0).round() / 10.0, 44.6);
    /// ```
    pub fn percent(&self) -> Option<f64> {
        (self.old != 0.0).then(|| (self.new - self.old) / self.old.abs() * 100.0)
    }

    /// "a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1 2021/22". For a
    /// percentage PI the difference is also given in percentage points.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// use scorecard_core::trend::Change;
    /// use scorecard_core::value::Format;
    /// let c = Change { from: Period::parse("Q1 2020/21").unwrap(), old: 1309.0,
    ///                  to: Period::parse("Q1 2021/22").unwrap(), new: 1893.0 };
    /// assert_eq!(c.sentence(&Format { decimals: 0, ..Format::default() }),
    ///            "a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1 2021/22");
    /// ```
    pub fn sentence(&self, format: &Format) -> String {
        let span = format!(
            "from {} in {} to {} in {}",
            format.show(self.old),
            self.from,
            format.show(self.new),
            self.to
        );
        let d = self.difference();
        if format.shown(self.new) == format.shown(self.old) {
            return format!("no change {span}");
        }
        let word = if d > 0.0 { "increase" } else { "decrease" };
        let points = if format.unit == Unit::Percent {
            let pts = Format {
                unit: Unit::Number,
                decimals: format.decimals,
            }
            .show_trimmed(d.abs());
            format!(" ({pts} percentage points)")
        } else {
            String::new()
        };
        match self.percent() {
            Some(p) => {
                let pct = crate::value::round_shown(p.abs(), 0);
                let article = if starts_with_vowel_sound(pct) {
                    "an"
                } else {
                    "a"
                };
                format!("{article} {pct}% {word}{points} {span}")
            }
            None => format!("an {word}{points} {span}"),
        }
    }
}

/// "an 8% increase", "an 11% increase", "an 18,000% increase", but "a 45% increase".
fn starts_with_vowel_sound(pct: f64) -> bool {
    let s = (pct as u64).to_string();
    s.starts_with('8') || (s.len() % 3 == 2 && (s.starts_with("11") || s.starts_with("18")))
}

/// The value against a benchmark (the Scottish average).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Comparison {
    Better,
    Same,
    Worse,
    /// Data-only PIs: above the benchmark, no judgement.
    Higher,
    /// Data-only PIs: below the benchmark, no judgement.
    Lower,
}

impl Comparison {
    pub fn label(self) -> &'static str {
        match self {
            Comparison::Better => "Better",
            Comparison::Same => "Same",
            Comparison::Worse => "Worse",
            Comparison::Higher => "Higher",
            Comparison::Lower => "Lower",
        }
    }
}

/// Compares a value with its benchmark, both as shown, by polarity.
///
/// ```
/// use scorecard_core::indicator::Polarity;
/// use scorecard_core::trend::{benchmark, Comparison};
/// // 2.2 per 1,000 on the register against a Scottish average of 2.3, lower is better.
/// assert_eq!(benchmark(2.2, 2.3, Polarity::Down, None), Comparison::Better);
/// ```
pub fn benchmark(value: f64, bench: f64, polarity: Polarity, target: Option<f64>) -> Comparison {
    match compare(value, bench, polarity, target) {
        Trend::Improving => Comparison::Better,
        Trend::GettingWorse => Comparison::Worse,
        Trend::NoChange => Comparison::Same,
        Trend::Up => Comparison::Higher,
        Trend::Down => Comparison::Lower,
    }
}

/// The quartile of rank `rank` of `of` ranked: ⌈4r/n⌉, 1 the top. `None` for a rank
/// outside 1..=n.
///
/// ```
/// use scorecard_core::trend::{quartile, quartile_label};
/// assert_eq!(quartile(8, 32), Some(1));
/// assert_eq!(quartile(9, 32), Some(2));
/// assert_eq!(quartile(32, 32), Some(4));
/// assert_eq!(quartile_label(1), "Top Quartile");
/// ```
pub fn quartile(rank: u32, of: u32) -> Option<u8> {
    if rank == 0 || of == 0 || rank > of {
        return None;
    }
    Some((4 * rank).div_ceil(of) as u8)
}

/// `Top Quartile`, `Second Quartile`, `Third Quartile`, `Bottom Quartile`.
pub fn quartile_label(q: u8) -> &'static str {
    match q {
        1 => "Top Quartile",
        2 => "Second Quartile",
        3 => "Third Quartile",
        _ => "Bottom Quartile",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_trend_is_judged_by_distance_from_target() {
        assert_eq!(
            compare(98.0, 90.0, Polarity::Band, Some(100.0)),
            Trend::Improving
        );
        assert_eq!(
            compare(105.0, 102.0, Polarity::Band, Some(100.0)),
            Trend::GettingWorse
        );
        assert_eq!(
            compare(98.0, 102.0, Polarity::Band, Some(100.0)),
            Trend::NoChange
        );
    }

    #[test]
    fn cumulative_short_trend_compares_with_last_year() {
        let q2 = Period::parse("Q2 2018/19").unwrap();
        assert_eq!(short_trend_period(q2, true).to_string(), "Q2 2017/18");
        assert_eq!(short_trend_period(q2, false).to_string(), "Q1 2018/19");
        let long: Vec<String> = long_trend_periods(q2, false)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            long,
            ["Q1 2018/19", "Q4 2017/18", "Q3 2017/18", "Q2 2017/18"]
        );
    }

    #[test]
    fn change_sentences() {
        let q = |s| Period::parse(s).unwrap();
        let pct = Format {
            unit: Unit::Percent,
            decimals: 0,
        };
        let c = Change {
            from: q("Q1 2020/21"),
            old: 45.0,
            to: q("Q1 2021/22"),
            new: 38.0,
        };
        assert_eq!(
            c.sentence(&pct),
            "a 16% decrease (7 percentage points) from 45% in Q1 2020/21 to 38% in Q1 2021/22"
        );
        let c = Change {
            from: q("2019/20"),
            old: 100.0,
            to: q("2020/21"),
            new: 180.0,
        };
        assert!(c
            .sentence(&Format::default())
            .starts_with("an 80% increase"));
        let c = Change {
            from: q("2019/20"),
            old: 0.0,
            to: q("2020/21"),
            new: 3.0,
        };
        assert!(c
            .sentence(&Format::default())
            .starts_with("an increase from 0 "));
    }

    #[test]
    fn quartile_rejects_impossible_ranks() {
        assert_eq!(quartile(0, 32), None);
        assert_eq!(quartile(33, 32), None);
        assert_eq!(quartile(1, 1), Some(4));
    }
}
