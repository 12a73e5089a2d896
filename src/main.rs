//! The page: Scorecard's app, with its engine in a Web Worker.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use scorecard::transport::Connector;
        use scorecard::ui::{App, AppProps};
        yew::Renderer::<App>::with_props(AppProps {
            engine: Connector::worker(),
        })
        .render();
        // Keeps the site's files for use offline, once the first screen is up.
        scorecard::ui::offline::register_when_idle();
    }
}

/// Parse and compute alone, for the benchmark (`scripts/bench.sh`): runs `runs` times in
/// a fresh engine worker, timed there; resolves to `{ times_ms, rows, memory_bytes }`.
/// `warm_up`: whether the worker first reads its made-up file, as it does for users.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_parse_and_compute(bytes: &[u8], runs: u32, warm_up: bool) -> js_sys::Promise {
    scorecard::transport::worker::bench(bytes, runs, warm_up)
}

/// The page's own Wasm linear memory in bytes (it only grows, so it is the peak).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_wasm_memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}
