//! Complaints case lists worked into the SPSO indicators, against answers worked out by
//! hand. Working days count the day received as day 1 (the next working day where it
//! arrives on a weekend or holiday) and the day of the response. Scotland 2019/20:
//! Good Friday 19 Apr 2019, Easter Monday 22 Apr, 6 and 27 May, St Andrew's Day (Sat 30
//! Nov) on Mon 2 Dec, 25 and 26 Dec, 1 and 2 Jan 2020.

use scorecard_core::complaints::calendar::HolidaySettings;
use scorecard_core::complaints::derive;
use scorecard_core::dataset::Dataset;
use scorecard_core::engine::{Engine, Request, Response};
use scorecard_core::period::Period;
use scorecard_core::report::{self, Row};
use scorecard_core::status::Status;
use scorecard_core::{read_all, InputFile};

fn fixture(name: &str) -> InputFile {
    let path = format!(
        "{}/../../tests/fixtures/complaints/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    InputFile {
        name: name.into(),
        bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
    }
}

fn file(name: &str, text: &str) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn derived(files: &[InputFile], settings: &HolidaySettings) -> Dataset {
    derive(&read_all(files), settings).expect("a case list")
}

fn q(label: &str) -> Period {
    Period::parse(label).unwrap()
}

/// The value of a CMP code in a period, rounded to 2 decimals.
fn value(ds: &Dataset, code: &str, period: &str) -> Option<f64> {
    let obs = ds.observations.get(code)?.get(&q(period))?;
    obs.value
        .as_ref()
        .map(|f| (f.number * 100.0).round() / 100.0)
}

fn feeder(ds: &Dataset, code: &str, period: &str) -> Vec<(String, f64)> {
    ds.observations[code][&q(period)]
        .more()
        .feeder
        .iter()
        .map(|f| (f.label.clone(), f.value.number))
        .collect()
}

fn messages(ds: &Dataset) -> Vec<String> {
    ds.notices.iter().map(|n| n.to_string()).collect()
}

// two-row-2019-20.csv, stage 1 rows (working days):
//   C012 Fri 27 Sep (Q2) -> Wed 2 Oct (Q3): 27, 30, 1, 2 = 4 (crosses a quarter end)
//   C001 Mon 7 Oct -> Fri 11 Oct: 5
//   C002 Fri 4 Oct -> Thu 10 Oct: 4, 7, 8, 9, 10 = 5 (crosses a weekend)
//   C003 Fri 29 Nov -> Fri 6 Dec: 29, (Mon 2 Dec St Andrew's), 3, 4, 5, 6 = 5; extension
//   C004 Sat 5 Oct -> Mon 14 Oct: day 1 is Mon 7: 7..11, 14 = 6 (late)
//   C007 Mon 23 Dec -> Fri 3 Jan: 23, 24, 27, 30, 31, 3 = 6 (crosses the calendar year)
//   C008 Fri 27 Mar 2020 -> Thu 2 Apr 2020: 27, 30, 31, 1, 2 = 5 (crosses the financial year)
//   C009 received 18 Nov, still open; C011 "closed" 15 Nov before its receipt 20 Nov: open
//   C010 13/25/2019: month first, left out with a notice
// stage 2 (direct): C005 Tue 1 Oct -> Tue 29 Oct: 21 (late); C006 Wed 2 -> Fri 25 Oct: 18
// escalated: C001 (a second row, stage Escalated) Mon 14 Oct -> Fri 8 Nov: 20, extension;
//   C002 (a second row, stage 2 after its stage 1 row) received 21 Oct, still open.

