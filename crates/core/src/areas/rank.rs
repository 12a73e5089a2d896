//! Ranking councils on one indicator in one year: rank 1 is the best by the PI's
//! polarity, councils with the same value share the better rank (1, 2, 2, 4), and only
//! councils with a value are ranked.

use crate::indicator::Polarity;

/// Which value ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankOrder {
    /// Higher is better: the highest value is rank 1.
    HighestFirst,
    /// Lower is better: the lowest value is rank 1.
    LowestFirst,
}

impl RankOrder {
    /// The order a polarity ranks in; `None` for a PI that says nothing about which way
    /// is better (`none`, `band`), which Scorecard ranks highest first and says so.
    pub fn of(polarity: Polarity) -> Option<RankOrder> {
        match polarity {
            Polarity::Up => Some(RankOrder::HighestFirst),
            Polarity::Down => Some(RankOrder::LowestFirst),
            Polarity::Band | Polarity::None => None,
        }
    }
}

/// The rank of `ours` among `values` (every council with a value, ours included), and
/// how many were ranked: 1 + the number of councils strictly better.
///
/// ```
/// use scorecard_core::areas::{competition_rank, RankOrder};
/// let values = [10.0, 30.0, 20.0, 30.0];
/// assert_eq!(competition_rank(&values, 30.0, RankOrder::HighestFirst), (1, 4));
/// assert_eq!(competition_rank(&values, 20.0, RankOrder::HighestFirst), (3, 4));
/// assert_eq!(competition_rank(&values, 20.0, RankOrder::LowestFirst), (2, 4));
/// ```
pub fn competition_rank(values: &[f64], ours: f64, order: RankOrder) -> (u32, u32) {
    let better = values
        .iter()
        .filter(|v| match order {
            RankOrder::HighestFirst => **v > ours,
            RankOrder::LowestFirst => **v < ours,
        })
        .count();
    (better as u32 + 1, values.len() as u32)
}

/// The mean of the values; `None` for none.
pub(super) fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_better_rank_and_the_next_rank_is_skipped() {
        let v = [5.0, 7.0, 7.0, 9.0];
        let ranks: Vec<u32> = v
            .iter()
            .map(|x| competition_rank(&v, *x, RankOrder::LowestFirst).0)
            .collect();
        assert_eq!(ranks, [1, 2, 2, 4]);
    }

    #[test]
    fn no_polarity_gives_no_order_of_its_own() {
        assert_eq!(RankOrder::of(Polarity::None), None);
        assert_eq!(RankOrder::of(Polarity::Down), Some(RankOrder::LowestFirst));
    }
}
