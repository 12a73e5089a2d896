//! A performance indicator's settings: which way is better, the Warning band,
//! whether its values accumulate through the year, and how it is shown.

use crate::period::Period;
pub use crate::target_profile::TargetProfile;
use crate::value::{parse_figure, Format, NotAFigure, Unit};

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Polarity {
    /// Higher is better (aim to maximise).
    Up,
    /// Lower is better (aim to minimise).
    Down,
    /// Closest to the target is best.
    Band,
    /// Data only: no judgement.
    #[default]
    None,
}

impl Polarity {
    /// Reads a polarity as officers write it; `None` when the text is not one.
    ///
    /// ```
    /// use scorecard_core::indicator::Polarity;
    /// assert_eq!(Polarity::parse("Aim to Minimise"), Some(Polarity::Down));
    /// assert_eq!(Polarity::parse("higher is better"), Some(Polarity::Up));
    /// assert_eq!(Polarity::parse("sideways"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Polarity> {
        // ASCII text (nearly always) is squashed on the stack; lower-casing and
        // `is_alphanumeric` are then their ASCII forms.
        let mut buf = [0u8; 32];
        let mut n = 0;
        let owned: String;
        let t = if text.is_ascii() && text.len() <= buf.len() {
            for b in text.bytes().filter(u8::is_ascii_alphanumeric) {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
            std::str::from_utf8(&buf[..n]).unwrap_or_default()
        } else {
            owned = text
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            owned.as_str()
        };
        match t {
            "up" | "higherisbetter" | "aimtomaximise" | "aimtomaximize" | "max" | "maximise"
            | "maximize" | "higher" | "increase" => Some(Polarity::Up),
            "down" | "lowerisbetter" | "aimtominimise" | "aimtominimize" | "min" | "minimise"
            | "minimize" | "lower" | "decrease" => Some(Polarity::Down),
            "band"
            | "goldilocks"
            | "closesttotargetisbest"
            | "closesttotarget"
            | "aimforthetarget"
            | "target" => Some(Polarity::Band),
            "none" | "dataonly" | "" | "na" | "nopolarity" => Some(Polarity::None),
            _ => None,
        }
    }

    /// The phrase used in reasons: "lower is better".
    pub fn phrase(self) -> &'static str {
        match self {
            Polarity::Up => "higher is better",
            Polarity::Down => "lower is better",
            Polarity::Band => "closest to target is best",
            Polarity::None => "data only",
        }
    }
}

/// The width of the Warning band.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Tolerance {
    /// In the value's own units.
    Absolute(f64),
    /// A percentage of the target.
    PercentOfTarget(f64),
}

impl Tolerance {
    /// Reads `2`, `0.5` (value units) or `5%` (of the target).
    ///
    /// ```
    /// use scorecard_core::indicator::Tolerance;
    /// assert_eq!(Tolerance::parse("5%"), Ok(Some(Tolerance::PercentOfTarget(5.0))));
    /// assert_eq!(Tolerance::parse("2"), Ok(Some(Tolerance::Absolute(2.0))));
    /// assert_eq!(Tolerance::parse(""), Ok(None));
    /// ```
    pub fn parse(text: &str) -> Result<Option<Tolerance>, NotAFigure> {
        let figure = parse_figure(text)?;
        Ok(figure.map(|f| match f.unit {
            Some(Unit::Percent) => Tolerance::PercentOfTarget(f.number.abs()),
            _ => Tolerance::Absolute(f.number.abs()),
        }))
    }

    /// The band's width for a given target, in the value's units.
    pub fn width(self, target: f64) -> f64 {
        match self {
            Tolerance::Absolute(w) => w,
            Tolerance::PercentOfTarget(p) => (target * p / 100.0).abs(),
        }
    }
}

/// Reads `yes`/`no` as officers write it (`Yes`, `Y`, `true`, `1`, `cumulative`).
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "cumulative" | "ytd" | "x" => Some(true),
        "no" | "n" | "false" | "0" | "" | "not cumulative" => Some(false),
        _ => None,
    }
}

