//! Invariants over whole files (proptest): how a number is written never changes the
//! status or the trend computed from it.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use scorecard_core::report::build;
use scorecard_core::value::group_thousands;
use scorecard_core::{read_all, InputFile};

fn statuses_and_trends(csv: String) -> Vec<(String, Option<String>, Option<String>)> {
    let ds = read_all(&[InputFile {
        name: "p.csv".into(),
        bytes: csv.into_bytes(),
    }]);
    let r = build(&ds, None).expect("a report");
    r.groups
        .iter()
        .flat_map(|g| &g.rows)
        .map(|row| {
            (
                row.status.label().to_string(),
                row.short_trend
                    .as_ref()
                    .map(|t| t.trend.label().to_string()),
                row.long_trend.as_ref().map(|t| t.trend.label().to_string()),
            )
        })
        .collect()
}

proptest! {
    #[test]
    fn thousands_separators_do_not_change_status_or_trend(
        values in proptest::collection::vec(0u64..5_000_000, 2..6),
        target in 0u64..5_000_000,
        polarity in prop_oneof![Just("up"), Just("down"), Just("band"), Just("none")],
        tolerance in prop_oneof![Just(""), Just("5%"), Just("1000")],
    ) {
        let write = |grouped: bool| {
            let n = |x: u64| if grouped { format!("\"{}\"", group_thousands(x as f64, 0)) } else { x.to_string() };
            let mut csv = String::from("code,period,value,target,polarity,tolerance\n");
            for (i, v) in values.iter().enumerate() {
                // Consecutive quarters, so short and long trends have something to compare.
                let (fy, q) = (2015 + (i / 4) as i32, i % 4 + 1);
                csv.push_str(&format!("A,Q{q} {fy}/{:02},{},{},{polarity},{tolerance}\n", (fy + 1) % 100, n(*v), n(target)));
            }
            csv
        };
        prop_assert_eq!(statuses_and_trends(write(false)), statuses_and_trends(write(true)));
    }
}