#[test]
fn a_two_row_case_list_gives_the_indicators_worked_out_by_hand() {
    let ds = derived(
        &[fixture("two-row-2019-20.csv")],
        &HolidaySettings::default(),
    );
    // Q2 2019/20: only C012 received; nothing closed.
    assert_eq!(value(&ds, "CMP.01", "Q2 2019/20"), Some(1.0));
    assert_eq!(value(&ds, "CMP.02", "Q2 2019/20"), Some(0.0));
    assert_eq!(value(&ds, "CMP.06", "Q2 2019/20"), None);
    assert_eq!(
        ds.observations["CMP.06"][&q("Q2 2019/20")].more().note,
        "No stage 1 complaints were closed in Q2 2019/20."
    );
    // Q3: received year to date: C012, C001..C007, C009, C011 = 10 (escalations are not
    // new complaints; C010 was left out).
    assert_eq!(value(&ds, "CMP.01", "Q3 2019/20"), Some(10.0));
    // Closed year to date: 5 at stage 1, 2 at stage 2, 1 escalated.
    assert_eq!(value(&ds, "CMP.02", "Q3 2019/20"), Some(8.0));
    assert_eq!(value(&ds, "CMP.15", "Q3 2019/20"), Some(5.0));
    assert_eq!(value(&ds, "CMP.16", "Q3 2019/20"), Some(2.0));
    assert_eq!(value(&ds, "CMP.17", "Q3 2019/20"), Some(1.0));
    // Upheld C001, C004, C006; partially C003; not upheld C002, C012, C005, C001 escalated.
    assert_eq!(value(&ds, "CMP.03", "Q3 2019/20"), Some(3.0));
    assert_eq!(value(&ds, "CMP.04", "Q3 2019/20"), Some(1.0));
    assert_eq!(value(&ds, "CMP.05", "Q3 2019/20"), Some(4.0));
    assert_eq!(value(&ds, "CMP.13", "Q3 2019/20"), Some(0.0));
    // Stage 1 in Q3: 4 + 5 + 5 + 5 + 6 = 25 over 5 = 5.00; within 5: 4 of 5.
    assert_eq!(value(&ds, "CMP.06", "Q3 2019/20"), Some(5.0));
    assert_eq!(value(&ds, "CMP.09", "Q3 2019/20"), Some(80.0));
    assert_eq!(
        feeder(&ds, "CMP.09", "Q3 2019/20"),
        [
            ("Stage 1 complaints closed".to_string(), 5.0),
            ("Closed within 5 working days".to_string(), 4.0)
        ]
    );
    assert_eq!(
        feeder(&ds, "CMP.06", "Q3 2019/20"),
        [
            ("Stage 1 complaints closed".to_string(), 5.0),
            ("Working days taken in total".to_string(), 25.0)
        ]
    );
    // Stage 2: (21 + 18) / 2 = 19.5; 1 of 2 within 20.
    assert_eq!(value(&ds, "CMP.07", "Q3 2019/20"), Some(19.5));
    assert_eq!(value(&ds, "CMP.10", "Q3 2019/20"), Some(50.0));
    // Escalated: C001 in 20 days.
    assert_eq!(value(&ds, "CMP.08", "Q3 2019/20"), Some(20.0));
    assert_eq!(value(&ds, "CMP.11", "Q3 2019/20"), Some(100.0));
    // Extensions: C003 and C001's escalation.
    assert_eq!(value(&ds, "CMP.12", "Q3 2019/20"), Some(2.0));
    // Outcomes at stage 1 in Q3: upheld 2 of 5, partially 1, not upheld 2.
    assert_eq!(value(&ds, "CMP.18", "Q3 2019/20"), Some(40.0));
    assert_eq!(value(&ds, "CMP.19", "Q3 2019/20"), Some(20.0));
    assert_eq!(value(&ds, "CMP.20", "Q3 2019/20"), Some(40.0));
    assert_eq!(value(&ds, "CMP.21", "Q3 2019/20"), Some(0.0));
    // Q4: C008 received (11 year to date); C007 closed on 3 Jan in 6 days, resolved.
    assert_eq!(value(&ds, "CMP.01", "Q4 2019/20"), Some(11.0));
    assert_eq!(value(&ds, "CMP.02", "Q4 2019/20"), Some(9.0));
    assert_eq!(value(&ds, "CMP.13", "Q4 2019/20"), Some(1.0));
    assert_eq!(value(&ds, "CMP.06", "Q4 2019/20"), Some(6.0));
    assert_eq!(value(&ds, "CMP.09", "Q4 2019/20"), Some(0.0));
    // Q1 2020/21: a new year to date. C008 closed 2 Apr in 5 days, upheld.
    assert_eq!(value(&ds, "CMP.01", "Q1 2020/21"), Some(0.0));
    assert_eq!(value(&ds, "CMP.02", "Q1 2020/21"), Some(1.0));
    assert_eq!(value(&ds, "CMP.03", "Q1 2020/21"), Some(1.0));
    assert_eq!(value(&ds, "CMP.06", "Q1 2020/21"), Some(5.0));
    // The year 2019/20, over once the list runs into 2020/21: stage 1
    // 4 + 5 + 5 + 5 + 6 + 6 = 31 over 6 = 5.17; within 5: 4 of 6 = 66.67%.
    assert_eq!(value(&ds, "CMP.01", "2019/20"), Some(11.0));
    assert_eq!(value(&ds, "CMP.06", "2019/20"), Some(5.17));
    assert_eq!(value(&ds, "CMP.09", "2019/20"), Some(66.67));
    assert_eq!(
        value(&ds, "CMP.01", "2020/21"),
        None,
        "the year is not over"
    );
    // No population table: no rate per 1,000.
    assert!(!ds.indicators.contains_key("CMP.14"));

    let msgs = messages(&ds);
    assert_eq!(
        msgs,
        [
            "two-row-2019-20.csv, row 13, column 'Date received': expected the date the complaint was received in UK order, day first, such as 25/12/2019, found '13/25/2019', which looks written month first (US order); the date was left out",
            "two-row-2019-20.csv, row 14, column 'Date closed': complaint C011 was closed (15/11/2019) before it was received (20/11/2019); it counts as received and still open",
        ]
    );
}

