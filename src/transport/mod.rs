//! The page's line to the engine: one trait, with the engine in a Web Worker (what users
//! get) or on the page's own thread (the component tests, whose runner serves no worker
//! script). Which one is chosen when the app starts ([`crate::ui::App`]'s `engine` prop),
//! not when it is compiled: the page's binary links only the one it starts with.

pub mod files;
pub mod in_page;
pub mod worker;

use std::rc::Rc;

use scorecard_core::engine::{Request, Response};
use scorecard_state::{EngineBuild, EngineTrouble};
use web_sys::Blob;
use yew::Callback;

/// What comes back from the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineEvent {
    /// An answer (or progress) for the request with this id.
    Reply { id: u64, response: Response },
    /// The engine died, is stale, or could not start.
    Trouble(EngineTrouble),
    /// The engine listens (once per start).
    Ready,
}

/// A connection to the engine.
pub trait Transport {
    /// Sends a request; `blobs` are the contents of the files it carries, in order.
    fn send(&self, id: u64, request: &Request, blobs: &[Blob]);
    /// Stops whatever the engine is doing; the next request starts a fresh one of this
    /// build.
    fn restart(&self, build: EngineBuild);
    /// Starts the engine now if it is not running, with nothing asked of it yet.
    fn warm(&self);
}

/// Opens a connection whose events go to the callback.
#[derive(Clone, Copy)]
pub struct Connector(pub fn(Callback<EngineEvent>) -> Rc<dyn Transport>);

impl PartialEq for Connector {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

impl Connector {
    /// The engine in a Web Worker.
    pub fn worker() -> Connector {
        Connector(worker::connect)
    }

    /// The engine on the page's thread.
    pub fn in_page() -> Connector {
        Connector(in_page::connect)
    }
}
