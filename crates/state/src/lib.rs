//! The page's state and its one reducer, in plain Rust so it is tested natively: the
//! files the user gave (by id, name and size; their contents stay on the browser side),
//! what the engine said of them, the view the user chose, and the conversation with the
//! engine. `reduce` never sends anything: it puts id-tagged requests in an outbox that
//! one effect of the page sends, and every answer comes back as [`Action::Engine`].
//! Whether the page is busy is worked out from the requests still unanswered.
//!
//! ```
//! use scorecard_state::{Action, FileEntry, Outgoing, State};
//! let mut s = State::default();
//! s.reduce(Action::Add(vec![FileEntry::new("pis.csv", 120)]));
//! assert!(s.busy());
//! assert!(matches!(s.outbox()[0], Outgoing::Send { .. }));
//! ```

mod conversation;
mod files;
mod mapping;
mod state;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_area;
#[cfg(test)]
mod tests_build;
#[cfg(test)]
mod tests_mapping;
#[cfg(test)]
mod tests_warm;

pub use conversation::{Asked, EngineBuild, Outgoing};
pub use files::{FileEntry, FileId, Held};
pub use mapping::{ColumnChoice, MappingDraft};
pub use state::{Action, EngineTrouble, Origin, Progress, State, MAX_RESTARTS};
