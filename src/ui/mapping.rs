//! The column mapping step: each table Scorecard could not place, with its first rows
//! and a list of roles for each column, and the mappings this browser keeps, each with a
//! button to forget it. What a choice means and whether it can be used is the state's
//! and the core's; this only shows it and passes the user's choices on.

use std::collections::BTreeMap;
use std::rc::Rc;

use scorecard_core::engine::Data;
use scorecard_core::load::mapping::{column_letter, ColumnMapping, TablePlace, Unplaced, CHOICES};
use scorecard_state::{Action, MappingDraft};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MappingProps {
    pub data: Rc<Data>,
    pub drafts: BTreeMap<TablePlace, MappingDraft>,
    pub mappings: Vec<ColumnMapping>,
    pub on_action: Callback<Action>,
}

/// Every table not read, and the mappings kept.
#[function_component(ColumnMappings)]
pub fn column_mappings(p: &MappingProps) -> Html {
    let unplaced = &p.data.unplaced;
    if unplaced.is_empty() && p.mappings.is_empty() {
        return html! {};
    }
    html! {
        <section class="mapping no-print" aria-labelledby="mapping-heading">
            <h2 id="mapping-heading" class="small-heading">{ "Column mapping" }</h2>
            if !unplaced.is_empty() {
                <p class="mapping-lead">
                    { "Scorecard could not tell what the columns of these tables hold, so they were not read. Say what each column holds and the table is read just as if its headers had been recognised; the choice is kept in this browser for files with the same headers." }
                </p>
            }
            { for unplaced.iter().enumerate().map(|(i, u)| html! {
                <MappingStep key={place_key(&u.place)} index={i} table={u.clone()}
                    draft={p.drafts.get(&u.place).cloned()} on_action={p.on_action.clone()} />
            }) }
            if !p.mappings.is_empty() {
                <Kept mappings={p.mappings.clone()} on_action={p.on_action.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StepProps {
    /// The table's place in the list, for element ids.
    index: usize,
    table: Unplaced,
    draft: Option<MappingDraft>,
    on_action: Callback<Action>,
}

/// One table: a button that opens its step, or the step itself.
#[function_component(MappingStep)]
fn mapping_step(p: &StepProps) -> Html {
    let first = use_node_ref();
    let opener = use_node_ref();
    let open = p.draft.is_some();
    // Focus goes into the step when it opens, and back to its button when it closes.
    {
        let (first, opener) = (first.clone(), opener.clone());
        let was_open = use_mut_ref(|| false);
        use_effect_with(open, move |open| {
            let target = if *open { &first } else { &opener };
            if *open != *was_open.borrow() {
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            *was_open.borrow_mut() = *open;
        });
    }
    let label = p.table.label();
    let heading_id = format!("mapping-{}", p.index);
    let place = p.table.place.clone();
    let act = |make: fn(TablePlace) -> Action| {
        let (on_action, place) = (p.on_action.clone(), place.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(make(place.clone())))
    };
    html! {
        <div class="mapping-step" role="group" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id.clone()}>{ label.clone() }</h3>
            <p class="mapping-why">{ p.table.why.clone() }{ "." }</p>
            { match &p.draft {
                None => html! {
                    <button type="button" class="button" ref={opener}
                        aria-label={format!("Choose what each column holds in {label}")}
                        onclick={act(Action::OpenMapping)}>{ "Choose what each column holds" }</button>
                },
                Some(draft) => html! {
                    <Step table={p.table.clone()} draft={draft.clone()} {first} index={p.index}
                        on_apply={act(Action::ApplyMapping)} on_close={act(Action::CloseMapping)}
                        on_action={p.on_action.clone()} />
                },
            } }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    table: Unplaced,
    draft: MappingDraft,
    /// The first control, focused when the step opens.
    first: NodeRef,
    index: usize,
    on_apply: Callback<MouseEvent>,
    on_close: Callback<MouseEvent>,
    on_action: Callback<Action>,
}

/// The step: the header row, the first rows under their columns, a role for each column.
#[function_component(Step)]
fn step(p: &FormProps) -> Html {
    let t = &p.table;
    let d = &p.draft;
    let header = t.rows.get(d.header);
    let header_text = |i: usize| -> String {
        header
            .and_then(|r| r.cells.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let id = |what: &str| format!("mapping-{}-{what}", p.index);
    let on_header = {
        let (on_action, place) = (p.on_action.clone(), t.place.clone());
        Callback::from(move |e: Event| {
            let row = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(row) = row.parse() {
                on_action.emit(Action::ChooseHeaderRow {
                    place: place.clone(),
                    row,
                });
            }
        })
    };
    let role_cell = |i: usize| -> Html {
        let choice = &d.columns[i];
        let name = format!("column {} '{}'", column_letter(i), header_text(i));
        let needs_period = CHOICES
            .iter()
            .any(|c| c.key == choice.key && c.needs_period);
        let on_role = {
            let (on_action, place, period) =
                (p.on_action.clone(), t.place.clone(), choice.period.clone());
            Callback::from(move |e: Event| {
                let key = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_action.emit(Action::ChooseRole {
                    place: place.clone(),
                    column: i,
                    key,
                    period: period.clone(),
                });
            })
        };
        let on_period = {
            let (on_action, place, key) =
                (p.on_action.clone(), t.place.clone(), choice.key.clone());
            Callback::from(move |e: InputEvent| {
                let period = e.target_unchecked_into::<HtmlInputElement>().value();
                on_action.emit(Action::ChooseRole {
                    place: place.clone(),
                    column: i,
                    key: key.clone(),
                    period,
                });
            })
        };
        html! {
            <td>
                <select aria-label={format!("Role of {name}")} onchange={on_role}>
                { for CHOICES.iter().map(|c| html! {
                    <option value={c.key} selected={c.key == choice.key}>{ c.label }</option>
                }) }
                </select>
                if needs_period {
                    <input type="text" class="mapping-period" aria-label={format!("Period of {name}")}
                        placeholder="Q2 2018/19" value={choice.period.clone()} oninput={on_period} />
                }
            </td>
        }
    };
    let preview = match draft_check(t, d) {
        Ok(kind) => {
            html! { <p class="mapping-will">{ format!("With these choices the table is read as {kind}.") }</p> }
        }
        Err(()) => html! {},
    };
    let width = d.columns.len();
    html! {
        <>
        <div class="mapping-header-row">
            <label for={id("header")}>{ "Row holding the headers" }</label>
            <select id={id("header")} ref={p.first.clone()} onchange={on_header}>
            { for t.rows.iter().enumerate().map(|(i, r)| {
                let shown: Vec<&str> = r.cells.iter().map(String::as_str).filter(|c| !c.is_empty()).take(4).collect();
                html! {
                    <option value={i.to_string()} selected={i == d.header}>
                        { format!("Row {}: {}", r.line, shown.join(", ")) }
                    </option>
                }
            }) }
            </select>
        </div>
        <div class="table-wrap">
            <table class="mapping-preview">
                <caption>{ format!("The first rows of {}, and what each column holds", t.label()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Row" }</th>
                        { for (0..width).map(|i| html! {
                            <th scope="col"><span class="col-letter">{ column_letter(i) }</span>{ " " }{ header_text(i) }</th>
                        }) }
                    </tr>
                    <tr class="mapping-roles">
                        <th scope="row">{ "Holds" }</th>
                        { for (0..width).map(role_cell) }
                    </tr>
                </thead>
                <tbody>
                { for t.rows.iter().skip(d.header + 1).map(|r| html! {
                    <tr>
                        <th scope="row">{ r.line }</th>
                        { for (0..width).map(|i| html! { <td>{ r.cells.get(i).cloned().unwrap_or_default() }</td> }) }
                    </tr>
                }) }
                </tbody>
            </table>
        </div>
        if t.columns > width {
            <p class="mapping-note">{ format!("Only the first {width} of the table's {} columns can be given a role; the others are not read.", t.columns) }</p>
        }
        { preview }
        <div class="mapping-actions">
            <button type="button" class="button primary" onclick={p.on_apply.clone()}
                aria-describedby={d.problem.as_ref().map(|_| id("problem"))}>{ "Read with this mapping" }</button>
            <button type="button" class="button subtle" onclick={p.on_close.clone()}>{ "Not now" }</button>
            if let Some(problem) = &d.problem {
                <p class="mapping-problem" id={id("problem")} role="alert">{ problem }</p>
            }
        </div>
        </>
    }
}

/// What the table would be read as with the draft's choices, where they can be used.
fn draft_check(table: &Unplaced, draft: &MappingDraft) -> Result<&'static str, ()> {
    draft
        .mapping(table)
        .ok()
        .and_then(|m| m.check().ok())
        .ok_or(())
}

#[derive(Properties, PartialEq)]
struct KeptProps {
    mappings: Vec<ColumnMapping>,
    on_action: Callback<Action>,
}

/// The mappings this browser keeps, each with a button to forget it.
#[function_component(Kept)]
fn kept(p: &KeptProps) -> Html {
    html! {
        <div class="mapping-kept">
            <h3>{ "Column mappings kept in this browser" }</h3>
            <ul>
            { for p.mappings.iter().map(|m| {
                let headers = m.headers.iter().filter(|h| !h.is_empty()).cloned().collect::<Vec<_>>().join(", ");
                let roles = m.roles.iter().enumerate()
                    .filter(|(_, r)| r.header().is_some())
                    .map(|(i, r)| {
                        let h = m.headers.get(i).cloned().unwrap_or_else(|| column_letter(i));
                        match r.period_text() {
                            Some(period) => format!("{h} → {} {period}", r.label().trim_end_matches('…')),
                            None => format!("{h} → {}", r.label()),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let (on_action, signature) = (p.on_action.clone(), m.signature.clone());
                html! {
                    <li>
                        <span class="mapping-kept-what">{ format!("Headers {headers}: {roles}") }</span>
                        <button type="button" class="button subtle small"
                            aria-label={format!("Forget the mapping for headers {headers}")}
                            onclick={Callback::from(move |_| on_action.emit(Action::ForgetMapping(signature.clone())))}>
                            { "Forget" }
                        </button>
                    </li>
                }
            }) }
            </ul>
        </div>
    }
}

/// A table's key among the steps: its file, sheet and first row. Not `{:?}`, whose
/// escaping of text would bring Unicode's printable-character tables into the page.
fn place_key(place: &TablePlace) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}",
        place.file,
        place.sheet.as_deref().unwrap_or(""),
        place.first_row
    )
}
