//! Native side of the benchmark: parse + compute a file, several times, and print the
//! median and the peak resident memory as JSON. `cargo run --release --example bench_native -- FILE RUNS`
//!
//! In the same run, the same file is read by a plain `csv` reader (`ByteRecord`
//! iteration, no work per field): the baseline the core is measured against
//! (`csv_plain_ms`, and `core_over_plain`, the core's median over the baseline's).
use scorecard_core::{read_all, report, InputFile};
use std::time::Instant;

/// The core's path, as the engine runs it: read (and settle) the file, build the report.
/// Returns the report's rows.
#[inline(never)]
fn core(file: &InputFile) -> usize {
    let ds = read_all(std::slice::from_ref(file));
    report::build(&ds, None).map_or(0, |r| r.groups.iter().map(|g| g.rows.len()).sum())
}

/// A plain `csv` read of the same bytes: every record, nothing done with its fields.
/// Returns the records read.
#[inline(never)]
fn csv_plain(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        n += 1;
    }
    n
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn spread(times: &[f64]) -> (f64, f64) {
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    let max = times.iter().copied().fold(0.0, f64::max);
    (min, max)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    // The file is held once, as the engine holds the file it was sent.
    let file = InputFile {
        name: "bench.csv".into(),
        bytes: std::fs::read(&path).expect("readable file"),
    };
    let mut times = Vec::new();
    let mut plain_times = Vec::new();
    let mut rows = 0;
    let mut records = 0;
    for _ in 0..runs {
        let start = Instant::now();
        records = csv_plain(&file.bytes);
        plain_times.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        rows = core(&file);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let peak_kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let (min, max) = spread(&times);
    let (plain_min, plain_max) = spread(&plain_times);
    let (core_ms, plain_ms) = (median(times), median(plain_times));
    println!(
        "{{\"median_ms\": {core_ms:.1}, \"min_ms\": {min:.1}, \"max_ms\": {max:.1}, \
         \"csv_plain_ms\": {plain_ms:.1}, \"csv_plain_min_ms\": {plain_min:.1}, \
         \"csv_plain_max_ms\": {plain_max:.1}, \"core_over_plain\": {:.2}, \
         \"runs\": {runs}, \"rows\": {rows}, \"records\": {records}, \"peak_rss_mb\": {:.0}}}",
        core_ms / plain_ms.max(f64::MIN_POSITIVE),
        peak_kb as f64 / 1024.0
    );
}
