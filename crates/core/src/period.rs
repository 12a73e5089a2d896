//! Reporting periods on the UK local-government financial year (1 April to 31 March):
//! parsing the labels officers write, ordering, and the arithmetic of "previous" and
//! "same period last year".

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// How often an indicator is reported.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Frequency {
    /// Calendar months.
    Month,
    /// Financial quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar.
    Quarter,
    /// Financial years.
    Year,
}

/// One reporting period. Years and quarters are named by the calendar year in which
/// their financial year starts: `Quarter { fy: 2018, q: 2 }` is Q2 2018/19.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Period {
    /// A financial year, 1 April `fy` to 31 March `fy + 1`.
    Year { fy: i32 },
    /// Quarter `q` (1 to 4) of the financial year starting in `fy`.
    Quarter { fy: i32, q: u8 },
    /// A calendar month (`month` 1 to 12).
    Month { year: i32, month: u8 },
}

impl Period {
    /// The period's frequency.
    pub fn frequency(self) -> Frequency {
        match self {
            Period::Year { .. } => Frequency::Year,
            Period::Quarter { .. } => Frequency::Quarter,
            Period::Month { .. } => Frequency::Month,
        }
    }

    /// Position on the time line of its own frequency: consecutive periods differ by one.
    fn ordinal(self) -> i64 {
        match self {
            Period::Year { fy } => fy as i64,
            Period::Quarter { fy, q } => fy as i64 * 4 + (q as i64 - 1),
            Period::Month { year, month } => year as i64 * 12 + (month as i64 - 1),
        }
    }

    fn from_ordinal(freq: Frequency, n: i64) -> Period {
        match freq {
            Frequency::Year => Period::Year { fy: n as i32 },
            Frequency::Quarter => Period::Quarter {
                fy: n.div_euclid(4) as i32,
                q: (n.rem_euclid(4) + 1) as u8,
            },
            Frequency::Month => Period::Month {
                year: n.div_euclid(12) as i32,
                month: (n.rem_euclid(12) + 1) as u8,
            },
        }
    }

    /// The period `n` steps later (earlier for negative `n`) of the same frequency.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// let q1 = Period::parse("Q1 2018/19").unwrap();
    /// assert_eq!(q1.offset(-1).to_string(), "Q4 2017/18");
    /// ```
    pub fn offset(self, n: i64) -> Period {
        Period::from_ordinal(self.frequency(), self.ordinal() + n)
    }

    /// The period before this one of the same frequency.
    pub fn previous(self) -> Period {
        self.offset(-1)
    }

    /// The period after this one of the same frequency.
    pub fn next(self) -> Period {
        self.offset(1)
    }

    /// The same period one year earlier: Q2 2018/19 gives Q2 2017/18.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// assert_eq!(Period::parse("Q2 2018/19").unwrap().same_period_last_year().to_string(), "Q2 2017/18");
    /// ```
    pub fn same_period_last_year(self) -> Period {
        match self {
            Period::Year { fy } => Period::Year { fy: fy - 1 },
            Period::Quarter { fy, q } => Period::Quarter { fy: fy - 1, q },
            Period::Month { year, month } => Period::Month {
                year: year - 1,
                month,
            },
        }
    }

    /// The calendar year in which this period's financial year starts.
    pub fn financial_year(self) -> i32 {
        match self {
            Period::Year { fy } | Period::Quarter { fy, .. } => fy,
            Period::Month { year, month } => {
                if month >= 4 {
                    year
                } else {
                    year - 1
                }
            }
        }
    }

    /// First day of the period.
    pub fn start(self) -> NaiveDate {
        let (y, m) = match self {
            Period::Year { fy } => (fy, 4),
            Period::Quarter { fy, q } => quarter_start(fy, q),
            Period::Month { year, month } => (year, month as u32),
        };
        ymd(y, m, 1)
    }

    /// Last day of the period.
    pub fn end(self) -> NaiveDate {
        let next_start = self.next().start();
        next_start.pred_opt().unwrap_or(next_start)
    }

    /// Share of its financial year elapsed at the period's end, as a fraction
    /// `(months elapsed, 12)`: Q1 is 3/12, Q2 6/12, a year 12/12, September 6/12.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// assert_eq!(Period::parse("Q2 2018/19").unwrap().year_elapsed_months(), 6);
    /// assert_eq!(Period::parse("Sep 2018").unwrap().year_elapsed_months(), 6);
    /// ```
    pub fn year_elapsed_months(self) -> u32 {
        match self {
            Period::Year { .. } => 12,
            Period::Quarter { q, .. } => q as u32 * 3,
            Period::Month { month, .. } => (month as u32 + 12 - 4) % 12 + 1,
        }
    }

