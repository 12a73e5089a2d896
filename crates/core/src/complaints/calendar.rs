//! Working days in Scotland: Monday to Friday, less Scotland's public holidays (worked
//! out for each year, with their weekend substitutes and the one-off changes proclaimed
//! since 1999) and the council's own local holidays.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The settings a council gives for its calendar.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HolidaySettings {
    /// Easter Monday is not a bank holiday in Scotland, but most councils keep it.
    pub easter_monday: bool,
    /// The council's local holidays (spring and autumn holidays, a local gala day...).
    pub local: Vec<NaiveDate>,
}

impl Default for HolidaySettings {
    fn default() -> Self {
        HolidaySettings {
            easter_monday: true,
            local: Vec::new(),
        }
    }
}

/// The local holidays a user typed, one a line (`23/09/2019`, `23 Sep 2019`; a name may
/// follow the date after a space, comma or tab): the dates, and a sentence for each line
/// that is not one. Blank lines are passed over.
///
/// ```
/// use scorecard_core::complaints::calendar::parse_holiday_lines;
/// let (dates, problems) = parse_holiday_lines("23/09/2019 Autumn holiday\n\n31/02/2019\n");
/// assert_eq!(dates.len(), 1);
/// assert_eq!(problems, ["line 3: expected a date in UK order, day first, such as 23/09/2019, found '31/02/2019'"]);
/// ```
pub fn parse_holiday_lines(text: &str) -> (Vec<NaiveDate>, Vec<String>) {
    let mut dates = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // The date is the line, or its first word (or first three: `23 Sep 2019`).
        let words: Vec<&str> = line
            .split([' ', ',', '\t'])
            .filter(|w| !w.is_empty())
            .collect();
        let found = [
            line.to_string(),
            words.iter().take(3).copied().collect::<Vec<_>>().join(" "),
        ]
        .into_iter()
        .chain(words.first().map(|w| w.to_string()))
        .find_map(|t| crate::period::parse_date(&t));
        match found {
            Some(d) => dates.push(d),
            None => problems.push(format!(
                "line {}: expected a date in UK order, day first, such as 23/09/2019, found '{}'",
                i + 1,
                crate::problem::quote(line, 40)
            )),
        }
    }
    dates.sort();
    dates.dedup();
    (dates, problems)
}

