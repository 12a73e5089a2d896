//! The engine's Web Worker: reads the user's files and computes the report off the
//! page's thread. Trunk builds it twice from `index.html`'s `data-type="worker"` links:
//! `engine_csv` (the core without workbooks, the one the page starts) and `engine_full`
//! (the `full` feature: the workbook reader and writer), which the page starts only when
//! a workbook arrives or one is to be downloaded. The two run the same code here.

#[cfg(target_arch = "wasm32")]
mod warm_up;
#[cfg(target_arch = "wasm32")]
mod worker;

/// Starts the worker: it listens for the page's requests.
pub fn run() {
    #[cfg(target_arch = "wasm32")]
    worker::run();
}
