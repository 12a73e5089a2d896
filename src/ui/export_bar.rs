//! Results out: CSV and XLSX downloads, small-number suppression for publication, and
//! the share link (with the data in it only when the user opts in).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::export;
use crate::core::report::Report;
use crate::core::share::{encode, SharedView};
use crate::core::suppress::DEFAULT_THRESHOLD;
use crate::core::InputFile;
use crate::ui::services::{copy_to_clipboard, download, link_with_fragment};

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub report: Rc<Report>,
    pub view: SharedView,
    pub files: Vec<Rc<InputFile>>,
    pub suppression: Option<u32>,
    pub on_suppression: Callback<Option<u32>>,
}

#[function_component(ExportBar)]
pub fn export_bar(p: &ExportProps) -> Html {
    let share_open = use_state(|| false);
    let on_csv = {
        let report = p.report.clone();
        Callback::from(move |_: MouseEvent| {
            download(
                &export::file_name(&report, "csv"),
                &export::csv(&report),
                "text/csv;charset=utf-8",
            );
        })
    };
    let xlsx_error = use_state(|| None::<String>);
    let on_xlsx = {
        let report = p.report.clone();
        let xlsx_error = xlsx_error.clone();
        Callback::from(move |_: MouseEvent| match export::xlsx(&report) {
            Ok(bytes) => {
                xlsx_error.set(None);
                download(
                    &export::file_name(&report, "xlsx"),
                    &bytes,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                );
            }
            Err(e) => xlsx_error.set(Some(format!("The workbook could not be made: {e}"))),
        })
    };
    let on_suppress = {
        let (cb, current) = (p.on_suppression.clone(), p.suppression);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(
                input
                    .checked()
                    .then(|| current.unwrap_or(DEFAULT_THRESHOLD)),
            );
        })
    };
    let on_threshold = {
        let cb = p.on_suppression.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(t) = input.value().trim().parse::<u32>() {
                cb.emit(Some(t.clamp(1, 99)));
            }
        })
    };
    let toggle_share = {
        let share_open = share_open.clone();
        Callback::from(move |_: MouseEvent| share_open.set(!*share_open))
    };
    html! {
        <div class="export-bar no-print">
            <div class="export-actions">
                <button type="button" class="button" onclick={on_csv}>{ "Download CSV" }</button>
                <button type="button" class="button" onclick={on_xlsx}>{ "Download XLSX" }</button>
                <button type="button" class="button" aria-expanded={share_open.to_string()} aria-controls="share-panel" onclick={toggle_share}>{ "Share…" }</button>
            </div>
            <div class="suppression">
                <input type="checkbox" id="suppress" checked={p.suppression.is_some()} onchange={on_suppress} />
                <label for="suppress">{ "Suppress small numbers for publication" }</label>
                if let Some(t) = p.suppression {
                    <label for="threshold" class="threshold-label">{ "counts from 1 to" }</label>
                    <input id="threshold" type="number" min="1" max="99" value={t.to_string()} onchange={on_threshold} />
                    <span class="hint">{ " are shown as c, and so are rates worked out from them, on screen and in every download." }</span>
                }
            </div>
            if let Some(e) = &*xlsx_error { <p role="alert" class="notices has-problems">{ e }</p> }
            if *share_open {
                <SharePanel view={p.view.clone()} files={p.files.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ShareProps {
    view: SharedView,
    files: Vec<Rc<InputFile>>,
}

/// The share link in a read-only box, with a copy button. The view always travels in
/// the link; the data only when the user ticks the box, after a plain warning.
#[function_component(SharePanel)]
fn share_panel(p: &ShareProps) -> Html {
    let with_data = use_state(|| false);
    let copied = use_state(|| false);
    let files: Vec<InputFile> = p.files.iter().map(|f| (**f).clone()).collect();
    let link =
        encode(&p.view, with_data.then_some(files.as_slice())).map(|f| link_with_fragment(&f));
    let on_with_data = {
        let (with_data, copied) = (with_data.clone(), copied.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            with_data.set(input.checked());
            copied.set(false);
        })
    };
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(l) = &link {
                copy_to_clipboard(l);
                copied.set(true);
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <section id="share-panel" class="share-panel" aria-labelledby="share-heading">
            <h3 id="share-heading">{ "Share this view" }</h3>
            <p>{ "The link opens Scorecard with the same report period, filters and selected indicator. A colleague who loads the same file sees the same view." }</p>
            <div class="share-data">
                <input type="checkbox" id="share-with-data" checked={*with_data} onchange={on_with_data} />
                <label for="share-with-data">{ "Put the data in the link too" }</label>
                <p class="warning" id="share-warning">
                    <strong>{ "Warning: " }</strong>
                    { "with this ticked, the data travel inside the link itself. Anyone who gets the link can read every figure in it. Your browser never sends the link's data to a server, but e-mail and chat will store the link. Links are limited to 200,000 characters." }
                </p>
            </div>
            { match &link {
                Ok(l) => html! {
                    <div class="share-link">
                        <label for="share-link">{ "Share link" }</label>
                        <input id="share-link" type="text" readonly=true value={l.clone()} onfocus={select_all} aria-describedby="share-warning" />
                        <button type="button" class="button primary" onclick={on_copy}>{ "Copy link" }</button>
                        <span role="status" class="copied">{ if *copied { "Copied to the clipboard." } else { "" } }</span>
                    </div>
                },
                Err(e) => html! { <p role="alert" class="notices has-problems">{ format!("No link could be made: {e}.") }</p> },
            } }
        </section>
    }
}
