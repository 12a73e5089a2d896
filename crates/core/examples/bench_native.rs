//! Native side of the benchmark: parse + compute a file, several times, and print the
//! median and the peak resident memory as JSON. `cargo run --release --example bench_native -- FILE RUNS`
use scorecard_core::{read_all, report, InputFile};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes = std::fs::read(&path).expect("readable file");
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let ds = read_all(&[InputFile {
            name: "bench.csv".into(),
            bytes: bytes.clone(),
        }]);
        rows = report::build(&ds, None).map_or(0, |r| r.groups.iter().map(|g| g.rows.len()).sum());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        drop(ds);
    }
    times.sort_by(f64::total_cmp);
    let peak_kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    println!(
        "{{\"median_ms\": {:.1}, \"runs\": {runs}, \"rows\": {rows}, \"peak_rss_mb\": {:.0}}}",
        times[times.len() / 2],
        peak_kb as f64 / 1024.0
    );
}
