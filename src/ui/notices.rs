//! What the user must know: problems with the files (in an alert), information notices,
//! and trouble opening a link or with the engine itself.

use std::rc::Rc;

use scorecard_core::dataset::Level;
use scorecard_core::engine::Data;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub data: Rc<Data>,
    /// A link or stored data that could not be opened; the engine's own trouble.
    pub alerts: Vec<String>,
    /// Whether the information notices are shown here; once there is a report they
    /// are folded away with the files ([`InfoNotices`]).
    #[prop_or(true)]
    pub show_info: bool,
}

/// How many information notices the files gave.
pub fn info_count(data: &Data) -> usize {
    data.notices
        .iter()
        .filter(|n| n.level == Level::Info)
        .count()
}

#[function_component(Notices)]
pub fn notices(p: &NoticesProps) -> Html {
    let notices = &p.data.notices;
    let problems: Vec<_> = notices.iter().filter(|n| n.level != Level::Info).collect();
    html! {
        <>
        { for p.alerts.iter().map(|a| html! {
            <div role="alert" class="notices has-problems no-print"><p>{ a }</p></div>
        }) }
        <div role="alert" class={classes!("notices", (!problems.is_empty()).then_some("has-problems"), "no-print")}>
            if !problems.is_empty() {
                <h2 class="small-heading">{ "Problems with your files" }</h2>
                <ul>
                { for problems.iter().map(|n| html! {
                    <li class={if n.level == Level::Error { "error" } else { "problem" }}>{ n.text.clone() }</li>
                }) }
                </ul>
            }
        </div>
        if p.show_info { <InfoNotices data={p.data.clone()} /> }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct InfoProps {
    pub data: Rc<Data>,
}

/// What the engine noted about the files that is not a problem.
#[function_component(InfoNotices)]
pub fn info_notices(p: &InfoProps) -> Html {
    let infos: Vec<_> = p
        .data
        .notices
        .iter()
        .filter(|n| n.level == Level::Info)
        .collect();
    if infos.is_empty() {
        return html! {};
    }
    html! {
        <div role="status" class="notices info no-print">
            <ul>{ for infos.iter().map(|n| html! { <li>{ n.text.clone() }</li> }) }</ul>
        </div>
    }
}