#[test]
fn the_indicators_are_ordinary_pis_in_the_report() {
    let ds = derived(
        &[fixture("two-row-2019-20.csv")],
        &HolidaySettings::default(),
    );
    let r = report::build(&ds, Some(q("Q3 2019/20"))).unwrap();
    let rows: Vec<&Row> = r.groups.iter().flat_map(|g| &g.rows).collect();
    let row = |code: &str| *rows.iter().find(|r| r.code == code).unwrap();
    assert_eq!(r.groups[0].name, "Provide an efficient complaints service");
    assert_eq!(
        row("CMP.07").title,
        "Average time in working days to respond to complaints at stage 2"
    );
    assert_eq!(row("CMP.07").value_shown.to_string(), "19.50");
    assert_eq!(row("CMP.09").value_shown.to_string(), "80.00%");
    let feeder: Vec<(String, f64)> = row("CMP.10")
        .feeder
        .iter()
        .map(|f| (f.label.clone(), f.value.number))
        .collect();
    assert_eq!(
        feeder,
        [
            ("Stage 2 complaints closed".to_string(), 2.0),
            ("Closed within 20 working days".to_string(), 1.0)
        ]
    );
    // Small-number suppression withholds the small counts behind a figure too.
    let mut hidden = row("CMP.10").clone();
    scorecard_core::suppress::apply_row(&mut hidden, 4);
    assert!(hidden.feeder.is_empty() && hidden.suppressed);
    // No targets given: Data Only.
    assert_eq!(row("CMP.09").status, Status::DataOnly);
    assert_eq!(row("CMP.01").status, Status::DataOnly);
}

#[test]
fn targets_and_settings_from_a_definitions_file_stand_over_the_defaults() {
    // The seeds' published table (targets 5, 20, 95%) dropped with the case list.
    let defs = file(
        "targets.csv",
        "Code,Target,Polarity\nCMP.07,20,Aim to Minimise\nCMP.09,95%,Aim to Maximise\n",
    );
    let ds = derived(
        &[fixture("two-row-2019-20.csv"), defs],
        &HolidaySettings::default(),
    );
    let r = report::build(&ds, Some(q("Q3 2019/20"))).unwrap();
    let rows: Vec<&Row> = r.groups.iter().flat_map(|g| &g.rows).collect();
    let row = |code: &str| *rows.iter().find(|r| r.code == code).unwrap();
    // 19.50 against 20, lower is better: On Target. 80% against 95%: Off Target.
    assert_eq!(row("CMP.07").status, Status::OnTarget);
    assert_eq!(row("CMP.09").status, Status::OffTarget);
    assert_eq!(row("CMP.06").status, Status::DataOnly, "no target given");
}

