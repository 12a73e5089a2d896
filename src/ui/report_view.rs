//! The report: period selector, summary lines, a table per group, the detail of a PI,
//! and the actions. Renders what `core::report` computed.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::services::{on_near_screen, on_print};
pub use crate::ui::summary::status_symbol;
use crate::ui::summary::SummaryLine;
use scorecard_core::period::Period;
use scorecard_core::report::{Report, Row, SeriesPoint};
use scorecard_core::status::Status;
use scorecard_core::trend::TrendResult;
use scorecard_core::view::{narrative, SortKey, ViewFilter};

/// Reports with at most this many PIs draw every group's rows at once.
const EAGER_ROWS: usize = 200;

/// An `Rc` compared by address: props holding a whole report compare in one step, not
/// row by row.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Shared<Report>,
    /// The open PI's row with its whole history, once the engine has sent it.
    pub detail: Option<Rc<Row>>,
    pub selected: Option<String>,
    pub filter: ViewFilter,
    pub on_period: Callback<Option<Period>>,
    pub on_select: Callback<Option<String>>,
    pub on_filter: Callback<ViewFilter>,
    /// Shown in the report's heading row, between the title and the period (the
    /// "Write commentary" fold): one row less above the first indicator.
    #[prop_or_default]
    pub children: Html,
}

/// Rows shown per group before "Show more": keeps the page fast on thousands of PIs.
pub const PAGE: usize = 25;

