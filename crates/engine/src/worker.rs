//! The worker's side of the bridge: takes requests from the page, reads the files they
//! carry as Blobs, and posts back what `core::engine` answers.
//!
//! A message is a JS array: a `Uint8Array` holding the request (bincode), then the
//! Blobs of any files it carries, in order. A reply is a `Uint8Array` holding the
//! response. The worker says `"ready"` once it listens, and answers `["bench", bytes, runs]`
//! with the benchmark's timings.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

use scorecard_core::engine::{from_bytes, to_bytes, Engine, Request, Response};
use scorecard_core::InputFile;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

/// Starts listening. Called once from the worker's `main`.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let message: js_sys::Array = e.data().unchecked_into();
        if message.get(0).as_string().as_deref() == Some("bench") {
            bench(&message);
            return;
        }
        let bytes = js_sys::Uint8Array::new(&message.get(0)).to_vec();
        let Some(mut request) = from_bytes::<Request>(&bytes) else {
            return;
        };
        let blobs: Vec<Blob> = (1..message.length())
            .map(|i| message.get(i).unchecked_into())
            .collect();
        if let Request::Add(files) | Request::Replace { files, .. } | Request::Pack(files) =
            &mut request
        {
            fill(files, &blobs);
        }
        let response = ENGINE.with(|e| e.borrow_mut().handle(request, &mut |r| post(&r)));
        post(&response);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
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

/// Posts a response, handing its buffer over rather than copying it.
fn post(response: &Response) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let bytes = to_bytes(response);
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
