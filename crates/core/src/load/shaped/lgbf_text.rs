//! The LGBF `External Comparison` free text of a report-shaped table:
//! `16/17 Rank 8 (Top Quartile) 15/16 Rank 10 (Second Quartile) 14/15 Rank 1 (TOP Quartile)`,
//! with or without `.` between the years, and `of 32` where the number ranked is stated.

use crate::trend::Quartile;

/// One year's rank as the text states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct StatedRank {
    /// The financial year's first calendar year (`16/17` is 2016).
    pub(super) fy: i32,
    pub(super) rank: u32,
    /// The number ranked, where stated.
    pub(super) of: Option<u32>,
    /// The quartile, where stated.
    pub(super) quartile: Option<Quartile>,
}

/// The ranks the text states, in its order; empty where it states none.
pub(super) fn ranks(text: &str) -> Vec<StatedRank> {
    // Words and numbers, with the brackets and full stops around them dropped.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',' || c == ';')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (Some(fy), Some(rank_word)) = (year(words[i]), words.get(i + 1)) else {
            i += 1;
            continue;
        };
        if !rank_word.eq_ignore_ascii_case("rank") {
            i += 1;
            continue;
        }
        let Some(rank) = words.get(i + 2).and_then(|w| w.parse::<u32>().ok()) else {
            i += 2;
            continue;
        };
        let mut j = i + 3;
        let mut of = None;
        // `of 32`, `out of 32`, `/32`.
        if words.get(j).is_some_and(|w| w.eq_ignore_ascii_case("out")) {
            j += 1;
        }
        if words.get(j).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            of = words.get(j + 1).and_then(|w| w.parse::<u32>().ok());
            if of.is_some() {
                j += 2;
            }
        }
        let mut quartile = None;
        if let (Some(q), Some(w)) = (words.get(j), words.get(j + 1)) {
            if w.eq_ignore_ascii_case("quartile") {
                quartile = quartile_word(q);
                if quartile.is_some() {
                    j += 2;
                }
            }
        }
        out.push(StatedRank {
            fy,
            rank,
            of,
            quartile,
        });
        i = j;
    }
    out
}

/// `16/17` (or `2016/17`): the financial year's first calendar year.
fn year(word: &str) -> Option<i32> {
    let (a, b) = word.split_once('/')?;
    let b: i32 = b.parse().ok().filter(|_| b.len() == 2)?;
    let a: i32 = match a.len() {
        2 => 2000 + a.parse::<i32>().ok()?,
        4 => a.parse().ok()?,
        _ => return None,
    };
    ((a + 1) % 100 == b).then_some(a)
}

fn quartile_word(w: &str) -> Option<Quartile> {
    Some(match w.to_ascii_lowercase().as_str() {
        "top" | "first" | "1st" => Quartile::Top,
        "second" | "2nd" => Quartile::Second,
        "third" | "3rd" => Quartile::Third,
        "bottom" | "fourth" | "4th" => Quartile::Bottom,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_years_rank_and_quartile_with_or_without_full_stops() {
        let r = ranks("16/17 Rank 8 (Top Quartile) 15/16 Rank 10 (Second Quartile) 14/15 Rank 1 (TOP Quartile)");
        assert_eq!(
            r,
            [
                StatedRank {
                    fy: 2016,
                    rank: 8,
                    of: None,
                    quartile: Some(Quartile::Top)
                },
                StatedRank {
                    fy: 2015,
                    rank: 10,
                    of: None,
                    quartile: Some(Quartile::Second)
                },
                StatedRank {
                    fy: 2014,
                    rank: 1,
                    of: None,
                    quartile: Some(Quartile::Top)
                },
            ]
        );
        let r = ranks("22/23 Rank 20 (Third Quartile). 21/22 Rank 22 of 31 (Third Quartile).");
        assert_eq!(r.len(), 2);
        assert_eq!((r[1].fy, r[1].rank, r[1].of), (2021, 22, Some(31)));
        assert_eq!(
            ranks("22/23 Rank 5"),
            [StatedRank {
                fy: 2022,
                rank: 5,
                of: None,
                quartile: None
            }]
        );
        assert!(ranks("Improving against the Scottish average").is_empty());
        assert!(ranks("12/14 Rank 3").is_empty(), "not a financial year");
    }
}
