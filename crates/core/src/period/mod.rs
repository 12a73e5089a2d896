//! Reporting periods on the UK local-government financial year (1 April to 31 March):
//! parsing the labels officers write, ordering, and the arithmetic of "previous" and
//! "same period last year".

mod date;
mod display;
mod parse;

use chrono::{Datelike, NaiveDate};

pub use date::parse_date;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
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
