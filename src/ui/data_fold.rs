//! "Your data", folded away once there is a report: one line saying how many files were
//! read and how many notices they gave, which opens (a `<details>`, so by keyboard too)
//! onto the file list, the controls, the local holidays and the notices.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataFoldProps {
    pub files: usize,
    /// Information notices (problems stay in view, outside the fold).
    pub notices: usize,
    pub busy: bool,
    pub children: Html,
}

/// "3 files read · 2 notices".
fn summary_text(files: usize, notices: usize, busy: bool) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = plural(files, "file", "files");
    text.push_str(if busy { ", reading…" } else { " read" });
    if notices > 0 {
        text.push_str(" · ");
        text.push_str(&plural(notices, "notice", "notices"));
    }
    text
}

#[function_component(DataFold)]
pub fn data_fold(p: &DataFoldProps) -> Html {
    html! {
        <details class="data-fold" id="your-data">
            <summary><strong>{ "Your data" }</strong>{ ": " }{ summary_text(p.files, p.notices, p.busy) }</summary>
            <div class="data-fold-body">{ p.children.clone() }</div>
        </details>
    }
}
