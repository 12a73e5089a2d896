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

/// A PI's value in a period that a comparison was made with, as shown, with the count
/// it was worked out from: enough for small-number suppression to tell whether showing
/// it would give a small count away. `value` is `None` where it is withheld.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Point {
    pub period: Period,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
}

impl Point {
    /// A point with no count behind it.
    pub fn new(period: Period, value: f64) -> Point {
        Point {
            period,
            value: Some(value),
            numerator: None,
        }
    }
}

/// A trend with what it was measured against, for the detail view.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrendResult {
    pub trend: Trend,
    /// The comparator value, as shown; `None` where small-number suppression withholds it
    /// (it is, or is worked out from, a small count).
    pub against: Option<f64>,
    /// The values the comparator came from (one for a short trend, up to four for a long one).
    pub from: Vec<Point>,
}

impl TrendResult {
    /// What the trend was measured against, in words: "Improving against 15.67 (Q1
    /// 2018/19)"; a withheld comparator shows as `c`.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// use scorecard_core::trend::{Point, Trend, TrendResult};
    /// use scorecard_core::value::Format;
    /// let q1 = Period::parse("Q1 2018/19").unwrap();
    /// let t = TrendResult { trend: Trend::Improving, against: Some(15.67), from: vec![Point::new(q1, 15.67)] };
    /// assert_eq!(t.sentence(&Format { decimals: 2, ..Format::default() }), "Improving against 15.67 (Q1 2018/19)");
    /// let withheld = TrendResult { against: None, ..t };
    /// assert_eq!(withheld.sentence(&Format::default()), "Improving against c (Q1 2018/19)");
    /// ```
    pub fn sentence(&self, format: &Format) -> String {
        let against = match self.against {
            Some(x) => format.show(x),
            None => crate::value::SUPPRESSED.to_string(),
        };
        let periods: Vec<String> = self.from.iter().map(|p| p.period.to_string()).collect();
        format!(
            "{} against {against} ({})",
            self.trend.label(),
            periods.join(", ")
        )
    }
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
    pub from: Point,
    pub to: Point,
}

impl Change {
    /// The old and the new value; `None` where either is withheld.
    fn values(&self) -> Option<(f64, f64)> {
        Some((self.from.value?, self.to.value?))
    }

    /// `new − old`; `None` where either is withheld.
    pub fn difference(&self) -> Option<f64> {
        self.values().map(|(old, new)| new - old)
    }

    /// `(new − old) ÷ old × 100`; `None` when `old` is zero or either is withheld.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// use scorecard_core::trend::{Change, Point};
    /// let c = Change { from: Point::new(Period::parse("Q1 2020/21").unwrap(), 1309.0),
    ///                  to: Point::new(Period::parse("Q1 2021/22").unwrap(), 1893.0) };
    /// assert_eq!((c.percent().unwrap() * 10.0).round() / 10.0, 44.6);
    /// ```
    pub fn percent(&self) -> Option<f64> {
        let (old, new) = self.values()?;
        (old != 0.0).then(|| (new - old) / old.abs() * 100.0)
    }

    /// "a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1 2021/22". For a
    /// percentage PI the difference in percentage points leads, as councils write it:
    /// "a 7 percentage point decrease (16% decrease) from 45% … to 38% …". `None` where
    /// either value is withheld: a sentence about a withheld figure would give it away.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// use scorecard_core::trend::{Change, Point};
    /// use scorecard_core::value::Format;
    /// let c = Change { from: Point::new(Period::parse("Q1 2020/21").unwrap(), 1309.0),
    ///                  to: Point::new(Period::parse("Q1 2021/22").unwrap(), 1893.0) };
    /// assert_eq!(c.sentence(&Format { decimals: 0, ..Format::default() }).unwrap(),
    ///            "a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1 2021/22");
    /// ```
    pub fn sentence(&self, format: &Format) -> Option<String> {
        let (old, new) = self.values()?;
        let span = format!(
            "from {} in {} to {} in {}",
            format.show(old),
            self.from.period,
            format.show(new),
            self.to.period
        );
        let d = new - old;
        if format.shown(new) == format.shown(old) {
            return Some(format!("no change {span}"));
        }
        let word = if d > 0.0 { "increase" } else { "decrease" };
        let pct = self
            .percent()
            .map(|p| crate::value::round_shown(p.abs(), 0));
        if format.unit == Unit::Percent {
            // Councils write a change in a percentage in points ("38%, a 7 percentage
            // point reduction"): the points lead, the relative change follows.
            let pts = Format {
                unit: Unit::Number,
                decimals: format.decimals,
            }
            .show_trimmed(d.abs());
            let article = if starts_with_vowel_sound(d.abs().trunc()) {
                "an"
            } else {
                "a"
            };
            let relative = pct.map_or(String::new(), |p| format!(" ({p}% {word})"));
            return Some(format!(
                "{article} {pts} percentage point {word}{relative} {span}"
            ));
        }
        Some(match pct {
            Some(pct) => {
                let article = if starts_with_vowel_sound(pct) {
                    "an"
                } else {
                    "a"
                };
                format!("{article} {pct}% {word} {span}")
            }
            None => format!("an {word} {span}"),
        })
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

/// An LGBF quartile: where a rank falls among the councils ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Quartile {
    Top,
    Second,
    Third,
    Bottom,
}

impl Quartile {
    /// `Top Quartile`, `Second Quartile`, `Third Quartile`, `Bottom Quartile`.
    pub fn label(self) -> &'static str {
        match self {
            Quartile::Top => "Top Quartile",
            Quartile::Second => "Second Quartile",
            Quartile::Third => "Third Quartile",
            Quartile::Bottom => "Bottom Quartile",
        }
    }

