//! Results out: CSV, XLSX and Word downloads (of the report, and of the PIs' definitions), small-number suppression for publication, and
//! the share link (with the data in it only when the user opts in).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::services::{copy_to_clipboard, link_with_fragment};
use scorecard_core::engine::ExportFormat;
use scorecard_core::share::{encode_view, join, SharedView, MAX_LINK_CHARS};
use scorecard_core::suppress::DEFAULT_THRESHOLD;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub view: SharedView,
    /// The files packed for a link, once the engine has packed them.
    pub packed: Option<Result<Rc<String>, String>>,
    pub suppression: Option<u32>,
    pub export_error: Option<String>,
    pub on_suppression: Callback<Option<u32>>,
    /// Asks the engine for a download (it starts when the file arrives).
    pub on_export: Callback<ExportFormat>,
    /// Asks the engine to pack the files for a link.
    pub on_need_pack: Callback<()>,
}

#[function_component(ExportBar)]
pub fn export_bar(p: &ExportProps) -> Html {
    let share_open = use_state(|| false);
    let on_csv = p.on_export.reform(|_: MouseEvent| ExportFormat::Csv);
    let on_xlsx = p.on_export.reform(|_: MouseEvent| ExportFormat::Xlsx);
    let on_docx = p.on_export.reform(|_: MouseEvent| ExportFormat::Docx);
    let on_definitions_csv = p
        .on_export
        .reform(|_: MouseEvent| ExportFormat::DefinitionsCsv);
    let on_definitions_xlsx = p
        .on_export
        .reform(|_: MouseEvent| ExportFormat::DefinitionsXlsx);
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
            // One row of buttons beside the suppression choice; another download slots in here.
            <div class="export-actions" role="group" aria-label="Downloads and sharing">
                <button type="button" class="button" onclick={on_csv}>{ "Download CSV" }</button>
                <button type="button" class="button" onclick={on_xlsx}>{ "Download XLSX" }</button>
                <button type="button" class="button" onclick={on_docx}
                    title="The report as a Word document, to paste into a committee paper">{ "Download Word (.docx)" }</button>
                <button type="button" class="button" onclick={on_definitions_csv}
                    title="Every indicator's settings, as read or inferred: correct them and drop the file with next quarter's data">{ "Download definitions" }</button>
                <button type="button" class="button" onclick={on_definitions_xlsx}
                    title="The definitions as a workbook">{ "Definitions XLSX" }</button>
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
            if let Some(e) = &p.export_error { <p role="alert" class="notices has-problems">{ format!("The download could not be made: {e}") }</p> }
            if *share_open {
                <SharePanel view={p.view.clone()} packed={p.packed.clone()} on_need_pack={p.on_need_pack.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ShareProps {
    view: SharedView,
    packed: Option<Result<Rc<String>, String>>,
    on_need_pack: Callback<()>,
}

/// The share link in a read-only box, with a copy button. The view always travels in
/// the link; the data only when the user ticks the box, after a plain warning.
#[function_component(SharePanel)]
fn share_panel(p: &ShareProps) -> Html {
    let with_data = use_state(|| false);
    let copied = use_state(|| false);
    // The data are packed by the engine, once asked; until then the link waits.
    {
        let (need, on_need_pack) = (*with_data && p.packed.is_none(), p.on_need_pack.clone());
        use_effect_with(need, move |need| {
            if *need {
                on_need_pack.emit(());
            }
        });
    }
    let view = encode_view(&p.view);
    let link: Option<Result<String, String>> = if *with_data {
        p.packed.as_ref().map(|packed| {
            packed.as_ref().map_err(|e| e.clone()).and_then(|d| {
                join(&view, Some(d), MAX_LINK_CHARS)
                    .map(|f| link_with_fragment(&f))
                    .map_err(|e| e.to_string())
            })
        })
    } else {
        Some(Ok(link_with_fragment(&view)))
    };
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
            if let Some(Ok(l)) = &link {
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
                None => html! { <p role="status">{ "Putting the data in the link…" }</p> },
                Some(Ok(l)) => html! {
                    <div class="share-link">
                        <label for="share-link">{ "Share link" }</label>
                        <input id="share-link" type="text" readonly=true value={l.clone()} onfocus={select_all} aria-describedby="share-warning" />
                        <button type="button" class="button primary" onclick={on_copy}>{ "Copy link" }</button>
                        <span role="status" class="copied">{ if *copied { "Copied to the clipboard." } else { "" } }</span>
                    </div>
                },
                Some(Err(e)) => html! { <p role="alert" class="notices has-problems">{ format!("No link could be made: {e}.") }</p> },
            } }
        </section>
    }
}
