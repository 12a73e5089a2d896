//! Scorecard: council performance reports computed in the browser.
//!
//! `core` is the pure calculator (no browser types); `ui` is the Yew shell over it.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
