//! The Yew shell: one reducer (`scorecard_state`, behind [`store::Store`]) owns the
//! state and the conversation with the engine; components render what the engine
//! computed and turn the user's gestures into actions; effects carry out what the
//! reducer decided. Formulas never live here.

mod area_choice;
mod data_fold;
mod effects;
mod export_bar;
mod file_list;
mod help;
mod holidays;
mod intake;
mod lgbf;
mod mapping;
mod narrative;
mod notices;
pub mod offline;
pub mod report_view;
mod risks;
pub mod services;
mod sets;
pub mod store;
mod summary;
mod update_notice;

use scorecard_state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::transport::files::FileStore;
use crate::transport::Connector;
use area_choice::AreaChoice;
use data_fold::DataFold;
use export_bar::ExportBar;
use file_list::FileList;
use help::Help;
use intake::{Busy, Intake};
use mapping::ColumnMappings;
use notices::{InfoNotices, Notices};
use report_view::ReportView;
use services::{clear_location_hash, storage};
use store::Store;
use update_notice::UpdateNotice;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the engine runs: a Web Worker for users, the page's thread in the
    /// component tests.
    pub engine: Connector,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(Store::default);
    let files = use_memo((), |_| FileStore::default());
    effects::use_engine(props.engine, &state, &files);
    effects::use_page_idle(&state);
    effects::use_opening(&state);
    effects::use_storage(&state);
    effects::use_kept_mappings(&state);
    effects::use_downloads(&state);
    effects::use_paste(&state, &files);
    effects::use_area_storage(&state);
    holidays::use_kept_holidays(&state);

    let act = {
        let dispatcher = state.dispatcher();
        move |make: fn() -> Action| {
            let dispatcher = dispatcher.clone();
            Callback::from(move |_: MouseEvent| dispatcher.dispatch(make()))
        }
    };
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let on_remember = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            if !on {
                storage::remove(storage::DATA);
            }
            dispatcher.dispatch(Action::RememberData(on))
        })
    };
    let on_clear_everything = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            storage::remove(storage::VIEW);
            storage::remove(storage::DATA);
            storage::remove(storage::AREA);
            storage::remove(storage::MAPPINGS);
            storage::remove(holidays::KEY);
            clear_location_hash();
            dispatcher.dispatch(Action::ClearEverything);
        })
    };
    let alerts: Vec<String> = [
        &state.open_error,
        &state.engine_problem,
        &state.storage_problem,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();

    // Once there is a report, the files and their controls fold into one line above it.
    let compact = state.report.is_some();
    let data_body = html! {
        <>
        <FileList files={state.files.clone()} failed={state.failed.clone()} data={state.data.clone()}
            busy={state.busy()} on_remove={on_action.reform(Action::Remove)} />
        <div class="intake-controls">
            if !state.files.is_empty() {
                <button type="button" class="button subtle" onclick={act(|| Action::ClearFiles)}>{ "Remove all files" }</button>
            }
            <span class="remember">
                <input type="checkbox" id="remember-data" checked={state.remember_data} onchange={on_remember} />
                <label for="remember-data">{ "Keep my data in this browser on this computer" }</label>
            </span>
            <button type="button" class="button subtle" onclick={on_clear_everything}>{ "Clear everything" }</button>
        </div>
        <holidays::Holidays text={state.holidays_text.clone()} easter_monday={state.holidays.easter_monday}
            problems={state.holiday_problems.clone()} dates={state.holidays.local.len()}
            on_action={on_action.clone()} />
        </>
    };
    html! {
        <>
        <header class="masthead">
            <h1>{ "Scorecard" }</h1>
            <p class="tagline">
                { "Quarterly performance reports from your data file: status, trends and targets for every indicator. " }
                <strong>{ "Your files never leave this computer" }</strong>
                { ": everything is calculated here in your browser, and nothing is uploaded." }
            </p>
        </header>
        // `data-engine` says whether the engine listens (the benchmark waits for it).
        <main id="main" data-engine={if state.engine_ready { "ready" } else { "starting" }}>
            <UpdateNotice />
            <section class={classes!("intake", "no-print", compact.then_some("compact"))} aria-labelledby="intake-heading">
                <h2 id="intake-heading" class="visually-hidden">{ "Your data" }</h2>
                if compact {
                    <Intake files={(*files).clone()} on_action={on_action.clone()} compact=true>
                        <DataFold files={state.files.len()} notices={notices::info_count(&state.data)} busy={state.busy()}>
                            { data_body }
                            <InfoNotices data={state.data.clone()} />
                        </DataFold>
                    </Intake>
                    <Busy busy={state.busy()} progress={state.progress} on_cancel={act(|| Action::Cancel)} />
                } else {
                    <Intake files={(*files).clone()} on_action={on_action.clone()} />
                    <Busy busy={state.busy()} progress={state.progress} on_cancel={act(|| Action::Cancel)} />
                    { data_body }
                }
            </section>
            <Notices data={state.data.clone()} {alerts} show_info={!compact} />
            <ColumnMappings data={state.data.clone()} drafts={state.drafts.clone()}
                mappings={state.mappings.clone()} on_action={on_action.clone()} />
            <section class="report-area" aria-label="Report">
                <AreaChoice areas={state.data.areas.clone()} area={state.data.area.clone()}
                    on_choose={on_action.reform(Action::ChooseArea)} />
                if let Some(report) = state.report.clone() {
                    <ExportBar view={state.shared_view()} packed={state.packed.clone()}
                        suppression={state.suppression} export_error={state.export_error.clone()}
                        on_suppression={on_action.reform(Action::SetSuppression)}
                        on_export={on_action.reform(Action::Export)}
                        on_need_pack={on_action.reform(|_: ()| Action::NeedPack)} />
                    <ReportView report={report_view::Shared(report.clone())} detail={state.detail.clone()} selected={state.selected.clone()}
                        filter={state.filter.clone()} on_period={on_action.reform(Action::SetPeriod)}
                        on_select={on_action.reform(Action::Select)} on_filter={on_action.reform(Action::Filter)}>
                        <narrative::NarrativeWriter period={report.period} files={(*files).clone()} on_action={on_action.clone()} />
                    </ReportView>
                } else if state.busy() {
                    <p class="empty-report">{ "Working out the report…" }</p>
                } else if !state.data.areas.is_empty() && state.data.area.is_none() {
                    <p class="empty-report">{ "Choose your council above to see its report." }</p>
                } else if state.files.is_empty() {
                    <p class="empty-report">{ "No data yet. Choose a file, drop one on the box above, or try the sample data to see a report." }</p>
                } else {
                    <p class="empty-report">{ "No indicator values could be read from these files yet: see the messages above." }</p>
                }
            </section>
            <Help />
        </main>
        <footer class="colophon">
            <p><span class="no-print">{ "Scorecard runs entirely in your browser. " }</span>{ "Key: " }
                { for scorecard_core::status::Status::ALL.iter().map(|s| html! {
                    <span class={classes!("status", format!("status-{}", s.key()))}>{ report_view::status_symbol(*s) }{ " " }{ s.label() }</span>
                }) }
            </p>
        </footer>
        </>
    }
}
