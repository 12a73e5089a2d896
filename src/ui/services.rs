//! The browser corner: the sample files, downloads, the address bar, the clipboard and
//! this browser's storage. Nothing here sends anything anywhere.

/// The sample data built into the app: the complaints indicators and the action plan
/// of the same published report (Q2 2018/19).
pub fn sample_files() -> [(&'static str, &'static [u8]); 2] {
    [
        (
            "complaints-q2-2018-19.csv",
            include_bytes!("../../tests/fixtures/samples/complaints-q2-2018-19.csv"),
        ),
        (
            "actions-q2-2018-19.csv",
            include_bytes!("../../tests/fixtures/samples/actions-q2-2018-19.csv"),
        ),
    ]
}

/// Offers bytes to the user as a download; nothing leaves the machine.
pub fn download(name: &str, bytes: &[u8], mime: &str) {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&a) {
            a.click();
        }
    }
    // The browser starts the download after the click returns: the object URL (revoked
    // when `url` drops) is kept a while longer rather than revoked at once.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
}

/// The fragment of the page's address, without `#`.
pub fn location_hash() -> String {
    gloo::utils::window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_location_hash() {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// The page's address with a new fragment: what a share link is.
pub fn link_with_fragment(fragment: &str) -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Copies text to the clipboard.
pub fn copy_to_clipboard(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

/// This machine's own storage: the last view settings, and the data where the user opted in.
pub mod storage {
    pub const VIEW: &str = "scorecard.view";
    pub const DATA: &str = "scorecard.data";
    /// The user's council, for files of many councils' figures.
    pub const AREA: &str = "scorecard.area";
    /// The column mappings the user chose, by the headers they are for.
    pub const MAPPINGS: &str = "scorecard.mappings";

    fn local() -> Option<web_sys::Storage> {
        gloo::utils::window().local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    /// Keeps a value, or says why the browser would not (no storage, or it is full).
    pub fn set(key: &str, value: &str) -> Result<(), String> {
        let storage = local().ok_or("this browser keeps no data for pages")?;
        storage.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                "the browser's storage for this page is full".to_string()
            } else {
                "the browser refused to store them".to_string()
            }
        })
    }

    pub fn remove(key: &str) {
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
    }
}

/// Calls `on_near` once, when the element comes within a screen or so of the viewport
/// (or at once where the browser cannot tell). Returns what stops watching.
pub fn on_near_screen(node: &yew::NodeRef, on_near: impl Fn() + 'static) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let observer = node.cast::<web_sys::Element>().and_then(|el| {
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let near = entries.iter().any(|e| {
                    e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting()
                });
                if near {
                    observer.disconnect();
                    on_near();
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("800px 0px");
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(&el);
        Some((observer, callback))
    });
    move || {
        if let Some((observer, _callback)) = observer {
            observer.disconnect();
        }
    }
}

/// Calls `before` just before the page is printed (the browser's print dialog).
pub fn on_print(before: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", move |_| before())
}
