//! The data part of a link: the files packed (postcard, zlib, base64url) and unpacked
//! within bounds: how many files, how long their names, how much they inflate to.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::version::{base64, payload};
use super::{ShareError, FORMAT, MAX_FILES, MAX_INFLATED_BYTES, MAX_NAME_CHARS};
use crate::InputFile;

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
    use crate::share::{decode, encode_view, SharedView};

    /// A data part of raw (already postcard) bytes.
    fn raw_data(raw: &[u8]) -> String {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(raw).unwrap();
        format!("2.{}", URL_SAFE_NO_PAD.encode(z.finish().unwrap()))
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
}
