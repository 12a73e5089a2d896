//! The illustrative report-shaped file: headings, priorities, feeder rows, spilt titles and LGBF text.

use super::*;

pub(crate) fn check_illustrative(ds: &Dataset) {
    assert_eq!(notices(ds), Vec::<String>::new());
    assert_eq!(
        ds.order,
        [
            REPAIRS, DAYS, INVOICES, "RD.1.1", "RD.1.2", "RD.1.3", "RD.2.1", "RD.2.2", "ENV4a",
            "ENV4c"
        ]
    );
    let group = |c: &str| ds.indicators[c].group.as_str();
    let priority = |c: &str| ds.indicators[c].priority.as_str();
    // Groups from the section headings; the priority beside the PI is kept as its priority.
    assert_eq!(group(DAYS), "Keeping our roads and homes safe");
    assert_eq!(priority(REPAIRS), "01. Repair homes quickly");
    assert_eq!(priority(DAYS), "02. Manage absence");
    assert_eq!(priority(INVOICES), "03. Pay suppliers promptly");
    assert_eq!(group("RD.1.1"), "Roads are safe and well maintained");
    assert_eq!(group("RD.2.2"), "Winter service is reliable");
    assert_eq!(
        group("ENV4a"),
        "Published Local Government Benchmarking Framework - Roads"
    );
    assert_eq!(priority("RD.1.1"), "");
    // A title and note spilling onto a continuation row, joined with one space.
    let rd22 = &ds.indicators["RD.2.2"];
    assert_eq!(
        rd22.title,
        "Tonnes of salt used (cumulative) - for information."
    );
    assert_eq!(
        obs(ds, "RD.2.2", "Q3 2023/24").more().note,
        "Q3 23/24: Data Only Usage depends on the weather and is reported for information only."
    );
    assert_eq!(
        obs(ds, "RD.2.2", "Q3 2023/24").more().stated_status,
        Some(Status::DataOnly)
    );
    assert_eq!(
        values(
            ds,
            "RD.2.2",
            &["2022/23", "Q3 2022/23", "Q2 2023/24", "Q3 2023/24"]
        ),
        ["6,800", "2,100", "0", "2,350"]
    );
    // N/A is no value; the N/A the note states is Data Not Yet Available.
    let rd13 = obs(ds, "RD.1.3", "Q3 2023/24");
    assert_eq!(rd13.value, None);
    assert_eq!(rd13.more().stated_status, Some(Status::DataNotYetAvailable));
    assert_eq!(
        values(ds, "RD.1.3", &["2022/23", "Q3 2022/23", "Q2 2023/24"]),
        ["4,210", "1,102", "-"]
    );
    // Status, note and benchmark belong to the latest period.
    let rd11 = obs(ds, "RD.1.1", "Q3 2023/24");
    assert_eq!(rd11.more().stated_status, Some(Status::Warning));
    assert_eq!(
        rd11.more().note,
        "Q3 23/24: Warning Winter backlog from storms in November."
    );
    assert_eq!(rd11.more().benchmark, Some(84.0));
    assert_eq!(obs(ds, "RD.1.1", "Q2 2023/24").more().benchmark, None);
    assert_eq!(ds.annual_targets["RD.1.1"][&2023], 90.0);
    assert_eq!(ds.annual_targets[DAYS][&2023], 9.0);
    assert_eq!(ds.annual_targets[INVOICES][&2023], 95.0);
    assert!(!ds.annual_targets.contains_key("RD.1.3"));
    assert_eq!(
        obs(ds, DAYS, "Q3 2023/24").more().stated_status,
        Some(Status::OffTarget)
    );
    assert_eq!(
        values(
            ds,
            DAYS,
            &["2022/23", "Q3 2022/23", "Q2 2023/24", "Q3 2023/24"]
        ),
        ["11.20", "8.10", "4.30", "7.45"]
    );
    // Feeder data on the PI's row and its continuation rows, on the latest period.
    assert_eq!(
        feeder(ds, DAYS, "Q3 2023/24"),
        [
            ("Number of days lost (cumulative)".to_string(), 1490.0, 2),
            (
                "Average number of FTE in service (year to date)".to_string(),
                200.0,
                2
            ),
        ]
    );
    assert_eq!(
        feeder(ds, INVOICES, "Q3 2023/24"),
        [
            ("Number received (cumulative)".to_string(), 12500.0, 0),
            (
                "Number paid within 30 days (cumulative)".to_string(),
                11500.0,
                0
            ),
        ]
    );
    assert!(obs(ds, DAYS, "Q2 2023/24").more().feeder.is_empty());
    // LGBF: money as published, `New for` is no value, ranks per year of 32.
    assert_eq!(
        values(
            ds,
            "ENV4a",
            &["2018/19", "2019/20", "2020/21", "2021/22", "2022/23"]
        ),
        [
            "9,812.00",
            "10,020.50",
            "9,640.10",
            "10,311.75",
            "11,002.30"
        ]
    );
    assert_eq!(
        ds.indicators["ENV4a"].unit_seen,
        Some(scorecard_core::value::Unit::Pounds { suffix: None })
    );
    assert_eq!(values(ds, "ENV4c", &["2018/19", "2019/20"]), ["-", "31.2%"]);
    let rank = |c: &str, y: &str| {
        let o = obs(ds, c, y);
        (o.more().rank, o.more().rank_of)
    };
    assert_eq!(rank("ENV4a", "2022/23"), (Some(12), Some(32)));
    assert_eq!(rank("ENV4a", "2021/22"), (Some(9), Some(32)));
    assert_eq!(rank("ENV4a", "2020/21"), (Some(7), Some(32)));
    assert_eq!(rank("ENV4c", "2022/23"), (Some(20), Some(32)));
    assert_eq!(rank("ENV4c", "2021/22"), (Some(22), Some(32)));
    assert!(ds
        .indicators
        .values()
        .all(|i| i.polarity == scorecard_core::indicator::Polarity::None));
}

