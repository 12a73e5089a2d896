//! A figure as the report writes it: its value, the suppression mark, or nothing.

use crate::value::Format;

/// A figure as the report shows it: the value in the PI's format, the mark of a
/// figure withheld by small-number suppression, or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Shown {
    /// The figure as written in the report: `1,309`, `75.00%`, `£15.846m`.
    Value(String),
    /// Withheld by small-number suppression; shown as `c`.
    Suppressed,
    /// No value for the period; shown as `-`.
    #[default]
    Missing,
}

impl Shown {
    /// A value in a PI's format, or nothing.
    pub fn of(format: &Format, value: Option<f64>) -> Shown {
        value.map_or(Shown::Missing, |v| Shown::Value(format.show(v)))
    }

    /// The figure as written, where there is one to show.
    pub fn value(&self) -> Option<&str> {
        match self {
            Shown::Value(s) => Some(s),
            Shown::Suppressed | Shown::Missing => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        *self == Shown::Suppressed
    }
}

/// The figure, `c` where it is suppressed, `-` where there is none.
///
/// ```
/// use scorecard_core::report::Shown;
/// assert_eq!(Shown::Value("1,309".into()).to_string(), "1,309");
/// assert_eq!(Shown::Suppressed.to_string(), "c");
/// assert_eq!(Shown::Missing.to_string(), "-");
/// ```
impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Shown::Value(s) => s,
            Shown::Suppressed => crate::value::SUPPRESSED,
            Shown::Missing => "-",
        })
    }
}
