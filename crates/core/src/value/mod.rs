//! Figures as officers write them (`1,309`, `98%`, `£15.846m`, `N/A`): reading them into
//! numbers with their unit and shown decimals, rounding "as shown", and writing them back.

mod money;

use std::borrow::Cow;
use std::fmt;

/// The mark shown in place of a figure withheld by small-number suppression.
pub const SUPPRESSED: &str = "c";

pub use money::strip_money_suffix;
use money::{money_suffix, MONEY_SUFFIXES};

/// The unit a figure is measured in, as far as it changes how the figure is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, Default)]
pub enum Unit {
    /// A plain number (a count, a rate, an average).
    #[default]
    Number,
    /// A percentage: shown with `%`, numbers are in percent (`98` for 98%).
    Percent,
    /// Money in pounds; the suffix (`b` for `bn`, `m`, `k`) is the scale it was written in.
    Pounds { suffix: Option<char> },
    /// Anything else the file names (`days`, `weeks`): shown after the figure.
    Named(String),
}

impl Unit {
    /// Reads a unit column: `%`, `£`, `£m`, `days`, `number`.
    pub fn parse(text: &str) -> Unit {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "" | "number" | "no" | "no." | "count" | "rate" | "#" => Unit::Number,
            "%" | "percent" | "percentage" | "pct" => Unit::Percent,
            "£" | "gbp" | "pounds" | "£s" => Unit::Pounds { suffix: None },
            _ => {
                let scale = t.strip_prefix('£').map(str::trim_start).and_then(|s| {
                    MONEY_SUFFIXES
                        .iter()
                        .find(|m| m.written == s || m.words.contains(&s))
                });
                match scale {
                    Some(m) => Unit::Pounds {
                        suffix: Some(m.key),
                    },
                    None => Unit::Named(text.trim().to_string()),
                }
            }
        }
    }

    /// The scale factor of a money suffix: 1,000,000 for `m`.
    pub fn scale(&self) -> f64 {
        10f64.powi(self.exponent())
    }

    /// The power of ten of [`Unit::scale`]: 6 for `m`.
    pub fn exponent(&self) -> i32 {
        match self {
            Unit::Pounds { suffix: Some(k) } => money_suffix(*k).map_or(0, |s| s.exponent),
            _ => 0,
        }
    }

    /// The money suffix as written after a figure: `bn`, `m`, `k`, or nothing.
    pub fn suffix_text(&self) -> &'static str {
        match self {
            Unit::Pounds { suffix: Some(k) } => money_suffix(*k).map_or("", |s| s.written),
            _ => "",
        }
    }

    /// The unit in words, for sentences ("15.13 days").
    pub fn word(&self) -> Option<&str> {
        match self {
            Unit::Named(w) => Some(w),
            _ => None,
        }
    }
}

/// A figure read from a cell: the number (in base units: pounds, not millions), the
/// unit the cell showed, and how many decimals it was written with.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    pub number: f64,
    pub unit: Option<Unit>,
    pub decimals: u8,
}

impl Figure {
    /// The figure as a published table writes it: `12,500`, `1,490.00`, `70.37%`, `£16.098m`.
    pub fn written(&self) -> String {
        Format {
            unit: self.unit.clone().unwrap_or_default(),
            decimals: self.decimals,
        }
        .show(self.number)
    }
}

/// Why a cell is not a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFigure;

/// Texts that mean "no value" in published tables.
pub fn is_missing(text: &str) -> bool {
    const MISSING: [&str; 12] = [
        "", "n/a", "na", "-", "–", "—", "..", "...", "n.a.", "#n/a", "null", "none",
    ];
    let t = text.trim();
    if t.is_ascii() {
        // Every text of the list is ASCII or caseless: ASCII case is the only case to
        // fold (the page then carries no Unicode case tables). Compare without a String.
        t.len() <= 4 && MISSING.iter().any(|m| m.eq_ignore_ascii_case(t))
    } else {
        MISSING.contains(&t.to_ascii_lowercase().as_str())
    }
}

