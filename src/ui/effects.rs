//! The page's side effects, each a hook over the state: sending the outbox to the engine,
//! opening a link or stored data, keeping data in storage, downloads, and pastes.
//! `reduce` decides; these only carry out.

use std::cell::Cell;
use std::rc::Rc;

use scorecard_core::load::mapping;
use scorecard_core::share;
use scorecard_state::{Action, Origin, Outgoing};
use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

use crate::transport::files::FileStore;
use crate::transport::{Connector, EngineEvent};
use crate::ui::services::{clear_location_hash, download, location_hash, storage};
use crate::ui::store::Store;

/// Connects to the engine and sends whatever the reducer queued, once, in order; every
/// event from the engine comes back as an action.
#[hook]
pub fn use_engine(connector: Connector, state: &UseReducerHandle<Store>, files: &FileStore) {
    let transport = {
        let dispatcher = state.dispatcher();
        use_memo(connector, move |connector| {
            (connector.0)(Callback::from(move |event| {
                dispatcher.dispatch(match event {
                    EngineEvent::Reply { id, response } => Action::Engine { id, response },
                    EngineEvent::Trouble(t) => Action::EngineTrouble(t),
                    EngineEvent::Ready => Action::EngineReady,
                })
            }))
        })
    };
    // What has been done already: the state's record of it arrives a render later.
    let done = use_memo((), |_| Cell::new(0u64));
    let (state, files) = (state.clone(), files.clone());
    use_effect_with(state.last_queued(), move |_| {
        if state.outbox().is_empty() && state.held().next().is_none() {
            return;
        }
        for h in state.held() {
            files.keep_bytes(h.id, &h.bytes);
        }
        for o in state.outbox().iter().filter(|o| o.id() > done.get()) {
            match o {
                Outgoing::Restart { build, .. } => transport.restart(*build),
                Outgoing::Warm { .. } => transport.warm(),
                Outgoing::Send {
                    id,
                    request,
                    files: ids,
                } => transport.send(*id, request, &files.blobs(ids)),
            }
        }
        let upto = state.last_queued();
        done.set(upto);
        state.dispatch(Action::Sent { upto });
        files.retain(|id| state.knows(id));
    });
}

/// On opening: a share link wins; else this browser's remembered view (and data, where
/// the user opted in). A link that cannot be decoded gives a message and a working page.
#[hook]
pub fn use_opening(state: &UseReducerHandle<Store>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        // The kept column mappings first: the engine needs them for any read.
        let mappings = storage::get(storage::MAPPINGS)
            .map(|m| mapping::decode_mappings(&m))
            .unwrap_or_default();
        dispatcher.dispatch(Action::LoadMappings(mappings));
        let hash = location_hash();
        if !hash.is_empty() {
            match share::decode_view(&hash) {
                Ok((view, data)) => dispatcher.dispatch(Action::Open {
                    view,
                    data,
                    origin: Origin::Link,
                }),
                Err(e) => dispatcher.dispatch(Action::LinkError(format!(
                    "This share link could not be opened: {e}."
                ))),
            }
            return;
        }
        let view = storage::get(storage::VIEW)
            .and_then(|v| share::decode_view(&v).ok())
            .map(|(view, _)| view)
            .unwrap_or_default();
        let data = storage::get(storage::DATA)
            .and_then(|d| share::decode_view(&d).ok())
            .and_then(|(_, data)| data);
        dispatcher.dispatch(Action::Open {
            view,
            data,
            origin: Origin::Storage,
        });
    });
    // A link that failed leaves the address bar, so a reload does not fail again.
    let failed = state.open_error.is_some();
    use_effect_with(failed, |failed| {
        if *failed && !location_hash().is_empty() {
            clear_location_hash();
        }
    });
}

