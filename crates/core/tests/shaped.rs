//! Report-shaped tables (SPEC "Report-shaped tables"): the samples as published and
//! fixtures in the same shapes, each read as pasted text, as a dropped TSV file and as
//! a workbook with numbers stored as numbers, formats and merged header cells.

use scorecard_core::dataset::{Dataset, Observation};
use scorecard_core::load::{load_file, load_pasted};
use scorecard_core::period::Period;
use scorecard_core::status::Status;

fn path(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/shaped/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The file dropped as it is.
fn dropped(name: &str) -> Dataset {
    let mut ds = Dataset::default();
    load_file(&mut ds, name, &bytes(name));
    ds
}

/// The file's text pasted.
fn pasted(name: &str) -> Dataset {
    let mut ds = Dataset::default();
    let text = String::from_utf8(bytes(name)).expect("text");
    load_pasted(&mut ds, "pasted text", &text);
    ds
}

fn notices(ds: &Dataset) -> Vec<String> {
    ds.notices.iter().map(|n| n.to_string()).collect()
}

fn p(label: &str) -> Period {
    Period::parse(label).unwrap_or_else(|| panic!("{label}"))
}

fn obs<'a>(ds: &'a Dataset, code: &str, period: &str) -> &'a Observation {
    ds.observations
        .get(code)
        .and_then(|o| o.get(&p(period)))
        .unwrap_or_else(|| panic!("no {code} {period}"))
}

/// Each period's value of a PI as shown in the file (`-` for none).
fn values(ds: &Dataset, code: &str, periods: &[&str]) -> Vec<String> {
    periods
        .iter()
        .map(|q| {
            ds.observations
                .get(code)
                .and_then(|o| o.get(&p(q)))
                .and_then(|o| o.value.as_ref())
                .map_or("-".to_string(), |f| {
                    let mut s = scorecard_core::value::group_thousands(f.number, f.decimals);
                    if f.unit == Some(scorecard_core::value::Unit::Percent) {
                        s.push('%');
                    }
                    s
                })
        })
        .collect()
}

const COMPLAINTS: [(&str, [&str; 4], &str, &str); 12] = [
    ("Number of complaints received (cumulative)", ["33", "15", "9", "16"], "", "Data Only"),
    ("Number of complaints closed in the year", ["-", "-", "8", "15"], "", "Data Only"),
    ("Number of complaints upheld (cumulative)", ["-", "-", "3", "3"], "", "Data Only"),
    ("Number of complaints partially upheld (cumulative)", ["-", "-", "0", "4"], "", "Data Only"),
    ("Number of complaints not upheld (cumulative)", ["-", "-", "3", "8"], "", "Data Only"),
    ("Average time in working days to respond to complaints at stage 1", ["3", "4", "0", "0"], "5", "On Target"),
    ("Average time in working days to respond to complaints at stage 2", ["18.33", "13.23", "15.67", "15.13"], "20", "On Target"),
    ("Average time in working days for a full response for escalated complaints", ["-", "-", "18.8", "18.43"], "20", "On Target"),
    ("Percentage of complaints at stage 1 complete within 5 working days", ["50%", "100%", "100%", "100%"], "95", "On Target"),
    ("Percentage of complaints at stage 2 complete within 20 working days", ["70.37%", "84.62%", "87.5%", "75%"], "95", "Off Target"),
    ("Percentage of complaints escalated and complete within 20 working days", ["-", "-", "60%", "71.43%"], "95", "Off Target"),
    ("Number of complaints where an extension to the 5 or 20 day target has been authorised (cumulative)", ["-", "-", "0", "0"], "", "Data Only"),
];

