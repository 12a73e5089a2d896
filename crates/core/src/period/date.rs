//! Reading dates as UK officers write them, day first.

use chrono::NaiveDate;

use super::display::MONTHS;

/// Parses a date written day-first as UK officers do: `30/09/2018`, `30-Sep-2018`,
/// `30 Sep 2018`, or ISO `2018-09-30`. An Excel date cell arrives here as ISO.
///
/// ```
/// use scorecard_core::period::parse_date;
/// assert_eq!(parse_date("31-Mar-2019").unwrap().to_string(), "2019-03-31");
/// assert_eq!(parse_date("01/04/2018").unwrap().to_string(), "2018-04-01");
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim().to_ascii_lowercase();
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
    let parts: Vec<String> = text
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    NaiveDate::from_ymd_opt(year_number(y)?, month_number(m)? as u32, d.parse().ok()?)
}

pub(super) fn month_number(t: &str) -> Option<u8> {
    let t = t.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|(short, long)| {
            t == short.to_ascii_lowercase() || t == *long || (t == "sept" && *short == "Sep")
        })
        .map(|i| i as u8 + 1)
}

pub(super) fn year_number(t: &str) -> Option<i32> {
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}
