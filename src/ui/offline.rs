//! Working offline: the service worker (`sw.js`, written into each build by
//! `scripts/make_sw.py`) is registered once the first screen is up, and keeps the site's
//! own files (page, engine, workbook reader and writer) so a later visit needs no
//! network. A new release waits until the user chooses to switch to it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};
use yew::Callback;

/// The browser's service workers, where it offers them: not to a page opened from a file
/// or from a plain-http host other than this machine.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the service worker once the browser is idle after the first screen, so
/// keeping the files (the engine is most of them) never delays the first paint.
pub fn register_when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if container().is_none() {
        return;
    }
    let callback = Closure::once_into_js(|| spawn_local(register()));
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(5_000);
    if window
        .request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_err()
    {
        // A browser without idle callbacks: a second after the first screen will do.
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1_000);
    }
}

async fn register() {
    let Some(workers) = container() else {
        return;
    };
    let returning = workers.controller().is_some();
    // Scope: the page's own folder, so a site published under a sub-path keeps to it.
    // `updateViaCache: none`: the check for a new release always asks the server.
    let options = RegistrationOptions::new();
    options.set_scope("./");
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    match JsFuture::from(workers.register_with_options("./sw.js", &options)).await {
        Ok(registration) if returning => {
            // A returning visit: look for a new release now (offline, this simply fails).
            let registration: ServiceWorkerRegistration = registration.unchecked_into();
            if let Ok(check) = registration.update() {
                let _ = JsFuture::from(check).await;
            }
        }
        Ok(_) => {}
        Err(e) => gloo::console::warn!("Scorecard could not keep its files for use offline:", e),
    }
}

thread_local! {
    /// Set when the user asked to switch: the change of worker that follows reloads the page.
    static SWITCHING: Cell<bool> = const { Cell::new(false) };
}

/// Listens, for as long as it is kept, for a new release ready to take over.
pub struct Watch {
    _listeners: Rc<RefCell<Vec<EventListener>>>,
}

/// Calls `on_ready` when a new release has been fetched and waits for the user, or when
/// another tab has switched this one's files to a newer release. `None` where the browser
/// has no service workers.
pub fn watch(on_ready: Callback<()>) -> Option<Watch> {
    let workers = container()?;
    let listeners = Rc::new(RefCell::new(Vec::new()));
    let had_controller = Rc::new(Cell::new(workers.controller().is_some()));
    listeners
        .borrow_mut()
        .push(EventListener::new(&workers, "controllerchange", {
            let on_ready = on_ready.clone();
            move |_| {
                if SWITCHING.with(Cell::get) {
                    reload();
                } else if had_controller.replace(true) {
                    // Not the first visit's worker taking the page over: another tab moved
                    // this site to a newer release under this page.
                    on_ready.emit(());
                }
            }
        }));
    let weak = Rc::downgrade(&listeners);
    spawn_local(async move {
        let Ok(ready) = workers.ready() else {
            return;
        };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let Some(listeners) = weak.upgrade() else {
            return;
        };
        // A worker that is waiting while another serves this page is a new release.
        if registration.waiting().is_some() && workers.controller().is_some() {
            on_ready.emit(());
        }
        if let Some(installing) = registration.installing() {
            follow(&installing, &on_ready, &listeners);
        }
        let inner = Rc::downgrade(&listeners);
        listeners
            .borrow_mut()
            .push(EventListener::new(&registration, "updatefound", {
                let registration = registration.clone();
                move |_| {
                    if let (Some(installing), Some(listeners)) =
                        (registration.installing(), inner.upgrade())
                    {
                        follow(&installing, &on_ready, &listeners);
                    }
                }
            }));
    });
    Some(Watch {
        _listeners: listeners,
    })
}

/// A worker being installed: once it has every file, and another worker serves this
/// page, it is a new release waiting.
fn follow(
    worker: &ServiceWorker,
    on_ready: &Callback<()>,
    listeners: &Rc<RefCell<Vec<EventListener>>>,
) {
    let on_ready = on_ready.clone();
    let target = worker.clone();
    let listener = EventListener::new(worker, "statechange", move |_| {
        let serving = container().is_some_and(|w| w.controller().is_some());
        if target.state() == ServiceWorkerState::Installed && serving {
            on_ready.emit(());
        }
    });
    listeners.borrow_mut().push(listener);
}

/// The user's Reload: the waiting release takes over and the page reloads from it. With
/// none waiting (another tab switched already) the page simply reloads.
pub fn switch_to_new_release() {
    SWITCHING.with(|s| s.set(true));
    spawn_local(async {
        let waiting = match container().map(|w| w.ready()) {
            Some(Ok(ready)) => JsFuture::from(ready)
                .await
                .ok()
                .and_then(|r| r.unchecked_into::<ServiceWorkerRegistration>().waiting()),
            _ => None,
        };
        match waiting {
            Some(worker) => {
                if worker
                    .post_message(&JsValue::from_str("skip-waiting"))
                    .is_err()
                {
                    reload();
                }
                // The change of worker reloads the page; should it never come, reload anyway.
                Timeout::new(5_000, reload).forget();
            }
            None => reload(),
        }
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
