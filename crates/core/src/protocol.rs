//! What travels between the page and the engine: each request in an envelope with its
//! id, each answer with the id it answers, and the engine's first word, which names the
//! protocol it speaks. Bytes are postcard; the id stands in front of them on its own, so
//! a request the engine cannot decode still gets an answer with its id.
//!
//! ```
//! use scorecard_core::protocol::Request;
//! use scorecard_core::protocol::{decode_request, encode_request, RequestError};
//! let bytes = encode_request(7, &Request::Detail { code: "CMP.07".into() });
//! assert_eq!(decode_request(&bytes), (Some(7), Ok(Request::Detail { code: "CMP.07".into() })));
//! assert_eq!(decode_request(&[7, 0, 0, 0, 0, 0, 0, 0, 0xff]).1, Err(RequestError::Undecodable));
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dataset::{Level, SourceSummary};
use crate::load::mapping::{ColumnMapping, Unplaced};
use crate::period::Period;
use crate::problem::Problem;
use crate::report::{Report, Row};
use crate::InputFile;

/// The version of the messages below. A page and an engine that disagree must not talk:
/// after a new release a browser may still hold the old engine's script.
pub const PROTOCOL: u32 = 4;

/// What the report is for: the period and, where it is on, small-number suppression.
/// The engine applies suppression, so everything the page shows or downloads is already
/// suppressed: there is one place where it happens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineView {
    /// `None` for the latest period with data.
    pub period: Option<Period>,
    /// Counts from 1 to this are withheld.
    pub suppression: Option<u32>,
}

/// A file format the report (or the PIs' definitions) downloads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    /// Every PI's settings, read or inferred, as a definitions table to correct and drop
    /// with the next data (CSV).
    DefinitionsCsv,
    /// The same as a workbook.
    DefinitionsXlsx,
    /// The report as a Word document, for a committee paper.
    Docx,
}

/// What the page asks of the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read these files after the ones read so far (later values replace earlier ones).
    Add(Vec<InputFile>),
    /// Read exactly these files, for this view: a file removed, a link's or this
    /// browser's data, the files from before a cancelled read, or a restarted engine.
    Replace {
        files: Vec<InputFile>,
        view: EngineView,
    },
    /// Report for this period and suppression.
    View(EngineView),
    /// The report as a file to download, as the page shows it.
    Export(ExportFormat),
    /// These files packed for a link or this browser's storage.
    Pack(Vec<InputFile>),
    /// The files of a link's (or storage's) data part.
    Unpack(String),
    /// One PI's row with its whole history (the page's rows carry only recent points).
    Detail { code: String },
    /// The council (or area) that is the user's, by name or code, for files that hold
    /// many areas' figures (LGBF, statistics downloads, population estimates); `None`
    /// to choose again. Kept by the engine across reads; answered like [`Request::View`].
    ChooseArea(Option<String>),
    /// Read every file from now on with these column mappings (the user's, kept in this
    /// browser): the files read so far are not read again until the page asks.
    Mappings(Vec<ColumnMapping>),
    /// The council's calendar for complaints' working days: whether Easter Monday is a
    /// holiday, and the local holidays the user typed. Kept by the engine across reads.
    Holidays(crate::complaints::calendar::HolidaySettings),
}

impl Request {
    /// The files a request carries (their bytes travel beside the message).
    pub fn files_mut(&mut self) -> Option<&mut Vec<InputFile>> {
        match self {
            Request::Add(files) | Request::Replace { files, .. } | Request::Pack(files) => {
                Some(files)
            }
            _ => None,
        }
    }
}

/// A file for the user to save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Download {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// What the engine tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Reading: `done` of `total` bytes.
    Progress { done: u64, total: u64 },
    /// What the page shows after the files or the view changed.
    Data(Box<Data>),
    /// The report as a file, or why none could be made.
    Export(Result<Download, String>),
    /// The packed files (`share::join` puts them in a fragment), or why they could not be.
    Packed(Result<String, String>),
    /// The files of a data part, or why the data part cannot be read.
    Unpacked(Result<Vec<InputFile>, String>),
    /// One PI's row with every point of its series, at the period last reported on.
    Detail(Option<Box<Row>>),
    /// The request could not be answered.
    Failed(RequestError),
    /// The column mappings are taken, for the reads that follow.
    MappingsSet,
    /// This engine was built without workbooks (the small one the page starts first) and
    /// the request needs them: a workbook to read or write. Nothing of it was done; the
    /// page starts the full engine, gives it the files again and asks once more.
    NeedsFullEngine,
}

