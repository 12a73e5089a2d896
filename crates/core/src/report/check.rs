//! The data-quality findings about a PI, each with the sentence the report shows.

use crate::period::Period;
use crate::status::Status;

/// A data-quality finding about a PI: something in the file that does not add up.
/// Its `Display` is the sentence the report shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum DataCheck {
    /// The PI's rate needs a population the population table does not have.
    NoPopulation {
        group: String,
        /// The financial year (its first calendar year) an estimate was looked for in or before.
        year: i32,
        period: Period,
    },
    /// The feeder data's denominator is 0: no value, not 0 and not 100%.
    ZeroDenominator { period: Period },
    /// The stated value differs (as shown) from the one its feeder data give.
    StatedValueDiffers {
        period: Period,
        /// The stated value, as shown.
        stated: String,
        /// The value the feeder data give, as shown.
        feeder: String,
        /// How the feeder value was worked out.
        working: String,
    },
    /// A rank outside 1 to the number ranked: no quartile.
    RankOutOfRange { rank: u32, of: u32 },
    /// The status the file states differs from the computed one.
    StatusDiffers {
        period: Period,
        stated: Status,
        computed: Status,
        /// Why the computed status is what it is.
        reason: String,
    },
}

impl std::fmt::Display for DataCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataCheck::NoPopulation {
                group,
                year,
                period,
            } => write!(
                f,
                "No population for group '{group}' in or before {year}: the rate for {period} cannot be worked out"
            ),
            DataCheck::ZeroDenominator { period } => write!(
                f,
                "The denominator for {period} is 0, so there is no value (not 0, not 100%)"
            ),
            DataCheck::StatedValueDiffers {
                period,
                stated,
                feeder,
                working,
            } => write!(
                f,
                "The file states {stated} for {period} but its feeder data give {feeder} ({working}); the stated value is used"
            ),
            DataCheck::RankOutOfRange { rank, of } => write!(
                f,
                "Rank {rank} of {of} is not possible; no quartile is shown"
            ),
            DataCheck::StatusDiffers {
                period,
                stated,
                computed,
                reason,
            } => write!(
                f,
                "The file states '{}' for {period}; Scorecard computes '{}' ({reason})",
                stated.label(),
                computed.label()
            ),
        }
    }
}
