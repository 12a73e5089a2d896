//! Reading the period labels officers write, alone or inside a column header.

use super::date::{month_number, parse_date, year_number};
use super::Period;

impl Period {
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

/// Lower-cases, turns `_` into spaces, closes up spaces around `/`, and collapses runs
/// of white space, so `FY 2018/ 19` becomes `fy 2018/19`.
fn normalise(s: &str) -> String {
    let lower = s.trim().to_ascii_lowercase().replace(['_', '\u{a0}'], " ");
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
    fn finds_periods_inside_headers() {
        let (per, rest) = Period::find_in("Q2 2018/19 Value").unwrap();
        assert_eq!((per, rest.as_str()), (p("Q2 2018/19"), "value"));
        let (per, rest) = Period::find_in("2017/18 Value").unwrap();
        assert_eq!((per, rest.as_str()), (p("2017/18"), "value"));
        assert!(Period::find_in("Indicator").is_none());
    }
}
