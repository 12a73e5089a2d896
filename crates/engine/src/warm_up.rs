//! A small made-up file read once when the worker starts, before it says it is ready:
//! V8 first runs Wasm in its baseline compiler and compiles a function's optimised code
//! only once it has run a while, so the user's first file would otherwise pay for that.
//! The file is shaped like a real one (a long layout of PIs by quarter, with targets,
//! polarities and a tolerance), so the same functions warm up; what it computes is
//! thrown away. `?warm=0` in the worker's address skips it (the benchmark's cold runs).

use scorecard_core::engine::{Engine, Request};
use scorecard_core::protocol::{encode_reply, FromEngine};
use scorecard_core::InputFile;

/// PIs in the made-up file, 40 quarters each.
const PIS: usize = 60;

/// The made-up file's bytes.
fn made_up_csv() -> Vec<u8> {
    use std::fmt::Write;
    let polarities = ["up", "down", "band", "none"];
    let mut s = String::from("code,title,group,period,value,target,polarity,tolerance\n");
    for i in 0..PIS {
        for k in 0..40 {
            let fy = 2014 + k / 4;
            let value = 100.0 + ((i * 7 + k * 13) % 50) as f64 / 4.0;
            let _ = writeln!(
                s,
                "W{i:04},Warm-up indicator {i},Group {},Q{} {fy}/{:02},{value},110,{},5%",
                i % 5,
                k % 4 + 1,
                (fy + 1) % 100,
                polarities[i % 4]
            );
        }
    }
    s.into_bytes()
}

/// Reads the made-up file in an engine of its own and encodes the answer, as a request
/// would; whether it was skipped.
pub fn run() -> bool {
    let search = js_sys::Reflect::get(&js_sys::global(), &"location".into())
        .and_then(|l| js_sys::Reflect::get(&l, &"search".into()))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    if search.contains("warm=0") {
        return false;
    }
    let file = InputFile {
        name: "warm-up.csv".into(),
        bytes: made_up_csv(),
    };
    let response = Engine::default().handle(Request::Add(vec![file]), &mut |_| {});
    let _ = encode_reply(&FromEngine::Reply { id: 0, response });
    true
}