#[test]
fn a_holiday_list_and_the_easter_monday_setting_change_the_counts() {
    // A local holiday on Mon 14 Oct 2019: C004 5 Oct -> 14 Oct is 5 days (within),
    // C005 1 -> 29 Oct 20 (within), C006 17, C001's escalation 14 Oct -> 8 Nov 19.
    let ds = derived(
        &[fixture("two-row-2019-20.csv"), fixture("holidays.csv")],
        &HolidaySettings::default(),
    );
    assert_eq!(value(&ds, "CMP.06", "Q3 2019/20"), Some(4.8));
    assert_eq!(value(&ds, "CMP.09", "Q3 2019/20"), Some(100.0));
    assert_eq!(value(&ds, "CMP.07", "Q3 2019/20"), Some(18.5));
    assert_eq!(value(&ds, "CMP.10", "Q3 2019/20"), Some(100.0));
    assert_eq!(value(&ds, "CMP.08", "Q3 2019/20"), Some(19.0));
    // The same holiday typed in the page instead of a file.
    let typed = HolidaySettings {
        easter_monday: true,
        local: vec![chrono::NaiveDate::from_ymd_opt(2019, 10, 14).unwrap()],
    };
    let ds = derived(&[fixture("two-row-2019-20.csv")], &typed);
    assert_eq!(value(&ds, "CMP.06", "Q3 2019/20"), Some(4.8));
}

// one-row-escalation-2019-20.csv: the escalation on the stage 1 row.
//   E1 stage 1 Thu 18 Apr 2019 -> Thu 25 Apr: 18, (Good Friday 19, Easter Monday 22), 23,
//      24, 25 = 4; escalated Mon 29 Apr -> Fri 24 May: 29, 30, 1, 2, 3, (6 May), 7..10,
//      13..17, 20..24 = 19, partially upheld.
//   E2 Wed 1 May -> Fri 3 May: 3, upheld. E3 10 May same day: 1, resolved; marked
//      escalated with no escalation date (a notice).
#[test]
fn an_escalation_on_the_same_row_and_easter() {
    let ds = derived(
        &[fixture("one-row-escalation-2019-20.csv")],
        &HolidaySettings::default(),
    );
    assert_eq!(value(&ds, "CMP.01", "Q1 2019/20"), Some(3.0));
    assert_eq!(value(&ds, "CMP.02", "Q1 2019/20"), Some(4.0));
    // (4 + 3 + 1) / 3 = 2.67
    assert_eq!(value(&ds, "CMP.06", "Q1 2019/20"), Some(2.67));
    assert_eq!(value(&ds, "CMP.09", "Q1 2019/20"), Some(100.0));
    assert_eq!(value(&ds, "CMP.08", "Q1 2019/20"), Some(19.0));
    assert_eq!(value(&ds, "CMP.11", "Q1 2019/20"), Some(100.0));
    assert_eq!(value(&ds, "CMP.04", "Q1 2019/20"), Some(1.0));
    assert_eq!(value(&ds, "CMP.05", "Q1 2019/20"), Some(1.0));
    assert_eq!(value(&ds, "CMP.13", "Q1 2019/20"), Some(1.0));
    assert_eq!(value(&ds, "CMP.27", "Q1 2019/20"), Some(100.0));
    assert_eq!(
        messages(&ds),
        ["one-row-escalation-2019-20.csv, row 4, column 'Escalated': complaint E3 is marked escalated but has no escalation date; its escalation was left out"]
    );
    // A council that does not keep Easter Monday: E1's stage 1 takes 5 days.
    let no_easter_monday = HolidaySettings {
        easter_monday: false,
        local: Vec::new(),
    };
    let ds = derived(
        &[fixture("one-row-escalation-2019-20.csv")],
        &no_easter_monday,
    );
    // (5 + 3 + 1) / 3 = 3
    assert_eq!(value(&ds, "CMP.06", "Q1 2019/20"), Some(3.0));
}

