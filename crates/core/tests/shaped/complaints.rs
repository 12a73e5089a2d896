//! The complaints table exactly as the council published it, pasted, as a TSV file and as a workbook.

use super::*;

pub(crate) fn check_complaints(ds: &Dataset) {
    assert_eq!(notices(ds), Vec::<String>::new());
    let titles: Vec<&str> = ds.order.iter().map(String::as_str).collect();
    let expected: Vec<&str> = COMPLAINTS.iter().map(|c| c.0).collect();
    assert_eq!(titles, expected, "12 PIs keyed by title, in order");
    let mut counts = std::collections::BTreeMap::new();
    for (title, vals, annual, stated) in COMPLAINTS {
        let ind = &ds.indicators[title];
        assert_eq!(ind.title, title);
        assert_eq!(ind.group, "Provide an efficient complaints service");
        assert_eq!(ind.priority, "");
        assert_eq!(
            values(
                ds,
                title,
                &["2017/18", "Q2 2017/18", "Q1 2018/19", "Q2 2018/19"]
            ),
            vals,
            "{title}"
        );
        let target = ds
            .annual_targets
            .get(title)
            .and_then(|t| t.get(&2018))
            .map(|t| t.to_string())
            .unwrap_or_default();
        assert_eq!(target, annual, "{title}");
        let q2 = obs(ds, title, "Q2 2018/19");
        let s = q2.more().stated_status.expect("a stated status");
        assert_eq!(s.label(), stated, "{title}");
        *counts.entry(stated).or_insert(0) += 1;
        assert!(
            q2.more().note.starts_with(&format!("Q2 18/19: {stated}")),
            "{}",
            q2.more().note
        );
        // The note and status belong to the latest period only.
        assert_eq!(obs(ds, title, "Q1 2018/19").more().note, "");
        assert_eq!(obs(ds, title, "Q1 2018/19").more().stated_status, None);
    }
    assert_eq!(
        obs(ds, COMPLAINTS[9].0, "Q2 2018/19").more().note,
        "Q2 18/19: Off Target 2 of 8 stage 2 complaints off target."
    );
    assert_eq!(
        counts.into_iter().collect::<Vec<_>>(),
        [("Data Only", 6), ("Off Target", 2), ("On Target", 4)]
    );
    // Polarity is left unset: the table does not state it.
    assert!(ds
        .indicators
        .values()
        .all(|i| i.polarity == scorecard_core::indicator::Polarity::None));
}

#[test]
fn the_complaints_table_as_published_pasted() {
    check_complaints(&pasted("complaints-q2-2018-19-as-published.tsv"));
}

#[test]
fn the_complaints_table_as_published_dropped_as_a_tsv_file() {
    check_complaints(&dropped("complaints-q2-2018-19-as-published.tsv"));
}

pub(crate) const DAYS: &str =
    "Average number of working days lost due to sickness absence (cumulative)";
pub(crate) const INVOICES: &str =
    "% of invoices paid within 30 days of invoice receipt (cumulative)";
pub(crate) const REPAIRS: &str = "Average days to complete non-emergency repairs";

pub(crate) fn feeder(ds: &Dataset, code: &str, period: &str) -> Vec<(String, f64, u8)> {
    obs(ds, code, period)
        .more()
        .feeder
        .iter()
        .map(|f| (f.label.clone(), f.value.number, f.value.decimals))
        .collect()
}
