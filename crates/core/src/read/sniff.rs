//! Sniffing a file's bytes: what kind of binary file it is, which text encoding it is
//! in, and which separator its lines use.

use std::borrow::Cow;

use crate::problem::BinaryKind;

/// A binary file recognised by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Binary {
    /// A zip archive: an XLSX workbook, or not.
    Zip,
    /// Anything else, which is not a data file.
    Other(BinaryKind),
}

/// Recognises binary files by their first bytes.
pub(super) fn binary_kind(bytes: &[u8]) -> Option<Binary> {
    const MAGIC: [(&[u8], Binary); 9] = [
        (b"PK\x03\x04", Binary::Zip),
        (b"PK\x05\x06", Binary::Zip),
        (b"\x89PNG", Binary::Other(BinaryKind::Png)),
        (b"%PDF", Binary::Other(BinaryKind::Pdf)),
        (b"\xff\xd8\xff", Binary::Other(BinaryKind::Jpeg)),
        (b"GIF8", Binary::Other(BinaryKind::Gif)),
        (b"\xd0\xcf\x11\xe0", Binary::Other(BinaryKind::OldExcel)),
        (b"\x1f\x8b", Binary::Other(BinaryKind::Gzip)),
        (b"{\\rtf", Binary::Other(BinaryKind::Rtf)),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
}

/// Decodes text: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8; else
/// Windows-1252, which is what Excel writes as "CSV" on a UK Windows machine.
/// `None` when the result still looks binary.
/// Valid UTF-8 is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let text = if let Some(text) = super::encoding::decode_after_bom(bytes) {
        text
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(super::encoding::windows_1252(bytes))
    };
    let sample: Vec<char> = text.chars().take(4096).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    (control * 20 <= sample.len()).then_some(text)
}

/// Picks the separator that splits the first lines most consistently: comma, semicolon or tab.
pub fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        // Prefer a separator that appears the same number of times on the most lines.
        // Lines without it are not counted: a title above a table has no separator.
        let mut common = (0usize, 0usize);
        for &c in counts.iter().filter(|&&c| c > 0) {
            let times = counts.iter().filter(|&&x| x == c).count();
            if (times, c) > common {
                common = (times, c);
            }
        }
        let score = common.0 * 1000 + common.1;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_semicolon_and_tab_separators() {
        assert_eq!(detect_delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter("title,\"a;b\"\nx,y\n"), b',');
    }

    #[test]
    fn windows_1252_pound_sign_decodes() {
        let bytes = b"value\n\xa315.8m\n";
        assert_eq!(decode(bytes).unwrap(), "value\n£15.8m\n");
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "a,b\n1,2".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "a,b\n1,2");
    }
}
