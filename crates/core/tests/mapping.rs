//! The column mapping step through the core: a table whose headers Scorecard cannot
//! place is named and described; read with a mapping, it gives exactly the dataset and
//! report the same table with recognised headers gives; a mapping fits only tables with
//! the same headers; a workbook's odd sheet is named and offered beside its good ones.

use scorecard_core::dataset::{Dataset, Level};
use scorecard_core::engine::{Engine, EngineView, Request, Response};
use scorecard_core::load::load_file;
use scorecard_core::load::mapping::{ColumnMapping, Role, TablePlace};
use scorecard_core::period::Period;
use scorecard_core::problem::ProblemKind;
use scorecard_core::report::build;
use scorecard_core::InputFile;

const ROWS: &str = "\
CMP.01,Complaints received,Q1 2018/19,120,100,down
CMP.01,Complaints received,Q2 2018/19,95,100,down
CMP.07,Average working days to respond at stage 2,Q1 2018/19,15.67,20,down
CMP.07,Average working days to respond at stage 2,Q2 2018/19,15.13,20,down
CMP.10,Stage 2 complete within 20 working days,Q2 2018/19,75%,95%,up
";

const CANONICAL: &str = "code,title,period,value,target,polarity\n";
/// The same columns as councils have named them in other systems: none is recognised.
const ODD: &str = "Ref no,Measure,Qtr,Figure,Goal,Better when\n";

fn roles() -> Vec<Role> {
    vec![
        Role::Code,
        Role::Title,
        Role::Period,
        Role::Value,
        Role::Target,
        Role::Polarity,
    ]
}

fn load(text: &str, mappings: Vec<ColumnMapping>) -> Dataset {
    let mut ds = Dataset {
        mappings,
        ..Dataset::default()
    };
    load_file(&mut ds, "pis.csv", text.as_bytes());
    ds
}

fn messages(ds: &Dataset) -> Vec<String> {
    ds.notices.iter().map(|n| n.to_string()).collect()
}

/// The dataset without the settings and notices that differ by design.
fn read_part(mut ds: Dataset) -> Dataset {
    ds.mappings.clear();
    ds.notices.clear();
    ds
}

#[test]
fn a_table_with_odd_headers_is_named_described_and_not_read() {
    let ds = load(&format!("{ODD}{ROWS}"), Vec::new());
    assert!(ds.observations.is_empty());
    assert_eq!(
        messages(&ds),
        ["pis.csv: no header row found: expected columns such as Code, Indicator, Period and Value (or a period like 'Q2 2018/19 Value'); the first row reads 'Ref no, Measure, Qtr, Figure, Goal, Better when'. The table was not read: choose what each column holds in the column mapping below to read it"]
    );
    assert_eq!(ds.notices[0].level, Level::Problem);
    let [u] = ds.unplaced.as_slice() else {
        panic!("{:?}", ds.unplaced)
    };
    assert_eq!(
        u.place,
        TablePlace {
            file: "pis.csv".into(),
            sheet: None,
            first_row: 1
        }
    );
    assert_eq!((u.header, u.columns, u.rows.len()), (0, 6, 6));
    assert_eq!(
        u.rows[0].signature,
        "refno|measure|qtr|figure|goal|betterwhen"
    );
    assert_eq!(u.rows[0].suggested, vec![Role::Ignore; 6]);
    assert_eq!(
        (u.rows[3].line, u.rows[3].cells[1].as_str()),
        (4, "Average working days to respond at stage 2")
    );
    assert_eq!(u.label(), "pis.csv");
}

#[test]
fn odd_headers_read_with_a_mapping_give_what_recognised_headers_give() {
    let canonical = load(&format!("{CANONICAL}{ROWS}"), Vec::new());
    assert!(canonical.notices.is_empty(), "{:?}", canonical.notices);
    let signature = load(&format!("{ODD}{ROWS}"), Vec::new()).unplaced[0].rows[0]
        .signature
        .clone();
    let mapped = load(
        &format!("{ODD}{ROWS}"),
        vec![ColumnMapping {
            signature,
            headers: Vec::new(),
            roles: roles(),
        }],
    );
    assert_eq!(
        messages(&mapped),
        ["pis.csv: read as indicator values (long layout) with the column mapping you chose for these headers (forget it under Column mappings to be asked again)"]
    );
    assert_eq!(mapped.notices[0].level, Level::Info);
    let q2 = Some(Period::Quarter { fy: 2018, q: 2 });
    let (a, b) = (build(&canonical, q2), build(&mapped, q2));
    assert_eq!(a, b);
    let report = a.unwrap();
    let cmp07 = report.groups[0].rows.iter().find(|r| r.code == "CMP.07");
    assert_eq!(cmp07.unwrap().status.label(), "On Target");
    assert_eq!(read_part(canonical), read_part(mapped));
}