#[function_component(ReportView)]
pub fn report_view(p: &ReportProps) -> Html {
    let r = &*p.report.0;
    let periods = r.periods.clone();
    let on_change = {
        let on_period = p.on_period.clone();
        let periods = periods.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            on_period.emit(periods.iter().find(|p| p.to_string() == v).copied());
        })
    };
    let latest = periods.last().copied();
    let all_rows = || r.groups.iter().flat_map(|g| &g.rows);
    let has_bench = all_rows().any(|row| row.benchmark.is_some());
    let has_rank = all_rows().any(|row| row.rank.is_some());
    // Filtering and sorting every row is done once per report and filter, not per render.
    let shown = use_memo((p.report.clone(), p.filter.clone()), |(r, f)| {
        f.apply_indices(&r.0.groups)
            .into_iter()
            .map(|(g, rows)| (g, Rc::new(rows)))
            .collect::<Vec<_>>()
    });
    let shown_count: usize = shown.iter().map(|(_, rows)| rows.len()).sum();
    let total = all_rows().count();
    html! {
        <article class="report">
            <header class="report-head">
                <h2>{ format!("Performance report: {}", r.period) }</h2>
                { p.children.clone() }
                <div class="period-select no-print">
                    <label for="period">{ "Report period" }</label>
                    <select id="period" onchange={on_change}>
                        <option value="" selected={latest == Some(r.period)}>
                            { format!("Latest ({})", latest.map(|l| l.to_string()).unwrap_or_default()) }
                        </option>
                        { for periods.iter().rev().map(|per| html! {
                            <option value={per.to_string()} selected={*per == r.period && latest != Some(r.period)}>{ per.to_string() }</option>
                        }) }
                    </select>
                </div>
            </header>
            <crate::ui::narrative::NarrativeView sections={r.narrative.clone()} />
            <SummaryLine summary={r.summary.clone()} label="All indicators" />
            <crate::ui::sets::SetSummaries sets={r.sets.clone()} risks={r.risks.clone()} />
            <Toolbar filter={p.filter.clone()} groups={r.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>()} on_filter={p.on_filter.clone()} />
            <p class="filter-count no-print" role="status">
                if p.filter.is_filtering() { { format!("Showing {shown_count} of {total} indicators.") } }
            </p>
            { for shown.iter().map(|(gi, rows)| html! {
                <GroupTable
                    report={p.report.clone()}
                    detail={p.detail.clone()}
                    group={*gi}
                    rows={rows.clone()}
                    history={r.history_periods.clone()}
                    report_period={r.period}
                    {has_bench} {has_rank}
                    selected={p.selected.clone()}
                    filter={p.filter.clone()}
                    on_select={p.on_select.clone()}
                    on_filter={p.on_filter.clone()} />
            }) }
            if p.filter.group.is_none() {
                <crate::ui::risks::RiskTable risks={r.risks.clone()} />
            }
            if !r.actions.is_empty() && p.filter.group.is_none() {
                <section class="group actions" aria-labelledby="actions-heading">
                    <h3 id="actions-heading">{ "Actions" }</h3>
                    <div class="table-wrap">
                    <table class="action-table">
                        <caption class="visually-hidden">{ format!("Actions at the end of {}", r.period) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Code" }</th>
                            <th scope="col" class="col-title">{ "Action" }</th>
                            <th scope="col">{ "Due date" }</th>
                            <th scope="col">{ "Progress" }</th>
                            <th scope="col">{ "Status" }</th>
                            <th scope="col" class="col-note">{ "Comment & planned improvement action" }</th>
                        </tr></thead>
                        <tbody>
                        { for r.actions.iter().map(|a| html! {
                            <tr>
                                <th scope="row">{ &a.code }</th>
                                <td class="col-title">{ &a.title }</td>
                                <td class="nowrap">{ scorecard_core::report::show_date(a.due) }</td>
                                <td class="nowrap">
                                    // Drawn as SVG: the page's policy forbids inline style attributes.
                                    <svg class="progress" viewBox="0 0 100 10" preserveAspectRatio="none" role="img"
                                        aria-label={format!("{:.0}% complete, {:.1}% expected by now", a.progress, a.expected)}>
                                        <rect class="progress-track" width="100" height="10" rx="5" />
                                        <rect class="progress-bar" width={format!("{:.1}", a.progress)} height="10" rx="5" />
                                        <rect class="progress-expected" x={format!("{:.1}", (a.expected - 0.6).max(0.0))} width="1.2" height="10" />
                                    </svg>
                                    <span class="progress-text">{ format!("{:.0}%", a.progress) }</span>
                                </td>
                                <td><span class={classes!("status", format!("status-{}", a.status.key()))}>
                                    <span aria-hidden="true" class="sym">{ format!("{} ", a.status.symbol()) }</span>{ a.status.label() }
                                </span></td>
                                <td class="col-note">{ &a.note }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                    </div>
                </section>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ToolbarProps {
    filter: ViewFilter,
    groups: Vec<String>,
    on_filter: Callback<ViewFilter>,
}

/// Search by code or title, show only some statuses, show one group.
#[function_component(Toolbar)]
fn toolbar(p: &ToolbarProps) -> Html {
    let on_query = {
        let (f, cb) = (p.filter.clone(), p.on_filter.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(ViewFilter {
                query: input.value(),
                ..f.clone()
            });
        })
    };
    let on_group = {
        let (f, cb) = (p.filter.clone(), p.on_filter.clone());
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            cb.emit(ViewFilter {
                group: (!v.is_empty()).then_some(v),
                ..f.clone()
            });
        })
    };
    html! {
        <div class="toolbar no-print" role="search" aria-label="Find indicators">
            <div class="field">
                <label for="search">{ "Search code or title" }</label>
                <input id="search" type="search" value={p.filter.query.clone()} oninput={on_query} autocomplete="off" />
            </div>
            if p.groups.len() > 1 {
                <div class="field">
                    <label for="group-filter">{ "Group" }</label>
                    <select id="group-filter" onchange={on_group}>
                        <option value="" selected={p.filter.group.is_none()}>{ "All groups" }</option>
                        { for p.groups.iter().map(|g| html! {
                            <option value={g.clone()} selected={p.filter.group.as_deref() == Some(g.as_str())}>{ g }</option>
                        }) }
                    </select>
                </div>
            }
            <fieldset class="status-filter">
                <legend>{ "Show statuses" }</legend>
                { for Status::ALL.iter().map(|st| {
                    let checked = p.filter.statuses.contains(st);
                    let onchange = {
                        let (f, cb, st) = (p.filter.clone(), p.on_filter.clone(), *st);
                        Callback::from(move |_: Event| {
                            let mut statuses = f.statuses.clone();
                            if let Some(i) = statuses.iter().position(|s| *s == st) {
                                statuses.remove(i);
                            } else {
                                statuses.push(st);
                            }
                            cb.emit(ViewFilter { statuses, ..f.clone() });
                        })
                    };
                    let id = format!("show-{}", st.key());
                    html! {
                        <label for={id.clone()} class={classes!("chip", format!("status-{}", st.key()))}>
                            <input type="checkbox" id={id} {checked} {onchange} />
                            { status_symbol(*st) }{ " " }{ st.label() }
                        </label>
                    }
                }) }
            </fieldset>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct GroupProps {
    report: Shared<Report>,
    detail: Option<Rc<Row>>,
    /// The group's place in the report.
    group: usize,
    /// Its rows' places in the group, filtered and sorted.
    rows: Rc<Vec<usize>>,
    history: Vec<Period>,
    report_period: Period,
    has_bench: bool,
    has_rank: bool,
    selected: Option<String>,
    filter: ViewFilter,
    on_select: Callback<Option<String>>,
    on_filter: Callback<ViewFilter>,
}

/// One group's heading, summary, narrative and table, a page of rows at a time.
#[function_component(GroupTable)]
fn group_table(p: &GroupProps) -> Html {
    let limit = use_state(|| PAGE);
    let g = &p.report.0.groups[p.group];
    // Rows are drawn once the group comes near the screen (or the page is printed): a
    // report of a thousand PIs draws only the tables the reader can see.
    let small = p.report.0.summary.total() <= EAGER_ROWS;
    let near = use_state(|| small || p.group < 2);
    let section = use_node_ref();
    {
        let (near, section, limit) = (near.clone(), section.clone(), limit.clone());
        let all = p.rows.len();
        use_effect_with(all, move |all| {
            let stop = on_near_screen(&section, {
                let near = near.clone();
                move || near.set(true)
            });
            // A printed report has every row.
            let all = *all;
            let print = on_print(move || {
                near.set(true);
                limit.set(all.max(PAGE));
            });
            move || {
                stop();
                drop(print);
            }
        });
    }
    let cols = 8 + p.history.len() + usize::from(p.has_bench) + usize::from(p.has_rank);
    let sort_header = |label: String, key: SortKey, class: &'static str| -> Html {
        let current = p.filter.sort.filter(|(k, _)| *k == key).map(|(_, d)| d);
        let aria_sort = match current {
            Some(true) => "descending",
            Some(false) => "ascending",
            None => "none",
        };
        let onclick = {
            let (f, cb) = (p.filter.clone(), p.on_filter.clone());
            Callback::from(move |_: MouseEvent| {
                let descending = current == Some(false);
                cb.emit(ViewFilter {
                    sort: Some((key, descending)),
                    ..f.clone()
                });
            })
        };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort} data-label={label.clone()}>
                <button type="button" class="sort-button" {onclick}>
                    { label }
                </button>
            </th>
        }
    };
    let more = p.rows.len().saturating_sub(*limit);
    let drawn = if *near { *limit } else { 0 };
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    html! {
        <section class="group" aria-labelledby={group_id(&g.name)} ref={section}>
            <h3 id={group_id(&g.name)}>{ &g.name }</h3>
            <SummaryLine summary={g.summary.clone()} label={g.name.clone()} />
            <p class="narrative">{ narrative(g) }</p>
            <div class="table-wrap">
            <table class="pi-table">
                <caption class="visually-hidden">{ format!("{}: indicators at {}", g.name, p.report_period) }</caption>
                <thead>
                    <tr>
                        { sort_header("Code".into(), SortKey::Code, "") }
                        { sort_header("Indicator".into(), SortKey::Title, "col-title") }
                        { for p.history.iter().map(|h| html! { <th scope="col" class="num">{ h.to_string() }</th> }) }
                        { sort_header(format!("Value {}", p.report_period), SortKey::Value, "num current") }
                        <th scope="col" class="num">{ "Target" }</th>
                        { sort_header("Status".into(), SortKey::Status, "col-status") }
                        <th scope="col">{ "Short trend" }</th>
                        <th scope="col">{ "Long trend" }</th>
                        if p.has_bench { <th scope="col" class="num">{ "Benchmark" }</th> }
                        if p.has_rank { <th scope="col">{ "Quartile" }</th> }
                        <th scope="col" class="col-note">{ "Note" }</th>
                    </tr>
                </thead>
                <tbody>
                { for p.rows.iter().take(drawn).map(|&i| {
                    let row = &g.rows[i];
                    let open = p.selected.as_deref() == Some(row.code.as_str());
                    html! {
                        <>
                        <PiRow row={row.clone()} {open} has_bench={p.has_bench} has_rank={p.has_rank} report_period={p.report_period} on_select={p.on_select.clone()} />
                        if open {
                            <tr class="detail-row"><td colspan={cols.to_string()}><Detail row={
                                p.detail.as_deref().filter(|d| d.code == row.code).unwrap_or(row).clone()
                            } /></td></tr>
                        }
                        </>
                    }
                }) }
                </tbody>
            </table>
            </div>
            if more > 0 {
                <button type="button" class="button show-more no-print" onclick={show_more}>
                    { format!("Show {} more of {} indicators", more.min(PAGE), p.rows.len()) }
                </button>
            }
        </section>
    }
}

fn group_id(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("group-{slug}")
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Row,
    open: bool,
    has_bench: bool,
    has_rank: bool,
    /// Rows of PIs reported at another frequency name their own period.
    report_period: Period,
    on_select: Callback<Option<String>>,
}

#[function_component(PiRow)]
fn pi_row(p: &RowProps) -> Html {
    let row = &p.row;
    let toggle = {
        let on_select = p.on_select.clone();
        let code = row.code.clone();
        let open = p.open;
        Callback::from(move |_: MouseEvent| on_select.emit((!open).then(|| code.clone())))
    };
    html! {
        <tr class={classes!("pi-row", format!("row-{}", row.status.key()), p.open.then_some("open"))}>
            <th scope="row" class="code">
                <button type="button" class="link-button" aria-expanded={p.open.to_string()}
                    aria-label={format!("{} details", row.code)} onclick={toggle}>
                    // A PI keyed by its title (a table with no codes) shows its title once.
                    { if row.code == row.title { "Details" } else { row.code.as_str() } }
                </button>
            </th>
            <td class="col-title">{ &row.title }
                if row.period != p.report_period { <span class="period-tag">{ format!(" ({})", row.period) }</span> }
            </td>
            { for row.history.iter().map(|h| html! { <td class="num">{ h.shown.to_string() }</td> }) }
            <td class="num current">{ sparkline(&row.series, row.period) }{ row.value_shown.to_string() }</td>
            <td class="num">{ row.target_shown.clone().unwrap_or_else(|| "-".into()) }</td>
            <td class="col-status"><StatusBadge status={row.status} differs={row.status_differs()} stated={row.status_stated} /></td>
            <td>{ trend_cell(row.short_trend.as_ref()) }</td>
            <td>{ trend_cell(row.long_trend.as_ref()) }</td>
            if p.has_bench {
                <td class="num">{ match (&row.benchmark_shown, row.benchmark) {
                    (Some(b), Some((_, c))) => html! { <>{ b.clone() }<span class="bench-word">{ format!(" {}", c.label()) }</span></> },
                    _ => html! { "-" },
                } }
                if let Some(f) = &row.family {
                    <span class="family-average">{ format!("{}: {}", f.group_name(), row.format.show(f.value)) }</span>
                }</td>
            }
            if p.has_rank {
                <td>{ row.rank.map_or_else(|| "-".into(), |r| r.to_string()) }</td>
            }
            <td class="col-note">{ &row.note }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct BadgeProps {
    status: Status,
    #[prop_or_default]
    differs: bool,
    /// The status is the file's own (no polarity given): shown "(as stated)".
    #[prop_or_default]
    stated: bool,
}

/// Status as symbol + words + colour, never colour alone.
#[function_component(StatusBadge)]
fn status_badge(p: &BadgeProps) -> Html {
    html! {
        <span class={classes!("status", format!("status-{}", p.status.key()))}>
            { status_symbol(p.status) }
            { " " }{ p.status.label() }
            if p.differs { <span class="differs" title="The file states another status: open the details">{ " ≠ file" }</span> }
            if p.stated { <span class="as-stated" title="Status as published in the file; no polarity given">{ " (as stated)" }</span> }
        </span>
    }
}

/// A small line of the PI's history beside its value; the detail view has the data.
fn sparkline(series: &[SeriesPoint], upto: Period) -> Html {
    let series: Vec<&SeriesPoint> = series.iter().filter(|s| s.period <= upto).collect();
    if series.len() < 2 {
        return html! {};
    }
    let (lo, hi) = series
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), s| {
            (a.min(s.value), b.max(s.value))
        });
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let n = (series.len() - 1) as f64;
    let points: String = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{:.1},{:.1}",
                1.0 + i as f64 * 46.0 / n,
                13.0 - (s.value - lo) / span * 11.0
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <svg class="spark" viewBox="0 0 48 14" aria-hidden="true" focusable="false"><polyline {points} /></svg>
    }
}

fn trend_cell(t: Option<&TrendResult>) -> Html {
    match t {
        Some(t) => html! {
            <span class={classes!("trend", format!("trend-{}", t.trend.key()))}>
                <span aria-hidden="true" class="arrow">{ t.trend.arrow() }</span>{ " " }{ t.trend.label() }
            </span>
        },
        None => html! { <span class="trend none" aria-label="No comparison">{ "-" }</span> },
    }
}

#[derive(Properties, PartialEq)]
struct DetailProps {
    row: Row,
}

/// Why the PI has its status, what it was compared with, and its history.
#[function_component(Detail)]
fn detail(p: &DetailProps) -> Html {
    let row = &p.row;
    let fmt = &row.format;
    let has_notes = row.series.iter().any(|s| !s.note.is_empty());
    let trend_text = |label: &str, t: &Option<TrendResult>| -> Html {
        match t {
            Some(t) => html! { <li>{ format!("{label}: {}", t.sentence(fmt)) }</li> },
            None => html! { <li>{ format!("{label}: no earlier value to compare with") }</li> },
        }
    };
    html! {
        <div class="detail">
            <h4>{ if row.code == row.title { row.title.clone() } else { format!("{}: {}", row.code, row.title) } }</h4>
            <p class="reason"><strong>{ "Why this status: " }</strong>{ &row.reason }</p>
            <ul class="detail-facts">
                { trend_text(if row.cumulative { "Short trend (same period last year)" } else { "Short trend (previous period)" }, &row.short_trend) }
                { trend_text("Long trend (mean of up to four earlier values)", &row.long_trend) }
                if let Some(c) = row.change_sentence() { <li>{ format!("Change: {c}") }</li> }
                if let Some(w) = &row.working { <li>{ format!("Worked out as {w}") }</li> }
                if let Some(b) = row.benchmark_sentence() { <li>{ format!("Benchmark: {b}") }</li> }
                if let Some(k) = row.rank { <li>{ format!("Rank {} of {}: {}", k.rank, k.of, k.quartile().label()) }</li> }
                if let Some(f) = row.family_sentence() { <li>{ format!("Family group: {f}") }</li> }
                if let Some(s) = row.stated_status { <li>{ format!("Status stated in the file: {}", s.label()) }</li> }
                if !row.priority.is_empty() { <li>{ format!("Priority: {}", row.priority) }</li> }
            </ul>
            if !row.feeder.is_empty() {
                <div class="feeder">
                    <table class="feeder-table">
                        <caption>{ format!("Feeder data, {}", row.period) }</caption>
                        <tbody>
                        { for row.feeder.iter().map(|f| html! {
                            <tr><th scope="row">{ &f.label }</th><td class="num">{ f.value.written() }</td></tr>
                        }) }
                        </tbody>
                    </table>
                    if let Some(c) = &row.feeder_check { <p class="feeder-check">{ format!("The feeder data give the value: {c}") }</p> }
                </div>
            }
            if !row.checks.is_empty() {
                <div class="checks"><strong>{ "Data checks" }</strong>
                    <ul>{ for row.checks.iter().map(|c| html! { <li>{ c.to_string() }</li> }) }</ul>
                </div>
            }
            if crate::ui::lgbf::is_lgbf(row) {
                <crate::ui::lgbf::LgbfView row={row.clone()} />
            } else if !row.series.is_empty() {
                <div class="detail-history">
                    <Chart series={row.series.clone()} title={row.title.clone()} format={row.format.clone()} />
                    <table class="history-table">
                        <caption>{ "Every period" }</caption>
                        <thead><tr><th scope="col">{ "Period" }</th><th scope="col" class="num">{ "Value" }</th><th scope="col" class="num">{ "Target" }</th><th scope="col">{ "Status" }</th>
                            if has_notes { <th scope="col" class="col-note">{ "Note" }</th> }</tr></thead>
                        <tbody>
                        { for row.series.iter().map(|pt| html! {
                            <tr><th scope="row">{ pt.period.to_string() }</th>
                                <td class="num">{ fmt.show(pt.value) }</td>
                                <td class="num">{ pt.target.map(|t| fmt.show_trimmed(t)).unwrap_or_else(|| "-".into()) }</td>
                                <td><StatusBadge status={pt.status} /></td>
                                if has_notes { <td class="col-note">{ &pt.note }</td> }</tr>
                        }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    series: Vec<SeriesPoint>,
    title: String,
    format: scorecard_core::value::Format,
}

/// A line chart of a PI's values with its target line; points marked by status shape.
#[function_component(Chart)]
fn chart(p: &ChartProps) -> Html {
    let (w, h, pad) = (420.0f64, 180.0f64, 40.0f64);
    let values: Vec<f64> = p
        .series
        .iter()
        .flat_map(|s| std::iter::once(s.value).chain(s.target))
        .collect();
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    if (hi - lo).abs() < 1e-9 {
        lo -= 1.0;
        hi += 1.0;
    }
    let n = p.series.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + i as f64 * (w - 2.0 * pad) / n;
    let y = |v: f64| h - pad - (v - lo) / (hi - lo) * (h - 2.0 * pad);
    let line: String = p
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{:.1},{:.1}", x(i), y(s.value)))
        .collect::<Vec<_>>()
        .join(" ");
    let target: String = p
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.target.map(|t| format!("{:.1},{:.1}", x(i), y(t))))
        .collect::<Vec<_>>()
        .join(" ");
    let desc = p
        .series
        .iter()
        .map(|s| format!("{} {} ({})", s.period, s.value, s.status.label()))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <svg class="chart" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={format!("Chart of {}: {desc}", p.title)}>
            <line x1={pad.to_string()} y1={(h - pad).to_string()} x2={(w - pad).to_string()} y2={(h - pad).to_string()} class="axis" />
            <text x="2" y={format!("{:.1}", y(hi) + 4.0)} class="tick">{ p.format.show_trimmed(hi) }</text>
            <text x="2" y={format!("{:.1}", y(lo) + 4.0)} class="tick">{ p.format.show_trimmed(lo) }</text>
            if !target.is_empty() { <polyline points={target} class="target-line" /> }
            <polyline points={line} class="value-line" />
            { for p.series.iter().enumerate().map(|(i, s)| {
                let (cx, cy) = (x(i), y(s.value));
                html! {
                    <g class={classes!("point", format!("status-{}", s.status.key()))}>
                        { marker(s.status, cx, cy) }
                        <text x={format!("{cx:.1}")} y={format!("{:.1}", h - pad + 16.0)} text-anchor="middle" class="tick">{ s.period.to_string() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

fn marker(s: Status, cx: f64, cy: f64) -> Html {
    match s {
        Status::OffTarget => {
            html! { <circle cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r="5" /> }
        }
        Status::Warning => {
            html! { <polygon points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", cx, cy - 6.0, cx - 6.0, cy + 5.0, cx + 6.0, cy + 5.0)} /> }
        }
        Status::OnTarget => {
            html! { <polyline points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", cx - 5.0, cy, cx - 1.0, cy + 4.0, cx + 6.0, cy - 5.0)} class="tick-mark" /> }
        }
        _ => {
            html! { <rect x={format!("{:.1}", cx - 4.0)} y={format!("{:.1}", cy - 4.0)} width="8" height="8" /> }
        }
    }
}
