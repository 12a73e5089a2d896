//! What the figures mean where the file does not say: statuses stated in notes, polarity
//! inferred from them, cumulative from a title, the target profile, and the definitions
//! file that carries all of it to next quarter.

use scorecard_core::dataset::Dataset;
use scorecard_core::engine::{Engine, ExportFormat, Request, Response};
use scorecard_core::export::{definitions_csv, DEFINITION_HEADERS};
use scorecard_core::indicator::{CumulativeSource, Polarity, PolaritySource};
use scorecard_core::period::Period;
use scorecard_core::report::{build, DataCheck, Report, Row};
use scorecard_core::status::Status;
use scorecard_core::{read_all, InputFile};

mod definitions;
mod profile;
mod stated;

// Each part's helpers are shared with the others.
#[allow(unused_imports)]
use {definitions::*, profile::*, stated::*};

pub(crate) fn fixture_bytes(path: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub(crate) fn file(name: &str, bytes: Vec<u8>) -> InputFile {
    InputFile {
        name: name.into(),
        bytes,
    }
}

pub(crate) fn text(name: &str, text: &str) -> InputFile {
    file(name, text.as_bytes().to_vec())
}

/// The complaints sample with some columns taken out, as a table that does not state them.
pub(crate) fn complaints_without(columns: &[&str]) -> InputFile {
    let bytes = fixture_bytes("samples/complaints-q2-2018-19.csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let keep: Vec<usize> = (0..headers.len())
        .filter(|i| !columns.contains(&&headers[*i]))
        .collect();
    assert_eq!(keep.len(), headers.len() - columns.len(), "{headers:?}");
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(keep.iter().map(|i| &headers[*i])).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            w.write_record(keep.iter().map(|i| &record[*i])).unwrap();
        }
    }
    file("complaints-no-polarity.csv", out)
}

pub(crate) fn illustrative() -> InputFile {
    file(
        "illustrative-tidy.csv",
        fixture_bytes("semantics/illustrative-tidy.csv"),
    )
}

pub(crate) fn quiet(ds: &Dataset) {
    assert!(
        ds.notices.is_empty(),
        "unexpected notices: {:#?}",
        ds.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>()
    );
}

pub(crate) fn report_of(files: &[InputFile]) -> (Dataset, Report) {
    let ds = read_all(files);
    quiet(&ds);
    let r = build(&ds, None).expect("a report");
    (ds, r)
}

pub(crate) fn row<'a>(r: &'a Report, code: &str) -> &'a Row {
    r.groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|row| row.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

pub(crate) fn q(label: &str) -> Period {
    Period::parse(label).unwrap()
}
