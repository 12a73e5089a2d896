//! The report's narrative sections ("Progress in delivery of strategic outcomes",
//! "Challenges and Risks"), and a form to write one in the page. A written section is
//! handed over as a small narrative file, so it stays with the data in links and storage
//! and can be removed like any file.

use scorecard_core::narrative::{typed_file, NarrativeSection};
use scorecard_core::period::Period;
use scorecard_state::Action;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::transport::files::FileStore;

#[derive(Properties, PartialEq)]
pub struct NarrativeProps {
    pub sections: Vec<NarrativeSection>,
}

/// The sections for the report period, each a heading and its paragraphs.
#[function_component(NarrativeView)]
pub fn narrative_view(p: &NarrativeProps) -> Html {
    html! {
        { for p.sections.iter().map(|s| html! {
            <section class="narrative">
                <h3>{ &s.title }</h3>
                { for s.paragraphs.iter().map(|t| html! { <p>{ t }</p> }) }
            </section>
        }) }
    }
}

#[derive(Properties, PartialEq)]
pub struct WriterProps {
    pub period: Period,
    pub files: FileStore,
    pub on_action: Callback<Action>,
}

/// "Write commentary": a section title, whether it is for this period or every one, and
/// the text.
#[function_component(NarrativeWriter)]
pub fn narrative_writer(p: &WriterProps) -> Html {
    let title = use_node_ref();
    let text = use_node_ref();
    let every = use_node_ref();
    let problem = use_state(String::new);
    let on_add = {
        let (title, text, every, problem) =
            (title.clone(), text.clone(), every.clone(), problem.clone());
        let (files, on_action, period) = (p.files.clone(), p.on_action.clone(), p.period);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(t), Some(x), Some(all)) = (
                title.cast::<HtmlInputElement>(),
                text.cast::<HtmlTextAreaElement>(),
                every.cast::<HtmlInputElement>(),
            ) else {
                return;
            };
            let (section, body) = (t.value(), x.value());
            if section.trim().is_empty() || body.trim().is_empty() {
                problem.set("Give the section a title and some text.".into());
                return;
            }
            let for_period = if all.checked() {
                String::new()
            } else {
                period.to_string()
            };
            let name = format!("Commentary – {}.csv", section.trim());
            let entry = files.keep_new(name, &typed_file(&section, &for_period, &body));
            on_action.emit(Action::Add(vec![entry]));
            t.set_value("");
            x.set_value("");
            problem.set(String::new());
        })
    };
    html! {
        <details class="narrative-writer no-print">
            <summary>{ "Write commentary" }</summary>
            <form onsubmit={on_add}>
                <p class="hint">{ "A section of text for the report, such as “Progress in delivery of strategic outcomes” or “Challenges and Risks”. It is kept as a small file in your file list: remove it there to take it out." }</p>
                <label for="narrative-title">{ "Section title" }</label>
                <input id="narrative-title" type="text" ref={title} />
                <label for="narrative-text">{ "Text (a blank line starts a new paragraph)" }</label>
                <textarea id="narrative-text" rows="6" ref={text} />
                <span class="narrative-every">
                    <input id="narrative-every" type="checkbox" ref={every} />
                    <label for="narrative-every">{ format!("For every period, not only {}", p.period) }</label>
                </span>
                <button type="submit" class="button">{ "Add to the report" }</button>
                <p class="form-problem" role="alert">{ (*problem).clone() }</p>
            </form>
        </details>
    }
}
