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

use std::fmt;
use std::io::{Read, Write};
use std::ops::RangeInclusive;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::period::Period;
use crate::status::Status;
use crate::view::{SortKey, ViewFilter};
use crate::InputFile;

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

/// Which other version of Scorecard made a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MadeBy {
    /// A version from before links carried their format.
    Earlier,
    /// A version writing another link format (a later one, as a rule).
    Format(u32),
}

impl fmt::Display for MadeBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MadeBy::Earlier => write!(f, "an earlier one"),
            MadeBy::Format(n) => write!(f, "link format {n}, this one reads format {FORMAT}"),
        }
    }
}

/// What is wrong with a link's view settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ViewProblem {
    #[error("the month is {month}; a month is 1 to 12")]
    Month { month: u8 },
    #[error("the quarter is Q{quarter}; a quarter is Q1 to Q4")]
    Quarter { quarter: u8 },
    #[error("the year is {year}; Scorecard reports on years {} to {}", YEARS.start(), YEARS.end())]
    Year { year: i32 },
    #[error("the suppression threshold is {threshold}; it is from {} to {}", THRESHOLDS.start(), THRESHOLDS.end())]
    Threshold { threshold: u32 },
    #[error("the {field} is {chars} characters long; it is at most {limit}")]
    TooLong {
        field: &'static str,
        chars: usize,
        limit: usize,
    },
    #[error("it chooses {count} statuses; there are {}", Status::ALL.len())]
    TooManyStatuses { count: usize },
    #[error("status number {0} is not one Scorecard knows")]
    UnknownStatus(u8),
    #[error("sort column number {0} is not one Scorecard knows")]
    UnknownSort(u8),
}

fn thousands(n: u64) -> String {
    crate::value::group_thousands(n as f64, 0)
}

// The wire types of link format 2. Their fields' order and the numbers below are the
// format: change them only with a new FORMAT.

#[derive(serde::Serialize, serde::Deserialize)]
struct ViewWire {
    period: Option<PeriodWire>,
    query: String,
    statuses: Vec<u8>,
    group: Option<String>,
    sort: Option<(u8, bool)>,
    selected: Option<String>,
    suppression: Option<u32>,
}

#[derive(serde::Serialize, serde::Deserialize)]
enum PeriodWire {
    Year { fy: i32 },
    Quarter { fy: i32, q: u8 },
    Month { year: i32, month: u8 },
}

fn status_number(s: Status) -> u8 {
    match s {
        Status::OffTarget => 0,
        Status::Warning => 1,
        Status::OnTarget => 2,
        Status::DataOnly => 3,
        Status::DataNotYetAvailable => 4,
    }
}

fn status_of(n: u8) -> Option<Status> {
    Status::ALL.into_iter().find(|s| status_number(*s) == n)
}

fn sort_number(k: SortKey) -> u8 {
    match k {
        SortKey::Code => 0,
        SortKey::Title => 1,
        SortKey::Value => 2,
        SortKey::Status => 3,
    }
}

fn sort_of(n: u8) -> Option<SortKey> {
    [
        SortKey::Code,
        SortKey::Title,
        SortKey::Value,
        SortKey::Status,
    ]
    .into_iter()
    .find(|k| sort_number(*k) == n)
}

/// A file in link format 2: its bytes as one run (postcard's byte string), not a list.
#[derive(serde::Serialize)]
struct FileOut<'a> {
    name: &'a str,
    bytes: Bytes<'a>,
}

struct Bytes<'a>(&'a [u8]);

impl serde::Serialize for Bytes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// A file read back, borrowing from the inflated data until it is checked.
#[derive(serde::Deserialize)]
struct FileIn<'a> {
    name: &'a str,
    #[serde(borrow)]
    bytes: &'a [u8],
}

fn check_period(p: Period) -> Result<Period, ViewProblem> {
    let year = match p {
        Period::Year { fy } => fy,
        Period::Quarter { fy, q } => {
            if !(1..=4).contains(&q) {
                return Err(ViewProblem::Quarter { quarter: q });
            }
            fy
        }
        Period::Month { year, month } => {
            if !(1..=12).contains(&month) {
                return Err(ViewProblem::Month { month });
            }
            year
        }
    };
    if YEARS.contains(&year) {
        Ok(p)
    } else {
        Err(ViewProblem::Year { year })
    }
}