/// A public holiday: its date and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The `n`th given weekday of a month (n from 1), or the last where `n` is 0.
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let last = NaiveDate::from_ymd_opt(y, m + 1, 1)
            .or_else(|| NaiveDate::from_ymd_opt(y + 1, 1, 1))?
            .pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
        return Some(last - Duration::days(i64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
}

/// Two holidays on consecutive days (New Year, Christmas): one that falls on a weekend
/// moves to the next weekday not already a holiday, as the Royal Proclamations set them.
/// `names`: the two days' names, then their substitutes' names.
fn pair(first: NaiveDate, names: [&'static str; 4], out: &mut Vec<Holiday>) {
    let second = first + Duration::days(1);
    let mut taken: Vec<NaiveDate> = [first, second]
        .into_iter()
        .filter(|d| !is_weekend(*d))
        .collect();
    for (i, day) in [first, second].into_iter().enumerate() {
        if is_weekend(day) {
            let mut sub = second + Duration::days(1);
            while is_weekend(sub) || taken.contains(&sub) {
                sub += Duration::days(1);
            }
            taken.push(sub);
            out.push(Holiday {
                date: sub,
                name: names[i + 2],
            });
        } else {
            out.push(Holiday {
                date: day,
                name: names[i],
            });
        }
    }
}

/// Scotland's public holidays of a calendar year, in date order. Easter Monday is
/// included where `easter_monday` is set.
///
/// ```
/// use scorecard_core::complaints::calendar::scottish_holidays;
/// let h: Vec<String> = scottish_holidays(2019, true).iter().map(|h| h.date.to_string()).collect();
/// assert!(h.contains(&"2019-04-19".to_string())); // Good Friday
/// assert!(h.contains(&"2019-12-02".to_string())); // St Andrew's Day, 30 Nov a Saturday
/// ```
pub fn scottish_holidays(year: i32, easter_monday: bool) -> Vec<Holiday> {
    let mut out = Vec::new();
    if let Some(d) = ymd(year, 1, 1) {
        let names = [
            "New Year's Day",
            "2 January",
            "New Year's Day (substitute day)",
            "2 January (substitute day)",
        ];
        pair(d, names, &mut out);
    }
    if let Ok(e) = computus::gregorian(year) {
        if let Some(sunday) = ymd(e.year, e.month, e.day) {
            out.push(Holiday {
                date: sunday - Duration::days(2),
                name: "Good Friday",
            });
            if easter_monday {
                out.push(Holiday {
                    date: sunday + Duration::days(1),
                    name: "Easter Monday",
                });
            }
        }
    }
    let mut early_may = nth_weekday(year, 5, Weekday::Mon, 1);
    let mut spring = nth_weekday(year, 5, Weekday::Mon, 0);
    // Days moved by proclamation: the early May holiday for VE Day's 75th anniversary,
    // the spring holiday for the Golden, Diamond and Platinum Jubilees.
    match year {
        2020 => early_may = ymd(2020, 5, 8),
        2002 => spring = ymd(2002, 6, 4),
        2012 => spring = ymd(2012, 6, 4),
        2022 => spring = ymd(2022, 6, 2),
        _ => {}
    }
    if let Some(d) = early_may {
        out.push(Holiday {
            date: d,
            name: "Early May bank holiday",
        });
    }
    if let Some(d) = spring {
        out.push(Holiday {
            date: d,
            name: "Spring bank holiday",
        });
    }
    if let Some(d) = nth_weekday(year, 8, Weekday::Mon, 1) {
        out.push(Holiday {
            date: d,
            name: "Summer bank holiday",
        });
    }
    if let Some(d) = ymd(year, 11, 30) {
        let date = match d.weekday() {
            Weekday::Sat => d + Duration::days(2),
            Weekday::Sun => d + Duration::days(1),
            _ => d,
        };
        out.push(Holiday {
            date,
            name: "St Andrew's Day",
        });
    }
    if let Some(d) = ymd(year, 12, 25) {
        let names = [
            "Christmas Day",
            "Boxing Day",
            "Christmas Day (substitute day)",
            "Boxing Day (substitute day)",
        ];
        pair(d, names, &mut out);
    }
    // One-off holidays proclaimed in addition.
    let extra: &[(u32, u32, &'static str)] = match year {
        1999 => &[(12, 31, "Millennium holiday")],
        2002 => &[(6, 3, "Golden Jubilee holiday")],
        2011 => &[(4, 29, "Royal wedding holiday")],
        2012 => &[(6, 5, "Diamond Jubilee holiday")],
        2022 => &[
            (6, 3, "Platinum Jubilee holiday"),
            (9, 19, "State Funeral of Queen Elizabeth II"),
        ],
        2023 => &[(5, 8, "Coronation holiday")],
        _ => &[],
    };
    for (m, d, name) in extra {
        if let Some(date) = ymd(year, *m, *d) {
            out.push(Holiday { date, name });
        }
    }
    out.sort_by_key(|h| h.date);
    out
}

/// The working-day calendar: weekdays that are neither a public holiday nor one of the
/// council's local holidays.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    /// Holidays that fall on a weekday (a holiday on a Saturday changes no count).
    off: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The calendar for the calendar years `first..=last`, with these settings.
    pub fn new(first: i32, last: i32, settings: &HolidaySettings) -> Calendar {
        let mut off = BTreeSet::new();
        for y in first..=last {
            for h in scottish_holidays(y, settings.easter_monday) {
                off.insert(h.date);
            }
        }
        off.extend(settings.local.iter().copied());
        off.retain(|d| !is_weekend(*d));
        Calendar { off }
    }

    /// Whether a day is a working day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !is_weekend(d) && !self.off.contains(&d)
    }

    /// The working days from `from` to `to`, both counted: the SPSO model procedure's
    /// count, in which the day a complaint is received is day 1 (the next working day
    /// where it arrives on a weekend or holiday) and the day of the response is counted.
    /// 0 where `to` is before `from`, or no working day lies between them.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use scorecard_core::complaints::calendar::{Calendar, HolidaySettings};
    /// let cal = Calendar::new(2019, 2019, &HolidaySettings::default());
    /// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
    /// // Received Monday 7 October, answered Friday 11 October: days 1 to 5.
    /// assert_eq!(cal.working_days(d(10, 7), d(10, 11)), 5);
    /// // Received Friday 29 November, answered Tuesday 3 December: Fri, (St Andrew's
    /// // Day on Monday 2 December is a holiday), Tue: 2 working days.
    /// assert_eq!(cal.working_days(d(11, 29), d(12, 3)), 2);
    /// ```
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return 0;
        }
        weekdays(from, to) - self.off.range(from..=to).count() as i64
    }
}

