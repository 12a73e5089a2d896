//! Stacked PI report, PI summary and LGBF tables from the seeds' shapes, in every form.

use super::*;

pub(crate) fn check_children(ds: &Dataset, passed_over: &[&str]) {
    assert_eq!(notices(ds), passed_over);
    assert_eq!(
        ds.order,
        ["CSP.01", "CSP.02", "CSP.03", "CSP.04", "CHN9", "CHN8a"]
    );
    let ind = |c: &str| &ds.indicators[c];
    assert_eq!(
        ind("CSP.01").group,
        "Children and young people are safe and protected"
    );
    assert_eq!(ind("CSP.03").group, "Children are protected from harm");
    assert_eq!(ind("CSP.03").priority, "01. Keep children safe");
    assert_eq!(ind("CSP.04").priority, "02. Support families");
    assert_eq!(
        ind("CHN9").group,
        "Local Government Benchmarking Framework - Children's Services"
    );
    assert_eq!(
        values(ds, "CSP.01", &["Q1 2020/21", "Q4 2020/21", "Q1 2021/22"]),
        ["1,309", "1,402", "1,893"]
    );
    assert_eq!(
        values(ds, "CSP.02", &["Q1 2020/21", "Q4 2020/21", "Q1 2021/22"]),
        ["32.1%", "33.8%", "34.7%"]
    );
    // A Status column says the status; the note continued on the next row is joined.
    let csp02 = obs(ds, "CSP.02", "Q1 2021/22");
    assert_eq!(csp02.more().stated_status, Some(Status::DataOnly));
    assert_eq!(
        csp02.more().note,
        "Q1 21/22: Kinship care is the largest share of the looked after population, in line with the national trend."
    );
    let csp03 = obs(ds, "CSP.03", "Q4 2023/24");
    assert_eq!(csp03.more().stated_status, Some(Status::OnTarget));
    assert_eq!(csp03.more().benchmark, Some(2.3));
    assert_eq!(
        csp03.more().note,
        "Q4 23/24: On Target 42 names on the register."
    );
    assert_eq!(ds.annual_targets["CSP.03"][&2023], 2.5);
    assert_eq!(
        feeder(ds, "CSP.03", "Q4 2023/24"),
        [
            ("Number of names on the register".to_string(), 42.0, 0),
            ("Population aged 0-15 (mid-2023)".to_string(), 19090.0, 0),
        ]
    );
    assert_eq!(
        values(ds, "CSP.04", &["2022/23", "Q3 2023/24", "Q4 2023/24"]),
        ["-", "78", "104"]
    );
    assert_eq!(
        values(ds, "CHN8a", &["2019/20", "2021/22"]),
        ["3,978.12", "4,921.77"]
    );
    let rank = |c: &str, y: &str| (obs(ds, c, y).more().rank, obs(ds, c, y).more().rank_of);
    assert_eq!(rank("CHN9", "2021/22"), (Some(14), Some(32)));
    assert_eq!(rank("CHN9", "2020/21"), (Some(19), Some(32)));
    assert_eq!(rank("CHN9", "2019/20"), (Some(8), Some(32)));
    assert_eq!(rank("CHN8a", "2021/22"), (Some(25), Some(32)));
    let r = scorecard_core::report::build(ds, Some(p("Q4 2023/24"))).expect("a report");
    assert_eq!(
        report_row(&r, "CSP.03").feeder_check.as_deref(),
        Some("42 ÷ 19,090 × 1,000 is 2.2")
    );
}

#[test]
fn stacked_pi_report_summary_and_lgbf_tables_pasted() {
    check_children(&pasted("children-pi-report.tsv"), &[]);
}

#[test]
fn stacked_pi_report_summary_and_lgbf_tables_dropped_as_a_tsv_file() {
    check_children(&dropped("children-pi-report.tsv"), &[]);
}

#[test]
fn stacked_pi_report_summary_and_lgbf_tables_from_a_workbook_with_a_cover_sheet() {
    check_children(
        &dropped("children-pi-report.xlsx"),
        &["children-pi-report.xlsx › Cover: the sheet has no table (no row has two cells or more), so there was nothing to read; it reads 'Children's Services performance workbook'"],
    );
}

#[test]
fn the_same_tables_as_csv_read_alike() {
    let text = String::from_utf8(bytes("children-pi-report.tsv")).unwrap();
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for line in text.lines() {
        if line.is_empty() {
            w.write_record([""]).unwrap();
        } else {
            w.write_record(line.split('\t')).unwrap();
        }
    }
    let csv = w.into_inner().unwrap();
    let mut ds = Dataset::default();
    load_file(&mut ds, "children.csv", &csv);
    check_children(&ds, &[]);
}

#[test]
fn text_under_no_table_and_a_row_without_a_key_are_named() {
    let text = "Draft - not for publication\tsee notes\nPI Code\tPI\tQ1 2023/24\tQ2 2023/24\n\t\tValue\tValue\nA1\tFirst\t1\t2\n\tNo code\t3\t4\n";
    let mut ds = Dataset::default();
    load_pasted(&mut ds, "pasted text", text);
    assert_eq!(
        notices(&ds),
        [
            "pasted text, row 1: 1 row with text stands above or between the tables under no table header and was passed over",
            "pasted text, row 5: this row has neither a code nor an indicator title; it was left out",
        ]
    );
    assert_eq!(ds.order, ["A1"]);
}

#[test]
fn the_csv_export_carries_the_feeder_items_and_their_check() {
    let ds = pasted("illustrative-report-shaped.tsv");
    let r = scorecard_core::report::build(&ds, None).expect("a report");
    let bytes = scorecard_core::export::csv(&r);
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Feeder data")
        .expect("a feeder column");
    let feeder: Vec<String> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[2] == INVOICES || &r[2] == DAYS)
        .map(|r| r[at].to_string())
        .collect();
    assert_eq!(
        feeder,
        [
            "Number of days lost (cumulative): 1,490.00 | Average number of FTE in service (year to date): 200.00 | 1,490.00 ÷ 200.00 is 7.45",
            "Number received (cumulative): 12,500 | Number paid within 30 days (cumulative): 11,500 | 11,500 of 12,500 is 92%",
        ]
    );
}

#[test]
fn the_report_row_shows_the_priority_where_a_heading_gives_the_group() {
    let ds = pasted("illustrative-report-shaped.tsv");
    let r = scorecard_core::report::build(&ds, None).expect("a report");
    assert_eq!(report_row(&r, DAYS).priority, "02. Manage absence");
    assert_eq!(
        report_row(&r, DAYS).group,
        "Keeping our roads and homes safe"
    );
    assert_eq!(report_row(&r, "RD.1.1").priority, "");
}
