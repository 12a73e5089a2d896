//! The council's local holidays for complaints' working days: a small form (dates typed
//! one a line, and whether Easter Monday is a holiday) kept in this browser. The
//! reducer parses the lines and tells the engine; this only shows and carries out.

use scorecard_state::Action;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::services::storage;
use crate::ui::store::Store;

/// Where this browser keeps the holidays: `1` or `0` for Easter Monday on the first
/// line, the typed lines after it.
pub const KEY: &str = "scorecard.holidays";

/// Reads the kept holidays once, when the page opens.
#[hook]
pub fn use_kept_holidays(state: &UseReducerHandle<Store>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        if let Some(kept) = storage::get(KEY) {
            let (first, text) = kept.split_once('\n').unwrap_or((kept.as_str(), ""));
            dispatcher.dispatch(Action::SetHolidays {
                text: text.to_string(),
                easter_monday: first.trim() != "0",
            });
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct HolidaysProps {
    pub text: String,
    pub easter_monday: bool,
    /// A sentence for each typed line that is not a date.
    pub problems: Vec<String>,
    /// How many dates were read.
    pub dates: usize,
    pub on_action: Callback<Action>,
}

/// The form: applied with its button (or Enter on the checkbox), not at each keystroke,
/// so the report is worked out once.
#[function_component(Holidays)]
pub fn holidays(p: &HolidaysProps) -> Html {
    let text_ref = use_node_ref();
    let easter_ref = use_node_ref();
    let on_submit = {
        let (text_ref, easter_ref, on_action) =
            (text_ref.clone(), easter_ref.clone(), p.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = text_ref
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let easter_monday = easter_ref
                .cast::<HtmlInputElement>()
                .is_none_or(|c| c.checked());
            // Kept only when the user applies them; a refusal costs the next visit only.
            let _ = storage::set(
                KEY,
                &format!("{}\n{text}", if easter_monday { "1" } else { "0" }),
            );
            on_action.emit(Action::SetHolidays {
                text,
                easter_monday,
            });
        })
    };
    html! {
        <details class="holidays no-print" id="holidays">
            <summary>{ "Holidays for complaints' working days" }</summary>
            <form onsubmit={on_submit} aria-describedby="holidays-about">
                <p id="holidays-about">{ "Complaints' working days skip weekends and Scotland's public holidays. Add your council's local holidays here, one date a line in UK order (23/09/2019, or 23 Sep 2019 Autumn holiday). They are kept in this browser and used for every case list." }</p>
                <label for="holiday-dates">{ "Local holidays, one a line" }</label>
                <textarea id="holiday-dates" ref={text_ref} rows="5" cols="30"
                    value={p.text.clone()} aria-invalid={(!p.problems.is_empty()).to_string()}
                    aria-describedby="holiday-problems" />
                <span class="remember">
                    <input type="checkbox" id="easter-monday" ref={easter_ref} checked={p.easter_monday} />
                    <label for="easter-monday">{ "Easter Monday is a holiday here" }</label>
                </span>
                <button type="submit" class="button">{ "Use these holidays" }</button>
                <div id="holiday-problems" aria-live="polite">
                    if p.problems.is_empty() {
                        <p class="holiday-count">{ format!("{} local holiday{} in use.", p.dates, if p.dates == 1 { "" } else { "s" }) }</p>
                    } else {
                        <ul class="holiday-problems">{ for p.problems.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                    }
                </div>
            </form>
        </details>
    }
}
