//! How a period is written: `2018/19`, `Q2 2018/19`, `Sep 2018`.

use std::fmt;

use super::Period;

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year { fy } => write!(f, "{}/{:02}", fy, (fy + 1).rem_euclid(100)),
            Period::Quarter { fy, q } => write!(f, "Q{} {}/{:02}", q, fy, (fy + 1).rem_euclid(100)),
            Period::Month { year, month } => {
                write!(f, "{} {}", MONTHS[month as usize - 1].0, year)
            }
        }
    }
}

/// Each month as labels write it (`Sep`) and in full (`september`, for reading).
pub(super) const MONTHS: [(&str, &str); 12] = [
    ("Jan", "january"),
    ("Feb", "february"),
    ("Mar", "march"),
    ("Apr", "april"),
    ("May", "may"),
    ("Jun", "june"),
    ("Jul", "july"),
    ("Aug", "august"),
    ("Sep", "september"),
    ("Oct", "october"),
    ("Nov", "november"),
    ("Dec", "december"),
];
