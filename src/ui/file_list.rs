//! The files given so far, each with what it was recognised as and its row count, or
//! why it could not be read, and a button to remove it.

use std::collections::BTreeMap;
use std::rc::Rc;

use scorecard_core::dataset::Level;
use scorecard_core::engine::Data;
use scorecard_state::{FileEntry, FileId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileListProps {
    pub files: Vec<FileEntry>,
    /// Files that stopped the engine, with why.
    pub failed: BTreeMap<FileId, String>,
    /// The engine is still reading: a file it has not answered for yet is being read.
    pub busy: bool,
    pub data: Rc<Data>,
    pub on_remove: Callback<FileId>,
}

/// What the engine made of one file.
fn what(p: &FileListProps, f: &FileEntry) -> (String, bool) {
    if let Some(why) = p.failed.get(&f.id) {
        return (format!("could not be read: {why}"), true);
    }
    let parts: Vec<String> = p
        .data
        .sources
        .iter()
        .filter(|s| s.name == f.name)
        .map(|s| {
            format!(
                "{}: {} row{}",
                s.recognised_as,
                s.rows,
                if s.rows == 1 { "" } else { "s" }
            )
        })
        .collect();
    let failed = p
        .data
        .notices
        .iter()
        .any(|n| n.level == Level::Error && n.file == f.name);
    let text = if failed {
        "could not be read".to_string()
    } else if parts.is_empty() && p.busy {
        "reading…".to_string()
    } else if parts.is_empty() && p.data.unplaced.iter().any(|u| u.place.file == f.name) {
        "not read yet: choose what its columns hold under Column mapping".to_string()
    } else if parts.is_empty() {
        "not recognised".to_string()
    } else {
        parts.join("; ")
    };
    (text, failed)
}

#[function_component(FileList)]
pub fn file_list(p: &FileListProps) -> Html {
    if p.files.is_empty() {
        return html! {};
    }
    html! {
        <div class="files">
            <h2 class="small-heading">{ "Files" }</h2>
            <ul class="file-list" aria-label="Loaded files">
            { for p.files.iter().map(|f| {
                let (text, failed) = what(p, f);
                let (on_remove, id) = (p.on_remove.clone(), f.id);
                html! {
                    <li class={classes!(failed.then_some("failed"))}>
                        <span class="file-name">{ &f.name }</span>
                        <span class="file-what">{ text }</span>
                        <button type="button" class="button subtle small"
                            aria-label={format!("Remove {}", f.name)}
                            onclick={Callback::from(move |_| on_remove.emit(id))}>{ "Remove" }</button>
                    </li>
                }
            }) }
            </ul>
        </div>
    }
}