    /// 1 for the top quartile to 4 for the bottom.
    pub fn number(self) -> u8 {
        match self {
            Quartile::Top => 1,
            Quartile::Second => 2,
            Quartile::Third => 3,
            Quartile::Bottom => 4,
        }
    }
}

impl std::fmt::Display for Quartile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The quartile of rank `rank` of `of` ranked: ⌈4r/n⌉, 1 the top. `None` for a rank
/// outside 1..=n.
///
/// ```
/// use scorecard_core::trend::{quartile, Quartile};
/// assert_eq!(quartile(8, 32), Some(Quartile::Top));
/// assert_eq!(quartile(9, 32), Some(Quartile::Second));
/// assert_eq!(quartile(32, 32), Some(Quartile::Bottom));
/// assert_eq!(Quartile::Top.label(), "Top Quartile");
/// ```
pub fn quartile(rank: u32, of: u32) -> Option<Quartile> {
    if rank == 0 || of == 0 || rank > of {
        return None;
    }
    Some(match (4 * u64::from(rank)).div_ceil(u64::from(of)) {
        1 => Quartile::Top,
        2 => Quartile::Second,
        3 => Quartile::Third,
        _ => Quartile::Bottom,
    })
}

/// A council's LGBF rank: `rank` of `of` ranked, 1 the best. Only a possible rank (1 to
/// `of`) is made one, so it always has a quartile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Rank {
    pub rank: u32,
    pub of: u32,
}

impl Rank {
    /// A rank, where `rank` is between 1 and `of`.
    pub fn new(rank: u32, of: u32) -> Option<Rank> {
        quartile(rank, of).map(|_| Rank { rank, of })
    }

    /// ⌈4r/n⌉ as a quartile.
    pub fn quartile(self) -> Quartile {
        quartile(self.rank, self.of).unwrap_or(Quartile::Bottom)
    }
}

/// "Top Quartile (8 of 32)", as the published tables write it.
///
/// ```
/// use scorecard_core::trend::Rank;
/// assert_eq!(Rank::new(8, 32).unwrap().to_string(), "Top Quartile (8 of 32)");
/// assert_eq!(Rank::new(33, 32), None);
/// ```
impl std::fmt::Display for Rank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} of {})", self.quartile(), self.rank, self.of)
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
            from: Point::new(q("Q1 2020/21"), 45.0),
            to: Point::new(q("Q1 2021/22"), 38.0),
        };
        assert_eq!(
            c.sentence(&pct).unwrap(),
            "a 7 percentage point decrease (16% decrease) from 45% in Q1 2020/21 to 38% in Q1 2021/22"
        );
        let c = Change {
            from: Point::new(q("2019/20"), 100.0),
            to: Point::new(q("2020/21"), 180.0),
        };
        assert!(c
            .sentence(&Format::default())
            .unwrap()
            .starts_with("an 80% increase"));
        let mut c = Change {
            from: Point::new(q("2019/20"), 0.0),
            to: Point::new(q("2020/21"), 3.0),
        };
        assert!(c
            .sentence(&Format::default())
            .unwrap()
            .starts_with("an increase from 0 "));
        c.to.value = None;
        assert_eq!(c.sentence(&Format::default()), None, "a withheld value");
    }

    #[test]
    fn quartile_rejects_impossible_ranks() {
        assert_eq!(quartile(0, 32), None);
        assert_eq!(quartile(33, 32), None);
        assert_eq!(quartile(1, 1), Some(Quartile::Bottom));
        assert_eq!(quartile(u32::MAX, u32::MAX), Some(Quartile::Bottom));
    }
}