/// An indicator and its settings, as merged from every file that mentions it.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    /// The key: the PI code, or the title where there is no code.
    pub code: String,
    pub title: String,
    pub group: String,
    /// The priority a report-shaped table names beside the PI (`02. Manage budget
    /// effectively`), shown with it where a section heading gives its group.
    pub priority: String,
    /// The PI set it is reported in (`Corporate`, `Service Plan`), from a `set` column;
    /// each set has its own summary line and Off Target list.
    pub set: String,
    pub polarity: Polarity,
    pub tolerance: Option<Tolerance>,
    pub cumulative: bool,
    /// Unit as stated in a unit column; where absent, taken from the values.
    pub unit: Option<Unit>,
    /// Decimals as stated; where absent, the most the values show.
    pub decimals: Option<u8>,
    /// Decimals seen in the values, the most of them.
    pub decimals_seen: Option<u8>,
    /// Unit seen in the values (`98%`, `£16.1m`).
    pub unit_seen: Option<Unit>,
    /// The population group (`0-15`) whose population is the denominator of a rate.
    pub population_group: Option<String>,
    /// The multiplier of numerator ÷ denominator set for the PI in a definitions table.
    pub per: Option<f64>,
    /// A target set in a definitions table, standing for every period that has no
    /// target or annual target of its own.
    pub standing_target: Option<f64>,
    /// Where [`Indicator::polarity`] came from: a file, the statuses a file states, or
    /// nowhere (then `polarity` is `None` but nobody said "data only").
    #[serde(default)]
    pub polarity_source: PolaritySource,
    /// Where [`Indicator::cumulative`] came from: a cumulative column, the title, or nowhere.
    #[serde(default)]
    pub cumulative_source: CumulativeSource,
    /// The target profile a `target profile` column gives; where absent, the default of
    /// [`Indicator::target_profile`].
    #[serde(default)]
    pub target_profile_given: Option<TargetProfile>,
}

/// Where a PI's polarity came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum PolaritySource {
    /// No file gave one and none could be inferred: statuses the file states stand.
    #[default]
    NotGiven,
    /// A polarity column (`none` included: data only, said so).
    File,
    /// Inferred from the statuses a file states for these periods, in order (see
    /// [`crate::settle`]).
    Inferred { from: Vec<Period> },
}

impl PolaritySource {
    /// "inferred from the status published for Q2 2018/19"; `None` unless inferred.
    pub fn inferred_phrase(&self) -> Option<String> {
        let PolaritySource::Inferred { from } = self else {
            return None;
        };
        Some(match from.as_slice() {
            [] => "inferred from the statuses published".to_string(),
            [one] => format!("inferred from the status published for {one}"),
            [a, b] => format!("inferred from the statuses published for {a} and {b}"),
            [first, .., last] => format!(
                "inferred from the statuses published for {} periods, {first} to {last}",
                from.len()
            ),
        })
    }

    /// For the definitions file: `file`, `inferred from Q2 2018/19`, `not given`.
    pub fn describe(&self) -> String {
        match self {
            PolaritySource::NotGiven => "not given".into(),
            PolaritySource::File => "file".into(),
            PolaritySource::Inferred { from } => {
                let periods: Vec<String> = from.iter().map(Period::to_string).collect();
                format!("inferred from {}", periods.join(", "))
            }
        }
    }
}

/// Where a PI's cumulative setting came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum CumulativeSource {
    /// Nothing said so: not cumulative.
    #[default]
    NotGiven,
    /// A cumulative column.
    File,
    /// The title says `(cumulative)`.
    Title,
}

impl CumulativeSource {
    /// For the definitions file: `file`, `title`, `not given`.
    pub fn describe(self) -> &'static str {
        match self {
            CumulativeSource::NotGiven => "not given",
            CumulativeSource::File => "file",
            CumulativeSource::Title => "title",
        }
    }
}

/// Whether a title says its PI is cumulative: it holds `(cumulative)`, `(year to date)`
/// or `(ytd)`, in any case, wherever it stands (at the end, or before a remark such as
/// `- for information.`).
///
/// ```
/// use scorecard_core::indicator::title_says_cumulative;
/// assert!(title_says_cumulative("Number of complaints received (cumulative)"));
/// assert!(title_says_cumulative("Tonnes of salt used (Cumulative) - for information."));
/// assert!(!title_says_cumulative("Cumulative effect of delays"));
/// ```
pub fn title_says_cumulative(title: &str) -> bool {
    let lower = title.to_lowercase();
    ["(cumulative)", "(year to date)", "(ytd)"]
        .iter()
        .any(|w| lower.contains(w))
}

impl Indicator {
    /// How this indicator's figures are shown. Computed values of an indicator with no
    /// stated decimals and no written values show one decimal.
    pub fn format(&self) -> Format {
        Format {
            unit: self
                .unit
                .clone()
                .or_else(|| self.unit_seen.clone())
                .unwrap_or_default(),
            decimals: self.decimals.or(self.decimals_seen).unwrap_or(1),
        }
    }

    /// The target profile used: the one given, else pro rata for a cumulative PI whose
    /// unit is not `%`, flat otherwise.
    pub fn target_profile(&self) -> TargetProfile {
        self.target_profile_given
            .unwrap_or_else(|| TargetProfile::default_for(self.cumulative, &self.format().unit))
    }
}
