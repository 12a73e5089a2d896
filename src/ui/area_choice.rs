//! "Which council is yours?": shown where the files hold many councils' figures (an LGBF
//! download, a statistics download, population estimates). The choice goes to the
//! reducer; the page remembers it in this browser ([`super::effects::use_area_storage`]).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AreaChoiceProps {
    /// The councils (areas) the files hold figures of.
    pub areas: Vec<String>,
    /// The one reported on, as the engine matched the choice.
    pub area: Option<String>,
    pub on_choose: Callback<Option<String>>,
}

#[function_component(AreaChoice)]
pub fn area_choice(p: &AreaChoiceProps) -> Html {
    let select = use_node_ref();
    if p.areas.is_empty() {
        return html! {};
    }
    let onsubmit = {
        let (select, on_choose) = (select.clone(), p.on_choose.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(s) = select.cast::<HtmlSelectElement>() {
                let v = s.value();
                if !v.is_empty() {
                    on_choose.emit(Some(v));
                }
            }
        })
    };
    let said = match &p.area {
        Some(a) => format!(
            "Reporting for {a}: its own values, each year's rank among the {} councils with a value, the Scottish average and its family group's average.",
            p.areas.len()
        ),
        None => format!(
            "These files hold figures of {} councils or areas. Choose yours to see its indicators with their ranks and averages.",
            p.areas.len()
        ),
    };
    html! {
        <section class="area-choice no-print" aria-labelledby="area-choice-label">
            <form {onsubmit}>
                <label id="area-choice-label" for="area-choice">{ "Which council is yours?" }</label>
                <select id="area-choice" ref={select}>
                    if p.area.is_none() {
                        <option value="" selected=true>{ "Choose…" }</option>
                    }
                    { for p.areas.iter().map(|a| html! {
                        <option value={a.clone()} selected={p.area.as_deref() == Some(a.as_str())}>{ a }</option>
                    }) }
                </select>
                <button type="submit" class="button">{ if p.area.is_some() { "Show this council" } else { "Show our council" } }</button>
            </form>
            <p role="status">{ said }</p>
        </section>
    }
}