#[test]
fn the_illustrative_report_shaped_tables_pasted() {
    check_illustrative(&pasted("illustrative-report-shaped.tsv"));
}

#[test]
fn the_illustrative_report_shaped_tables_dropped_as_a_tsv_file() {
    check_illustrative(&dropped("illustrative-report-shaped.tsv"));
}

pub(crate) fn report_row<'a>(
    r: &'a scorecard_core::report::Report,
    code: &str,
) -> &'a scorecard_core::report::Row {
    r.groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|row| row.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

#[test]
fn the_report_shows_feeder_items_their_check_and_the_lgbf_quartiles() {
    let ds = pasted("illustrative-report-shaped.tsv");
    let r = scorecard_core::report::build(&ds, None).expect("a report");
    assert_eq!(r.period, p("Q3 2023/24"));
    let invoices = report_row(&r, INVOICES);
    assert_eq!(invoices.feeder.len(), 2);
    assert_eq!(
        invoices.feeder_check.as_deref(),
        Some("11,500 of 12,500 is 92%")
    );
    let days = report_row(&r, DAYS);
    assert_eq!(
        days.feeder_check.as_deref(),
        Some("1,490.00 ÷ 200.00 is 7.45")
    );
    assert!(report_row(&r, REPAIRS).feeder.is_empty());
    assert_eq!(report_row(&r, REPAIRS).feeder_check, None);
    let env4a = report_row(&r, "ENV4a");
    assert_eq!(env4a.period, p("2022/23"));
    assert_eq!(
        env4a.rank.map(|k| k.quartile().label()),
        Some("Second Quartile")
    );
    let env4c = report_row(&r, "ENV4c");
    assert_eq!(
        env4c.rank.map(|k| k.quartile().label()),
        Some("Third Quartile")
    );
    let groups: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        groups,
        [
            "Keeping our roads and homes safe",
            "Roads are safe and well maintained",
            "Winter service is reliable",
            "Published Local Government Benchmarking Framework - Roads"
        ]
    );
}

#[test]
fn feeder_items_that_disagree_with_the_stated_value_are_a_check() {
    let text = "Code\tTitle\tQ3 2023/24\t\tFeeder Data\tValue\n\t\tValue\tNote\t\t\nP1\tShare paid\t90%\tQ3 23/24: Data Only\tNumber received\t12,500\n\t\t\t\tNumber paid\t11,500\n";
    let mut ds = Dataset::default();
    load_pasted(&mut ds, "pasted text", text);
    assert_eq!(notices(&ds), Vec::<String>::new());
    let r = scorecard_core::report::build(&ds, None).expect("a report");
    let row = report_row(&r, "P1");
    assert_eq!(row.feeder_check, None);
    let checks: Vec<String> = row.checks.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        checks,
        ["The file states 90% for Q3 2023/24 but its feeder data give 92% (11,500 of 12,500 is 92%); the stated value is used"]
    );
}

#[test]
fn a_stated_quartile_the_rank_does_not_give_is_a_notice() {
    let text = "Code\tTitle\t2015/16\t2016/17\tExternal Comparison\nC1\tCost per pupil\t£5,000\t£5,100\t16/17 Rank 8 (Second Quartile) 15/16 Rank 10 of 30 (Second Quartile)\nC2\tOther\t1\t2\tbetter than last year\n";
    let mut ds = Dataset::default();
    load_pasted(&mut ds, "pasted text", text);
    assert_eq!(
        notices(&ds),
        [
            "pasted text, row 2, column 'External Comparison': C1 for 2016/17: rank 8 of 32 is in the Top Quartile (⌈4 × 8 ÷ 32⌉ = 1), but the file says Second Quartile; the rank's quartile is shown",
            "pasted text, row 3, column 'External Comparison': expected ranks such as '22/23 Rank 12 (Second Quartile)', found 'better than last year'",
        ]
    );
    assert_eq!(obs(&ds, "C1", "2015/16").more().rank_of, Some(30));
}

#[test]
fn the_complaints_table_as_published_from_a_workbook_with_numbers_formats_and_merged_cells() {
    check_complaints(&dropped("complaints-q2-2018-19-as-published.xlsx"));
}

#[test]
fn the_illustrative_tables_from_a_workbook_with_several_tables_on_one_sheet() {
    check_illustrative(&dropped("illustrative-report-shaped.xlsx"));
}
