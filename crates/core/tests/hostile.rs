//! Broken and hostile files (tests/fixtures/hostile/, made by make_fixtures.py): each
//! gets the clear message listed in expected.tsv, naming file, row and column; nothing
//! panics; the good rows of each file still count.

use std::collections::BTreeMap;
use std::path::PathBuf;

use scorecard_core::dataset::Dataset;
use scorecard_core::load::load_file;
use scorecard_core::period::Period;
use scorecard_core::report::build;
use scorecard_core::status::Status;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile")
}

fn load(name: &str) -> Dataset {
    let bytes = std::fs::read(dir().join(name)).unwrap();
    let mut ds = Dataset::default();
    load_file(&mut ds, name, &bytes);
    ds
}

fn expected() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(dir().join("expected.tsv")).unwrap();
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (file, message) = line.split_once('\t').unwrap();
        map.entry(file.to_string())
            .or_default()
            .push(message.to_string());
    }
    map
}

#[test]
fn every_hostile_file_gets_its_message_and_clean_ones_none() {
    let expected = expected();
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap())
        // classes/ and classes.tsv are hostile_classes.rs's.
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "only {} fixtures", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let ds = load(file);
        let got: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
        match expected.get(file) {
            Some(wanted) => {
                for w in wanted {
                    if !got.iter().any(|g| g.starts_with(w.as_str())) {
                        failures.push(format!("{file}: wanted {w:?}\n   got {got:#?}"));
                    }
                }
            }
            None if !got.is_empty() => {
                failures.push(format!("{file}: wanted no notice, got {got:#?}"))
            }
            None => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Codes that have a value in some period, sorted.
fn with_values(ds: &Dataset) -> Vec<String> {
    let mut codes: Vec<String> = ds
        .observations
        .iter()
        .filter(|(_, o)| o.values().any(|o| o.value.is_some()))
        .map(|(c, _)| c.clone())
        .collect();
    codes.sort();
    codes
}

#[test]
fn good_rows_still_count_beside_bad_ones() {
    for (file, codes) in [
        ("bad-number.csv", vec!["A", "B"]),
        ("bad-period.csv", vec!["A"]),
        ("bad-polarity.csv", vec!["A", "B"]),
        ("too-many-fields.csv", vec!["B"]),
        ("too-few-fields.csv", vec!["B"]),
        ("bad-tolerance.csv", vec!["A", "B"]),
        ("huge-number.csv", vec!["B"]),
        ("no-code.csv", vec!["B"]),
        ("unclosed-quote.csv", vec!["B"]),
        ("long-cell.csv", vec!["A", "B"]),
        ("many-bad-rows.csv", vec!["OK"]),
    ] {
        assert_eq!(with_values(&load(file)), codes, "{file}");
    }
    assert_eq!(load("bad-actions.csv").actions.len(), 2);
    assert_eq!(load("bad-population.csv").population.len(), 1);
}

#[test]
fn encodings_and_separators_read_the_same_figures() {
    let ds = load("windows-1252.csv");
    let f1 = &ds.indicators["F1"];
    assert_eq!(f1.title, "Spend – children\u{a0}s services");
    let v = ds.observations["F1"][&Period::parse("Q1 2018/19").unwrap()]
        .value
        .clone()
        .unwrap();
    assert_eq!(v.number, 15_800_000.0);
    for file in ["utf8-bom.csv", "utf16.csv", "title-rows.csv"] {
        let ds = load(file);
        assert_eq!(with_values(&ds), ["A"], "{file}");
    }
    let ds = load("semicolon.csv");
    let r = build(&ds, None).unwrap();
    // A semicolon-separated file writes numbers the continental way: 5,5 is 5.5.
    assert_eq!(r.groups[0].rows[0].value_shown.value(), Some("5.5"));
}

#[test]
fn a_quoted_line_break_stays_inside_its_cell() {
    let ds = load("quoted-newline.csv");
    assert_eq!(ds.indicators["A"].title, "Alpha, with a\nline break");
}

#[test]
fn workbook_sheets_are_each_recognised_by_their_columns() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/xlsx/council-q2.xlsx");
    let mut ds = Dataset::default();
    load_file(&mut ds, "council-q2.xlsx", &std::fs::read(path).unwrap());
    // The cover sheet is named, as every sheet passed over is; nothing else is said.
    let notices: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        ["council-q2.xlsx › Cover: the sheet has no table (no row has two cells or more), so there was nothing to read; it reads 'Children's Services performance, Q2 2018/19'"]
    );
    assert!(ds.unplaced.is_empty());
    let kinds: Vec<(String, String, usize)> = ds
        .sources
        .iter()
        .map(|s| (s.to_string(), s.recognised_as.clone(), s.rows))
        .collect();
    assert!(ds.sources.iter().all(|s| s.name == "council-q2.xlsx"));
    assert_eq!(ds.sources[0].sheet.as_deref(), Some("Values"));
    assert_eq!(
        kinds,
        [
            (
                "council-q2.xlsx › Values".into(),
                "indicator values (long layout)".into(),
                5
            ),
            (
                "council-q2.xlsx › Indicators".into(),
                "indicator definitions".into(),
                3
            ),
            (
                "council-q2.xlsx › Population".into(),
                "population table".into(),
                1
            ),
            ("council-q2.xlsx › Actions".into(), "actions".into(), 1),
        ]
    );
    let r = build(&ds, Some(Period::parse("Q2 2018/19").unwrap())).unwrap();
    let row = |code: &str| {
        r.groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|x| x.code == code)
            .unwrap()
            .clone()
    };
    let cmp10 = row("CMP.10");
    assert_eq!(cmp10.value_shown.value(), Some("75.0%"), "6 ÷ 8 × 100");
    assert_eq!(cmp10.status, Status::OffTarget);
    assert_eq!(
        cmp10.history.last().unwrap().shown.value(),
        Some("87.5%"),
        "0.875 formatted as 0.0%"
    );
    assert_eq!(row("CMP.07").status, Status::OnTarget);
    assert_eq!(r.actions[0].status.label(), "On Target");
    let r = build(&ds, Some(Period::parse("Q4 2023/24").unwrap())).unwrap();
    let cp = r
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|x| x.code == "CP.01")
        .unwrap();
    assert_eq!(cp.value_shown.value(), Some("2.2"));
}
