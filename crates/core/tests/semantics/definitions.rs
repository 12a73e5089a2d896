//! The definitions file: what was read or inferred, written, corrected and read back.

use super::*;

/// The definitions CSV as rows of text, header first.
pub(crate) fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

pub(crate) fn write_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for r in rows {
            w.write_record(r).unwrap();
        }
    }
    out
}

#[test]
fn the_definitions_file_says_what_was_read_and_inferred_and_where_from() {
    let ds = read_all(&[illustrative()]);
    let rows = csv_rows(&definitions_csv(&ds));
    assert_eq!(rows[0], DEFINITION_HEADERS);
    assert_eq!(rows.len(), 1 + 8);
    let by_code = |code: &str| -> Vec<&str> {
        rows.iter()
            .find(|r| r[0] == code)
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect()
    };
    assert_eq!(
        by_code("02"),
        [
            "02",
            "Average number of working days lost due to sickness absence (cumulative)",
            "Keeping our roads and homes safe",
            "",
            "down",
            "inferred from Q3 2023/24",
            "yes",
            "title",
            "pro rata",
            "default: cumulative, not a percentage",
            "",
            "not given",
            "2",
            "values",
            "",
            "",
            "",
            "",
        ]
    );
    let three = by_code("03");
    assert_eq!(
        three[4..12],
        [
            "up",
            "inferred from Q3 2023/24",
            "yes",
            "title",
            "flat",
            "default: cumulative percentage",
            "%",
            "values"
        ]
    );
    let pothole = by_code("RD.1.1");
    assert_eq!(pothole[4..8], ["", "not given", "no", "not given"]);
    assert_eq!(pothole[8..10], ["flat", "default: not cumulative"]);
}

#[test]
fn corrected_definitions_dropped_with_the_data_change_the_statuses() {
    let ds = read_all(&[illustrative()]);
    let mut rows = csv_rows(&definitions_csv(&ds));
    let col = |name: &str| DEFINITION_HEADERS.iter().position(|h| *h == name).unwrap();
    let edit = |rows: &mut Vec<Vec<String>>, code: &str, column: &str, value: &str| {
        let r = rows.iter_mut().find(|r| r[0] == code).unwrap();
        r[col(column)] = value.to_string();
    };
    // The officer knows better: 01 is higher-is-better after all (it is not, but the
    // file must win), RD.1.1 is up with a Warning band of 5 points, and 03's target
    // is pro-rated.
    edit(&mut rows, "01", "Polarity", "up");
    edit(&mut rows, "RD.1.1", "Polarity", "Aim to Maximise");
    edit(&mut rows, "RD.1.1", "Tolerance", "5");
    edit(&mut rows, "03", "Target profile", "pro rata");
    let corrected = file("definitions.csv", write_csv(&rows));
    for files in [
        vec![illustrative(), corrected.clone()],
        vec![corrected.clone(), illustrative()],
    ] {
        let (ds, r) = report_of(&files);
        assert_eq!(
            ds.sources[0].recognised_as.contains("definitions"),
            files[0].name == "definitions.csv"
        );
        let one = row(&r, "01");
        assert_eq!(one.status, Status::OffTarget);
        assert_eq!(
            one.reason,
            "9.3 against a target of 10 (higher is better): Off Target"
        );
        assert!(matches!(
            one.checks[..],
            [DataCheck::StatusDiffers {
                stated: Status::OnTarget,
                computed: Status::OffTarget,
                ..
            }]
        ));
        let pothole = row(&r, "RD.1.1");
        assert_eq!(
            (pothole.status, pothole.status_stated),
            (Status::Warning, false)
        );
        assert_eq!(
            pothole.reason,
            "86% against a target of 90% (higher is better, Warning within 5%): Warning"
        );
        let three = row(&r, "03");
        assert_eq!(three.target.map(|t| t.value), Some(71.25));
        assert_eq!(three.status, Status::OnTarget);
        assert!(three.status_differs());
        // What was inferred and written back is now the file's, with the same result.
        assert_eq!(ds.indicators["02"].polarity_source, PolaritySource::File);
        assert_eq!(row(&r, "02").status, Status::OffTarget);
        // Titles and groups come back as they were.
        assert_eq!(
            row(&r, "RD.2.2").title,
            "Tonnes of salt used (cumulative) - for information."
        );
        assert_eq!(row(&r, "RD.2.2").group, "Winter service is reliable");
    }
}

