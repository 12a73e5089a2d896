//! Share links: the view (report period, filters, selected PI) and, if the user opts in,
//! the data itself, carried in the URL's fragment. A browser never sends the fragment
//! to a server. The data are zlib-compressed, whose checksum catches a damaged or
//! tampered link, then base64url-encoded.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use bincode::Options;

use crate::period::Period;
use crate::view::ViewFilter;
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

/// The longest link Scorecard makes, in characters of fragment. Links pass through
/// e-mail and chat, which cut or refuse longer ones.
pub const MAX_LINK_CHARS: usize = 200_000;
/// The most data a link may inflate to, so a hostile link cannot exhaust memory.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

/// The most a link's view part may hold (a search text, a few codes).
const MAX_VIEW_BYTES: u64 = 64 * 1024;

/// Why a link cannot be made or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShareError {
    #[error("the data make a link of {chars} characters; links are limited to {limit} characters. Share the file itself instead, or a link without the data")]
    TooLarge { chars: usize, limit: usize },
    #[error("the link is damaged or incomplete ({0}); ask for it to be sent again")]
    Damaged(String),
}

fn damaged(what: impl std::fmt::Display) -> ShareError {
    ShareError::Damaged(what.to_string())
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

/// The view part of a fragment: `v=…`. Needs no compression, so the page can make it
/// without loading the code that packs data.
pub fn encode_view(view: &SharedView) -> String {
    let bytes = bincode::serialize(view).unwrap_or_default();
    format!("v={}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The data part of a fragment (without `d=`): the files zlib-compressed, then base64url.
pub fn pack_files(files: &[InputFile]) -> Result<String, ShareError> {
    let mut raw = Vec::new();
    for f in files {
        let name = f.name.as_bytes();
        raw.extend((name.len() as u32).to_le_bytes());
        raw.extend(name);
        raw.extend((f.bytes.len() as u32).to_le_bytes());
        raw.extend(&f.bytes);
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).map_err(damaged)?;
    let packed = z.finish().map_err(damaged)?;
    Ok(URL_SAFE_NO_PAD.encode(packed))
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
/// fragment is an empty view. Anything damaged, truncated or tampered with is an error,
/// never a panic.
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    let (view, data) = decode_view(fragment)?;
    let files = match data {
        Some(d) => unpack_files(&d)?,
        None => Vec::new(),
    };
    Ok(Shared { view, files })
}

/// The view of a fragment, and its data part still packed (for [`unpack_files`]).
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
            .ok_or_else(|| damaged(format!("'{}' is not part of a Scorecard link", cut(part))))?;
        match key {
            "v" => {
                let bytes = base64(value)?;
                view = bincode::DefaultOptions::new()
                    .with_fixint_encoding()
                    .reject_trailing_bytes()
                    .with_limit(MAX_VIEW_BYTES)
                    .deserialize(&bytes)
                    .map_err(|_| damaged("the view settings cannot be read"))?;
            }
            "d" => {
                base64(value)?;
                data = Some(value.to_string());
            }
            other => {
                return Err(damaged(format!(
                    "'{}' is not part of a Scorecard link",
                    cut(other)
                )))
            }
        }
    }
    Ok((view, data))
}

fn base64(value: &str) -> Result<Vec<u8>, ShareError> {
    URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .map_err(|_| damaged("it holds characters a link cannot"))
}

fn cut(s: &str) -> String {
    s.chars().take(20).collect()
}

/// The files of a data part made by [`pack_files`].
pub fn unpack_files(data: &str) -> Result<Vec<InputFile>, ShareError> {
    let packed = base64(data)?;
    let packed = packed.as_slice();
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(packed)
        .take(MAX_INFLATED_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(|_| damaged("the data in it do not check out"))?;
    if raw.len() as u64 > MAX_INFLATED_BYTES {
        return Err(damaged("the data in it are larger than any report"));
    }
    let mut files = Vec::new();
    let mut rest = raw.as_slice();
    let take = |rest: &mut &[u8], n: usize| -> Result<Vec<u8>, ShareError> {
        if rest.len() < n {
            return Err(damaged("the data in it end too early"));
        }
        let (head, tail) = rest.split_at(n);
        *rest = tail;
        Ok(head.to_vec())
    };
    let len = |rest: &mut &[u8]| -> Result<usize, ShareError> {
        let b = take(rest, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    while !rest.is_empty() {
        let n = len(&mut rest)?;
        let name = String::from_utf8(take(&mut rest, n)?)
            .map_err(|_| damaged("a file name in it is not text"))?;
        let n = len(&mut rest)?;
        let bytes = take(&mut rest, n)?;
        files.push(InputFile { name, bytes });
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

    #[test]
    fn a_truncated_link_is_damaged_not_a_panic() {
        let link = sample();
        for cut in [link.len() - 1, link.len() - 10, link.len() / 2, 3, 1] {
            let got = decode(&link[..cut]);
            assert!(
                matches!(got, Err(ShareError::Damaged(_))),
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
        assert!(matches!(got, Err(ShareError::Damaged(_))), "{got:?}");
    }

    #[test]
    fn nonsense_fragments_are_damaged() {
        for f in ["#hello", "#v=!!!", "#x=abc", "#v=e30&d=", "#v=bm90IGpzb24"] {
            assert!(decode(f).is_err(), "{f}");
        }
        assert_eq!(decode("").unwrap(), Shared::default());
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
