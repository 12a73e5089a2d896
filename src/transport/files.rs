//! The contents of the user's files, as the browser holds them (Blobs), by the id the
//! state knows them by. The page never copies a file; the engine reads it from its Blob.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use scorecard_state::{FileEntry, FileId};
use web_sys::Blob;

#[derive(Clone, Default)]
pub struct FileStore(Rc<RefCell<HashMap<FileId, Blob>>>);

impl PartialEq for FileStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl FileStore {
    /// Keeps a file chosen or dropped by the user; returns the entry for the state.
    pub fn keep_file(&self, file: web_sys::File) -> FileEntry {
        let entry = FileEntry::new(file.name(), file.size() as u64);
        self.0.borrow_mut().insert(entry.id, file.into());
        entry
    }

    /// Keeps bytes the page already has (the sample data, pasted text, a link's data).
    pub fn keep_bytes(&self, id: FileId, bytes: &[u8]) {
        let blob: Blob = gloo::file::Blob::new(bytes).into();
        self.0.borrow_mut().insert(id, blob);
    }

    /// A new file from bytes the page already has.
    pub fn keep_new(&self, name: String, bytes: &[u8]) -> FileEntry {
        let entry = FileEntry::new(name, bytes.len() as u64);
        self.keep_bytes(entry.id, bytes);
        entry
    }

    /// The Blobs of these files, in order (a file no longer kept is skipped).
    pub fn blobs(&self, ids: &[FileId]) -> Vec<Blob> {
        let store = self.0.borrow();
        ids.iter().filter_map(|id| store.get(id).cloned()).collect()
    }

    /// Lets go of the files the state no longer knows.
    pub fn retain(&self, keep: impl Fn(FileId) -> bool) {
        self.0.borrow_mut().retain(|id, _| keep(*id));
    }
}