#[test]
fn an_unchanged_definitions_file_changes_no_status() {
    let (ds, before) = report_of(&[illustrative()]);
    let defs = file("definitions.csv", definitions_csv(&ds));
    let (_, after) = report_of(&[illustrative(), defs]);
    let statuses = |r: &Report| -> Vec<(String, Status)> {
        r.groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|row| (row.code.clone(), row.status))
            .collect()
    };
    assert_eq!(statuses(&before), statuses(&after));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_engine_downloads_the_definitions_as_csv_and_as_a_workbook() {
    let mut engine = Engine::default();
    assert!(matches!(
        engine.handle(Request::Export(ExportFormat::DefinitionsCsv), &mut |_| {}),
        Response::Export(Err(_))
    ));
    engine.handle(Request::Add(vec![illustrative()]), &mut |_| {});
    let Response::Export(Ok(csv)) =
        engine.handle(Request::Export(ExportFormat::DefinitionsCsv), &mut |_| {})
    else {
        panic!()
    };
    assert_eq!(csv.name, "scorecard-definitions.csv");
    assert_eq!(csv_rows(&csv.bytes)[0], DEFINITION_HEADERS);
    let Response::Export(Ok(book)) =
        engine.handle(Request::Export(ExportFormat::DefinitionsXlsx), &mut |_| {})
    else {
        panic!()
    };
    assert_eq!(book.name, "scorecard-definitions.xlsx");
    assert_eq!(&book.bytes[..2], b"PK");
}

#[cfg(feature = "xlsx")]
#[test]
fn the_definitions_workbook_reads_back_with_calamine_and_as_definitions() {
    use calamine::{Data, Reader, Xlsx};
    let ds = read_all(&[illustrative()]);
    let bytes = scorecard_core::export::definitions_xlsx(&ds).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Definitions"]);
    let range = book.worksheet_range("Definitions").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, DEFINITION_HEADERS);
    let two = range
        .rows()
        .find(|r| r[0] == Data::String("02".into()))
        .unwrap();
    assert_eq!(two[4], Data::String("down".into()));
    assert_eq!(two[12], Data::Float(2.0));
    // Read back by Scorecard: a definitions table, and the same settings as the CSV gives.
    let from_book = read_all(&[illustrative(), file("definitions.xlsx", bytes)]);
    quiet(&from_book);
    assert_eq!(from_book.sources[1].recognised_as, "indicator definitions");
    let from_csv = read_all(&[
        illustrative(),
        file("definitions.csv", definitions_csv(&ds)),
    ]);
    for code in &ds.order {
        let (a, b) = (&from_book.indicators[code], &from_csv.indicators[code]);
        assert_eq!(a, b, "{code}");
    }
}

#[test]
fn the_report_download_shows_a_stated_status_as_stated() {
    let mut engine = Engine::default();
    engine.handle(Request::Add(vec![illustrative()]), &mut |_| {});
    let Response::Export(Ok(csv)) = engine.handle(Request::Export(ExportFormat::Csv), &mut |_| {})
    else {
        panic!()
    };
    let rows = csv_rows(&csv.bytes);
    let status = rows[0].iter().position(|h| h == "Status").unwrap();
    let pothole = rows
        .iter()
        .find(|r| r.contains(&"RD.1.1".to_string()))
        .unwrap();
    assert_eq!(pothole[status], "Warning (as stated)");
    let two = rows.iter().find(|r| r.contains(&"02".to_string())).unwrap();
    assert_eq!(two[status], "Off Target");
}
