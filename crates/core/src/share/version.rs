//! The link format: the number before each part (`2.`), and telling a link made by
//! another version of Scorecard ([`MadeBy`]) from a damaged one.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::{ShareError, FORMAT};

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

/// A part's body after its format number: `2.abc` gives `abc`. A part without a number
/// that is whole base64 was made before links had one; another number, by another
/// version. `empty` is the error for a part with nothing in it.
pub(super) fn payload(value: &str, empty: ShareError) -> Result<&str, ShareError> {
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

pub(super) fn is_base64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

pub(super) fn base64(value: &str) -> Result<Vec<u8>, ShareError> {
    URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .map_err(|_| ShareError::BadCharacters)
}
