//! Scorecard: council performance reports computed in the browser.
//!
//! The calculator is the `scorecard-core` crate (no browser types); this crate is the
//! Yew shell over it.

#[cfg(target_arch = "wasm32")]
pub mod ui;