/// Reads a figure as written in a report.
///
/// Returns `Ok(None)` for the texts that mean "no value" (empty, `N/A`, `-`, `..`),
/// `Err` for text that is not a number.
///
/// ```
/// use scorecard_core::value::{parse_figure, Unit};
/// let f = parse_figure("£15.846m").unwrap().unwrap();
/// assert_eq!((f.number, f.decimals), (15_846_000.0, 3));
/// assert_eq!(f.unit, Some(Unit::Pounds { suffix: Some('m') }));
/// assert_eq!(parse_figure("1,309").unwrap().unwrap().number, 1309.0);
/// assert_eq!(parse_figure("98%").unwrap().unwrap().unit, Some(Unit::Percent));
/// assert_eq!(parse_figure("N/A"), Ok(None));
/// assert!(parse_figure("twelve").is_err());
/// ```
pub fn parse_figure(text: &str) -> Result<Option<Figure>, NotAFigure> {
    let mut t = trim(text);
    if let Some(f) = plain_decimal(t) {
        return f;
    }
    if is_missing(t) {
        return Ok(None);
    }
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    }
    if let Some(rest) = t.strip_prefix(['-', '−']) {
        negative = !negative;
        t = rest.trim_start();
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest.trim_start();
    }
    let mut unit = None;
    if let Some(rest) = t.strip_prefix('£') {
        unit = Some(Unit::Pounds { suffix: None });
        t = rest.trim_start();
        // `£-5` as well as `-£5`.
        if let Some(rest) = t.strip_prefix(['-', '−']) {
            negative = !negative;
            t = rest;
        }
    }
    if let Some(rest) = t.strip_suffix('%') {
        if unit.is_some() {
            return Err(NotAFigure);
        }
        unit = Some(Unit::Percent);
        t = rest.trim_end();
    }
    if let Some(Unit::Pounds { suffix }) = &mut unit {
        if let Some((rest, key)) = strip_money_suffix(t) {
            *suffix = Some(key);
            t = rest;
        }
    }
    let digits = strip_thousands(t).ok_or(NotAFigure)?;
    let decimals = digits
        .split_once('.')
        .map_or(0, |(_, d)| d.len().min(12) as u8);
    // The scale goes in as an exponent so `16.1` millions is exactly 16,100,000.
    let exponent = unit.as_ref().map_or(0, Unit::exponent);
    let magnitude: f64 = if exponent == 0 {
        // `digits` and `digitse0` are the same decimal number, so parse to the same f64.
        digits.parse()
    } else {
        format!("{digits}e{exponent}").parse()
    }
    .map_err(|_| NotAFigure)?;
    if !magnitude.is_finite() {
        return Err(NotAFigure);
    }
    let number = if negative { -magnitude } else { magnitude };
    Ok(Some(Figure {
        number,
        unit,
        decimals,
    }))
}

/// [`str::trim`], without decoding characters when the text starts and ends in ASCII
/// that is not white space (nearly every cell).
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(z))
            if a.is_ascii()
                && z.is_ascii()
                && !char::from(*a).is_whitespace()
                && !char::from(*z).is_whitespace() =>
        {
            text
        }
        _ => text.trim(),
    }
}

/// The common case of [`parse_figure`], read in one pass: digits with at most one point
/// (`585.17`, `12`, `.5`). `None` for anything else, which takes the general route.
fn plain_decimal(t: &str) -> Option<Result<Option<Figure>, NotAFigure>> {
    let mut point = None;
    let mut digits = 0;
    for (i, b) in t.bytes().enumerate() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let decimals = point.map_or(0, |p| (t.len() - p - 1).min(12) as u8);
    Some(match t.parse::<f64>() {
        Ok(number) if number.is_finite() => Ok(Some(Figure {
            number,
            unit: None,
            decimals,
        })),
        _ => Err(NotAFigure),
    })
}

/// Removes thousands separators where they stand in threes (`1,309`, `12,345.6`) and
/// checks that what is left is plain digits with at most one point. Borrows the text
/// when it has no separators (`.5` stays `.5`, which parses as `0.5` does).
fn strip_thousands(t: &str) -> Option<Cow<'_, str>> {
    if t.is_empty() {
        return None;
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if let Some(f) = frac {
        if !all_digits(f) {
            return None;
        }
    }
    if !int.contains(',') {
        if !all_digits(int) || (int.is_empty() && frac.is_none_or(str::is_empty)) {
            return None;
        }
        return Some(Cow::Borrowed(t));
    }
    let mut groups = int.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && all_digits(g));
    if !first_ok || !groups.all(|g| g.len() == 3 && all_digits(g)) {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    out.extend(int.split(','));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(Cow::Owned(out))
}

/// Rounds half away from zero to `decimals`, as Excel and printed reports do. The
/// number is first nudged away from zero by a few units in the last place, so that
/// binary noise does not decide (2.675 is stored as 2.67499999…, and rounds to 2.68).
///
/// ```
/// use scorecard_core::value::round_shown;
/// assert_eq!(round_shown(2.675, 2), 2.68);
/// assert_eq!(round_shown(87.5, 0), 88.0);
/// assert_eq!(round_shown(-0.5, 0), -1.0);
/// ```
pub fn round_shown(x: f64, decimals: u8) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let p = 10f64.powi(decimals as i32);
    let scaled = x * p;
    (scaled + scaled * (8.0 * f64::EPSILON)).round() / p
}

/// How a figure is shown: decimals, unit, and thousands separators.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, Default)]
pub struct Format {
    pub unit: Unit,
    pub decimals: u8,
}

impl Format {
    /// The number as shown, in base units (what comparisons use).
    pub fn shown(&self, number: f64) -> f64 {
        let scale = self.unit.scale();
        round_shown(number / scale, self.decimals) * scale
    }

