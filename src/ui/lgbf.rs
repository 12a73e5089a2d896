//! The LGBF view of a benchmarked PI: every year's value, rank and quartile with the
//! Scottish and family-group averages, as seed 002's LGBF table gives them, and a chart
//! of the council against both averages.

use yew::prelude::*;

use scorecard_core::report::Row;
use scorecard_core::value::Format;

#[derive(Properties, PartialEq)]
pub struct LgbfProps {
    pub row: Row,
}

/// Whether a row is an LGBF PI: some period of it has a rank.
pub fn is_lgbf(row: &Row) -> bool {
    row.series.iter().any(|p| p.rank.is_some())
}

#[function_component(LgbfView)]
pub fn lgbf_view(p: &LgbfProps) -> Html {
    let row = &p.row;
    let fmt = &row.format;
    let has_family = row.series.iter().any(|s| s.family.is_some());
    let show = |x: Option<f64>| x.map(|v| fmt.show(v)).unwrap_or_else(|| "-".into());
    html! {
        <div class="lgbf">
            <LgbfChart row={row.clone()} />
            <table class="history-table lgbf-table">
                <caption>{ "Every year, with rank and quartile among the councils" }</caption>
                <thead><tr>
                    <th scope="col">{ "Year" }</th>
                    <th scope="col" class="num">{ "Value" }</th>
                    <th scope="col" class="num">{ "Rank" }</th>
                    <th scope="col">{ "Quartile" }</th>
                    <th scope="col" class="num">{ "Scottish average" }</th>
                    if has_family { <th scope="col" class="num">{ "Family group average" }</th> }
                </tr></thead>
                <tbody>
                { for row.series.iter().map(|s| html! {
                    <tr>
                        <th scope="row">{ s.period.to_string() }</th>
                        <td class="num">{ fmt.show(s.value) }</td>
                        <td class="num">{ s.rank.map(|r| format!("{} of {}", r.rank, r.of)).unwrap_or_else(|| "-".into()) }</td>
                        <td>{ s.rank.map(|r| r.quartile().label()).unwrap_or("-") }</td>
                        <td class="num">{ show(s.benchmark) }</td>
                        if has_family { <td class="num">{ show(s.family) }</td> }
                    </tr>
                }) }
                </tbody>
            </table>
        </div>
    }
}

/// Three lines: the council (solid, dots), the Scottish average (dashed, squares) and
/// the family group (dotted, diamonds), each named in the legend and the description.
#[function_component(LgbfChart)]
fn lgbf_chart(p: &LgbfProps) -> Html {
    let row = &p.row;
    let (w, h, pad) = (460.0f64, 200.0f64, 44.0f64);
    let lines: [(&str, &str, Vec<Option<f64>>); 3] = [
        (
            "Our council",
            "lgbf-ours",
            row.series.iter().map(|s| Some(s.value)).collect(),
        ),
        (
            "Scottish average",
            "lgbf-scotland",
            row.series.iter().map(|s| s.benchmark).collect(),
        ),
        (
            "Family group average",
            "lgbf-family",
            row.series.iter().map(|s| s.family).collect(),
        ),
    ];
    let all: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.2.iter().flatten().copied())
        .collect();
    let (mut lo, mut hi) = all
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    if all.is_empty() {
        return html! {};
    }
    if (hi - lo).abs() < 1e-9 {
        lo -= 1.0;
        hi += 1.0;
    }
    let n = row.series.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + i as f64 * (w - 2.0 * pad) / n;
    let y = |v: f64| h - pad - (v - lo) / (hi - lo) * (h - 2.0 * pad);
    let desc = describe(row, &row.format, &lines);
    html! {
        <svg class="chart lgbf-chart" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={desc}>
            <line x1={pad.to_string()} y1={(h - pad).to_string()} x2={(w - pad).to_string()} y2={(h - pad).to_string()} class="axis" />
            <text x="2" y={format!("{:.1}", y(hi) + 4.0)} class="tick">{ row.format.show_trimmed(hi) }</text>
            <text x="2" y={format!("{:.1}", y(lo) + 4.0)} class="tick">{ row.format.show_trimmed(lo) }</text>
            { for lines.iter().enumerate().filter(|(_, l)| l.2.iter().any(Option::is_some)).map(|(k, (name, class, vals))| {
                let pts: Vec<(f64, f64)> = vals.iter().enumerate().filter_map(|(i, v)| v.map(|v| (x(i), y(v)))).collect();
                let line = pts.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect::<Vec<_>>().join(" ");
                let ly = 12.0 + 14.0 * k as f64;
                html! {
                    <g class={*class}>
                        <polyline points={line} class="series-line" />
                        { for pts.iter().map(|(a, b)| mark(k, *a, *b)) }
                        <line x1={format!("{:.1}", w - 150.0)} y1={format!("{ly:.1}")} x2={format!("{:.1}", w - 130.0)} y2={format!("{ly:.1}")} class="series-line" />
                        { mark(k, w - 140.0, ly) }
                        <text x={format!("{:.1}", w - 124.0)} y={format!("{:.1}", ly + 4.0)} class="tick">{ *name }</text>
                    </g>
                }
            }) }
            { for row.series.iter().enumerate().map(|(i, s)| html! {
                <text x={format!("{:.1}", x(i))} y={format!("{:.1}", h - pad + 16.0)} text-anchor="middle" class="tick">{ s.period.to_string() }</text>
            }) }
        </svg>
    }
}

/// A marker per line: a dot, a square, a diamond.
fn mark(k: usize, cx: f64, cy: f64) -> Html {
    match k {
        0 => html! { <circle cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r="4" /> },
        1 => {
            html! { <rect x={format!("{:.1}", cx - 3.5)} y={format!("{:.1}", cy - 3.5)} width="7" height="7" /> }
        }
        _ => {
            html! { <polygon points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", cx, cy - 5.0, cx + 5.0, cy, cx, cy + 5.0, cx - 5.0, cy)} /> }
        }
    }
}

/// The chart in words for screen readers: each line's values by year.
fn describe(row: &Row, fmt: &Format, lines: &[(&str, &str, Vec<Option<f64>>)]) -> String {
    let parts: Vec<String> = lines
        .iter()
        .filter(|l| l.2.iter().any(Option::is_some))
        .map(|(name, _, vals)| {
            let v: Vec<String> = row
                .series
                .iter()
                .zip(vals)
                .filter_map(|(s, v)| v.map(|v| format!("{} {}", s.period, fmt.show(v))))
                .collect();
            format!("{name}: {}", v.join(", "))
        })
        .collect();
    format!(
        "Chart of {} against the averages. {}",
        row.title,
        parts.join(". ")
    )
}
