//! The PI sets' summaries, as seed 001 heads a service: "Corporate PIs (latest)" with its
//! summary line, then "Corporate PIs Off Target" naming each PI.

use yew::prelude::*;

use crate::ui::summary::{status_symbol, SummaryLine};
use scorecard_core::report::SetSummary;
use scorecard_core::status::Status;

#[derive(Properties, PartialEq)]
pub struct SetsProps {
    pub sets: Vec<SetSummary>,
    pub risks: Vec<scorecard_core::risk::RiskRow>,
}

#[function_component(SetSummaries)]
pub fn set_summaries(p: &SetsProps) -> Html {
    if p.sets.is_empty() && p.risks.is_empty() {
        return html! {};
    }
    html! {
        <section class="sets" aria-labelledby="sets-heading">
            <h3 id="sets-heading" class="visually-hidden">{ "PI sets and high risks" }</h3>
            { for p.sets.iter().map(|set| {
                let heading = set.heading();
                html! {
                    <div class="set">
                        <h4>{ format!("{heading} (latest)") }</h4>
                        <SummaryLine summary={set.summary.clone()} label={heading.clone()} />
                        <h5>
                            { format!("{heading} Off Target ") }
                            { status_symbol(Status::OffTarget) }
                            <span class="count">{ set.off_target.len() }</span>
                        </h5>
                        if set.off_target.is_empty() {
                            <p class="set-none">{ "None." }</p>
                        } else {
                            <ul class="off-target-list">
                                { for set.off_target.iter().map(|(code, title)| html! {
                                    <li><span class="code">{ code }</span>{ " " }{ title }</li>
                                }) }
                            </ul>
                        }
                    </div>
                }
            }) }
            <crate::ui::risks::HighRisks risks={p.risks.clone()} />
        </section>
    }
}
