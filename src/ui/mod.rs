//! The Yew shell: the page, file intake, and the report as the core computed it.
//! Formulas never live here.

mod export_bar;
mod help;
pub mod report_view;
pub mod services;
pub mod state;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::core::dataset::Level;
use crate::core::share;
use crate::core::InputFile;
use export_bar::ExportBar;
use help::Help;
use report_view::ReportView;
use services::{clear_location_hash, location_hash, storage};
use services::{read_files, sample_files, Readers};
pub use state::{Action, State};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let readers: Readers = use_mut_ref(Vec::new);
    let dragging = use_state(|| false);

    let on_file = {
        let dispatcher = state.dispatcher();
        Callback::from(move |f: InputFile| dispatcher.dispatch(Action::Add(vec![f])))
    };

    let take_files = {
        let dispatcher = state.dispatcher();
        let readers = readers.clone();
        let on_file = on_file.clone();
        Callback::from(move |list: web_sys::FileList| {
            let n = read_files(list, &readers, on_file.clone());
            dispatcher.dispatch(Action::Reading(n));
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
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Add(sample_files())))
    };

    // Text pasted anywhere on the page (a range copied from Excel arrives as
    // tab-separated text) is read like a file. Pastes into form fields are left alone.
    {
        let dispatcher = state.dispatcher();
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
                        dispatcher.dispatch(Action::Add(vec![InputFile {
                            name: format!("Pasted text {}", count.get()),
                            bytes: text.into_bytes(),
                        }]));
                    }
                });
            move || drop(listener)
        });
    }

    let on_remove = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i: usize| dispatcher.dispatch(Action::Remove(i)))
    };
    let on_clear = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ClearFiles))
    };
    let on_period = {
        let dispatcher = state.dispatcher();
        Callback::from(move |p| dispatcher.dispatch(Action::SetPeriod(p)))
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
    let on_remember = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatcher.dispatch(Action::RememberData(input.checked()))
        })
    };
    let on_clear_everything = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            storage::remove(storage::VIEW);
            storage::remove(storage::DATA);
            clear_location_hash();
            dispatcher.dispatch(Action::ClearEverything);
        })
    };

    // Readers are kept alive while they read (dropping one cancels it); once nothing is
    // being read they have all finished and can go.
    {
        let readers = readers.clone();
        use_effect_with(state.reading, move |reading| {
            if *reading == 0 {
                readers.borrow_mut().clear();
            }
        });
    }

    // On opening: a share link wins; else this browser's remembered view (and data, where
    // the user opted in). A damaged link gives a message and an empty, working page.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let hash = location_hash();
            if !hash.is_empty() {
                match share::decode(&hash) {
                    Ok(s) => dispatcher.dispatch(Action::Restore {
                        view: s.view,
                        files: s.files,
                        remember_data: false,
                    }),
                    Err(e) => {
                        clear_location_hash();
                        dispatcher.dispatch(Action::LinkError(format!(
                            "This share link could not be opened: {e}."
                        )));
                    }
                }
            } else {
                let view = storage::get(storage::VIEW)
                    .and_then(|v| share::decode(&v).ok())
                    .map(|s| s.view)
                    .unwrap_or_default();
                let files = storage::get(storage::DATA)
                    .and_then(|d| share::decode(&d).ok())
                    .map(|s| s.files)
                    .unwrap_or_default();
                let remember_data = !files.is_empty();
                dispatcher.dispatch(Action::Restore {
                    view,
                    files,
                    remember_data,
                });
            }
        });
    }
    // Remember the view settings on this machine; the data only where the user opted in.
    {
        let view = state.shared_view();
        use_effect_with(view, |view| {
            if let Ok(v) = share::encode(view, None) {
                storage::set(storage::VIEW, &v);
            }
        });
    }
    {
        let files = state.files.clone();
        let remember = state.remember_data;
        use_effect_with((files, remember), |(files, remember)| {
            let saved = remember.then(|| {
                let files: Vec<InputFile> = files.iter().map(|f| (**f).clone()).collect();
                share::encode_within(&share::SharedView::default(), Some(&files), 4_000_000)
                    .ok()
                    .filter(|d| storage::set(storage::DATA, d))
            });
            if saved.flatten().is_none() {
                storage::remove(storage::DATA);
            }
        });
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
                if state.reading > 0 {
                    <p role="status" class="reading">{ format!("Reading {} file(s)…", state.reading) }</p>
                }
                <FileList files={state.files.clone()} dataset={state.dataset.clone()} {on_remove} />
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
            <Notices dataset={state.dataset.clone()} />
            <section class="report-area" aria-label="Report">
                if let Some(report) = state.shown.clone() {
                    <ExportBar report={report.clone()} view={state.shared_view()} files={state.files.clone()}
                        suppression={state.suppression} {on_suppression} />
                    <ReportView {report} selected={state.selected.clone()} filter={state.filter.clone()} {on_period} {on_select} {on_filter} />
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
                { for crate::core::status::Status::ALL.iter().map(|s| html! {
                    <span class={classes!("status", format!("status-{}", s.key()))}>{ report_view::status_symbol(*s) }{ " " }{ s.label() }</span>
                }) }
            </p>
        </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FileListProps {
    files: Vec<Rc<InputFile>>,
    dataset: Rc<crate::core::dataset::Dataset>,
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
                let parts: Vec<String> = p.dataset.sources.iter()
                    .filter(|s| s.name == f.name || s.name.starts_with(&format!("{} › ", f.name)))
                    .map(|s| format!("{}: {} rows", s.recognised_as, s.rows))
                    .collect();
                let failed = p.dataset.notices.iter().any(|n| n.level == Level::Error && n.file == f.name);
                let what = if failed { "could not be read".to_string() }
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
    dataset: Rc<crate::core::dataset::Dataset>,
}

/// Problems with the files (in an alert) and information notices.
#[function_component(Notices)]
fn notices(p: &NoticesProps) -> Html {
    let problems: Vec<_> = p
        .dataset
        .notices
        .iter()
        .filter(|n| n.level != Level::Info)
        .collect();
    let infos: Vec<_> = p
        .dataset
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
