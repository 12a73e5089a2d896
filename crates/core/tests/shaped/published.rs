//! Issue 13's tests of done: the published results through the reader and the meaning together.

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
