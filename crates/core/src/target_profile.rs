//! A PI's target profile: whether its annual target is pro-rated through the year or
//! stands flat, and the default where the file does not say.

use crate::value::Unit;

/// How a PI's annual target stands in a period that has no target of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TargetProfile {
    /// The annual target × the share of the financial year elapsed at the period's end:
    /// for a value that accumulates (a year-to-date count, days lost so far).
    ProRata,
    /// The annual target as it stands, every period: for a value that does not grow
    /// through the year (a percentage of a year-to-date base, an average, a ratio).
    Flat,
}

impl TargetProfile {
    /// Reads a `target profile` column as officers write it.
    ///
    /// ```
    /// use scorecard_core::indicator::TargetProfile;
    /// assert_eq!(TargetProfile::parse("Pro-rata"), Some(TargetProfile::ProRata));
    /// assert_eq!(TargetProfile::parse("profiled"), Some(TargetProfile::ProRata));
    /// assert_eq!(TargetProfile::parse("Annual"), Some(TargetProfile::Flat));
    /// assert_eq!(TargetProfile::parse("sometimes"), None);
    /// ```
    pub fn parse(text: &str) -> Option<TargetProfile> {
        let squashed = crate::text::letters_key(text);
        match squashed.as_str() {
            "prorata" | "prorated" | "profiled" | "profile" | "phased" | "cumulative" | "ytd"
            | "yeartodate" => Some(TargetProfile::ProRata),
            "flat" | "annual" | "fixed" | "constant" | "static" | "notprorata" => {
                Some(TargetProfile::Flat)
            }
            _ => None,
        }
    }

    /// The default: pro rata for a cumulative PI whose unit is not `%`, flat otherwise.
    ///
    /// ```
    /// use scorecard_core::indicator::TargetProfile;
    /// use scorecard_core::value::Unit;
    /// assert_eq!(TargetProfile::default_for(true, &Unit::Number), TargetProfile::ProRata);
    /// assert_eq!(TargetProfile::default_for(true, &Unit::Percent), TargetProfile::Flat);
    /// assert_eq!(TargetProfile::default_for(false, &Unit::Number), TargetProfile::Flat);
    /// ```
    pub fn default_for(cumulative: bool, unit: &Unit) -> TargetProfile {
        if cumulative && *unit != Unit::Percent {
            TargetProfile::ProRata
        } else {
            TargetProfile::Flat
        }
    }

    /// As the definitions file writes it: `pro rata`, `flat`.
    pub fn label(self) -> &'static str {
        match self {
            TargetProfile::ProRata => "pro rata",
            TargetProfile::Flat => "flat",
        }
    }
}
