//! The page's side of the bridge to the engine. The engine runs in a Web Worker
//! (`src/bin/engine.rs`), started when the first request is sent; cancelling a long
//! read stops that worker at once and starts a fresh one. Built with the
//! `inline-engine` feature (the component tests), the engine runs on the page's thread.

use std::cell::RefCell;
use std::rc::Rc;

#[cfg(not(feature = "inline-engine"))]
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::Blob;
use yew::Callback;

use scorecard_core::engine::{from_bytes, to_bytes, Request, Response};

/// The worker's script, beside the page (Trunk writes it).
pub const WORKER_URL: &str = "./engine_loader.js";

/// A file the user gave: its name and size, and its contents as the browser holds them
/// (the page never copies them; the worker reads them).
#[derive(Clone, Debug, PartialEq)]
pub struct UserFile {
    pub name: String,
    pub size: f64,
    pub blob: Blob,
}

impl UserFile {
    /// A file chosen or dropped by the user.
    pub fn from_file(file: web_sys::File) -> UserFile {
        UserFile {
            name: file.name(),
            size: file.size(),
            blob: file.into(),
        }
    }

    /// Bytes the app already holds (the sample data, pasted text, a link's data).
    pub fn from_bytes(name: String, bytes: &[u8]) -> UserFile {
        let blob: Blob = gloo::file::Blob::new(bytes).into();
        UserFile {
            name,
            size: bytes.len() as f64,
            blob,
        }
    }
}

/// A connection to the engine.
#[derive(Clone)]
pub struct Bridge {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Bridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

struct Inner {
    on_response: Callback<Response>,
    #[cfg(not(feature = "inline-engine"))]
    worker: Option<Worker>,
    #[cfg(feature = "inline-engine")]
    engine: Rc<RefCell<scorecard_core::engine::Engine>>,
}

#[cfg(not(feature = "inline-engine"))]
struct Worker {
    worker: web_sys::Worker,
    ready: Rc<RefCell<Option<Vec<js_sys::Array>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

#[cfg(not(feature = "inline-engine"))]
impl Drop for Worker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Bridge {
    /// A bridge whose responses go to `on_response`. No worker starts until the first
    /// request: the first screen downloads none of the engine's code.
    pub fn new(on_response: Callback<Response>) -> Bridge {
        Bridge {
            inner: Rc::new(RefCell::new(Inner {
                on_response,
                #[cfg(not(feature = "inline-engine"))]
                worker: None,
                #[cfg(feature = "inline-engine")]
                engine: Rc::default(),
            })),
        }
    }

    /// Sends a request; `blobs` are the contents of the files it carries, in order.
    pub fn send(&self, request: Request, blobs: &[Blob]) {
        #[cfg(not(feature = "inline-engine"))]
        {
            let message = js_sys::Array::new();
            let bytes = to_bytes(&request);
            message.push(&js_sys::Uint8Array::from(bytes.as_slice()));
            for b in blobs {
                message.push(b);
            }
            self.post(message);
        }
        #[cfg(feature = "inline-engine")]
        {
            let (engine, on_response) = {
                let inner = self.inner.borrow();
                (inner.engine.clone(), inner.on_response.clone())
            };
            let blobs = blobs.to_vec();
            wasm_bindgen_futures::spawn_local(async move {
                let mut request = request;
                if let Request::Add(files) | Request::Replace { files, .. } | Request::Pack(files) =
                    &mut request
                {
                    for (f, b) in files.iter_mut().zip(&blobs) {
                        if let Ok(buf) =
                            wasm_bindgen_futures::JsFuture::from(b.array_buffer()).await
                        {
                            f.bytes = js_sys::Uint8Array::new(&buf).to_vec();
                        }
                    }
                }
                // Round trip through the message bytes, as the worker does.
                let request = from_bytes(&to_bytes(&request)).unwrap_or(request);
                let response = engine
                    .borrow_mut()
                    .handle(request, &mut |r| on_response.emit(r));
                on_response.emit(response);
            });
        }
    }

    /// Stops whatever the engine is doing and forgets what it held.
    pub fn restart(&self) {
        #[cfg(not(feature = "inline-engine"))]
        {
            self.inner.borrow_mut().worker = None;
        }
        #[cfg(feature = "inline-engine")]
        {
            self.inner.borrow_mut().engine = Rc::default();
        }
    }

    #[cfg(not(feature = "inline-engine"))]
    fn post(&self, message: js_sys::Array) {
        let mut inner = self.inner.borrow_mut();
        if inner.worker.is_none() {
            match spawn(inner.on_response.clone()) {
                Ok(w) => inner.worker = Some(w),
                Err(e) => {
                    gloo::console::error!("the engine could not start", e);
                    return;
                }
            }
        }
        let Some(w) = &inner.worker else { return };
        // Messages wait until the worker listens: one sent earlier would be lost.
        if let Some(queue) = w.ready.borrow_mut().as_mut() {
            queue.push(message);
            return;
        }
        let _ = w.worker.post_message(&message);
    }
}

#[cfg(not(feature = "inline-engine"))]
fn spawn(on_response: Callback<Response>) -> Result<Worker, JsValue> {
    let worker = web_sys::Worker::new(WORKER_URL)?;
    let ready: Rc<RefCell<Option<Vec<js_sys::Array>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let on_message = {
        let (worker, ready) = (worker.clone(), ready.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if data.as_string().as_deref() == Some("ready") {
                if let Some(queue) = ready.borrow_mut().take() {
                    for m in queue {
                        let _ = worker.post_message(&m);
                    }
                }
                return;
            }
            if let Some(response) = data
                .dyn_ref::<js_sys::Uint8Array>()
                .and_then(|a| from_bytes::<Response>(&a.to_vec()))
            {
                on_response.emit(response);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Ok(Worker {
        worker,
        ready,
        _on_message: on_message,
    })
}

/// For the benchmark: parse and compute `bytes` `runs` times in a fresh worker, timed
/// there; resolves to `{ times_ms, rows, memory_bytes }`.
#[cfg(not(feature = "inline-engine"))]
pub fn bench(bytes: &[u8], runs: u32) -> js_sys::Promise {
    let message = js_sys::Array::of3(
        &JsValue::from_str("bench"),
        &js_sys::Uint8Array::from(bytes),
        &JsValue::from(runs),
    );
    js_sys::Promise::new(&mut |resolve, reject| {
        let worker = match web_sys::Worker::new(WORKER_URL) {
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
                if data.as_string().as_deref() == Some("ready") {
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
