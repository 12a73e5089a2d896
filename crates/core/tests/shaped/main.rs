//! Report-shaped tables (SPEC "Report-shaped tables"): the samples as published and
//! fixtures in the same shapes, each read as pasted text, as a dropped TSV file and as
//! a workbook with numbers stored as numbers, formats and merged header cells.

use scorecard_core::dataset::{Dataset, Observation};
use scorecard_core::load::{load_file, load_pasted};
use scorecard_core::period::Period;
use scorecard_core::status::Status;

mod complaints;
mod illustrative;
mod published;
mod stacked;

// Each part's helpers are shared with the others.
#[allow(unused_imports)]
use {complaints::*, illustrative::*, published::*, stacked::*};

pub(crate) fn path(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/shaped/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

pub(crate) fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The file dropped as it is.
pub(crate) fn dropped(name: &str) -> Dataset {
    let mut ds = Dataset::default();
    load_file(&mut ds, name, &bytes(name));
    ds
}

/// The file's text pasted.
pub(crate) fn pasted(name: &str) -> Dataset {
    let mut ds = Dataset::default();
    let text = String::from_utf8(bytes(name)).expect("text");
    load_pasted(&mut ds, "pasted text", &text);
    ds
}

pub(crate) fn notices(ds: &Dataset) -> Vec<String> {
    ds.notices.iter().map(|n| n.to_string()).collect()
}

pub(crate) fn p(label: &str) -> Period {
    Period::parse(label).unwrap_or_else(|| panic!("{label}"))
}

pub(crate) fn obs<'a>(ds: &'a Dataset, code: &str, period: &str) -> &'a Observation {
    ds.observations
        .get(code)
        .and_then(|o| o.get(&p(period)))
        .unwrap_or_else(|| panic!("no {code} {period}"))
}

/// Each period's value of a PI as shown in the file (`-` for none).
pub(crate) fn values(ds: &Dataset, code: &str, periods: &[&str]) -> Vec<String> {
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

pub(crate) const COMPLAINTS: [(&str, [&str; 4], &str, &str); 12] = [
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
