//! The Yew shell: the page, file intake, and the report as the core computed it.
//! Formulas never live here.

pub mod bridge;
mod export_bar;
mod help;
pub mod report_view;
pub mod services;
pub mod state;

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use bridge::{Bridge, UserFile};
use export_bar::ExportBar;
use help::Help;
use report_view::ReportView;
use scorecard_core::dataset::Level;
use scorecard_core::engine::{Request, Response};
use scorecard_core::period::Period;
use scorecard_core::share;
use scorecard_core::InputFile;
use services::{clear_location_hash, download, location_hash, sample_files, storage};
pub use state::{Action, State};

/// A request carrying files: their names travel in the message, their contents as Blobs.
fn send_files(
    bridge: &Bridge,
    files: &[UserFile],
    request: impl FnOnce(Vec<InputFile>) -> Request,
) {
    let named = files
        .iter()
        .map(|f| InputFile {
            name: f.name.clone(),
            bytes: Vec::new(),
        })
        .collect();
    let blobs: Vec<web_sys::Blob> = files.iter().map(|f| f.blob.clone()).collect();
    bridge.send(request(named), &blobs);
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let dragging = use_state(|| false);
    // Where an unpacking request came from (a link's data, or this browser's storage),
    // and the period the link asked for.
    let unpack_from_link = use_memo((), |_| Cell::new(false));
    let link_period = use_memo((), |_| Cell::new(None::<Period>));

    let bridge = {
        let dispatcher = state.dispatcher();
        let unpack_from_link = unpack_from_link.clone();
        let link_period = link_period.clone();
        use_memo((), move |_| {
            let bridge_cell: Rc<std::cell::RefCell<Option<Bridge>>> = Rc::default();
            let cell = bridge_cell.clone();
            let on_response = Callback::from(move |r: Response| match r {
                Response::Xlsx(Ok((name, bytes))) => {
                    download(
                        &name,
                        &bytes,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    );
                    dispatcher.dispatch(Action::Engine(Response::Xlsx(Ok((name, Vec::new())))));
                }
                Response::Unpacked(Ok(files)) => {
                    let files: Vec<UserFile> = files
                        .into_iter()
                        .map(|f| UserFile::from_bytes(f.name, &f.bytes))
                        .collect();
                    if let Some(b) = cell.borrow().as_ref() {
                        let period = link_period.get();
                        send_files(b, &files, |files| Request::Replace { files, period });
                    }
                    dispatcher.dispatch(Action::SetFiles(files));
                }
                Response::Unpacked(Err(e)) => {
                    if unpack_from_link.get() {
                        clear_location_hash();
                        dispatcher.dispatch(Action::LinkError(format!(
                            "This share link could not be opened: {e}."
                        )));
                    } else {
                        storage::remove(storage::DATA);
                    }
                }
                other => dispatcher.dispatch(Action::Engine(other)),
            });
            let bridge = Bridge::new(on_response);
            *bridge_cell.borrow_mut() = Some(bridge.clone());
            bridge
        })
    };

    let add_files = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        Callback::from(move |files: Vec<UserFile>| {
            if files.is_empty() {
                return;
            }
            send_files(&bridge, &files, Request::Add);
            dispatcher.dispatch(Action::Add(files));
        })
    };

    let take_files = {
        let add_files = add_files.clone();
        Callback::from(move |list: web_sys::FileList| {
            let files = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(UserFile::from_file)
                .collect();
            add_files.emit(files);
        })
    };

    let onchange = {
        let take_files = take_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                take_files.emit(list);
            }
            input.set_value("");
        })
    };

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let take_files = take_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|dt| dt.files()) {
                take_files.emit(list);
            }
        })
    };

    let on_sample = {
        let add_files = add_files.clone();
        Callback::from(move |_: MouseEvent| add_files.emit(sample_files()))
    };

    // Text pasted anywhere on the page (a range copied from Excel arrives as
    // tab-separated text) is read like a file. Pastes into form fields are left alone.
    {
        let add_files = add_files.clone();
        use_effect_with((), move |_| {
            let count = std::cell::Cell::new(0);
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
                        add_files.emit(vec![UserFile::from_bytes(
                            format!("Pasted text {}", count.get()),
                            text.as_bytes(),
                        )]);
                    }
                });
            move || drop(listener)
        });
    }

    let on_remove = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        let (files, period) = (state.files.clone(), state.period);
        Callback::from(move |i: usize| {
            let mut left = files.clone();
            if i < left.len() {
                left.remove(i);
            }
            send_files(&bridge, &left, |files| Request::Replace { files, period });
            dispatcher.dispatch(Action::Remove(i));
        })
    };
    let on_clear = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| {
            bridge.send(
                Request::Replace {
                    files: Vec::new(),
                    period: None,
                },
                &[],
            );
            dispatcher.dispatch(Action::ClearFiles);
        })
    };
    let on_cancel = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        let before = state.before.clone().unwrap_or_default();
        let period = state.period;
        Callback::from(move |_: MouseEvent| {
            bridge.restart();
            send_files(&bridge, &before, |files| Request::Replace { files, period });
            dispatcher.dispatch(Action::Cancel);
        })
    };
    let on_period = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        Callback::from(move |p: Option<Period>| {
            bridge.send(Request::Period(p), &[]);
            dispatcher.dispatch(Action::SetPeriod(p));
        })
    };
    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |c| dispatcher.dispatch(Action::Select(c)))
    };
    let on_filter = {
        let dispatcher = state.dispatcher();
        Callback::from(move |f| dispatcher.dispatch(Action::Filter(f)))
    };
    let on_suppression = {
        let dispatcher = state.dispatcher();
        Callback::from(move |t| dispatcher.dispatch(Action::SetSuppression(t)))
    };
    let on_xlsx = {
        let bridge = bridge.clone();
        let suppression = state.suppression;
        Callback::from(move |_: ()| bridge.send(Request::Xlsx { suppression }, &[]))
    };
    let on_need_pack = {
        let bridge = bridge.clone();
        let files = state.files.clone();
        Callback::from(move |_: ()| send_files(&bridge, &files, Request::Pack))
    };
    let on_remember = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatcher.dispatch(Action::RememberData(input.checked()))
        })
    };
    let on_clear_everything = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| {
            storage::remove(storage::VIEW);
            storage::remove(storage::DATA);
            clear_location_hash();
            bridge.restart();
            dispatcher.dispatch(Action::ClearEverything);
        })
    };

    // On opening: a share link wins; else this browser's remembered view (and data, where
    // the user opted in). A damaged link gives a message and an empty, working page.
    {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        use_effect_with((), move |_| {
            let hash = location_hash();
            let (from_link, opened) = if !hash.is_empty() {
                (true, share::decode_view(&hash))
            } else {
                let view = storage::get(storage::VIEW)
                    .and_then(|v| share::decode_view(&v).ok())
                    .map(|(view, _)| view)
                    .unwrap_or_default();
                let data = storage::get(storage::DATA)
                    .and_then(|d| share::decode_view(&d).ok())
                    .and_then(|(_, data)| data);
                (false, Ok((view, data)))
            };
            match opened {
                Ok((view, data)) => {
                    link_period.set(view.period);
                    let remember_data = !from_link && data.is_some();
                    dispatcher.dispatch(Action::Restore {
                        view,
                        remember_data,
                    });
                    if let Some(d) = data {
                        unpack_from_link.set(from_link);
                        bridge.send(Request::Unpack(d), &[]);
                    }
                }
                Err(e) => {
                    clear_location_hash();
                    dispatcher.dispatch(Action::LinkError(format!(
                        "This share link could not be opened: {e}."
                    )));
                }
            }
        });
    }
    // The open PI's whole history comes from the engine (the report's rows carry only
    // their latest points): asked for when a PI is opened and for each new report.
    {
        let bridge = bridge.clone();
        let report = state.report.as_ref().map(|r| Rc::as_ptr(r) as usize);
        use_effect_with(
            (state.selected.clone(), report),
            move |(selected, report)| {
                if let (Some(code), Some(_)) = (selected, report) {
                    bridge.send(Request::Detail { code: code.clone() }, &[]);
                }
            },
        );
    }
    // Remember the view settings on this machine; the data only where the user opted in.
    {
        let view = state.shared_view();
        use_effect_with(view, |view| {
            storage::set(storage::VIEW, &share::encode_view(view));
        });
    }
    {
        let names: Vec<String> = state.files.iter().map(|f| f.name.clone()).collect();
        let files = state.files.clone();
        let remember = state.remember_data;
        let packed = state.packed.clone();
        let busy = state.busy();
        let bridge = bridge.clone();
        use_effect_with(
            (names, remember, packed, busy),
            move |(names, remember, packed, busy)| {
                if !*remember || names.is_empty() {
                    storage::remove(storage::DATA);
                } else if !*busy {
                    match packed {
                        None => send_files(&bridge, &files, Request::Pack),
                        Some(Ok(d)) => {
                            let view = share::encode_view(&share::SharedView::default());
                            let saved = share::join(&view, Some(d), 4_000_000)
                                .ok()
                                .filter(|d| storage::set(storage::DATA, d));
                            if saved.is_none() {
                                storage::remove(storage::DATA);
                            }
                        }
                        Some(Err(_)) => storage::remove(storage::DATA),
                    }
                }
            },
        );
    }

    let zone_class = classes!("dropzone", dragging.then_some("dragging"));
    html! {
        <>
        <header class="masthead">
            <h1>{ "Scorecard" }</h1>
            <p class="tagline">
                { "Quarterly performance reports from your data file: status, trends and targets for every indicator. " }
                <strong>{ "Your files never leave this computer" }</strong>
                { ": everything is calculated here in your browser, and nothing is uploaded." }
            </p>
        </header>
        <main id="main">
            <section class="intake no-print" aria-labelledby="intake-heading">
                <h2 id="intake-heading" class="visually-hidden">{ "Your data" }</h2>
                <div class={zone_class} {ondragover} {ondragleave} {ondrop} data-testid="dropzone">
                    <p class="dropzone-lead">{ "Drag your quarterly data files here (CSV or XLSX), or paste a range copied from Excel." }</p>
                    <div class="dropzone-actions">
                        <label class="button primary" for="file-input">{ "Choose files…" }</label>
                        <input id="file-input" class="file-input" type="file" multiple=true
                            accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            {onchange} />
                        <button type="button" class="button" onclick={on_sample}>{ "Try with sample data" }</button>
                    </div>
                </div>
                <Busy busy={state.busy()} progress={state.progress} {on_cancel} />
                <FileList files={state.files.clone()} data={state.data.clone()} busy={state.busy()} {on_remove} />
                <div class="intake-controls">
                    if !state.files.is_empty() {
                        <button type="button" class="button subtle" onclick={on_clear}>{ "Remove all files" }</button>
                    }
                    <span class="remember">
                        <input type="checkbox" id="remember-data" checked={state.remember_data} onchange={on_remember} />
                        <label for="remember-data">{ "Keep my data in this browser on this computer" }</label>
                    </span>
                    <button type="button" class="button subtle" onclick={on_clear_everything}>{ "Clear everything" }</button>
                </div>
            </section>
            if let Some(e) = &state.link_error {
                <div role="alert" class="notices has-problems no-print"><p>{ e }</p></div>
            }
            <Notices data={state.data.clone()} />
            <section class="report-area" aria-label="Report">
                if let Some(report) = state.shown.clone() {
                    <ExportBar report={report_view::Shared(report.clone())} view={state.shared_view()} packed={state.packed.clone()}
                        suppression={state.suppression} xlsx_error={state.xlsx_error.clone()} {on_suppression} {on_xlsx} {on_need_pack} />
                    <ReportView report={report_view::Shared(report)} detail={state.detail_shown.clone()} selected={state.selected.clone()} filter={state.filter.clone()} {on_period} {on_select} {on_filter} />
                } else if state.busy() {
                    <p class="empty-report">{ "Working out the report…" }</p>
                } else if state.files.is_empty() {
                    <p class="empty-report">{ "No data yet. Choose a file, drop one on the box above, or try the sample data to see a report." }</p>
                } else {
                    <p class="empty-report">{ "No indicator values could be read from these files yet: see the messages above." }</p>
                }
            </section>
            <Help />
        </main>
        <footer class="colophon">
            <p><span class="no-print">{ "Scorecard runs entirely in your browser. " }</span>{ "Key: " }
                { for scorecard_core::status::Status::ALL.iter().map(|s| html! {
                    <span class={classes!("status", format!("status-{}", s.key()))}>{ report_view::status_symbol(*s) }{ " " }{ s.label() }</span>
                }) }
            </p>
        </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FileListProps {
    files: Vec<UserFile>,
    /// The engine is still reading: a file it has not answered for yet is being read.
    busy: bool,
    data: Rc<scorecard_core::engine::Data>,
    on_remove: Callback<usize>,
}

/// The files given so far, each with what it was recognised as and its row count.
#[function_component(FileList)]
fn file_list(p: &FileListProps) -> Html {
    if p.files.is_empty() {
        return html! {};
    }
    html! {
        <div class="files">
            <h2 class="small-heading">{ "Files" }</h2>
            <ul class="file-list" aria-label="Loaded files">
            { for p.files.iter().enumerate().map(|(i, f)| {
                let parts: Vec<String> = p.data.sources.iter()
                    .filter(|s| s.name == f.name || s.name.starts_with(&format!("{} › ", f.name)))
                    .map(|s| format!("{}: {} rows", s.recognised_as, s.rows))
                    .collect();
                let failed = p.data.notices.iter().any(|n| n.level == Level::Error && n.file == f.name);
                let what = if failed { "could not be read".to_string() }
                    else if parts.is_empty() && p.busy { "reading…".to_string() }
                    else if parts.is_empty() { "not recognised".to_string() }
                    else { parts.join("; ") };
                let on_remove = p.on_remove.clone();
                html! {
                    <li class={classes!(failed.then_some("failed"))}>
                        <span class="file-name">{ &f.name }</span>
                        <span class="file-what">{ what }</span>
                        <button type="button" class="button subtle small"
                            aria-label={format!("Remove {}", f.name)}
                            onclick={Callback::from(move |_| on_remove.emit(i))}>{ "Remove" }</button>
                    </li>
                }
            }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NoticesProps {
    data: Rc<scorecard_core::engine::Data>,
}

/// Problems with the files (in an alert) and information notices.
#[function_component(Notices)]
fn notices(p: &NoticesProps) -> Html {
    let problems: Vec<_> = p
        .data
        .notices
        .iter()
        .filter(|n| n.level != Level::Info)
        .collect();
    let infos: Vec<_> = p
        .data
        .notices
        .iter()
        .filter(|n| n.level == Level::Info)
        .collect();
    html! {
        <>
        <div role="alert" class={classes!("notices", (!problems.is_empty()).then_some("has-problems"), "no-print")}>
            if !problems.is_empty() {
                <h2 class="small-heading">{ "Problems with your files" }</h2>
                <ul>
                { for problems.iter().map(|n| html! {
                    <li class={if n.level == Level::Error { "error" } else { "problem" }}>{ n.to_string() }</li>
                }) }
                </ul>
            }
        </div>
        if !infos.is_empty() {
            <div role="status" class="notices info no-print">
                <ul>{ for infos.iter().map(|n| html! { <li>{ n.to_string() }</li> }) }</ul>
            </div>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct BusyProps {
    busy: bool,
    progress: Option<state::Progress>,
    on_cancel: Callback<MouseEvent>,
}

/// While the engine reads: what it is doing, a progress bar once a file takes a while,
/// and a button that stops it and goes back to the files before.
#[function_component(Busy)]
fn busy(p: &BusyProps) -> Html {
    if !p.busy {
        return html! {};
    }
    let (label, bar) = match p.progress {
        Some(pr) if pr.total > 0 => {
            let pct = (pr.done as f64 / pr.total as f64 * 100.0).clamp(0.0, 100.0);
            (
                format!(
                    "Reading your data: {:.0}% of {}",
                    pct,
                    scorecard_core::read::human_size(pr.total)
                ),
                Some(pct),
            )
        }
        _ => ("Reading your data…".to_string(), None),
    };
    html! {
        <div class="busy" data-testid="busy">
            <p role="status" class="reading">{ &label }</p>
            if let Some(pct) = bar {
                <progress max="100" value={format!("{pct:.0}")} aria-label="Reading progress">{ format!("{pct:.0}%") }</progress>
            }
            <button type="button" class="button subtle small" onclick={p.on_cancel.clone()}>{ "Cancel" }</button>
        </div>
    }
}