/// Monday-to-Friday days from `from` to `to`, both counted (`from` ≤ `to`).
fn weekdays(from: NaiveDate, to: NaiveDate) -> i64 {
    let n = (to - from).num_days() + 1;
    let mut count = n / 7 * 5;
    let mut d = from + Duration::days(n / 7 * 7);
    while d <= to {
        if !is_weekend(d) {
            count += 1;
        }
        d += Duration::days(1);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(year: i32) -> Vec<String> {
        scottish_holidays(year, true)
            .iter()
            .map(|h| h.date.format("%d/%m").to_string())
            .collect()
    }

    #[test]
    fn scotland_2019_as_published() {
        // 2019: 1 Jan Tue, 2 Jan Wed, Good Friday 19 Apr, Easter Monday 22 Apr, 6 May,
        // 27 May, 5 Aug, St Andrew's Day Sat 30 Nov -> Mon 2 Dec, 25 and 26 Dec.
        assert_eq!(
            dates(2019),
            [
                "01/01", "02/01", "19/04", "22/04", "06/05", "27/05", "05/08", "02/12", "25/12",
                "26/12"
            ]
        );
    }

    #[test]
    fn weekend_new_year_and_christmas_are_substituted() {
        // 2022: 1 Jan Sat, 2 Jan Sun -> Mon 3, Tue 4; 25 Dec Sun -> Mon 26 is Boxing Day,
        // Christmas moves to Tue 27. Plus the Jubilee (2 and 3 Jun) and 19 Sep.
        assert_eq!(
            dates(2022),
            [
                "03/01", "04/01", "15/04", "18/04", "02/05", "02/06", "03/06", "01/08", "19/09",
                "30/11", "26/12", "27/12"
            ]
        );
        // 2021: 1 Jan Fri, 2 Jan Sat -> Mon 4; 25 Dec Sat -> Mon 27, 26 Sun -> Tue 28.
        let h = dates(2021);
        assert!(h.starts_with(&["01/01".to_string(), "04/01".to_string()]));
        assert!(h.ends_with(&["27/12".to_string(), "28/12".to_string()]));
        // 2023: 1 Jan Sun -> 2 Jan Mon is the 2nd, 1st moves to Tue 3. Coronation 8 May.
        let h = dates(2023);
        assert!(h.starts_with(&["02/01".to_string(), "03/01".to_string()]));
        assert!(h.contains(&"08/05".to_string()));
        // 2020: 1 Jan Wed; St Andrew's Day Mon 30 Nov; early May moved to Fri 8 May.
        let h = dates(2020);
        assert!(h.contains(&"08/05".to_string()) && !h.contains(&"04/05".to_string()));
        assert!(h.contains(&"30/11".to_string()));
        // 2025: St Andrew's Day Sun 30 Nov -> Mon 1 Dec.
        assert!(dates(2025).contains(&"01/12".to_string()));
    }

    #[test]
    fn easter_for_known_years_and_the_easter_monday_setting() {
        for (y, m, day) in [(2018, 4, 1), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20)] {
            let good_friday = d(y, m, day) - Duration::days(2);
            assert!(scottish_holidays(y, false)
                .iter()
                .any(|h| h.date == good_friday && h.name == "Good Friday"));
        }
        assert!(!scottish_holidays(2019, false)
            .iter()
            .any(|h| h.date == d(2019, 4, 22)));
    }

    #[test]
    fn working_days_skip_weekends_public_and_local_holidays() {
        let settings = HolidaySettings {
            easter_monday: true,
            local: vec![d(2019, 9, 23)],
        };
        let cal = Calendar::new(2018, 2020, &settings);
        // Same day: day 1.
        assert_eq!(cal.working_days(d(2019, 10, 7), d(2019, 10, 7)), 1);
        // Fri 4 Oct to Mon 7 Oct: Fri, Mon.
        assert_eq!(cal.working_days(d(2019, 10, 4), d(2019, 10, 7)), 2);
        // Received Sat 5 Oct: day 1 is Mon 7 Oct.
        assert_eq!(cal.working_days(d(2019, 10, 5), d(2019, 10, 7)), 1);
        // Thu 18 Apr to Tue 23 Apr 2019: Thu, (Good Friday, Easter Monday), Tue.
        assert_eq!(cal.working_days(d(2019, 4, 18), d(2019, 4, 23)), 2);
        // The local holiday Mon 23 Sep 2019.
        assert_eq!(cal.working_days(d(2019, 9, 20), d(2019, 9, 24)), 2);
        // Across the year end: Mon 23 Dec 2019 to Fri 3 Jan 2020: 23, 24, 27, 30, 31 Dec,
        // 3 Jan (25, 26 Dec, 1, 2 Jan holidays).
        assert_eq!(cal.working_days(d(2019, 12, 23), d(2020, 1, 3)), 6);
        assert_eq!(cal.working_days(d(2019, 10, 7), d(2019, 10, 4)), 0);
        assert!(!cal.is_working_day(d(2019, 12, 2)));
    }
}