#[test]
fn a_cell_problem_in_a_mapped_table_names_the_column_as_the_user_wrote_it() {
    let text = format!("{ODD}CMP.01,Complaints received,Q1 2018/19,lots,100,down\n");
    let signature = load(&text, Vec::new()).unplaced[0].rows[0]
        .signature
        .clone();
    let ds = load(
        &text,
        vec![ColumnMapping {
            signature,
            headers: Vec::new(),
            roles: roles(),
        }],
    );
    assert_eq!(
        messages(&ds)[1],
        "pis.csv, row 2, column 'Figure': expected a number such as 1,309, 98% or £15.8m, found 'lots'"
    );
}

#[test]
fn a_wide_table_mapped_period_by_period_reads_as_the_wide_layout_does() {
    let canonical = "code,title,polarity,annual target 2018/19,Q1 2018/19,Q2 2018/19\n\
                     A,Alpha,up,100,20,55\nB,Beta,down,10,3,4\n";
    let odd = "Kenn,Bezeichnung,Richtung,Jahresziel,Erstes,Zweites\n\
               A,Alpha,up,100,20,55\nB,Beta,down,10,3,4\n";
    let signature = load(odd, Vec::new()).unplaced[0].rows[0].signature.clone();
    let roles = vec![
        Role::choose("code", "").unwrap(),
        Role::choose("title", "").unwrap(),
        Role::choose("polarity", "").unwrap(),
        Role::choose("annual-target-of", "2018/19").unwrap(),
        Role::choose("value-of", "Q1 2018/19").unwrap(),
        Role::choose("value-of", "Q2 18/19").unwrap(),
    ];
    let mapping = ColumnMapping {
        signature,
        headers: Vec::new(),
        roles,
    };
    assert_eq!(mapping.check(), Ok("indicator values (wide layout)"));
    let (a, b) = (load(canonical, Vec::new()), load(odd, vec![mapping]));
    assert_eq!(build(&a, None), build(&b, None));
    assert_eq!(b.annual_targets["A"][&2018], 100.0);
    assert_eq!(read_part(a), read_part(b));
}

#[test]
fn a_mapping_is_found_below_title_rows_and_fits_only_the_same_headers() {
    let signature = "refno|measure|qtr|figure|goal|betterwhen".to_string();
    let mapping = ColumnMapping {
        signature,
        headers: Vec::new(),
        roles: roles(),
    };
    // Next quarter's file: a title row above, the headers typed in another case.
    let titled =
        format!("Quarterly return,,,,,\n,,,,,\nREF NO,measure,QTR,figure,goal,Better When\n{ROWS}");
    let ds = load(&titled, vec![mapping.clone()]);
    assert_eq!(ds.observations["CMP.07"].len(), 2);
    assert!(ds.unplaced.is_empty());
    // Another table's headers: the mapping is not used and the table is offered again.
    let other = format!("Ref no,Measure,Quarter code,Figure,Goal,Better when\n{ROWS}");
    let ds = load(&other, vec![mapping]);
    assert!(ds.observations.is_empty());
    assert_eq!(ds.unplaced.len(), 1);
    assert!(matches!(ds.notices[0].kind, ProblemKind::NotPlaced { .. }));
}

#[test]
fn a_table_with_a_key_but_no_recognised_key_column_is_offered_with_what_was_recognised() {
    let ds = load("Kennung,period,value\nA,Q1 2018/19,4\n", Vec::new());
    let u = &ds.unplaced[0];
    assert_eq!(
        u.rows[0].suggested,
        vec![Role::Ignore, Role::Period, Role::Value]
    );
    assert!(messages(&ds)[0].starts_with(
        "pis.csv: no column names the indicator: expected a 'Code' or 'Indicator' column; found Kennung, period, value. The table was not read"
    ));
}

#[test]
fn the_engine_reads_again_with_the_mappings_it_was_given() {
    let file = InputFile {
        name: "odd.csv".into(),
        bytes: format!("{ODD}{ROWS}").into_bytes(),
    };
    let mut engine = Engine::default();
    let Response::Data(first) = engine.handle(Request::Add(vec![file.clone()]), &mut |_| {}) else {
        panic!()
    };
    assert!(first.report.is_none());
    assert_eq!(first.unplaced.len(), 1);
    let mapping = ColumnMapping::for_row(&first.unplaced[0].rows[0], roles());
    assert_eq!(mapping.headers[2], "Qtr");
    assert_eq!(
        engine.handle(Request::Mappings(vec![mapping]), &mut |_| {}),
        Response::MappingsSet
    );
    let replace = Request::Replace {
        files: vec![file.clone()],
        view: EngineView::default(),
    };
    let Response::Data(second) = engine.handle(replace, &mut |_| {}) else {
        panic!()
    };
    assert!(second.unplaced.is_empty());
    assert_eq!(second.report.unwrap().groups[0].rows.len(), 3);
    // A file added later with the same headers is read with the mapping too.
    let Response::Data(third) = engine.handle(Request::Add(vec![file]), &mut |_| {}) else {
        panic!()
    };
    assert!(third.unplaced.is_empty());
}

