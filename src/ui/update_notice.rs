//! The quiet "A new version is ready" line: shown when a new release of Scorecard has been
//! fetched and waits; Reload switches to it. The page is never changed under the user.

use yew::prelude::*;

use super::offline;

#[function_component(UpdateNotice)]
pub fn update_notice() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| {
            let watch = offline::watch(Callback::from(move |()| ready.set(true)));
            move || drop(watch)
        });
    }
    let on_reload = Callback::from(|_: MouseEvent| offline::switch_to_new_release());
    // The status region is always there, so a screen reader hears the line when it appears.
    html! {
        <div class="update-notice no-print" role="status">
            if *ready {
                <p>{ "A new version of Scorecard is ready. " }
                    <button type="button" class="button small" onclick={on_reload}>{ "Reload" }</button>
                    <span class="update-note">{ " Files you added will need adding again unless this browser keeps your data." }</span>
                </p>
            }
        </div>
    }
}