#[test]
fn the_rate_per_1000_uses_the_population_table() {
    let population = file(
        "population.csv",
        "age group,year,population\nall ages,2019,92460\n",
    );
    let ds = derived(
        &[fixture("two-row-2019-20.csv"), population],
        &HolidaySettings::default(),
    );
    let r = report::build(&ds, Some(q("Q3 2019/20"))).unwrap();
    let row = r
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.code == "CMP.14")
        .unwrap();
    // 10 received / 92,460 x 1,000 = 0.108...
    assert_eq!(row.value_shown.to_string(), "0.11");
}

#[test]
fn the_case_lists_figures_replace_stated_ones_with_a_notice() {
    let stated = file(
        "summary.csv",
        "Code,Period,Value,Target,Polarity\nCMP.07,Q3 2019/20,18.33,20,down\nCMP.07,Q2 2019/20,17,20,down\n",
    );
    let ds = derived(
        &[stated, fixture("two-row-2019-20.csv")],
        &HolidaySettings::default(),
    );
    assert_eq!(value(&ds, "CMP.07", "Q3 2019/20"), Some(19.5));
    assert_eq!(value(&ds, "CMP.07", "Q2 2019/20"), Some(17.0), "kept");
    let target = ds.observations["CMP.07"][&q("Q3 2019/20")].target;
    assert_eq!(target, Some(20.0));
    assert!(messages(&ds).contains(
        &"two-row-2019-20.csv: CMP.07 for Q3 2019/20 is worked out from the case list as 19.50; it replaces 18.33 from summary.csv row 2"
            .to_string()
    ));
}

#[test]
fn bad_cells_are_named_and_good_rows_still_count() {
    let list = "Reference,Received,Complaint stage,Closed,Decision,Extended\n\
        R1,01/07/2019,Stage 1,03/07/2019,Upheld,No\n\
        R2,,1,03/07/2019,Upheld,No\n\
        R3,02/07/2019,Stage 3,05/07/2019,Upheld,No\n\
        R4,02/07/2019,1,05/07/2019,Withdrawn,No\n\
        R5,02/07/2019,1,05/07/2019,Upheld,Perhaps\n\
        R6,02/07/2019,1,05/07/2019,,No\n\
        R1,01/07/2019,1,04/07/2019,Upheld,No\n";
    let ds = derived(&[file("cases.csv", list)], &HolidaySettings::default());
    assert_eq!(
        messages(&ds),
        [
            "cases.csv, row 3: this complaint has no date received, so it cannot be placed in a quarter; it was left out",
            "cases.csv, row 4, column 'Complaint stage': expected a stage such as 1, 2, Stage 1, Frontline, Investigation or Escalated, found 'Stage 3'; the row was left out",
            "cases.csv, row 5, column 'Decision': expected an outcome: upheld, partially upheld, not upheld or resolved, found 'Withdrawn'",
            "cases.csv, row 6, column 'Extended': expected yes or no, found 'Perhaps'",
            "cases.csv, row 7, column 'Decision': complaint R6 is closed but has no outcome; it counts as closed, under no outcome",
            "cases.csv, row 8: complaint R1 is listed again at stage 1; this row replaces the one at cases.csv row 2",
        ]
    );
    // R1 (once), R4, R5, R6.
    assert_eq!(value(&ds, "CMP.01", "Q2 2019/20"), Some(4.0));
    assert_eq!(value(&ds, "CMP.02", "Q2 2019/20"), Some(4.0));
    // R1 by its later row: Mon 1 -> Thu 4 Jul = 4; R4, R5, R6 Tue 2 -> Fri 5 = 4.
    assert_eq!(value(&ds, "CMP.06", "Q2 2019/20"), Some(4.0));
}