    /// The quarter that contains a date.
    pub fn quarter_of(date: NaiveDate) -> Period {
        let m = date.month();
        let (fy, q) = if m >= 4 {
            (date.year(), ((m - 4) / 3 + 1) as u8)
        } else {
            (date.year() - 1, 4)
        };
        Period::Quarter { fy, q }
    }

    /// Parses a period label in any form the spec accepts (case-insensitive):
    /// `2018/19`, `2018-19`, `2018/2019`, `FY 2018/19`, `Q2 2018/19`, `Q2 18/19`,
    /// `2018/19 Q2`, `Sep 2018`, `September 2018`, `2018-09`, and dates
    /// (`30/09/2018`, `30-Sep-2018`, `2018-09-30`), which give the quarter containing them.
    ///
    /// `2011-12` reads as the financial year 2011/12, not December 2011: where the
    /// second number is the year after the first, officers mean a year.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// assert_eq!(Period::parse("q2 18/19"), Period::parse("2018/19 Q2"));
    /// assert_eq!(Period::parse("30-Sep-2018").unwrap().to_string(), "Q2 2018/19");
    /// assert!(Period::parse("next year").is_none());
    /// ```
    pub fn parse(label: &str) -> Option<Period> {
        let norm = normalise(label);
        if norm.is_empty() {
            return None;
        }
        let tokens: Vec<&str> = norm.split(' ').collect();
        parse_tokens(&tokens)
    }

    /// Finds a period label inside a longer text such as a column header
    /// (`Q2 2018/19 Value`, `Annual Target 2018/19`): returns the period and the rest
    /// of the text, lower-cased, with the label taken out.
    ///
    /// ```
    /// use scorecard_core::period::Period;
    /// let (p, rest) = Period::find_in("Annual Target 2018/19").unwrap();
    /// assert_eq!((p.to_string().as_str(), rest.as_str()), ("2018/19", "annual target"));
    /// ```
    pub fn find_in(text: &str) -> Option<(Period, String)> {
        let norm = normalise(text);
        let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
        for width in [3usize, 2, 1] {
            if tokens.len() < width {
                continue;
            }
            for start in 0..=tokens.len() - width {
                if let Some(p) = parse_tokens(&tokens[start..start + width]) {
                    let rest: Vec<&str> = tokens[..start]
                        .iter()
                        .chain(&tokens[start + width..])
                        .copied()
                        .collect();
                    return Some((p, rest.join(" ")));
                }
            }
        }
        None
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Periods order by their end date; of two that end on the same day, the shorter
/// comes first (Q4 2017/18 before the year 2017/18).
impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.end_month(), self.frequency()).cmp(&(other.end_month(), other.frequency()))
    }
}

impl Period {
    /// The calendar month the period ends in, counted from year 0: the order of periods
    /// without building dates (periods are the keys of every map, so this is hot).
    fn end_month(self) -> i64 {
        match self {
            Period::Year { fy } => fy as i64 * 12 + 15,
            Period::Quarter { fy, q } => fy as i64 * 12 + 3 + 3 * q as i64,
            Period::Month { year, month } => year as i64 * 12 + month as i64,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year { fy } => write!(f, "{}/{:02}", fy, (fy + 1).rem_euclid(100)),
            Period::Quarter { fy, q } => write!(f, "Q{} {}/{:02}", q, fy, (fy + 1).rem_euclid(100)),
            Period::Month { year, month } => {
                write!(f, "{} {}", MONTHS[month as usize - 1].0, year)
            }
        }
    }
}

const MONTHS: [(&str, &str); 12] = [
    ("Jan", "january"),
    ("Feb", "february"),
    ("Mar", "march"),
    ("Apr", "april"),
    ("May", "may"),
    ("Jun", "june"),
    ("Jul", "july"),
    ("Aug", "august"),
    ("Sep", "september"),
    ("Oct", "october"),
    ("Nov", "november"),
    ("Dec", "december"),
];