#[cfg(feature = "xlsx")]
#[test]
fn a_workbooks_odd_sheet_is_named_and_offered_beside_its_good_one() {
    let bytes = odd_sheet_workbook();
    let mut ds = Dataset::default();
    load_file(&mut ds, "council.xlsx", &bytes);
    assert_eq!(ds.sources.len(), 1, "the good sheet is read");
    assert_eq!(ds.sources[0].sheet.as_deref(), Some("Values"));
    assert_eq!(
        messages(&ds),
        [
            "council.xlsx › Empty: the sheet is empty; there was nothing to read",
            "council.xlsx › Odd one: no header row found: expected columns such as Code, Indicator, Period and Value (or a period like 'Q2 2018/19 Value'); the first row reads 'Performance return from the old system'. The table was not read: choose what each column holds in the column mapping below to read it"
        ]
    );
    let [u] = ds.unplaced.as_slice() else {
        panic!("{:?}", ds.unplaced)
    };
    assert_eq!(u.label(), "council.xlsx › Odd one");
    // The title row is shown; the header is taken to be the row under it.
    assert_eq!(u.header, 1);
    assert_eq!(u.rows[1].line, 3);
    assert_eq!(u.rows[1].cells, ["Ref no", "Measure", "Qtr", "Figure"]);
    assert_eq!(u.rows[2].cells, ["X1", "Referrals", "Q1 2018/19", "1309"]);
    // Mapped, the odd sheet is read beside the good one.
    let mut ds = Dataset {
        mappings: vec![ColumnMapping::for_row(
            &u.rows[1],
            vec![Role::Code, Role::Title, Role::Period, Role::Value],
        )],
        ..Dataset::default()
    };
    load_file(&mut ds, "council.xlsx", &bytes);
    assert_eq!(ds.sources.len(), 2);
    assert_eq!(
        ds.observations["X1"][&Period::Quarter { fy: 2018, q: 1 }]
            .value
            .as_ref()
            .map(|v| v.number),
        Some(1309.0)
    );
}

/// A workbook of three sheets: values with recognised headers, an empty sheet, and a
/// sheet with a title row over headers no council alias names.
#[cfg(feature = "xlsx")]
fn odd_sheet_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let values = book.add_worksheet().set_name("Values").unwrap();
    for (c, h) in ["Code", "Indicator", "Period", "Value"].iter().enumerate() {
        values.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["A", "Alpha", "Q1 2018/19"].iter().enumerate() {
        values.write_string(1, c as u16, *v).unwrap();
    }
    values.write_number(1, 3, 5.0).unwrap();
    book.add_worksheet().set_name("Empty").unwrap();
    let odd = book.add_worksheet().set_name("Odd one").unwrap();
    odd.write_string(0, 0, "Performance return from the old system")
        .unwrap();
    for (c, h) in ["Ref no", "Measure", "Qtr", "Figure"].iter().enumerate() {
        odd.write_string(2, c as u16, *h).unwrap();
    }
    for (c, v) in ["X1", "Referrals", "Q1 2018/19"].iter().enumerate() {
        odd.write_string(3, c as u16, *v).unwrap();
    }
    odd.write_number(3, 3, 1309.0).unwrap();
    book.save_to_buffer().unwrap()
}

/// A case list whose headers Scorecard does not know falls back on the mapping step, and
/// read with it gives the same SPSO indicators as the same list under known headers.
#[test]
fn a_case_list_with_unknown_headers_is_mapped_and_gives_the_same_indicators() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/complaints/two-row-2019-20.csv"
    );
    let known = std::fs::read_to_string(path).unwrap();
    let (_, body) = known.split_once('\n').unwrap();
    // The same rows under headers of another CRM system, none recognised.
    let odd = format!("Ticket,Logged on,Level,Finished on,Result,Extra time,Team\n{body}");
    let data = |text: &str| -> Box<scorecard_core::protocol::Data> {
        let mut engine = Engine::default();
        let file = InputFile {
            name: "cases.csv".into(),
            bytes: text.as_bytes().to_vec(),
        };
        match engine.handle(Request::Add(vec![file.clone()]), &mut |_| {}) {
            Response::Data(d) if d.unplaced.is_empty() => d,
            Response::Data(d) => {
                let mapping = ColumnMapping::for_row(
                    &d.unplaced[0].rows[0],
                    vec![
                        Role::CaseReference,
                        Role::CaseReceived,
                        Role::CaseStage,
                        Role::CaseClosed,
                        Role::CaseOutcome,
                        Role::CaseExtension,
                        Role::CaseService,
                    ],
                );
                assert_eq!(mapping.check(), Ok("complaints case list"));
                engine.handle(Request::Mappings(vec![mapping]), &mut |_| {});
                let replace = Request::Replace {
                    files: vec![file],
                    view: EngineView::default(),
                };
                match engine.handle(replace, &mut |_| {}) {
                    Response::Data(d) => d,
                    other => panic!("{other:?}"),
                }
            }
            other => panic!("{other:?}"),
        }
    };
    let values = |d: &scorecard_core::protocol::Data| -> Vec<(String, String)> {
        d.report
            .as_ref()
            .expect("a report")
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|r| (r.code.clone(), r.value_shown.to_string()))
            .collect()
    };
    let from_known = data(&known);
    let from_odd = data(&odd);
    assert!(from_odd.unplaced.is_empty());
    assert!(!values(&from_known).is_empty());
    assert_eq!(values(&from_odd), values(&from_known));
}
