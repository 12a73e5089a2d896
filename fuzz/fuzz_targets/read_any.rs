//! Any bytes as a dropped file: sniffing, decoding, CSV and XLSX reading, loading,
//! and the report for every period found. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard_core::{read_all, report, InputFile};

fuzz_target!(|data: &[u8]| {
    let ds = read_all(&[InputFile { name: "fuzz".into(), bytes: data.to_vec() }]);
    for period in report::periods_with_values(&ds).into_iter().take(8) {
        let _ = report::build(&ds, Some(period));
    }
    let _ = report::build(&ds, None);
});
