//! The browser corner: reading the user's files into memory. Nothing here sends
//! anything anywhere; files are read with the browser's FileReader.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::File;
use yew::Callback;

use crate::core::InputFile;

/// Keeps the browser's readers alive until they finish (dropping one cancels it).
pub type Readers = Rc<RefCell<Vec<FileReader>>>;

/// Reads every file of a `FileList` and hands each one over as it arrives; a file that
/// cannot be read from disk still arrives, empty, so the core names it in an error.
pub fn read_files(
    list: web_sys::FileList,
    readers: &Readers,
    on_file: Callback<InputFile>,
) -> usize {
    let files: Vec<File> = gloo::file::FileList::from(list).iter().cloned().collect();
    let n = files.len();
    for file in files {
        let name = file.name();
        let on_file = on_file.clone();
        let reader = read_as_bytes(&file, move |result| {
            let bytes = result.unwrap_or_default();
            on_file.emit(InputFile { name, bytes });
        });
        readers.borrow_mut().push(reader);
    }
    n
}

/// The sample data built into the app: the complaints indicators and the action plan
/// of the same published report (Q2 2018/19).
pub fn sample_files() -> Vec<InputFile> {
    vec![
        InputFile {
            name: "complaints-q2-2018-19.csv".into(),
            bytes: include_bytes!("../../tests/fixtures/samples/complaints-q2-2018-19.csv")
                .to_vec(),
        },
        InputFile {
            name: "actions-q2-2018-19.csv".into(),
            bytes: include_bytes!("../../tests/fixtures/samples/actions-q2-2018-19.csv").to_vec(),
        },
    ]
}
