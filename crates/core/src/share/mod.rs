//! Share links: the view (report period, filters, selected PI) and, if the user opts in,
//! the data itself, carried in the URL's fragment. A browser never sends the fragment
//! to a server.
//!
//! A fragment is `v=2.<view>` or `v=2.<view>&d=2.<data>`; this browser's storage keeps
//! the same text. `2` is the link format: a link made by another version of Scorecard is
//! told apart from a damaged one. The view is encoded with postcard (a documented, stable
//! wire format) from a wire type of this module's own, so renaming or reordering the
//! report's types cannot change what an old link means. The data are the files in
//! postcard, zlib-compressed (whose checksum catches a damaged or tampered link).
//! Both parts are base64url.
//!
//! Whatever a link holds is checked before anything else sees it: the period, the
//! threshold, the lengths of texts and lists, how many files, how long their names and
//! how much they unpack to. A link that fails is refused with a [`ShareError`] saying why.

mod data;
#[cfg(test)]
mod tests;
mod version;
mod view;

use std::ops::RangeInclusive;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::period::Period;
use crate::view::ViewFilter;
use crate::InputFile;

pub use data::{pack_files, unpack_files};
pub use version::MadeBy;
pub use view::ViewProblem;

use version::{base64, is_base64url, payload};
use view::ViewWire;

/// What a link carries besides the data.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SharedView {
    /// The report period; `None` for the latest.
    pub period: Option<Period>,
    pub filter: ViewFilter,
    /// The PI whose details are open.
    pub selected: Option<String>,
    /// Small-number suppression threshold, where it is on.
    pub suppression: Option<u32>,
}

/// A decoded link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    pub view: SharedView,
    /// The files, where the link carries them.
    pub files: Vec<InputFile>,
}

/// The link format this version writes and reads, the `2.` before each part.
pub const FORMAT: u32 = 2;
/// The longest link Scorecard makes, in characters of fragment. Links pass through
/// e-mail and chat, which cut or refuse longer ones.
pub const MAX_LINK_CHARS: usize = 200_000;
/// The most data a link may inflate to, so a hostile link cannot exhaust memory.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;
/// The most files a link may carry (a report is made from a handful).
pub const MAX_FILES: usize = 50;
/// The longest file name a link may carry, in characters.
pub const MAX_NAME_CHARS: usize = 255;
/// The years a link's period may name.
pub const YEARS: RangeInclusive<i32> = 1990..=2100;
/// The small-number suppression thresholds a link may set.
pub const THRESHOLDS: RangeInclusive<u32> = 1..=99;
/// The longest search text a link may carry, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// The longest selected PI or group a link may name, in characters (a PI without a code
/// is named by its title).
pub const MAX_NAME_IN_VIEW_CHARS: usize = 1_000;

/// The most a link's view part may hold once base64 is undone: the texts above, and room.
const MAX_VIEW_BYTES: usize = 8 * 1024;

/// Why a link cannot be made or opened. Each reads as a sentence after "This share
/// link could not be opened: ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShareError {
    #[error("the data make a link of {chars} characters; links are limited to {limit} characters. Share the file itself instead, or a link without the data")]
    TooLarge { chars: usize, limit: usize },
    #[error("'{part}' is not part of a Scorecard link")]
    NotALink { part: String },
    #[error("it was made by another version of Scorecard ({made_by}), which this one cannot open; ask for a new link")]
    OtherVersion { made_by: MadeBy },
    #[error(
        "the link is damaged: it holds characters a link cannot; check that it was copied whole"
    )]
    BadCharacters,
    #[error("the link is damaged or incomplete: its view settings cannot be read; ask for it to be sent again")]
    ViewUnreadable,
    #[error("the link is damaged or incomplete: the data in it do not check out; ask for it to be sent again")]
    DataUnreadable,
    #[error("the link's view settings are not valid: {0}")]
    InvalidView(ViewProblem),
    #[error("the link carries {} files; a link carries at most {limit}", thousands(*count))]
    TooManyFiles { count: u64, limit: usize },
    #[error("a file name in the link is {chars} characters long; names are at most {limit}")]
    NameTooLong { chars: usize, limit: usize },
    #[error("the data in the link unpack to more than {} MB, more than any report", limit / 1_000_000)]
    DataTooLarge { limit: u64 },
}

fn thousands(n: u64) -> String {
    crate::value::group_thousands(n as f64, 0)
}

