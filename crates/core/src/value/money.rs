//! Money suffixes (`£1.2bn`, `£16.1m`, `£250k`): the one table of them, read by figures,
//! unit columns, showing and scaling (in the parent module) and by the continental
//! rewrite of semicolon-separated files.

/// A scale officers write money in: `£16.1m`, `£250k`, `£1.2bn`.
pub(super) struct MoneySuffix {
    /// As written after the figure (in any case).
    pub(super) written: &'static str,
    /// The letter a [`Unit::Pounds`] keeps for it.
    pub(super) key: char,
    /// The power of ten it scales by.
    pub(super) exponent: i32,
    /// Other ways a unit column names it, after `£` (`£million`, `£000s`).
    pub(super) words: &'static [&'static str],
}

/// The one table of money suffixes: reading figures and units, showing them, scaling
/// them, and the continental-number rewrite all look here.
pub(super) const MONEY_SUFFIXES: [MoneySuffix; 3] = [
    MoneySuffix {
        written: "bn",
        key: 'b',
        exponent: 9,
        words: &["billion"],
    },
    MoneySuffix {
        written: "m",
        key: 'm',
        exponent: 6,
        words: &["million"],
    },
    MoneySuffix {
        written: "k",
        key: 'k',
        exponent: 3,
        words: &["thousand", "000", "000s"],
    },
];

pub(super) fn money_suffix(key: char) -> Option<&'static MoneySuffix> {
    MONEY_SUFFIXES.iter().find(|s| s.key == key)
}

/// The text before a money suffix at its end (`16.1` of `16.1m`, spaces before the
/// suffix trimmed) and the suffix's key letter; `None` where it ends in none.
///
/// ```
/// use scorecard_core::value::strip_money_suffix;
/// assert_eq!(strip_money_suffix("16.1m"), Some(("16.1", 'm')));
/// assert_eq!(strip_money_suffix("1.2 BN"), Some(("1.2", 'b')));
/// assert_eq!(strip_money_suffix("16.1"), None);
/// ```
pub fn strip_money_suffix(text: &str) -> Option<(&str, char)> {
    MONEY_SUFFIXES.iter().find_map(|s| {
        let cut = text.len().checked_sub(s.written.len())?;
        let tail = text.get(cut..)?;
        tail.eq_ignore_ascii_case(s.written)
            .then(|| (text[..cut].trim_end(), s.key))
    })
}

#[cfg(test)]
mod tests {
    use crate::value::*;

    /// The agreed behaviour, the same wherever a suffix is read or written: `bn`, `m` and
    /// `k` in any case scale by 10⁹, 10⁶ and 10³, are kept as written, and show again
    /// as `bn`, `m`, `k`; a unit column names the same scales; a semicolon-separated
    /// file's `1,5bn` is rewritten like its `1,5m`.
    #[test]
    fn money_suffixes_read_scale_and_show_alike_everywhere() {
        for (written, number, unit, shown) in [
            ("£1.5bn", 1_500_000_000.0, "£bn", "£1.5bn"),
            ("£1.5BN", 1_500_000_000.0, "£billion", "£1.5bn"),
            ("£16.1m", 16_100_000.0, "£m", "£16.1m"),
            ("£16.1M", 16_100_000.0, "£ million", "£16.1m"),
            ("£250.5k", 250_500.0, "£k", "£250.5k"),
            ("£250.5 K", 250_500.0, "£000s", "£250.5k"),
        ] {
            let f = parse_figure(written).unwrap().unwrap();
            assert_eq!(f.number, number, "{written}");
            let from_column = Unit::parse(unit);
            assert_eq!(f.unit.as_ref(), Some(&from_column), "{written} and {unit}");
            assert_eq!(from_column.scale(), 10f64.powi(from_column.exponent()));
            let format = Format {
                unit: from_column.clone(),
                decimals: 1,
            };
            assert_eq!(format.show(f.number), shown, "{written}");
            let suffix =
                shown.trim_start_matches(|c: char| c == '£' || c == '.' || c.is_ascii_digit());
            assert_eq!(from_column.to_string(), format!("£{suffix}"));
        }
        assert_eq!(
            crate::read::continental_number("1,5bn").as_deref(),
            Some("1.5bn")
        );
        assert_eq!(
            crate::read::continental_number("1,5m").as_deref(),
            Some("1.5m")
        );
        assert_eq!(parse_figure("£5n"), Err(NotAFigure), "n is no suffix");
    }

    /// The Kelvin sign (U+212A) lower-cases to a one-byte `k`: a suffix must be found on
    /// the text as written, never by byte offsets taken from a lower-cased copy.
    #[test]
    fn a_kelvin_sign_in_a_money_suffix_does_not_cut_a_character() {
        assert_eq!(strip_money_suffix("1\u{212a}"), None);
        assert!(parse_figure("£1\u{212a}").is_err());
        assert!(crate::read::continental_number("1,5\u{212a}").is_none());
    }
}
