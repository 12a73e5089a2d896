//! Risks: the "High Risks" heading with the high risks named, as seed 001 prints it, and
//! the register as a table with each rating as shape + words + colour.

use yew::prelude::*;

use scorecard_core::risk::{RiskRating, RiskRow};

#[derive(Properties, PartialEq)]
pub struct RisksProps {
    pub risks: Vec<RiskRow>,
}

fn rating(r: Option<RiskRating>) -> Html {
    match r {
        Some(r) => html! {
            <span class={classes!("risk", r.key())}>
                <span aria-hidden="true" class="sym">{ format!("{} ", r.symbol()) }</span>{ r.label() }
            </span>
        },
        None => html! { <span class="muted">{ "Not rated" }</span> },
    }
}

/// "High Risks ▲ 3" and the three named.
#[function_component(HighRisks)]
pub fn high_risks(p: &RisksProps) -> Html {
    if p.risks.is_empty() {
        return html! {};
    }
    let high: Vec<&RiskRow> = p
        .risks
        .iter()
        .filter(|r| r.rating == Some(RiskRating::High))
        .collect();
    html! {
        <div class="set high-risks">
            <h4>
                { "High Risks " }
                <span aria-hidden="true" class="sym risk risk-high">{ RiskRating::High.symbol() }</span>
                <span class="count">{ high.len() }</span>
            </h4>
            if high.is_empty() {
                <p class="set-none">{ "None." }</p>
            } else {
                <ul class="off-target-list">
                    { for high.iter().map(|r| html! { <li><span class="code">{ &r.code }</span>{ " " }{ &r.title }</li> }) }
                </ul>
            }
        </div>
    }
}

/// The register: every risk with its rating, why, owner, review date and controls.
#[function_component(RiskTable)]
pub fn risk_table(p: &RisksProps) -> Html {
    if p.risks.is_empty() {
        return html! {};
    }
    html! {
        <section class="group risks" aria-labelledby="risks-heading">
            <h3 id="risks-heading">{ "Risks" }</h3>
            <div class="table-wrap">
            <table class="risk-table">
                <caption class="visually-hidden">{ "Risk register, highest rated first" }</caption>
                <thead><tr>
                    <th scope="col">{ "Code" }</th>
                    <th scope="col" class="col-title">{ "Risk" }</th>
                    <th scope="col">{ "Rating" }</th>
                    <th scope="col" class="num">{ "Likelihood" }</th>
                    <th scope="col" class="num">{ "Impact" }</th>
                    <th scope="col" class="num">{ "Score" }</th>
                    <th scope="col">{ "Owner" }</th>
                    <th scope="col">{ "Review" }</th>
                    <th scope="col" class="col-note">{ "Controls" }</th>
                </tr></thead>
                <tbody>
                { for p.risks.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{ &r.code }</th>
                        <td class="col-title">{ &r.title }
                            if !r.group.is_empty() { <span class="period-tag">{ format!(" ({})", r.group) }</span> }
                        </td>
                        <td title={r.reason.clone()}>{ rating(r.rating) }<span class="visually-hidden">{ format!("; {}", r.reason) }</span></td>
                        <td class="num">{ r.likelihood.map(|l| l.to_string()).unwrap_or_else(|| "-".into()) }</td>
                        <td class="num">{ r.impact.map(|l| l.to_string()).unwrap_or_else(|| "-".into()) }</td>
                        <td class="num">{ r.score.map(|s| format!("{s}")).unwrap_or_else(|| "-".into()) }</td>
                        <td>{ &r.owner }</td>
                        <td class="nowrap">{ &r.review }</td>
                        <td class="col-note">{ &r.controls }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
