//! Rows under a header that names every column, so the fuzzer spends its time in the
//! cell parsers (periods, figures, polarity, tolerance, dates) and the calculations.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard_core::{read_all, report, InputFile};

const HEADERS: [&str; 4] = [
    "code,title,group,period,value,numerator,denominator,per,target,annual target,polarity,tolerance,cumulative,unit,decimals,benchmark,rank,rank of,note,population group\n",
    "Group,Code,Indicator,2017/18 Value,Q2 2017/18 Value,Q1 2018/19 Value,Q2 2018/19 Value,Annual Target 2018/19,Polarity,Cumulative,Note\n",
    "code,action,start date,due date,progress,comment\n",
    "area,population group,year,population\n",
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let mut bytes = HEADERS[which as usize % HEADERS.len()].as_bytes().to_vec();
    bytes.extend_from_slice(rest);
    let mut files = vec![InputFile { name: "rows.csv".into(), bytes }];
    if which & 0x80 != 0 {
        files.push(InputFile {
            name: "population.csv".into(),
            bytes: b"area,population group,year,population\nX,0-15,2020,19090\n".to_vec(),
        });
    }
    let ds = read_all(&files);
    for period in report::periods_with_values(&ds).into_iter().take(8) {
        let _ = report::build(&ds, Some(period));
    }
});
