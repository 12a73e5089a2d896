//! A status's symbol, and the summary line the published reports head a section with:
//! the report, its groups and its PI sets all use them.

use yew::prelude::*;

use scorecard_core::report::Summary;
use scorecard_core::status::Status;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub summary: Summary,
    pub label: AttrValue,
}

/// `● 0 ▲ 0 ✓ 10 ? 2 📊 8`, each count with its words for screen readers, and the share On Target.
#[function_component(SummaryLine)]
pub fn summary_line(p: &SummaryProps) -> Html {
    let s = &p.summary;
    html! {
        <p class="summary" aria-label={format!("{} summary", p.label)}>
            { for Status::ALL.iter().map(|st| html! {
                <span class={classes!("summary-item", format!("status-{}", st.key()))} title={st.label()}>
                    { status_symbol(*st) }
                    <span class="count">{ s.count(*st) }</span>
                    <span class="visually-hidden">{ format!(" {}; ", st.label()) }</span>
                </span>
            }) }
            if let Some(share) = s.share_on_target() {
                <span class="share">{ format!("{share:.0}% on target") }</span>
            }
        </p>
    }
}

/// A status's symbol. Data Only's 📊 is drawn as a small bar chart, so it shows even
/// where no emoji font is installed (and prints the same everywhere).
pub fn status_symbol(s: Status) -> Html {
    if s == Status::DataOnly {
        html! {
            <svg class="sym sym-chart" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                <rect x="1" y="6" width="2.4" height="5" /><rect x="4.8" y="2" width="2.4" height="9" /><rect x="8.6" y="4" width="2.4" height="7" />
            </svg>
        }
    } else {
        html! { <span aria-hidden="true" class="sym">{ s.symbol() }</span> }
    }
}