    /// Writes a number as the report shows it: `1,309`, `75.0%`, `£15.846m`, `15.13`.
    ///
    /// ```
    /// use scorecard_core::value::{Format, Unit};
    /// let money = Format { unit: Unit::Pounds { suffix: Some('m') }, decimals: 3 };
    /// assert_eq!(money.show(15_846_000.0), "£15.846m");
    /// let pct = Format { unit: Unit::Percent, decimals: 1 };
    /// assert_eq!(pct.show(44.6), "44.6%");
    /// assert_eq!(Format::default().show(1309.0), "1,309");
    /// ```
    pub fn show(&self, number: f64) -> String {
        let scale = self.unit.scale();
        let body = group_thousands(round_shown(number / scale, self.decimals), self.decimals);
        match &self.unit {
            Unit::Percent => format!("{body}%"),
            Unit::Pounds { .. } => {
                let suffix = self.unit.suffix_text();
                match body.strip_prefix('-') {
                    Some(b) => format!("-£{b}{suffix}"),
                    None => format!("£{body}{suffix}"),
                }
            }
            _ => body,
        }
    }

    /// Like [`Format::show`], without trailing zeros: targets read as written
    /// (`20`, `95%`, `12.5`) rather than padded to the PI's decimals.
    ///
    /// ```
    /// use scorecard_core::value::{Format, Unit};
    /// assert_eq!(Format { unit: Unit::Percent, decimals: 2 }.show_trimmed(95.0), "95%");
    /// assert_eq!(Format { unit: Unit::Number, decimals: 2 }.show_trimmed(12.5), "12.5");
    /// ```
    pub fn show_trimmed(&self, number: f64) -> String {
        let scale = self.unit.scale();
        let shown = round_shown(number / scale, self.decimals);
        let decimals = (0..self.decimals)
            .find(|&d| round_shown(shown, d) == shown)
            .unwrap_or(self.decimals);
        Format {
            unit: self.unit.clone(),
            decimals,
        }
        .show(number)
    }

    /// The number with its unit word where it has one: `15.13 days`.
    pub fn show_with_word(&self, number: f64) -> String {
        match self.unit.word() {
            Some(w) => format!("{} {w}", self.show(number)),
            None => self.show(number),
        }
    }
}

/// `1234567.891` with 2 decimals gives `1,234,567.89`.
pub fn group_thousands(x: f64, decimals: u8) -> String {
    let s = format!("{:.*}", decimals as usize, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if x < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Number => f.write_str("number"),
            Unit::Percent => f.write_str("%"),
            Unit::Pounds { .. } => write!(f, "£{}", self.suffix_text()),
            Unit::Named(w) => f.write_str(w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> f64 {
        parse_figure(s).unwrap().unwrap().number
    }

    #[test]
    fn reads_figures_as_written_in_reports() {
        assert_eq!(num("1,309"), 1309.0);
        assert_eq!(num("18.33"), 18.33);
        assert_eq!(num("£2,721.84"), 2721.84);
        assert_eq!(num("£16.1m"), 16_100_000.0);
        assert_eq!(num("-3.5"), -3.5);
        assert_eq!(num("(12)"), -12.0);
        assert_eq!(num(" 70.37% "), 70.37);
        assert_eq!(num(".5"), 0.5);
    }

    #[test]
    fn missing_markers_are_no_value_not_zero() {
        for m in ["", "N/A", "n/a", "-", "..", "  "] {
            assert_eq!(parse_figure(m), Ok(None), "{m:?}");
        }
    }

    #[test]
    fn rejects_text_that_is_not_a_number() {
        for bad in [
            "abc", "1,30", "12,3456", "1.2.3", "£%5", "5%%", "1e400", "NaN", "inf", ".",
        ] {
            assert!(parse_figure(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals_are_counted_as_written() {
        assert_eq!(parse_figure("70.37%").unwrap().unwrap().decimals, 2);
        assert_eq!(parse_figure("1,309").unwrap().unwrap().decimals, 0);
        assert_eq!(parse_figure("£15.846m").unwrap().unwrap().decimals, 3);
    }

    #[test]
    fn shows_money_with_its_suffix() {
        let f = Format {
            unit: Unit::Pounds { suffix: Some('m') },
            decimals: 1,
        };
        assert_eq!(f.show(16_100_000.0), "£16.1m");
        assert_eq!(f.show(-500_000.0), "-£0.5m");
        assert_eq!(group_thousands(-0.001, 2), "0.00");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn thousands_separators_do_not_change_the_number(n in 0u64..10_000_000_000, d in 0u8..4) {
            let x = n as f64 / 10f64.powi(d as i32);
            let plain = format!("{:.*}", d as usize, x);
            let grouped = group_thousands(x, d);
            prop_assert_eq!(num_of(&plain), num_of(&grouped));
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,20}") {
            let _ = parse_figure(&s);
        }
    }

    fn num_of(s: &str) -> f64 {
        parse_figure(s).unwrap().unwrap().number
    }
}
