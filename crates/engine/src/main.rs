//! The engine's Web Worker (Trunk builds it from `index.html`'s `data-type="worker"` link):
//! reads the user's files and computes the report off the page's thread. The page loads
//! it, and with it the workbook reader and writer, only once a file arrives.

#[cfg(target_arch = "wasm32")]
mod warm_up;
#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::run();
}
