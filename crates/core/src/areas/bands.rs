//! Age bands: the population groups PIs name (`0-15`, `0 to 17`, `aged 16-64`, `16+`,
//! `65 and over`, `under 16`, `all ages`) summed from single years of age.

/// A column of population estimates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeColumn {
    /// One year of age: `0`, `1`, … `89`.
    Single(u8),
    /// This age and over: `90+`.
    AndOver(u8),
    /// Everyone: `All ages`.
    All,
}

/// A band of ages a PI's population group names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeBand {
    /// From `from` to `to` years old, both included; `to` `None` for "and over".
    Ages { from: u8, to: Option<u8> },
    /// Everyone.
    All,
}

impl AgeBand {
    /// Reads a population group as a band of ages; `None` for a group that is not one
    /// (`pupils`, `households`).
    ///
    /// ```
    /// use scorecard_core::areas::AgeBand;
    /// assert_eq!(AgeBand::parse("Aged 0 to 15"), Some(AgeBand::Ages { from: 0, to: Some(15) }));
    /// assert_eq!(AgeBand::parse("16+"), Some(AgeBand::Ages { from: 16, to: None }));
    /// assert_eq!(AgeBand::parse("under 18"), Some(AgeBand::Ages { from: 0, to: Some(17) }));
    /// assert_eq!(AgeBand::parse("All ages"), Some(AgeBand::All));
    /// assert_eq!(AgeBand::parse("households"), None);
    /// ```
    pub fn parse(group: &str) -> Option<AgeBand> {
        let mut t = group
            .to_lowercase()
            .replace(['–', '—'], "-")
            .replace(" to ", "-");
        for noise in [
            "population",
            "aged",
            "ages",
            "age",
            "years",
            "year",
            "olds",
            "old",
        ] {
            t = t.replace(noise, " ");
        }
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        match t.as_str() {
            "all" | "" | "total" | "all people" | "all persons" | "persons" => {
                return Some(AgeBand::All)
            }
            _ => {}
        }
        let number = |s: &str| s.trim().parse::<u8>().ok().filter(|n| *n <= 120);
        if let Some(rest) = t.strip_prefix("under ") {
            let n = number(rest)?;
            return (n > 0).then(|| AgeBand::Ages {
                from: 0,
                to: Some(n - 1),
            });
        }
        for suffix in [
            "+",
            " and over",
            " and older",
            " plus",
            " or over",
            " or older",
        ] {
            if let Some(rest) = t.strip_suffix(suffix) {
                return Some(AgeBand::Ages {
                    from: number(rest)?,
                    to: None,
                });
            }
        }
        let (a, b) = t.split_once('-')?;
        let (from, to) = (number(a)?, number(b)?);
        (from <= to).then_some(AgeBand::Ages { from, to: Some(to) })
    }

    /// The population of the band from a row's age columns; `None` where the columns
    /// cannot give it exactly (a band of `0-95` from columns that end in `90+`, or a
    /// band of ages from an `All ages` column alone).
    ///
    /// ```
    /// use scorecard_core::areas::{AgeBand, AgeColumn};
    /// let row = [(AgeColumn::Single(0), 10.0), (AgeColumn::Single(1), 12.0), (AgeColumn::AndOver(2), 50.0)];
    /// assert_eq!(AgeBand::parse("0-1").unwrap().sum(&row), Some(22.0));
    /// assert_eq!(AgeBand::parse("1+").unwrap().sum(&row), Some(62.0));
    /// assert_eq!(AgeBand::parse("all ages").unwrap().sum(&row), Some(72.0));
    /// assert_eq!(AgeBand::parse("0-2").unwrap().sum(&row), None);
    /// ```
    pub fn sum(self, ages: &[(AgeColumn, f64)]) -> Option<f64> {
        if self == AgeBand::All {
            if let Some((_, all)) = ages.iter().find(|(c, _)| *c == AgeColumn::All) {
                return Some(*all);
            }
        }
        let (from, to) = match self {
            AgeBand::Ages { from, to } => (from, to.map_or(u16::MAX, u16::from)),
            AgeBand::All => (0, u16::MAX),
        };
        let from = u16::from(from);
        let mut total = 0.0;
        let mut covered = Vec::new();
        for (col, n) in ages {
            let (lo, hi) = match *col {
                AgeColumn::Single(a) => (u16::from(a), u16::from(a)),
                AgeColumn::AndOver(a) => (u16::from(a), u16::MAX),
                AgeColumn::All => continue,
            };
            if lo >= from && hi <= to {
                total += n;
                covered.push((lo, hi));
            } else if hi >= from && lo <= to {
                // The column reaches both into and out of the band.
                return None;
            }
        }
        // Every age of the band must have its column: no gaps.
        covered.sort_unstable();
        let mut next = from;
        for (lo, hi) in covered {
            if lo != next {
                return None;
            }
            next = hi.saturating_add(1);
        }
        let end = if to == u16::MAX { u16::MAX } else { to + 1 };
        (next == end || (to == u16::MAX && next == u16::MAX)).then_some(total)
    }
}