/// Remembers the view on this machine (not a share link's: that would overwrite the
/// user's own); the data only where the user opted in, and says so when the browser
/// refuses them.
#[hook]
pub fn use_storage(state: &UseReducerHandle<Store>) {
    let from_link = state.from_link;
    use_effect_with(state.shared_view(), move |view| {
        if !from_link {
            // A view that cannot be kept is no loss worth a message: it is the default
            // next time.
            let _ = storage::set(storage::VIEW, &share::encode_view(view));
        }
    });
    let remember = state.remember_data;
    let no_files = state.files.is_empty();
    let packed = state.packed.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(
        (remember, no_files, packed),
        move |(remember, no_files, packed)| {
            if !*remember {
                return;
            }
            if *no_files {
                storage::remove(storage::DATA);
            } else if let Some(Ok(d)) = packed {
                let view = share::encode_view(&share::SharedView::default());
                let saved = share::join(&view, Some(d), 4_000_000)
                    .map_err(|e| e.to_string())
                    .and_then(|d| storage::set(storage::DATA, &d));
                if let Err(why) = saved {
                    dispatcher.dispatch(Action::StorageFailed(why));
                }
            }
        },
    );
}

/// Keeps the column mappings the user chose (all of them, each time they change), once
/// the ones kept before have been read.
#[hook]
pub fn use_kept_mappings(state: &UseReducerHandle<Store>) {
    use_effect_with(
        (state.mappings_loaded, state.mappings.clone()),
        |(loaded, mappings)| {
            if !*loaded {
                return;
            }
            if mappings.is_empty() {
                storage::remove(storage::MAPPINGS);
            } else {
                // Not kept (storage full or off): they are asked for again next time,
                // which is no loss worth a message.
                let _ = storage::set(storage::MAPPINGS, &mapping::encode_mappings(mappings));
            }
        },
    );
}

/// Hands a file the engine made to the browser as a download.
#[hook]
pub fn use_downloads(state: &UseReducerHandle<Store>) {
    let dispatcher = state.dispatcher();
    use_effect_with(state.download.clone(), move |d| {
        if let Some(d) = d {
            download(&d.name, &d.bytes, &d.mime);
            dispatcher.dispatch(Action::Downloaded);
        }
    });
}

/// Text pasted anywhere on the page (a range copied from Excel arrives as tab-separated
/// text) is read like a file. Pastes into form fields are left alone.
#[hook]
pub fn use_paste(state: &UseReducerHandle<Store>, files: &FileStore) {
    let (dispatcher, files) = (state.dispatcher(), files.clone());
    use_effect_with((), move |_| {
        let count = Rc::new(Cell::new(0));
        let listener =
            gloo::events::EventListener::new(&gloo::utils::document(), "paste", move |e| {
                let in_field = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if in_field {
                    return;
                }
                let text = e
                    .dyn_ref::<web_sys::ClipboardEvent>()
                    .and_then(|c| c.clipboard_data())
                    .and_then(|d| d.get_data("text/plain").ok())
                    .unwrap_or_default();
                if !text.trim().is_empty() {
                    count.set(count.get() + 1);
                    let name = format!("Pasted text {}", count.get());
                    let entry = files.keep_new(name, text.as_bytes());
                    dispatcher.dispatch(Action::Add(vec![entry]));
                }
            });
        move || drop(listener)
    });
}

/// Remembers the user's council in this browser, and gives it back to the reducer when
/// the page opens, so an LGBF download is reported for it without asking again.
#[hook]
pub fn use_area_storage(state: &UseReducerHandle<Store>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        if let Some(area) = storage::get(storage::AREA).filter(|a| !a.trim().is_empty()) {
            dispatcher.dispatch(Action::ChooseArea(Some(area)));
        }
    });
    use_effect_with(state.area.clone(), |area| {
        // Only a choice is written: the state starts with none before the stored one
        // arrives, and "Clear everything" removes it.
        if let Some(a) = area {
            let _ = storage::set(storage::AREA, a);
        }
    });
}

/// Tells the reducer when the first screen has been painted and the browser is idle
/// (an idle callback asked for in the frame after the first render), so the engine is
/// fetched and compiled then, not when the first file arrives, and never before the
/// first paint.
#[hook]
pub fn use_page_idle(state: &UseReducerHandle<Store>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let idle = Closure::once_into_js(move || dispatcher.dispatch(Action::PageIdle));
        let after_frame = Closure::once_into_js(move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let options = web_sys::IdleRequestOptions::new();
            // A busy page still gets its engine within a couple of seconds.
            options.set_timeout(2_000);
            if window
                .request_idle_callback_with_options(idle.unchecked_ref(), &options)
                .is_err()
            {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    idle.unchecked_ref(),
                    200,
                );
            }
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    });
}
