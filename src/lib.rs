//! Scorecard: council performance reports computed in the browser.
//!
//! The calculator is the `scorecard-core` crate (no browser types) and the page's state
//! the `scorecard-state` crate (plain Rust); this crate is the Yew shell over them and the
//! page's line to the engine.

#[cfg(target_arch = "wasm32")]
pub mod transport;
#[cfg(target_arch = "wasm32")]
pub mod ui;
