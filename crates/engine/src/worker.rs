//! The worker's side of the line to the page: takes requests, reads the files they
//! carry as Blobs, and posts back what `scorecard_core::engine` answers, each answer with
//! the id of its request (bytes: `scorecard_core::protocol`).
//!
//! A message is a JS array: a `Uint8Array` holding the request, then the Blobs of any
//! files it carries, in order. A reply is a `Uint8Array`. The worker's first message
//! names the protocol it speaks. A request it cannot decode is answered with
//! `Response::Failed`; if the engine itself dies (a panic aborts), the page hears of it
//! through the worker's `error` event. `["bench", bytes, runs]` runs the benchmark.

use std::cell::RefCell;

use scorecard_core::engine::{Engine, Response};
use scorecard_core::protocol::{decode_request, encode_reply, FromEngine, PROTOCOL};
use scorecard_core::InputFile;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

/// Starts listening. Called once from the worker's `main`.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let message: js_sys::Array = match e.data().dyn_into() {
            Ok(m) => m,
            Err(_) => return,
        };
        if message.get(0).as_string().as_deref() == Some("bench") {
            bench(&message);
            return;
        }
        let bytes = js_sys::Uint8Array::new(&message.get(0)).to_vec();
        let (id, request) = decode_request(&bytes);
        // Without an id there is no one to answer; the page's own bytes always carry one.
        let Some(id) = id else { return };
        let response = match request {
            Ok(mut request) => {
                if let Some(files) = request.files_mut() {
                    let blobs: Vec<Blob> = (1..message.length())
                        .filter_map(|i| message.get(i).dyn_into().ok())
                        .collect();
                    fill(files, &blobs);
                }
                ENGINE.with(|e| {
                    e.borrow_mut().handle(request, &mut |response| {
                        post(&FromEngine::Reply { id, response })
                    })
                })
            }
            Err(e) => Response::Failed(e),
        };
        post(&FromEngine::Reply { id, response });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Messages that come meanwhile wait: the page sends none before the ready word.
    crate::warm_up::run();
    // Messages that come meanwhile wait: the page sends none before the ready word.
    crate::warm_up::run();
    post(&FromEngine::Ready { protocol: PROTOCOL });
}

/// Reads each file's Blob into its bytes; a Blob that cannot be read leaves the file
/// empty, and the core names it in an error.
fn fill(files: &mut [InputFile], blobs: &[Blob]) {
    let Ok(reader) = FileReaderSync::new() else {
        return;
    };
    for (f, blob) in files.iter_mut().zip(blobs) {
        if let Ok(buffer) = reader.read_as_array_buffer(blob) {
            f.bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        }
    }
}

/// Posts a message, handing its buffer over rather than copying it.
fn post(message: &FromEngine) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let bytes = encode_reply(message);
    let array = js_sys::Uint8Array::new_with_length(bytes.len() as u32);
    array.copy_from(&bytes);
    let transfer = js_sys::Array::of1(&array.buffer());
    let _ = scope.post_message_with_transfer(&array, &transfer);
}

/// What the benchmark (`scripts/bench.sh`) reads back.
#[derive(serde::Serialize)]
struct BenchResult {
    /// Parse + compute, each run, in milliseconds.
    times_ms: Vec<f64>,
    rows: usize,
    /// The worker's Wasm linear memory at the end (it only grows: the peak).
    memory_bytes: f64,
}

/// Parse and compute alone, several times: reads the bytes as a dropped file is read and
/// builds the report for the latest period.
fn bench(message: &js_sys::Array) {
    use scorecard_core::{read_all, report};
    let bytes = js_sys::Uint8Array::new(&message.get(1)).to_vec();
    let runs = message.get(2).as_f64().unwrap_or(1.0) as usize;
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let performance = scope.performance();
    let now = || {
        performance
            .as_ref()
            .map_or_else(js_sys::Date::now, |p| p.now())
    };
    let mut times_ms = Vec::new();
    let mut rows = 0;
    for _ in 0..runs {
        let t0 = now();
        let ds = read_all(&[InputFile {
            name: "bench.csv".into(),
            bytes: bytes.clone(),
        }]);
        rows = report::build(&ds, None).map_or(0, |r| r.groups.iter().map(|g| g.rows.len()).sum());
        times_ms.push(now() - t0);
    }
    let result = BenchResult {
        times_ms,
        rows,
        memory_bytes: (core::arch::wasm32::memory_size(0) * 65536) as f64,
    };
    if let Ok(v) = serde_wasm_bindgen::to_value(&result) {
        let _ = scope.post_message(&v);
    }
}