fn check_complaints(ds: &Dataset) {
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
        let s = q2.stated_status.expect("a stated status");
        assert_eq!(s.label(), stated, "{title}");
        *counts.entry(stated).or_insert(0) += 1;
        assert!(
            q2.note.starts_with(&format!("Q2 18/19: {stated}")),
            "{}",
            q2.note
        );
        // The note and status belong to the latest period only.
        assert_eq!(obs(ds, title, "Q1 2018/19").note, "");
        assert_eq!(obs(ds, title, "Q1 2018/19").stated_status, None);
    }
    assert_eq!(
        obs(ds, COMPLAINTS[9].0, "Q2 2018/19").note,
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

const DAYS: &str = "Average number of working days lost due to sickness absence (cumulative)";
const INVOICES: &str = "% of invoices paid within 30 days of invoice receipt (cumulative)";
const REPAIRS: &str = "Average days to complete non-emergency repairs";

fn feeder(ds: &Dataset, code: &str, period: &str) -> Vec<(String, f64, u8)> {
    obs(ds, code, period)
        .feeder
        .iter()
        .map(|f| (f.label.clone(), f.value.number, f.value.decimals))
        .collect()
}

fn check_illustrative(ds: &Dataset) {
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
        obs(ds, "RD.2.2", "Q3 2023/24").note,
        "Q3 23/24: Data Only Usage depends on the weather and is reported for information only."
    );
    assert_eq!(
        obs(ds, "RD.2.2", "Q3 2023/24").stated_status,
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
    assert_eq!(rd13.stated_status, Some(Status::DataNotYetAvailable));
    assert_eq!(
        values(ds, "RD.1.3", &["2022/23", "Q3 2022/23", "Q2 2023/24"]),
        ["4,210", "1,102", "-"]
    );
    // Status, note and benchmark belong to the latest period.
    let rd11 = obs(ds, "RD.1.1", "Q3 2023/24");
    assert_eq!(rd11.stated_status, Some(Status::Warning));
    assert_eq!(
        rd11.note,
        "Q3 23/24: Warning Winter backlog from storms in November."
    );
    assert_eq!(rd11.benchmark, Some(84.0));
    assert_eq!(obs(ds, "RD.1.1", "Q2 2023/24").benchmark, None);
    assert_eq!(ds.annual_targets["RD.1.1"][&2023], 90.0);
    assert_eq!(ds.annual_targets[DAYS][&2023], 9.0);
    assert_eq!(ds.annual_targets[INVOICES][&2023], 95.0);
    assert!(!ds.annual_targets.contains_key("RD.1.3"));
    assert_eq!(
        obs(ds, DAYS, "Q3 2023/24").stated_status,
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
    assert!(obs(ds, DAYS, "Q2 2023/24").feeder.is_empty());
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
        (o.rank, o.rank_of)
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

fn report_row<'a>(
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
    assert_eq!(obs(&ds, "C1", "2015/16").rank_of, Some(30));
}

#[test]
fn the_complaints_table_as_published_from_a_workbook_with_numbers_formats_and_merged_cells() {
    check_complaints(&dropped("complaints-q2-2018-19-as-published.xlsx"));
}

#[test]
fn the_illustrative_tables_from_a_workbook_with_several_tables_on_one_sheet() {
    check_illustrative(&dropped("illustrative-report-shaped.xlsx"));
}

fn check_children(ds: &Dataset, passed_over: &[&str]) {
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
    assert_eq!(csp02.stated_status, Some(Status::DataOnly));
    assert_eq!(
        csp02.note,
        "Q1 21/22: Kinship care is the largest share of the looked after population, in line with the national trend."
    );
    let csp03 = obs(ds, "CSP.03", "Q4 2023/24");
    assert_eq!(csp03.stated_status, Some(Status::OnTarget));
    assert_eq!(csp03.benchmark, Some(2.3));
    assert_eq!(csp03.note, "Q4 23/24: On Target 42 names on the register.");
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
    let rank = |c: &str, y: &str| (obs(ds, c, y).rank, obs(ds, c, y).rank_of);
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

/// Issue 13's first test of done: the complaints table exactly as the council published
/// it gives the same 12 statuses as the tidy sample, from a paste and from a workbook.
#[test]
fn the_as_published_complaints_table_gives_the_twelve_published_statuses() {
    use scorecard_core::report::build;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let tidy = std::fs::read(format!("{dir}/samples/complaints-q2-2018-19.csv")).unwrap();
    let tidy = scorecard_core::read_all(&[scorecard_core::InputFile {
        name: "tidy.csv".into(),
        bytes: tidy,
    }]);
    let want: Vec<(String, &str)> = build(&tidy, None)
        .unwrap()
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .map(|r| (r.title.clone(), r.status.label()))
        .collect();
    assert_eq!(want.len(), 12);
    for file in [
        "shaped/complaints-q2-2018-19-as-published.tsv",
        "shaped/complaints-q2-2018-19-as-published.xlsx",
    ] {
        let bytes = std::fs::read(format!("{dir}/{file}")).unwrap();
        let ds = scorecard_core::read_all(&[scorecard_core::InputFile {
            name: file.into(),
            bytes,
        }]);
        let got: Vec<(String, &str)> = build(&ds, None)
            .unwrap()
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|r| (r.title.clone(), r.status.label()))
            .collect();
        assert_eq!(got, want, "{file}");
    }
    let text = std::fs::read_to_string(format!(
        "{dir}/shaped/complaints-q2-2018-19-as-published.tsv"
    ))
    .unwrap();
    let mut pasted = scorecard_core::dataset::Dataset::default();
    scorecard_core::load::load_pasted(&mut pasted, "Pasted text 1", &text);
    scorecard_core::settle::settle(&mut pasted);
    let got: Vec<(String, &str)> = build(&pasted, None)
        .unwrap()
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .map(|r| (r.title.clone(), r.status.label()))
        .collect();
    assert_eq!(got, want, "pasted");
}

/// The illustrative file's results as samples/README.md lists them, through the reader and
/// the meaning together.
#[test]
fn the_illustrative_file_gives_every_listed_result() {
    use scorecard_core::report::build;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/shaped");
    for file in [
        "illustrative-report-shaped.tsv",
        "illustrative-report-shaped.xlsx",
    ] {
        let bytes = std::fs::read(format!("{dir}/{file}")).unwrap();
        let ds = scorecard_core::read_all(&[scorecard_core::InputFile {
            name: file.into(),
            bytes,
        }]);
        let r = build(&ds, scorecard_core::period::Period::parse("Q3 2023/24")).unwrap();
        let rows: Vec<_> = r.groups.iter().flat_map(|g| &g.rows).collect();
        let find = |key: &str| {
            *rows
                .iter()
                .find(|r| r.code == key || r.title.starts_with(key))
                .unwrap_or_else(|| panic!("{file}: no {key}"))
        };
        let absence = find("Average number of working days lost");
        assert_eq!(absence.status.label(), "Off Target", "{file}");
        assert!(
            absence.reason.contains("7.45 against 6.75"),
            "{}",
            absence.reason
        );
        assert!(
            absence.reason.contains("lower is better"),
            "{}",
            absence.reason
        );
        let invoices = find("% of invoices paid");
        assert_eq!(invoices.status.label(), "Off Target", "{file}");
        assert!(
            invoices.reason.contains("92% against"),
            "{}",
            invoices.reason
        );
        assert!(!invoices.reason.contains("71.25"), "{}", invoices.reason);
        assert_eq!(
            invoices.feeder_check.as_deref(),
            Some("11,500 of 12,500 is 92%")
        );
        let potholes = find("RD.1.1");
        assert_eq!(potholes.status.label(), "Warning", "{file}");
        assert!(potholes.status_stated, "{file}");
        assert_eq!(find("RD.1.3").status.label(), "Data Not Yet Available");
        assert_eq!(
            find("RD.2.2").title,
            "Tonnes of salt used (cumulative) - for information."
        );
        let groups: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
        assert!(
            groups.contains(&"Keeping our roads and homes safe"),
            "{groups:?}"
        );
        assert!(groups.contains(&"Winter service is reliable"), "{groups:?}");
    }
}
