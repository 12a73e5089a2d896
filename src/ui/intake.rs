//! Where files come in: the drop zone, the file input, the sample data, and while the
//! engine reads, its progress with a Cancel button.

use scorecard_state::{Action, FileEntry, Progress};
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::transport::files::FileStore;
use crate::ui::services::sample_files;

#[derive(Properties, PartialEq)]
pub struct IntakeProps {
    pub files: FileStore,
    pub on_action: Callback<Action>,
    /// Once there is a report: a slim bar, so the report starts near the top.
    #[prop_or_default]
    pub compact: bool,
    /// Shown inside the drop zone, before its buttons (the folded "Your data").
    #[prop_or_default]
    pub children: Html,
}

/// The drop zone with its "Choose files…" input and "Try with sample data"; once there
/// is a report, a slim bar that still takes dropped files.
#[function_component(Intake)]
pub fn intake(p: &IntakeProps) -> Html {
    let dragging = use_state(|| false);
    let take = {
        let (files, on_action) = (p.files.clone(), p.on_action.clone());
        Callback::from(move |list: web_sys::FileList| {
            let entries: Vec<FileEntry> = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(|f| files.keep_file(f))
                .collect();
            on_action.emit(Action::Add(entries));
        })
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                take.emit(list);
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
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|dt| dt.files()) {
                take.emit(list);
            }
        })
    };
    let on_sample = {
        let (files, on_action) = (p.files.clone(), p.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let entries = sample_files()
                .into_iter()
                .map(|(name, bytes)| files.keep_new(name.into(), bytes))
                .collect();
            on_action.emit(Action::Add(entries));
        })
    };
    let small = p.compact.then_some("small");
    html! {
        <div class={classes!("dropzone", dragging.then_some("dragging"), p.compact.then_some("compact"))} {ondragover} {ondragleave} {ondrop} data-testid="dropzone">
            if p.compact {
                { p.children.clone() }
            } else {
                <p class="dropzone-lead">{ "Drag your quarterly data files here (CSV or XLSX), or paste a range copied from Excel." }</p>
            }
            <div class="dropzone-actions">
                if p.compact { <span class="dropzone-more">{ "Add files: drop or paste them here, or" }</span> }
                <label class={classes!("button", "primary", small)} for="file-input">{ "Choose files…" }</label>
                <input id="file-input" class="file-input" type="file" multiple=true
                    accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    {onchange} />
                <button type="button" class={classes!("button", small)} onclick={on_sample}>{ "Try with sample data" }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BusyProps {
    pub busy: bool,
    pub progress: Option<Progress>,
    pub on_cancel: Callback<MouseEvent>,
}

/// While the engine reads: what it is doing, a progress bar once a file takes a while,
/// and a button that stops it and goes back to the files before.
#[function_component(Busy)]
pub fn busy(p: &BusyProps) -> Html {
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
