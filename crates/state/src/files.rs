//! The user's files as the state knows them: an id, a name and a size. Their contents
//! are the browser's (Blobs), kept by the page beside the state and found by id.

use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A file's identity for as long as the page is open (two files may share a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u64);

static NEXT: AtomicU64 = AtomicU64::new(1);

impl FileId {
    /// A new id, never given before on this page. Ids come from one counter shared by
    /// the page (files chosen or dropped) and the reducer (files unpacked from a link).
    pub fn fresh() -> FileId {
        FileId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// A file the user gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub id: FileId,
    pub name: String,
    /// In bytes.
    pub size: u64,
}

impl FileEntry {
    /// A file with a fresh id.
    pub fn new(name: impl Into<String>, size: u64) -> FileEntry {
        FileEntry {
            id: FileId::fresh(),
            name: name.into(),
            size,
        }
    }
}

/// Contents the state received as bytes (a link's or this browser's data), for the page
/// to keep as a Blob under this id before it sends any request that names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub id: FileId,
    pub bytes: Rc<Vec<u8>>,
}
