//! The engine on the page's own thread, for the component tests (their runner serves no
//! worker script). Requests still travel as bytes, as they do to the worker, so the
//! messages are tested too. Only a binary that starts with it links the engine's code.

use std::cell::RefCell;
use std::rc::Rc;

use scorecard_core::engine::Response;
use scorecard_core::engine::{Engine, Request};
use scorecard_core::protocol::{decode_request, encode_request};
use scorecard_state::EngineBuild;
use web_sys::Blob;
use yew::Callback;

use super::{EngineEvent, Transport};

pub fn connect(on_event: Callback<EngineEvent>) -> Rc<dyn Transport> {
    Rc::new(InPage {
        on_event,
        engine: RefCell::default(),
    })
}

struct InPage {
    on_event: Callback<EngineEvent>,
    engine: RefCell<Rc<RefCell<Engine>>>,
}

impl Transport for InPage {
    fn send(&self, id: u64, request: &Request, blobs: &[Blob]) {
        let engine = self.engine.borrow().clone();
        let on_event = self.on_event.clone();
        let bytes = encode_request(id, request);
        let blobs = blobs.to_vec();
        wasm_bindgen_futures::spawn_local(async move {
            let (_, decoded) = decode_request(&bytes);
            let response = match decoded {
                Ok(mut request) => {
                    if let Some(files) = request.files_mut() {
                        for (f, b) in files.iter_mut().zip(&blobs) {
                            if let Ok(buf) =
                                wasm_bindgen_futures::JsFuture::from(b.array_buffer()).await
                            {
                                f.bytes = js_sys::Uint8Array::new(&buf).to_vec();
                            }
                        }
                    }
                    let progress = on_event.clone();
                    let mut engine = engine.borrow_mut();
                    engine.handle(request, &mut |response| {
                        progress.emit(EngineEvent::Reply { id, response })
                    })
                }
                Err(e) => Response::Failed(e),
            };
            on_event.emit(EngineEvent::Reply { id, response });
        });
    }

    fn restart(&self, _build: EngineBuild) {
        // One build here, the full one (the component tests link it). Answers still
        // coming from the old engine carry ids nobody waits for.
        *self.engine.borrow_mut() = Rc::default();
    }

    fn warm(&self) {
        // On the page's thread the engine is always there.
        self.on_event.emit(EngineEvent::Ready);
    }
}
