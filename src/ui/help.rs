//! The way to the help page. Its text (every rule the calculator applies, in plain words,
//! with an example) is a page of its own, `src/web/help.html`, beside the app and kept by
//! the service worker for offline use: the app's first download carries none of it.

use yew::prelude::*;

#[function_component(Help)]
pub fn help() -> Html {
    html! {
        <p class="help no-print" id="help">
            <a href="help.html">{ "How Scorecard works out each figure" }</a>
            { ": every rule the calculator applies, in plain words, with an example." }
        </p>
    }
}
