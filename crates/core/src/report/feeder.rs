//! A PI's feeder data (the figures a report prints under "Feeder Data") checked against
//! its stated value: where two of them give the value as a ratio, either way round,
//! × 1, 100 or 1,000, the ratio is worked out and compared as shown.

use crate::dataset::FeederItem;
use crate::value::{group_thousands, Figure, Format, Unit};

/// How two feeder items give a PI's value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FeederRatio {
    /// The value the feeder items give.
    pub(super) value: f64,
    /// "11,500 of 12,500 is 92%", "1,490.00 ÷ 200.00 is 7.45".
    pub(super) working: String,
    /// Whether it is the stated value as shown.
    pub(super) agrees: bool,
}

/// A ratio further than this (a share of the stated value) from it is not taken to be
/// the value's working: the feeder items are only shown.
const NEAR: f64 = 0.1;

/// The ratio of two feeder items that gives the stated value as shown, else the nearest
/// one within a tenth of it; `None` where no two items give it.
pub(super) fn feeder_ratio(items: &[FeederItem], stated: f64, fmt: &Format) -> Option<FeederRatio> {
    let mut best: Option<(f64, f64, &Figure, &Figure, f64)> = None;
    for (i, a) in items.iter().enumerate() {
        for (j, b) in items.iter().enumerate() {
            if i == j || b.value.number == 0.0 {
                continue;
            }
            for per in [1.0, 100.0, 1000.0] {
                let v = a.value.number / b.value.number * per;
                let off = if fmt.shown(v) == fmt.shown(stated) {
                    0.0
                } else {
                    (v - stated).abs() / stated.abs().max(f64::MIN_POSITIVE)
                };
                if off <= NEAR && best.as_ref().is_none_or(|b| off < b.0) {
                    best = Some((off, v, &a.value, &b.value, per));
                }
            }
        }
    }
    let (off, value, a, b, per) = best?;
    let result = fmt.show(value);
    let working = if per == 100.0 && fmt.unit == Unit::Percent {
        format!("{} of {} is {result}", a.written(), b.written())
    } else if per == 1.0 {
        format!("{} ÷ {} is {result}", a.written(), b.written())
    } else {
        format!(
            "{} ÷ {} × {} is {result}",
            a.written(),
            b.written(),
            group_thousands(per, 0)
        )
    };
    Some(FeederRatio {
        value,
        working,
        agrees: off == 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::parse_figure;

    fn item(label: &str, text: &str) -> FeederItem {
        FeederItem {
            label: label.to_string(),
            value: parse_figure(text).unwrap().unwrap(),
        }
    }

    #[test]
    fn two_items_giving_the_value_as_a_ratio_are_checked_either_way_round() {
        let pct = Format {
            unit: Unit::Percent,
            decimals: 0,
        };
        let items = [
            item("Number received", "12,500"),
            item("Number paid within 30 days", "11,500"),
        ];
        let r = feeder_ratio(&items, 92.0, &pct).unwrap();
        assert_eq!(r.working, "11,500 of 12,500 is 92%");
        assert!(r.agrees);
        let r = feeder_ratio(&items, 90.0, &pct).unwrap();
        assert_eq!(
            (r.working.as_str(), r.agrees),
            ("11,500 of 12,500 is 92%", false)
        );
        let plain = Format {
            unit: Unit::Number,
            decimals: 2,
        };
        let days = [item("Days lost", "1,490.00"), item("FTE", "200.00")];
        let r = feeder_ratio(&days, 7.45, &plain).unwrap();
        assert_eq!(
            (r.working.as_str(), r.agrees),
            ("1,490.00 ÷ 200.00 is 7.45", true)
        );
        let rate = [
            item("Names on the register", "42"),
            item("Population 0-15", "19,090"),
        ];
        let r = feeder_ratio(
            &rate,
            2.2,
            &Format {
                unit: Unit::Number,
                decimals: 1,
            },
        )
        .unwrap();
        assert_eq!(r.working, "42 ÷ 19,090 × 1,000 is 2.2");
        // Figures that give no ratio near the value are only shown.
        assert_eq!(feeder_ratio(&days, 50.0, &plain), None);
        assert_eq!(feeder_ratio(&days[..1], 7.45, &plain), None);
    }
}
