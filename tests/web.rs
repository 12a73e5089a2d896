//! Component tests: the Yew app rendered in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use scorecard::transport::{Connector, EngineEvent};
use scorecard::ui::{App, AppProps};
use scorecard_core::engine::{Request, Response};
use scorecard_core::InputFile;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            engine: Connector::in_page(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

fn click_button(root: &Element, label: &str) {
    let button = all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button '{label}'"));
    button.unchecked_into::<HtmlElement>().click();
}

/// Waits (up to two seconds) for the engine's answer and the re-render.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if let Some(e) = root.query_selector(selector).unwrap() {
            return e;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("nothing matched {selector}");
}

#[wasm_bindgen_test]
async fn the_page_offers_a_file_input_a_drop_zone_and_sample_data() {
    let root = mount().await;
    let input = root
        .query_selector("input[type=file]")
        .unwrap()
        .expect("a file input");
    assert!(input.has_attribute("multiple"));
    let label = root
        .query_selector("label[for=file-input]")
        .unwrap()
        .expect("a label for it");
    assert!(label.text_content().unwrap().contains("Choose files"));
    assert!(root
        .query_selector("[data-testid=dropzone]")
        .unwrap()
        .is_some());
    assert!(texts(&root, "button").contains(&"Try with sample data".to_string()));
    assert!(texts(&root, "p.tagline")[0].contains("never leave this computer"));
}

#[wasm_bindgen_test]
async fn sample_data_shows_a_report_table_with_real_headers() {
    let root = mount().await;
    click_button(&root, "Try with sample data");
    // The engine reads the files asynchronously (in the app, in its worker).
    wait_for(&root, "table.pi-table tbody tr.pi-row").await;
    let headers = texts(&root, "table.pi-table thead th");
    for h in [
        "Code",
        "Indicator",
        "Value Q2 2018/19",
        "Target",
        "Status",
        "Short trend",
        "Long trend",
    ] {
        assert!(
            headers.iter().any(|x| x == h),
            "missing header {h} in {headers:?}"
        );
    }
    assert_eq!(all(&root, "table.pi-table tbody tr.pi-row").len(), 12);
    let statuses = texts(&root, "tr.pi-row .status");
    assert_eq!(
        statuses.iter().filter(|s| s.contains("Off Target")).count(),
        2
    );
    assert_eq!(
        statuses.iter().filter(|s| s.contains("On Target")).count(),
        4
    );
    // Each status carries its shape (a symbol hidden from screen readers) and its words.
    for b in all(&root, "tr.pi-row .status") {
        let sym = b.query_selector(".sym").unwrap().expect("a symbol");
        assert_eq!(sym.get_attribute("aria-hidden").as_deref(), Some("true"));
    }
    assert_eq!(
        statuses.iter().filter(|s| s.ends_with("Data Only")).count(),
        6
    );
    assert_eq!(all(&root, "table.action-table tbody tr").len(), 6);
}

#[wasm_bindgen_test]
async fn opening_a_row_explains_its_status() {
    let root = mount().await;
    click_button(&root, "Try with sample data");
    wait_for(&root, "table.pi-table tbody tr.pi-row").await;
    click_button(&root, "CMP.07");
    yew::scheduler::flush().await;
    let reason = texts(&root, ".detail .reason");
    assert_eq!(
        reason,
        ["Why this status: 15.13 against a target of 20 (lower is better): On Target"]
    );
    assert!(root
        .query_selector(".detail svg.chart[role=img]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn a_dropped_png_gets_an_alert_naming_the_file_and_the_page_stays() {
    let root = mount().await;
    let dt = web_sys::DataTransfer::new().unwrap();
    let bytes = js_sys::Uint8Array::from(&b"\x89PNG\r\n\x1a\nnot really"[..]);
    let parts = js_sys::Array::of1(&bytes);
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "chart.csv").unwrap();
    dt.items().add_with_file(&file).unwrap();
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&dt));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    let zone = root
        .query_selector("[data-testid=dropzone]")
        .unwrap()
        .unwrap();
    zone.dispatch_event(&drop).unwrap();
    let alert = wait_for(&root, "[role=alert] li.error").await;
    assert_eq!(
        alert.text_content().unwrap(),
        "chart.csv: this looks like a PNG image, not a CSV or XLSX data file"
    );
    assert!(texts(&root, "h1").contains(&"Scorecard".to_string()));
}

/// Collects what a transport reports, for the tests below.
fn listen() -> (
    std::rc::Rc<std::cell::RefCell<Vec<EngineEvent>>>,
    yew::Callback<EngineEvent>,
) {
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = events.clone();
    (
        events,
        yew::Callback::from(move |e| sink.borrow_mut().push(e)),
    )
}

async fn until(events: &std::cell::RefCell<Vec<EngineEvent>>, n: usize) {
    for _ in 0..200 {
        if events.borrow().len() >= n {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!(
        "only {} events: {:?}",
        events.borrow().len(),
        events.borrow()
    );
}

#[wasm_bindgen_test]
async fn the_in_page_transport_reads_blobs_and_answers_each_request_with_its_id() {
    let (events, on_event) = listen();
    let transport = (Connector::in_page().0)(on_event);
    let blob: web_sys::Blob = gloo::file::Blob::new("code,period,value\nA,Q1 2018/19,5\n").into();
    let named = vec![InputFile {
        name: "a.csv".into(),
        bytes: Vec::new(),
    }];
    transport.send(7, &Request::Add(named), &[blob]);
    until(&events, 1).await;
    let first = events.borrow()[0].clone();
    let EngineEvent::Reply {
        id: 7,
        response: Response::Data(data),
    } = first
    else {
        panic!("{first:?}")
    };
    assert_eq!(
        data.report.as_ref().unwrap().groups[0].rows[0].value,
        Some(5.0)
    );
    // A restarted engine holds nothing: the PI is gone.
    transport.restart(scorecard_state::EngineBuild::Full);
    transport.send(8, &Request::Detail { code: "A".into() }, &[]);
    until(&events, 2).await;
    assert_eq!(
        events.borrow()[1],
        EngineEvent::Reply {
            id: 8,
            response: Response::Detail(None)
        }
    );
}

#[wasm_bindgen_test]
async fn the_page_started_with_the_in_page_engine_starts_no_worker() {
    // The component tests' runner serves no worker script: were a worker started, the
    // sample data would never be read.
    let root = mount().await;
    click_button(&root, "Try with sample data");
    wait_for(&root, "table.pi-table tbody tr.pi-row").await;
    assert!(all(&root, "[data-testid=busy]").is_empty());
}
