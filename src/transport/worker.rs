//! The engine in a Web Worker (the `scorecard-engine` crate, which Trunk builds beside
//! the page in two builds, [`EngineBuild`]), started once the first screen is up and the
//! browser idle ([`Transport::warm`], when the reducer says so) or with the first request,
//! whichever comes first: the first screen downloads none of its code, and the first file
//! finds it compiled. The small build (CSV only) comes first; the state asks for the full
//! one with a restart when a workbook is to be read or written. A message is a JS array: the request's bytes ([`scorecard_core::protocol`]),
//! then the Blobs of the files it carries. The worker's first word names its protocol;
//! a worker that speaks another, dies, or cannot start is reported as trouble, never
//! left to swallow requests in silence.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use scorecard_core::engine::Request;
use scorecard_core::protocol::{decode_reply, encode_request, FromEngine, PROTOCOL};
use scorecard_state::{EngineBuild, EngineTrouble};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::Blob;
use yew::Callback;

use super::{EngineEvent, Transport};

/// The worker's script of this build, beside the page (Trunk writes it). The protocol
/// version in the query keeps a browser from answering with a cached script of an older
/// release.
pub fn worker_url(build: EngineBuild) -> String {
    let name = match build {
        EngineBuild::Csv => "engine_csv",
        EngineBuild::Full => "engine_full",
    };
    format!("./{name}_loader.js?protocol={PROTOCOL}")
}

/// Connects to a worker started on the first request.
pub fn connect(on_event: Callback<EngineEvent>) -> Rc<dyn Transport> {
    Rc::new(WorkerTransport {
        on_event,
        worker: RefCell::new(None),
        build: Cell::new(EngineBuild::default()),
    })
}

struct WorkerTransport {
    on_event: Callback<EngineEvent>,
    worker: RefCell<Option<Running>>,
    /// The build the next worker started is of.
    build: Cell<EngineBuild>,
}

/// How long a worker may take to say it is ready before it counts as stopped.
const START_MS: u32 = 20_000;

/// A started worker, and the messages that wait until it says it is ready.
struct Running {
    worker: web_sys::Worker,
    queue: Rc<RefCell<Option<Vec<js_sys::Array>>>>,
    /// Fires if the worker never says it is ready; cancelled when it does.
    _start_timer: Rc<RefCell<Option<gloo::timers::callback::Timeout>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Transport for WorkerTransport {
    fn send(&self, id: u64, request: &Request, blobs: &[Blob]) {
        let message = js_sys::Array::new();
        message.push(&js_sys::Uint8Array::from(
            encode_request(id, request).as_slice(),
        ));
        for b in blobs {
            message.push(b);
        }
        if !self.started() {
            return;
        }
        let worker = self.worker.borrow();
        let Some(w) = worker.as_ref() else { return };
        // Messages wait until the worker listens: one sent earlier would be lost.
        if let Some(queue) = w.queue.borrow_mut().as_mut() {
            queue.push(message);
            return;
        }
        let _ = w.worker.post_message(&message);
    }

    fn restart(&self, build: EngineBuild) {
        // Dropping it terminates it; the next request starts a fresh one.
        self.build.set(build);
        self.worker.borrow_mut().take();
    }

    fn warm(&self) {
        self.started();
    }
}

impl WorkerTransport {
    /// Starts the worker unless it runs; whether it runs now (else the page has heard why).
    fn started(&self) -> bool {
        let mut worker = self.worker.borrow_mut();
        if worker.is_some() {
            return true;
        }
        match start(self.build.get(), self.on_event.clone()) {
            Ok(w) => {
                *worker = Some(w);
                true
            }
            Err(e) => {
                let why = e
                    .as_string()
                    .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
                    .unwrap_or_else(|| "the browser refused to start it".into());
                drop(worker);
                self.on_event
                    .emit(EngineEvent::Trouble(EngineTrouble::CouldNotStart(why)));
                false
            }
        }
    }
}

fn start(build: EngineBuild, on_event: Callback<EngineEvent>) -> Result<Running, JsValue> {
    let worker = web_sys::Worker::new(&worker_url(build))?;
    let queue: Rc<RefCell<Option<Vec<js_sys::Array>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let start_timer = Rc::new(RefCell::new(Some({
        let on_event = on_event.clone();
        gloo::timers::callback::Timeout::new(START_MS, move || {
            on_event.emit(EngineEvent::Trouble(EngineTrouble::Stopped(
                "it did not start in time".into(),
            )))
        })
    })));
    let on_message = {
        let (worker, queue, on_event) = (worker.clone(), queue.clone(), on_event.clone());
        let start_timer = start_timer.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(bytes) = e.data().dyn_ref::<js_sys::Uint8Array>().map(|a| a.to_vec()) else {
                return;
            };
            match decode_reply(&bytes) {
                Some(FromEngine::Ready { protocol }) if protocol == PROTOCOL => {
                    start_timer.borrow_mut().take();
                    if let Some(waiting) = queue.borrow_mut().take() {
                        for m in waiting {
                            let _ = worker.post_message(&m);
                        }
                    }
                    on_event.emit(EngineEvent::Ready);
                }
                Some(FromEngine::Ready { protocol }) => {
                    on_event.emit(EngineEvent::Trouble(EngineTrouble::Stale { protocol }))
                }
                Some(FromEngine::Reply { id, response }) => {
                    on_event.emit(EngineEvent::Reply { id, response })
                }
                // Bytes of another version's messages: the worker is not ours.
                None => on_event.emit(EngineEvent::Trouble(EngineTrouble::Stale { protocol: 0 })),
            }
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
        e.prevent_default();
        let message = e.message();
        let why = if message.is_empty() {
            "it stopped without saying why".to_string()
        } else {
            message
        };
        on_event.emit(EngineEvent::Trouble(EngineTrouble::Stopped(why)));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        queue,
        _start_timer: start_timer,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// For the benchmark: parse and compute `bytes` `runs` times in a fresh worker (the
/// small build, which a CSV gets), timed there; resolves to `{ times_ms, rows,
/// memory_bytes }`. Without `warm_up` the worker skips its start-up read of a made-up
/// file, to measure a cold first run.
pub fn bench(bytes: &[u8], runs: u32, warm_up: bool) -> js_sys::Promise {
    let message = js_sys::Array::of3(
        &JsValue::from_str("bench"),
        &js_sys::Uint8Array::from(bytes),
        &JsValue::from(runs),
    );
    js_sys::Promise::new(&mut |resolve, reject| {
        let url = if warm_up {
            worker_url(EngineBuild::Csv)
        } else {
            format!("{}&warm=0", worker_url(EngineBuild::Csv))
        };
        let worker = match web_sys::Worker::new(&url) {
            Ok(w) => w,
            Err(e) => {
                let _ = reject.call1(&JsValue::NULL, &e);
                return;
            }
        };
        let w = worker.clone();
        let message = message.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                if data.is_instance_of::<js_sys::Uint8Array>() {
                    // The ready message: now it listens.
                    let _ = w.post_message(&message);
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                    w.terminate();
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    })
}
