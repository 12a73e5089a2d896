//! The calculator: periods, figures, indicators, status, trends, actions, reading
//! CSV/XLSX bytes into a dataset and computing the report. It imports no browser
//! crate and is tested natively with `cargo test`.

pub mod action;
pub mod areas;
pub mod complaints;
pub mod dataset;
pub mod engine;
pub mod export;
pub mod indicator;
pub mod load;
pub mod narrative;
pub mod period;
pub mod problem;
pub mod protocol;
pub mod read;
pub mod report;
pub mod risk;
pub mod settle;
pub mod share;
pub mod status;
pub mod suppress;
pub mod target_profile;
pub mod text;
pub mod trend;
pub mod value;
pub mod view;

use dataset::Dataset;

/// A file as the user gave it: its name and bytes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads every file, in order, into one dataset; later files' values replace earlier ones.
/// Then settles what the files together say about each PI ([`settle::settle`]).
///
/// ```
/// use scorecard_core::{read_all, InputFile, report};
/// let file = InputFile { name: "pis.csv".into(), bytes: b"code,period,value,target,polarity\nA,Q1 2018/19,96%,95%,up\n".to_vec() };
/// let ds = read_all(&[file]);
/// let r = report::build(&ds, None).unwrap();
/// assert_eq!(r.groups[0].rows[0].status.label(), "On Target");
/// ```
pub fn read_all(files: &[InputFile]) -> Dataset {
    let mut ds = Dataset::default();
    for f in files {
        load::load_file(&mut ds, &f.name, &f.bytes);
    }
    settle::settle(&mut ds);
    ds
}
