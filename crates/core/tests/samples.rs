//! The published samples read through the core: every computed figure is checked
//! against what the council published.

use scorecard_core::period::Period;
use scorecard_core::report::{build, Report, Row};
use scorecard_core::status::Status;
use scorecard_core::trend::{Comparison, Trend};
use scorecard_core::{read_all, InputFile};

fn fixture(name: &str) -> InputFile {
    let path = format!(
        "{}/../../tests/fixtures/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    InputFile {
        name: name.to_string(),
        bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
    }
}

fn report(files: &[&str], period: Option<&str>) -> Report {
    let ds = read_all(&files.iter().map(|f| fixture(f)).collect::<Vec<_>>());
    assert!(
        ds.notices.is_empty(),
        "unexpected notices: {:#?}",
        ds.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>()
    );
    build(&ds, period.map(|p| Period::parse(p).unwrap())).expect("a report")
}

fn row<'a>(r: &'a Report, code: &str) -> &'a Row {
    r.groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|row| row.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

#[test]
fn complaints_all_twelve_statuses_match_the_published_ones() {
    let r = report(&["complaints-q2-2018-19.csv"], None);
    assert_eq!(r.period.to_string(), "Q2 2018/19");
    let rows: Vec<&Row> = r.groups.iter().flat_map(|g| &g.rows).collect();
    assert_eq!(rows.len(), 12);
    for row in rows {
        let published = row
            .stated_status
            .unwrap_or_else(|| panic!("{} states no status", row.code));
        assert_eq!(row.status, published, "{}: {}", row.code, row.reason);
        assert!(!row.status_differs());
    }
    assert_eq!(r.summary.line(), "● 2 ▲ 0 ✓ 4 ? 0 📊 6");
}

#[test]
fn complaints_stage_2_response_time_worked_example() {
    let r = report(&["complaints-q2-2018-19.csv"], None);
    let cmp07 = row(&r, "CMP.07");
    assert_eq!(cmp07.value_shown.to_string(), "15.13");
    assert_eq!(cmp07.status, Status::OnTarget);
    assert_eq!(
        cmp07.reason,
        "15.13 against a target of 20 (lower is better): On Target"
    );
    let short = cmp07.short_trend.as_ref().unwrap();
    assert_eq!(
        (short.trend, short.against),
        (Trend::Improving, Some(15.67))
    );
    // Long trend: the mean of the quarters available among the four before (Q1 2018/19, Q2 2017/18).
    let long = cmp07.long_trend.as_ref().unwrap();
    assert_eq!(long.from.len(), 2);
    assert_eq!(long.against, Some(14.45));
    assert_eq!(long.trend, Trend::GettingWorse);
    assert_eq!(
        cmp07
            .history
            .iter()
            .map(|h| h.shown.to_string())
            .collect::<Vec<_>>(),
        ["18.33", "13.23", "15.67"]
    );
}

#[test]
fn complaints_stage_2_within_20_days_is_off_target_and_getting_worse() {
    let r = report(&["complaints-q2-2018-19.csv"], None);
    let cmp10 = row(&r, "CMP.10");
    assert_eq!(cmp10.value_shown.to_string(), "75.00%");
    assert_eq!(cmp10.status, Status::OffTarget);
    assert_eq!(
        cmp10.short_trend.as_ref().unwrap().trend,
        Trend::GettingWorse
    );
}

#[test]
fn cumulative_count_without_target_is_data_only_and_compares_with_last_year() {
    let r = report(&["complaints-q2-2018-19.csv"], None);
    let cmp01 = row(&r, "CMP.01");
    assert_eq!(cmp01.status, Status::DataOnly);
    let short = cmp01.short_trend.as_ref().unwrap();
    assert_eq!(short.from[0].period.to_string(), "Q2 2017/18");
    assert_eq!(short.trend, Trend::Up);
}

#[test]
fn referrals_change_is_a_45_percent_increase() {
    let r = report(&["referrals-long.csv"], None);
    assert_eq!(r.period.to_string(), "Q1 2021/22");
    let ref01 = row(&r, "REF.01");
    assert_eq!(ref01.value_shown.to_string(), "1,893");
    assert_eq!(
        ref01.change_sentence().as_deref(),
        Some("a 45% increase from 1,309 in Q1 2020/21 to 1,893 in Q1 2021/22")
    );
    assert_eq!(
        row(&r, "REF.02").change_sentence().as_deref(),
        Some("a 7 percentage point decrease (16% decrease) from 45% in Q1 2020/21 to 38% in Q1 2021/22")
    );
}

#[test]
fn child_protection_rate_per_1000_from_the_population_table() {
    let r = report(&["child-protection-rates.csv", "population.csv"], None);
    let cp = row(&r, "CP.01");
    assert_eq!(cp.value_shown.to_string(), "2.2");
    assert_eq!(cp.benchmark, Some((2.3, Comparison::Better)));
    assert_eq!(
        cp.benchmark_sentence().as_deref(),
        Some("2.2 against 2.3 (Better)")
    );
    let working = cp.working.as_deref().unwrap();
    assert!(working.contains("42 ÷ 19,090 × 1,000"), "{working}");
    assert!(working.contains("mid-2023"), "{working}");
}

#[test]
fn actions_half_way_through_the_year_are_on_target() {
    let r = report(
        &["complaints-q2-2018-19.csv", "actions-q2-2018-19.csv"],
        None,
    );
    assert_eq!(r.actions.len(), 6);
    for a in &r.actions {
        assert_eq!(a.status.label(), "On Target", "{}", a.code);
        assert_eq!((a.expected * 10.0).round() / 10.0, 50.1);
    }
}

#[test]
fn all_samples_load_together() {
    let r = report(
        &[
            "complaints-q2-2018-19.csv",
            "actions-q2-2018-19.csv",
            "referrals-long.csv",
            "child-protection-rates.csv",
            "population.csv",
        ],
        Some("Q2 2018/19"),
    );
    assert_eq!(r.summary.total(), 12 + 4 + 1);
    assert_eq!(r.groups.len(), 3);
}
