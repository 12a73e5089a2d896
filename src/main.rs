fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<scorecard::ui::App>::new().render();
}

/// Parse and compute alone, for the benchmark (`scripts/bench.sh`): reads the bytes as a
/// dropped file would be read and builds the report; returns the number of PI rows.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_parse_and_compute(bytes: &[u8]) -> usize {
    use scorecard::core::{read_all, report, InputFile};
    let ds = read_all(&[InputFile {
        name: "bench.csv".into(),
        bytes: bytes.to_vec(),
    }]);
    report::build(&ds, None).map_or(0, |r| r.groups.iter().map(|g| g.rows.len()).sum())
}

/// The Wasm linear memory in bytes (it only grows): the benchmark's peak-memory figure.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_wasm_memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