/// A problem with the files, or a notice for the user's information, as the page shows
/// it: the engine words it, so the page carries none of the sentences (nor the code that
/// reads a problem's every kind from the message).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub level: Level,
    /// The file it is about, as the user named it.
    pub file: String,
    /// The whole sentence, place first: "complaints.csv, row 14, column 'Value': …".
    pub text: String,
}

impl From<&Problem> for Notice {
    fn from(p: &Problem) -> Notice {
        Notice {
            level: p.level,
            file: p.file().to_string(),
            text: p.to_string(),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The files' summary and the report: everything the page needs from the dataset.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Data {
    /// What each file (or sheet) was recognised as, with its row count.
    pub sources: Vec<SourceSummary>,
    pub notices: Vec<Notice>,
    /// The period reported on, where the user chose one that has data.
    pub period: Option<Period>,
    /// The report as shown (suppressed where that is on), each row's series cut to its
    /// latest points ([`crate::report::for_page`]).
    pub report: Option<Report>,
    /// The areas (councils) the files hold figures of, to choose the user's from; empty
    /// where there is nothing to choose.
    #[serde(default)]
    pub areas: Vec<String>,
    /// The area reported on, where the files hold many.
    #[serde(default)]
    pub area: Option<String>,
    /// Tables that were not read because their headers could not be placed, for the
    /// column mapping step.
    pub unplaced: Vec<Unplaced>,
}

/// What the engine posts to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromEngine {
    /// The engine listens, and speaks this version of the protocol.
    Ready { protocol: u32 },
    /// An answer (or progress) for the request with this id.
    Reply { id: u64, response: Response },
}

/// Why a request got no proper answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestError {
    /// The bytes were not a request this engine knows.
    Undecodable,
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Undecodable => {
                write!(f, "the engine could not understand the page's request")
            }
        }
    }
}

/// A request's bytes: its id (8 bytes, little-endian), then the request.
pub fn encode_request(id: u64, request: &Request) -> Vec<u8> {
    let mut out = id.to_le_bytes().to_vec();
    // Serialising our own enums into a Vec cannot fail; an empty body would come back
    // as an undecodable request rather than be lost.
    out.extend(postcard::to_allocvec(request).unwrap_or_default());
    out
}

/// A request from its bytes: the id where the bytes have one, and the request or why not.
pub fn decode_request(bytes: &[u8]) -> (Option<u64>, Result<Request, RequestError>) {
    let Some((id, body)) = bytes.split_first_chunk::<8>() else {
        return (None, Err(RequestError::Undecodable));
    };
    let request = postcard::from_bytes(body).map_err(|_| RequestError::Undecodable);
    (Some(u64::from_le_bytes(*id)), request)
}

/// The bytes of a message from the engine.
pub fn encode_reply(message: &FromEngine) -> Vec<u8> {
    postcard::to_allocvec(message).unwrap_or_default()
}

/// A message from the engine; `None` for bytes that are not one.
pub fn decode_reply(bytes: &[u8]) -> Option<FromEngine> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_without_an_id_is_undecodable() {
        assert_eq!(
            decode_request(&[1, 2, 3]),
            (None, Err(RequestError::Undecodable))
        );
    }

    #[test]
    fn a_request_with_an_unknown_body_keeps_its_id() {
        let mut bytes = 42u64.to_le_bytes().to_vec();
        bytes.extend([0xff, 0xff, 0xff]);
        assert_eq!(
            decode_request(&bytes),
            (Some(42), Err(RequestError::Undecodable))
        );
    }

    #[test]
    fn replies_survive_their_bytes() {
        let ready = FromEngine::Ready { protocol: PROTOCOL };
        assert_eq!(decode_reply(&encode_reply(&ready)), Some(ready));
        let reply = FromEngine::Reply {
            id: 3,
            response: Response::Progress { done: 1, total: 2 },
        };
        assert_eq!(decode_reply(&encode_reply(&reply)), Some(reply));
        assert_eq!(decode_reply(b"\xff\xff\xff"), None);
    }
}