fn check_len(field: &'static str, text: &str, limit: usize) -> Result<(), ViewProblem> {
    // More bytes than four per character allowed cannot be within the limit.
    if text.len() <= limit {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > limit {
        return Err(ViewProblem::TooLong {
            field,
            chars,
            limit,
        });
    }
    Ok(())
}

impl ViewWire {
    /// The view as a link carries it. A setting no link may carry is left out (a period
    /// or threshold out of range, a name too long) or cut (the search text, the
    /// statuses), so every link Scorecard makes opens again.
    fn from_view(view: &SharedView) -> ViewWire {
        let f = &view.filter;
        let mut statuses: Vec<u8> = Vec::new();
        for s in &f.statuses {
            let n = status_number(*s);
            if !statuses.contains(&n) {
                statuses.push(n);
            }
        }
        let fits = |s: &String| check_len("", s, MAX_NAME_IN_VIEW_CHARS).is_ok();
        ViewWire {
            period: view
                .period
                .and_then(|p| check_period(p).ok())
                .map(|p| match p {
                    Period::Year { fy } => PeriodWire::Year { fy },
                    Period::Quarter { fy, q } => PeriodWire::Quarter { fy, q },
                    Period::Month { year, month } => PeriodWire::Month { year, month },
                }),
            query: f.query.chars().take(MAX_QUERY_CHARS).collect(),
            statuses,
            group: f.group.clone().filter(fits),
            sort: f.sort.map(|(k, d)| (sort_number(k), d)),
            selected: view.selected.clone().filter(fits),
            suppression: view
                .suppression
                .map(|t| t.clamp(*THRESHOLDS.start(), *THRESHOLDS.end())),
        }
    }

    /// The view, once every setting is checked.
    fn into_view(self) -> Result<SharedView, ViewProblem> {
        let period = self
            .period
            .map(|p| {
                check_period(match p {
                    PeriodWire::Year { fy } => Period::Year { fy },
                    PeriodWire::Quarter { fy, q } => Period::Quarter { fy, q },
                    PeriodWire::Month { year, month } => Period::Month { year, month },
                })
            })
            .transpose()?;
        if let Some(t) = self.suppression {
            if !THRESHOLDS.contains(&t) {
                return Err(ViewProblem::Threshold { threshold: t });
            }
        }
        check_len("search text", &self.query, MAX_QUERY_CHARS)?;
        for (field, text) in [("group", &self.group), ("selected PI", &self.selected)] {
            if let Some(t) = text {
                check_len(field, t, MAX_NAME_IN_VIEW_CHARS)?;
            }
        }
        if self.statuses.len() > Status::ALL.len() {
            return Err(ViewProblem::TooManyStatuses {
                count: self.statuses.len(),
            });
        }
        let mut statuses = Vec::new();
        for &n in &self.statuses {
            let s = status_of(n).ok_or(ViewProblem::UnknownStatus(n))?;
            // A status chosen twice is chosen once, as the page would make it.
            if !statuses.contains(&s) {
                statuses.push(s);
            }
        }
        let sort = match self.sort {
            Some((n, descending)) => {
                Some((sort_of(n).ok_or(ViewProblem::UnknownSort(n))?, descending))
            }
            None => None,
        };
        Ok(SharedView {
            period,
            filter: ViewFilter {
                query: self.query,
                statuses,
                group: self.group,
                sort,
            },
            selected: self.selected,
            suppression: self.suppression,
        })
    }
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

/// The data part of a fragment (without `d=`): `2.` and the files, zlib-compressed, in
/// base64url. Refuses what [`unpack_files`] would: more than [`MAX_FILES`] files, a name
/// over [`MAX_NAME_CHARS`] characters, more than [`MAX_INFLATED_BYTES`] in all.
pub fn pack_files(files: &[InputFile]) -> Result<String, ShareError> {
    if files.len() > MAX_FILES {
        return Err(ShareError::TooManyFiles {
            count: files.len() as u64,
            limit: MAX_FILES,
        });
    }
    let mut total: u64 = 0;
    for f in files {
        check_name(&f.name)?;
        total = total.saturating_add(f.bytes.len() as u64 + f.name.len() as u64 + 20);
    }
    if total > MAX_INFLATED_BYTES {
        return Err(ShareError::DataTooLarge {
            limit: MAX_INFLATED_BYTES,
        });
    }
    let wire: Vec<FileOut> = files
        .iter()
        .map(|f| FileOut {
            name: &f.name,
            bytes: Bytes(&f.bytes),
        })
        .collect();
    let raw = postcard::to_allocvec(&wire).map_err(|_| ShareError::DataUnreadable)?;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).map_err(|_| ShareError::DataUnreadable)?;
    let packed = z.finish().map_err(|_| ShareError::DataUnreadable)?;
    Ok(format!("{FORMAT}.{}", URL_SAFE_NO_PAD.encode(packed)))
}

fn check_name(name: &str) -> Result<(), ShareError> {
    if name.len() > MAX_NAME_CHARS && name.chars().count() > MAX_NAME_CHARS {
        return Err(ShareError::NameTooLong {
            chars: name.chars().count(),
            limit: MAX_NAME_CHARS,
        });
    }
    Ok(())
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

/// A part's body after its format number: `2.abc` gives `abc`. A part without a number
/// that is whole base64 was made before links had one; another number, by another
/// version. `empty` is the error for a part with nothing in it.
fn payload(value: &str, empty: ShareError) -> Result<&str, ShareError> {
    match value.split_once('.') {
        Some((v, body)) if v == FORMAT.to_string() => {
            if body.is_empty() {
                Err(empty)
            } else {
                Ok(body)
            }
        }
        Some((v, _)) if !v.is_empty() && v.len() <= 9 && v.bytes().all(|b| b.is_ascii_digit()) => {
            Err(ShareError::OtherVersion {
                made_by: MadeBy::Format(v.parse().unwrap_or(u32::MAX)),
            })
        }
        Some(_) => Err(ShareError::BadCharacters),
        None if value.is_empty() => Err(empty),
        // Old links were base64 of whole bytes: never 1 more than a multiple of 4 long.
        None if value.bytes().all(is_base64url) && value.len() % 4 != 1 => {
            Err(ShareError::OtherVersion {
                made_by: MadeBy::Earlier,
            })
        }
        None => Err(ShareError::BadCharacters),
    }
}

fn is_base64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn base64(value: &str) -> Result<Vec<u8>, ShareError> {
    URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .map_err(|_| ShareError::BadCharacters)
}

fn cut(s: &str) -> String {
    s.chars().take(20).collect()
}

/// The files of a data part made by [`pack_files`], checked: at most [`MAX_FILES`]
/// files, names of at most [`MAX_NAME_CHARS`] characters, at most
/// [`MAX_INFLATED_BYTES`] unpacked. A link of many empty files is refused from its
/// count, before any file is read.
pub fn unpack_files(data: &str) -> Result<Vec<InputFile>, ShareError> {
    unpack_files_within(data, MAX_INFLATED_BYTES)
}

fn unpack_files_within(data: &str, limit: u64) -> Result<Vec<InputFile>, ShareError> {
    let packed = base64(payload(data, ShareError::DataUnreadable)?)?;
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(packed.as_slice())
        .take(limit + 1)
        .read_to_end(&mut raw)
        .map_err(|_| ShareError::DataUnreadable)?;
    if raw.len() as u64 > limit {
        return Err(ShareError::DataTooLarge { limit });
    }
    // The count comes first (postcard writes a list's length as its first varint).
    let (count, mut rest) =
        postcard::take_from_bytes::<u64>(&raw).map_err(|_| ShareError::DataUnreadable)?;
    if count > MAX_FILES as u64 {
        return Err(ShareError::TooManyFiles {
            count,
            limit: MAX_FILES,
        });
    }
    let mut files = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (file, tail) =
            postcard::take_from_bytes::<FileIn>(rest).map_err(|_| ShareError::DataUnreadable)?;
        check_name(file.name)?;
        files.push(InputFile {
            name: file.name.to_string(),
            bytes: file.bytes.to_vec(),
        });
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(ShareError::DataUnreadable);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let view = SharedView {
            period: Period::parse("Q2 2018/19"),
            selected: Some("CMP.07".into()),
            ..SharedView::default()
        };
        let file = InputFile {
            name: "complaints.csv".into(),
            bytes: include_bytes!("../../../tests/fixtures/samples/complaints-q2-2018-19.csv")
                .to_vec(),
        };
        encode(&view, Some(&[file])).unwrap()
    }

    /// A view part as a hostile link would carry it: any wire values, unchecked.
    fn raw_view(wire: &ViewWire) -> String {
        format!(
            "v=2.{}",
            URL_SAFE_NO_PAD.encode(postcard::to_allocvec(wire).unwrap())
        )
    }

    fn empty_wire() -> ViewWire {
        ViewWire::from_view(&SharedView::default())
    }

    /// A data part of raw (already postcard) bytes.
    fn raw_data(raw: &[u8]) -> String {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(raw).unwrap();
        format!("2.{}", URL_SAFE_NO_PAD.encode(z.finish().unwrap()))
    }

    fn invalid(fragment: &str) -> ViewProblem {
        match decode_view(fragment) {
            Err(ShareError::InvalidView(p)) => p,
            other => panic!("{fragment}: {other:?}"),
        }
    }

    #[test]
    fn a_link_round_trips_its_view_and_files() {
        let view = SharedView {
            period: Some(Period::Month {
                year: 2019,
                month: 9,
            }),
            filter: ViewFilter {
                query: "stage 2".into(),
                statuses: vec![Status::OffTarget, Status::DataNotYetAvailable],
                group: Some("Complaints".into()),
                sort: Some((SortKey::Status, true)),
            },
            selected: Some("CMP.07".into()),
            suppression: Some(4),
        };
        let files = vec![
            InputFile {
                name: "a.csv".into(),
                bytes: b"x".to_vec(),
            },
            InputFile {
                name: "empty.csv".into(),
                bytes: Vec::new(),
            },
        ];
        let back = decode(&format!("#{}", encode(&view, Some(&files)).unwrap())).unwrap();
        assert_eq!(back, Shared { view, files });
    }

    #[test]
    fn a_link_whose_view_names_month_13_is_refused() {
        let mut wire = empty_wire();
        wire.period = Some(PeriodWire::Month {
            year: 2019,
            month: 13,
        });
        let err = decode(&raw_view(&wire)).unwrap_err();
        assert_eq!(
            err,
            ShareError::InvalidView(ViewProblem::Month { month: 13 })
        );
        assert_eq!(
            err.to_string(),
            "the link's view settings are not valid: the month is 13; a month is 1 to 12"
        );
        wire.period = Some(PeriodWire::Month {
            year: 2019,
            month: 0,
        });
        assert_eq!(invalid(&raw_view(&wire)), ViewProblem::Month { month: 0 });
    }

    #[test]
    fn a_link_whose_view_names_quarter_5_or_the_year_20000_is_refused() {
        let mut wire = empty_wire();
        wire.period = Some(PeriodWire::Quarter { fy: 2018, q: 5 });
        assert_eq!(
            invalid(&raw_view(&wire)),
            ViewProblem::Quarter { quarter: 5 }
        );
        for year in [20_000, 1989, 2101, i32::MIN, i32::MAX] {
            wire.period = Some(PeriodWire::Year { fy: year });
            assert_eq!(invalid(&raw_view(&wire)), ViewProblem::Year { year });
        }
        wire.period = Some(PeriodWire::Year { fy: 2100 });
        assert!(decode_view(&raw_view(&wire)).is_ok());
    }

    #[test]
    fn a_threshold_of_0_is_refused() {
        let mut wire = empty_wire();
        for threshold in [0, 100, u32::MAX] {
            wire.suppression = Some(threshold);
            let err = decode_view(&raw_view(&wire)).unwrap_err();
            assert_eq!(
                err,
                ShareError::InvalidView(ViewProblem::Threshold { threshold })
            );
            assert!(err.to_string().contains("threshold"), "{err}");
        }
        for threshold in [1, 4, 99] {
            wire.suppression = Some(threshold);
            let (view, _) = decode_view(&raw_view(&wire)).unwrap();
            assert_eq!(view.suppression, Some(threshold));
        }
    }

    #[test]
    fn overlong_texts_and_lists_in_a_view_are_refused() {
        let mut wire = empty_wire();
        wire.query = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(matches!(
            invalid(&raw_view(&wire)),
            ViewProblem::TooLong {
                field: "search text",
                ..
            }
        ));
        let mut wire = empty_wire();
        wire.selected = Some("é".repeat(MAX_NAME_IN_VIEW_CHARS + 1));
        assert!(matches!(
            invalid(&raw_view(&wire)),
            ViewProblem::TooLong {
                field: "selected PI",
                ..
            }
        ));
        // Within the limit in characters, though more bytes than characters.
        wire.selected = Some("é".repeat(MAX_NAME_IN_VIEW_CHARS));
        assert!(decode_view(&raw_view(&wire)).is_ok());
        let mut wire = empty_wire();
        wire.statuses = vec![0; 6];
        assert_eq!(
            invalid(&raw_view(&wire)),
            ViewProblem::TooManyStatuses { count: 6 }
        );
        wire.statuses = vec![9];
        assert_eq!(invalid(&raw_view(&wire)), ViewProblem::UnknownStatus(9));
        let mut wire = empty_wire();
        wire.sort = Some((4, false));
        assert_eq!(invalid(&raw_view(&wire)), ViewProblem::UnknownSort(4));
    }

    #[test]
    fn a_status_chosen_twice_opens_as_chosen_once() {
        // So that a view that opens makes a link that opens to the same view (fuzzed).
        let mut wire = empty_wire();
        wire.statuses = vec![2, 0, 2];
        let (view, _) = decode_view(&raw_view(&wire)).unwrap();
        assert_eq!(view.filter.statuses, [Status::OnTarget, Status::OffTarget]);
        assert_eq!(decode_view(&encode_view(&view)).unwrap().0, view);
    }

    #[test]
    fn a_view_part_too_long_for_any_view_is_refused_before_it_is_read() {
        let long = format!("v=2.{}", "A".repeat(20_000));
        assert_eq!(decode_view(&long), Err(ShareError::ViewUnreadable));
    }

    #[test]
    fn every_view_the_page_can_hold_makes_a_link_that_opens() {
        let odd = SharedView {
            period: Some(Period::Month {
                year: 2019,
                month: 13,
            }),
            filter: ViewFilter {
                query: "q".repeat(5_000),
                statuses: [Status::ALL, Status::ALL].concat(),
                group: Some("g".repeat(5_000)),
                sort: Some((SortKey::Value, false)),
            },
            selected: Some("s".repeat(5_000)),
            suppression: Some(0),
        };
        let (view, _) = decode_view(&encode_view(&odd)).unwrap();
        assert_eq!(view.period, None);
        assert_eq!(view.filter.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(view.filter.statuses, Status::ALL);
        assert_eq!((view.filter.group, view.selected), (None, None));
        assert_eq!(view.suppression, Some(1));
    }

    #[test]
    fn a_link_with_150000_empty_files_is_refused_quickly() {
        let mut raw = Vec::new();
        let mut n = 150_000u32;
        while n >= 0x80 {
            raw.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        raw.push(n as u8);
        raw.extend(std::iter::repeat_n(0u8, 300_000));
        let link = format!(
            "{}&d={}",
            encode_view(&SharedView::default()),
            raw_data(&raw)
        );
        assert!(link.len() < 2_000, "{} characters", link.len());
        let started = std::time::Instant::now();
        let err = decode(&link).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(
            err,
            ShareError::TooManyFiles {
                count: 150_000,
                limit: MAX_FILES
            }
        );
        assert_eq!(
            err.to_string(),
            "the link carries 150,000 files; a link carries at most 50"
        );
    }

    #[test]
    fn a_link_of_more_files_than_allowed_is_neither_made_nor_opened() {
        let files = vec![
            InputFile {
                name: "a.csv".into(),
                bytes: Vec::new()
            };
            MAX_FILES + 1
        ];
        assert!(matches!(
            pack_files(&files),
            Err(ShareError::TooManyFiles { count: 51, .. })
        ));
        assert!(pack_files(&files[..MAX_FILES]).is_ok());
        let wire: Vec<FileOut> = files
            .iter()
            .map(|f| FileOut {
                name: &f.name,
                bytes: Bytes(&f.bytes),
            })
            .collect();
        let data = raw_data(&postcard::to_allocvec(&wire).unwrap());
        assert!(matches!(
            unpack_files(&data),
            Err(ShareError::TooManyFiles { count: 51, .. })
        ));
    }

    #[test]
    fn a_file_name_over_255_characters_is_refused() {
        let file = InputFile {
            name: "n".repeat(MAX_NAME_CHARS + 1),
            bytes: b"code\n".to_vec(),
        };
        let err = pack_files(std::slice::from_ref(&file)).unwrap_err();
        assert_eq!(
            err,
            ShareError::NameTooLong {
                chars: 256,
                limit: 255
            }
        );
        let wire = vec![FileOut {
            name: &file.name,
            bytes: Bytes(&file.bytes),
        }];
        let data = raw_data(&postcard::to_allocvec(&wire).unwrap());
        assert_eq!(unpack_files(&data).unwrap_err(), err);
    }

    #[test]
    fn data_that_unpack_past_the_limit_are_refused() {
        let zeros = vec![0u8; 10_001];
        let data = raw_data(&zeros);
        assert_eq!(
            unpack_files_within(&data, 10_000),
            Err(ShareError::DataTooLarge { limit: 10_000 })
        );
    }

    #[test]
    fn an_unversioned_link_says_made_by_another_version() {
        // Made by the Scorecard before links carried a format number (bincode 1): the
        // view Q2 2018/19 with CMP.07 open (tests/fixtures/hostile/classes/link-unversioned.txt).
        let old = "v=AQEAAADiBwAAAgAAAAAAAAAAAAAAAAAAAAAAAAEGAAAAAAAAAENNUC4wNwA";
        let err = decode(old).unwrap_err();
        assert_eq!(
            err,
            ShareError::OtherVersion {
                made_by: MadeBy::Earlier
            }
        );
        assert_eq!(
            err.to_string(),
            "it was made by another version of Scorecard (an earlier one), which this one cannot open; ask for a new link"
        );
        // With its data, still the version that is named, not damage.
        assert!(matches!(
            decode(&format!(
                "{old}&d=eNpjZWBgSNRLLi5TBDKS81NSdQpSizLzU3TKEnNKU7kcdQINFYwMDC30DS11TLkADJ4LfQ"
            )),
            Err(ShareError::OtherVersion { .. })
        ));
        // An old data part kept in this browser's storage.
        assert!(matches!(
            unpack_files("eNpjZWBgSNRLLi5TBDKS81NSdQpSizLzU3TKEnNKU7kcdQINFYwMDC30DS11TLkADJ4LfQ"),
            Err(ShareError::OtherVersion { .. })
        ));
    }

    #[test]
    fn a_link_from_a_later_format_says_made_by_another_version() {
        let err = decode("v=3.AAAAAAAAAA").unwrap_err();
        assert_eq!(
            err,
            ShareError::OtherVersion {
                made_by: MadeBy::Format(3)
            }
        );
        assert!(err
            .to_string()
            .contains("made by another version of Scorecard (link format 3"));
    }

    #[test]
    fn a_truncated_link_is_damaged_not_a_panic() {
        let link = sample();
        for cut in [link.len() - 1, link.len() - 10, link.len() / 2, 4, 3, 1] {
            let got = decode(&link[..cut]);
            assert!(
                matches!(
                    got,
                    Err(ShareError::DataUnreadable
                        | ShareError::ViewUnreadable
                        | ShareError::BadCharacters
                        | ShareError::NotALink { .. })
                ),
                "cut at {cut}: {got:?}"
            );
        }
    }

    #[test]
    fn a_tampered_link_is_caught_by_the_checksum() {
        let link = sample();
        let at = link.find("&d=").unwrap() + 40;
        let mut bytes = link.into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let got = decode(&String::from_utf8(bytes).unwrap());
        assert_eq!(got, Err(ShareError::DataUnreadable));
    }

    #[test]
    fn nonsense_fragments_are_refused() {
        for f in [
            "#hello",
            "#v=!!!",
            "#x=abc",
            "#v=2.&d=",
            "#v=2.AAAAAAA&d=2.",
            "#v=2.bm90IGpzb24",
            "#v=2.AAAAAAA&d=2.!!",
            "#v=2.AAAAAAA&d=2.AAAA",
            "#v=2.2.2",
        ] {
            assert!(decode(f).is_err(), "{f}");
        }
        assert_eq!(decode("").unwrap(), Shared::default());
        assert_eq!(
            decode("#section-2"),
            Err(ShareError::NotALink {
                part: "section-2".into()
            })
        );
    }

    #[test]
    fn a_link_over_the_limit_is_refused_with_its_size() {
        // Incompressible bytes: the high bits of a 64-bit linear congruential sequence.
        let mut x: u64 = 1;
        let noise: Vec<u8> = (0..400_000)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 56) as u8
            })
            .collect();
        let file = InputFile {
            name: "big.csv".into(),
            bytes: noise,
        };
        let err = encode(&SharedView::default(), Some(&[file])).unwrap_err();
        assert!(
            err.to_string().starts_with("the data make a link of "),
            "{err}"
        );
    }
}