#[test]
fn the_engine_works_case_lists_out_after_every_read_and_when_the_calendar_changes() {
    let mut e = Engine::default();
    let data = |r: Response| match r {
        Response::Data(d) => *d,
        other => panic!("{other:?}"),
    };
    let d = data(e.handle(
        Request::Add(vec![fixture("two-row-2019-20.csv")]),
        &mut |_| {},
    ));
    assert_eq!(d.sources[0].recognised_as, "complaints case list");
    let r = d.report.unwrap();
    assert_eq!(r.period, q("Q1 2020/21"), "the latest quarter with a value");
    let d = data(e.handle(
        Request::View(scorecard_core::engine::EngineView {
            period: Some(q("Q3 2019/20")),
            suppression: None,
        }),
        &mut |_| {},
    ));
    let shown = |d: &scorecard_core::engine::Data, code: &str| {
        d.report
            .as_ref()
            .unwrap()
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.code == code)
            .map(|r| r.value_shown.to_string())
    };
    assert_eq!(shown(&d, "CMP.06").as_deref(), Some("5.00"));
    let typed = HolidaySettings {
        easter_monday: true,
        local: vec![chrono::NaiveDate::from_ymd_opt(2019, 10, 14).unwrap()],
    };
    let d = data(e.handle(Request::Holidays(typed), &mut |_| {}));
    assert_eq!(shown(&d, "CMP.06").as_deref(), Some("4.80"));
    // A second file keeps the settings.
    let d = data(e.handle(
        Request::Add(vec![file(
            "other.csv",
            "code,period,value\nX,Q3 2019/20,1\n",
        )]),
        &mut |_| {},
    ));
    assert_eq!(shown(&d, "CMP.06").as_deref(), Some("4.80"));
    assert_eq!(shown(&d, "X").as_deref(), Some("1"));
}

#[test]
fn a_long_list_spanning_two_centuries_is_worked_out_in_time() {
    let mut list = String::from("Case ref,Date received,Stage,Date closed,Outcome\n");
    for i in 0..20_000 {
        let year = 1950 + (i % 200);
        list.push_str(&format!(
            "R{i},0{}/0{}/{year},1,2{}/0{}/{year},Upheld\n",
            1 + i % 9,
            1 + i % 9,
            i % 9,
            1 + i % 9
        ));
    }
    let started = std::time::Instant::now();
    let ds = derived(&[file("long.csv", &list)], &HolidaySettings::default());
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert!(ds.notices.is_empty(), "{:?}", messages(&ds));
    // 100 rows a year; 1950/51 starts in April 1950 (months 4..9 of 1950 and 1..3 of 1951).
    let received: f64 = (1950..2150)
        .filter_map(|fy| value(&ds, "CMP.01", &format!("{fy}/{:02}", (fy + 1) % 100)))
        .sum();
    assert!(received > 19_000.0, "{received}");
}

#[test]
fn a_definitions_file_may_give_a_years_annual_target() {
    // CMP.10 95% for 2019/20: 1 of 2 within 20 days (50%) is Off Target; CMP.01 has an
    // annual target of 40, pro-rated for a count: 30 at Q3; 10 received, higher is better.
    let defs = file(
        "targets.csv",
        "Code,Annual Target 2019/20,Polarity\nCMP.10,95%,up\nCMP.01,40,up\n",
    );
    let ds = derived(
        &[defs, fixture("two-row-2019-20.csv")],
        &HolidaySettings::default(),
    );
    let r = report::build(&ds, Some(q("Q3 2019/20"))).unwrap();
    let rows: Vec<&Row> = r.groups.iter().flat_map(|g| &g.rows).collect();
    let row = |code: &str| *rows.iter().find(|r| r.code == code).unwrap();
    assert_eq!(row("CMP.10").status, Status::OffTarget);
    assert_eq!(row("CMP.01").target.map(|t| t.value), Some(30.0));
    assert_eq!(row("CMP.01").status, Status::OffTarget);
}