/// Makes the fragment (without `#`): `v=…` for the view, `&d=…` for the data.
///
/// ```
/// use scorecard_core::share::{decode, encode, SharedView};
/// use scorecard_core::InputFile;
/// use scorecard_core::period::Period;
/// let view = SharedView { period: Period::parse("Q2 2018/19"), ..SharedView::default() };
/// let file = InputFile { name: "a.csv".into(), bytes: b"code,period,value\nA,Q1 2018/19,5\n".to_vec() };
/// let fragment = encode(&view, Some(&[file.clone()])).unwrap();
/// assert!(fragment.starts_with("v=2."));
/// let back = decode(&fragment).unwrap();
/// assert_eq!((back.view, back.files), (view, vec![file]));
/// ```
pub fn encode(view: &SharedView, files: Option<&[InputFile]>) -> Result<String, ShareError> {
    encode_within(view, files, MAX_LINK_CHARS)
}

/// Like [`encode`] with another limit (the browser's own storage holds more than a link).
pub fn encode_within(
    view: &SharedView,
    files: Option<&[InputFile]>,
    limit: usize,
) -> Result<String, ShareError> {
    let data = files.map(pack_files).transpose()?;
    join(&encode_view(view), data.as_deref(), limit)
}

/// The view part of a fragment: `v=2.…`. Needs no compression, so the page can make it
/// without loading the code that packs data. A setting no link may carry is left out or
/// cut (see [`SharedView`]'s limits: [`YEARS`], [`THRESHOLDS`], [`MAX_QUERY_CHARS`],
/// [`MAX_NAME_IN_VIEW_CHARS`]), so the view part always opens again.
///
/// ```
/// use scorecard_core::share::{decode_view, encode_view, SharedView};
/// let view = SharedView { suppression: Some(0), ..SharedView::default() };
/// let (back, _) = decode_view(&encode_view(&view)).unwrap();
/// assert_eq!(back.suppression, Some(1));
/// ```
pub fn encode_view(view: &SharedView) -> String {
    // Writing to a Vec fails only for types postcard cannot write, which these are not.
    let bytes = postcard::to_allocvec(&ViewWire::from_view(view)).unwrap_or_default();
    format!("v={FORMAT}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Puts a view part and a data part together, refusing a fragment over `limit` characters.
pub fn join(view: &str, data: Option<&str>, limit: usize) -> Result<String, ShareError> {
    let mut out = view.to_string();
    if let Some(d) = data {
        out.push_str("&d=");
        out.push_str(d);
    }
    if out.len() > limit {
        return Err(ShareError::TooLarge {
            chars: out.len(),
            limit,
        });
    }
    Ok(out)
}

/// Reads a fragment made by [`encode`] (with or without the leading `#`). An empty
/// fragment is an empty view. Anything damaged, truncated, tampered with, out of range
/// or made by another version is an error, never a panic.
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    let (view, data) = decode_view(fragment)?;
    let files = match data {
        Some(d) => unpack_files(&d)?,
        None => Vec::new(),
    };
    Ok(Shared { view, files })
}

/// The view of a fragment, checked, and its data part still packed (for
/// [`unpack_files`]); the data part's format is checked here, its contents there.
///
/// ```
/// use scorecard_core::share::{decode_view, ShareError};
/// // Made before links had a format number.
/// let old = decode_view("#v=AAAAAAAAAAAAAAAAAAAAAAAA").unwrap_err();
/// assert!(matches!(old, ShareError::OtherVersion { .. }));
/// assert!(old.to_string().contains("made by another version of Scorecard"));
/// ```
pub fn decode_view(fragment: &str) -> Result<(SharedView, Option<String>), ShareError> {
    let fragment = fragment.trim_start_matches('#').trim();
    let mut view = SharedView::default();
    let mut data = None;
    if fragment.is_empty() {
        return Ok((view, data));
    }
    for part in fragment.split('&') {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| ShareError::NotALink { part: cut(part) })?;
        match key {
            "v" => {
                let body = payload(value, ShareError::ViewUnreadable)?;
                if body.len() > MAX_VIEW_BYTES * 4 / 3 + 4 {
                    return Err(ShareError::ViewUnreadable);
                }
                let bytes = base64(body)?;
                let (wire, rest) = postcard::take_from_bytes::<ViewWire>(&bytes)
                    .map_err(|_| ShareError::ViewUnreadable)?;
                if !rest.is_empty() {
                    return Err(ShareError::ViewUnreadable);
                }
                view = wire.into_view().map_err(ShareError::InvalidView)?;
            }
            "d" => {
                let body = payload(value, ShareError::DataUnreadable)?;
                if !body.bytes().all(is_base64url) {
                    return Err(ShareError::BadCharacters);
                }
                data = Some(value.to_string());
            }
            other => return Err(ShareError::NotALink { part: cut(other) }),
        }
    }
    Ok((view, data))
}

fn cut(s: &str) -> String {
    s.chars().take(20).collect()
}