fn quarter_start(fy: i32, q: u8) -> (i32, u32) {
    match q {
        1 => (fy, 4),
        2 => (fy, 7),
        3 => (fy, 10),
        _ => (fy + 1, 1),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Lower-cases, turns `_` into spaces, closes up spaces around `/`, and collapses runs
/// of white space, so `FY 2018/ 19` becomes `fy 2018/19`.
fn normalise(s: &str) -> String {
    let lower = s.trim().to_lowercase().replace(['_', '\u{a0}'], " ");
    let mut out = String::with_capacity(lower.len());
    for word in lower.split_whitespace() {
        let joins = out.ends_with('/') || out.ends_with('-') || word.starts_with('/');
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn parse_tokens(tokens: &[&str]) -> Option<Period> {
    match tokens {
        [one] => parse_single(one),
        ["fy", year] => parse_fy(year),
        [q, year] | [year, q] if quarter_number(q).is_some() => {
            let fy = parse_fy_any(year)?;
            Some(Period::Quarter {
                fy,
                q: quarter_number(q)?,
            })
        }
        [month, year] => {
            let m = month_number(month)?;
            let y = year_number(year)?;
            Some(Period::Month { year: y, month: m })
        }
        ["fy", q, year] | ["fy", year, q] | [q, "fy", year] if quarter_number(q).is_some() => {
            Some(Period::Quarter {
                fy: parse_fy_any(year)?,
                q: quarter_number(q)?,
            })
        }
        _ => None,
    }
}

fn parse_single(t: &str) -> Option<Period> {
    if let Some(p) = parse_fy(t) {
        return Some(p);
    }
    if let Some(d) = parse_date(t) {
        return Some(Period::quarter_of(d));
    }
    // `2018-09`: a calendar month.
    let (a, b) = t.split_once('-')?;
    if a.len() == 4 && b.len() == 2 {
        let year = year_number(a)?;
        let month: u8 = b.parse().ok()?;
        if (1..=12).contains(&month) {
            return Some(Period::Month { year, month });
        }
    }
    None
}

/// A financial-year label: `2018/19`, `2018-19`, `2018/2019`.
fn parse_fy(t: &str) -> Option<Period> {
    let (a, b) = t.split_once(['/', '-'])?;
    if a.len() != 4 || !(b.len() == 2 || b.len() == 4) {
        return None;
    }
    let first = year_number(a)?;
    let second: i32 = b.parse().ok()?;
    let follows = if b.len() == 2 {
        second == (first + 1).rem_euclid(100)
    } else {
        second == first + 1
    };
    follows.then_some(Period::Year { fy: first })
}

/// The financial year of a quarter label, which may also be short: `18/19`.
fn parse_fy_any(t: &str) -> Option<i32> {
    if let Some(Period::Year { fy }) = parse_fy(t) {
        return Some(fy);
    }
    let (a, b) = t.split_once(['/', '-'])?;
    if a.len() == 2 && b.len() == 2 {
        let first: i32 = a.parse().ok()?;
        let second: i32 = b.parse().ok()?;
        if second == (first + 1) % 100 {
            return Some(2000 + first);
        }
    }
    None
}

fn quarter_number(t: &str) -> Option<u8> {
    let n = t.strip_prefix('q')?;
    match n {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        _ => None,
    }
}

fn month_number(t: &str) -> Option<u8> {
    let t = t.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|(short, long)| {
            t == short.to_lowercase() || t == *long || (t == "sept" && *short == "Sep")
        })
        .map(|i| i as u8 + 1)
}

fn year_number(t: &str) -> Option<i32> {
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

/// Parses a date written day-first as UK officers do: `30/09/2018`, `30-Sep-2018`,
/// `30 Sep 2018`, or ISO `2018-09-30`. An Excel date cell arrives here as ISO.
///
/// ```
/// use scorecard_core::period::parse_date;
/// assert_eq!(parse_date("31-Mar-2019").unwrap().to_string(), "2019-03-31");
/// assert_eq!(parse_date("01/04/2018").unwrap().to_string(), "2018-04-01");
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim().to_lowercase();
    // A time of day after the date (`2018-09-30T00:00:00`, `30/09/2018 00:00`) is dropped.
    let t = match t.find(['t', ' ']) {
        Some(i) if t.contains(':') => &t[..i],
        _ => t.as_str(),
    };
    let parts: Vec<&str> = t
        .split(['/', '-', ' ', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return parse_spaced_date(text);
    };
    let (y, m, d) = if a.len() == 4 {
        (
            year_number(a)?,
            b.parse::<u32>().ok()?,
            c.parse::<u32>().ok()?,
        )
    } else {
        let month = b
            .parse::<u32>()
            .ok()
            .or_else(|| month_number(b).map(u32::from))?;
        let year = if c.len() == 2 {
            2000 + c.parse::<i32>().ok()?
        } else {
            year_number(c)?
        };
        (year, month, a.parse::<u32>().ok()?)
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

fn parse_spaced_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    NaiveDate::from_ymd_opt(year_number(y)?, month_number(m)? as u32, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn every_year_form_in_the_spec_parses_to_the_same_year() {
        for label in [
            "2018/19",
            "2018-19",
            "2018/2019",
            "FY 2018/19",
            "2018/ 19",
            "fy 2018-19",
        ] {
            assert_eq!(p(label), Period::Year { fy: 2018 }, "{label}");
        }
    }

    #[test]
    fn every_quarter_form_in_the_spec_parses_to_the_same_quarter() {
        for label in [
            "Q2 2018/19",
            "Q2 18/19",
            "2018/19 Q2",
            "Q2 2018-19",
            "q2 2018/2019",
        ] {
            assert_eq!(p(label), Period::Quarter { fy: 2018, q: 2 }, "{label}");
        }
    }

    #[test]
    fn months_and_dates() {
        assert_eq!(
            p("Sep 2018"),
            Period::Month {
                year: 2018,
                month: 9
            }
        );
        assert_eq!(
            p("September 2018"),
            Period::Month {
                year: 2018,
                month: 9
            }
        );
        assert_eq!(
            p("2018-09"),
            Period::Month {
                year: 2018,
                month: 9
            }
        );
        for d in ["30/09/2018", "30-Sep-2018", "2018-09-30"] {
            assert_eq!(p(d), Period::Quarter { fy: 2018, q: 2 }, "{d}");
        }
        assert_eq!(p("15/01/2019"), Period::Quarter { fy: 2018, q: 4 });
    }

    #[test]
    fn two_consecutive_years_read_as_a_financial_year_not_a_month() {
        assert_eq!(p("2011-12"), Period::Year { fy: 2011 });
        assert_eq!(
            p("2011-10"),
            Period::Month {
                year: 2011,
                month: 10
            }
        );
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for bad in [
            "",
            "2018/20",
            "Q5 2018/19",
            "value",
            "31/02/2019",
            "13/2018",
            "Smarch 2018",
        ] {
            assert!(Period::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn previous_and_same_period_last_year() {
        assert_eq!(p("Q1 2018/19").previous(), p("Q4 2017/18"));
        assert_eq!(p("2018/19").previous(), p("2017/18"));
        assert_eq!(p("Q2 2018/19").same_period_last_year(), p("Q2 2017/18"));
        assert_eq!(p("Jan 2019").previous(), p("Dec 2018"));
    }

    #[test]
    fn start_and_end_dates() {
        let q4 = p("Q4 2018/19");
        assert_eq!(q4.start().to_string(), "2019-01-01");
        assert_eq!(q4.end().to_string(), "2019-03-31");
        assert_eq!(p("2018/19").end().to_string(), "2019-03-31");
        assert_eq!(p("Feb 2020").end().to_string(), "2020-02-29");
    }

    #[test]
    fn ordering_puts_a_quarter_before_the_year_it_closes() {
        let mut v = [
            p("2017/18"),
            p("Q2 2018/19"),
            p("Q4 2017/18"),
            p("Q1 2018/19"),
        ];
        v.sort();
        let labels: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            labels,
            ["Q4 2017/18", "2017/18", "Q1 2018/19", "Q2 2018/19"]
        );
    }

    #[test]
    fn finds_periods_inside_headers() {
        let (per, rest) = Period::find_in("Q2 2018/19 Value").unwrap();
        assert_eq!((per, rest.as_str()), (p("Q2 2018/19"), "value"));
        let (per, rest) = Period::find_in("2017/18 Value").unwrap();
        assert_eq!((per, rest.as_str()), (p("2017/18"), "value"));
        assert!(Period::find_in("Indicator").is_none());
    }

    #[test]
    fn year_elapsed() {
        assert_eq!(p("Q1 2018/19").year_elapsed_months(), 3);
        assert_eq!(p("Q4 2018/19").year_elapsed_months(), 12);
        assert_eq!(p("Apr 2018").year_elapsed_months(), 1);
        assert_eq!(p("Mar 2019").year_elapsed_months(), 12);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (1950i32..2150).prop_map(|fy| Period::Year { fy }),
            (1950i32..2150, 1u8..=4).prop_map(|(fy, q)| Period::Quarter { fy, q }),
            (1950i32..2150, 1u8..=12).prop_map(|(year, month)| Period::Month { year, month }),
        ]
    }

    proptest! {
        #[test]
        fn previous_of_next_is_identity(per in any_period()) {
            prop_assert_eq!(per.next().previous(), per);
            prop_assert_eq!(per.previous().next(), per);
        }

        #[test]
        fn labels_round_trip(per in any_period()) {
            prop_assert_eq!(Period::parse(&per.to_string()), Some(per));
        }

        #[test]
        fn periods_tile_the_time_line(per in any_period()) {
            prop_assert_eq!(per.end().succ_opt().unwrap(), per.next().start());
            prop_assert!(per.previous() < per);
        }
    }
}
