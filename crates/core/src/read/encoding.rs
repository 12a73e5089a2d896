//! The three text encodings a data file comes in besides plain UTF-8: UTF-8 with a BOM,
//! UTF-16 (little- or big-endian, told by its BOM), and Windows-1252, which is what Excel
//! writes as "CSV" on a UK Windows machine. Decoded as the WHATWG Encoding Standard says
//! (what `encoding_rs` does, checked against it byte for byte in the tests), with no
//! decoder for the encodings a council's file never has: `encoding_rs` reaches every
//! decoder and its tables through one `match`, about 100 KB of the CSV engine gzipped.

use std::borrow::Cow;

/// A BOM at the start of the bytes: the text after it, decoded.
pub(super) fn decode_after_bom(bytes: &[u8]) -> Option<Cow<'_, str>> {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => Some(String::from_utf8_lossy(rest)),
        [0xFF, 0xFE, rest @ ..] => Some(Cow::Owned(utf16(rest, u16::from_le_bytes))),
        [0xFE, 0xFF, rest @ ..] => Some(Cow::Owned(utf16(rest, u16::from_be_bytes))),
        _ => None,
    }
}

/// UTF-16 code units, two bytes each; a unit without its pair, or an odd byte at the end,
/// is U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let mut text: String = char::decode_utf16(pairs.map(|p| unit([p[0], p[1]])))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if odd {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Windows-1252: Latin-1, but for 0x80 to 0x9F (the euro sign, curly quotes, dashes).
pub(super) fn windows_1252(bytes: &[u8]) -> String {
    // WHATWG's index-windows-1252 for 0x80..=0x9F; the five bytes it leaves undefined
    // (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for the control characters of the same number.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_what_encoding_rs_makes_of_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(windows_1252(&all), expected);
    }

    #[test]
    fn every_bom_decodes_as_encoding_rs_decodes_it() {
        let text = "code,title\nA,Café – “quoted” 😀\n";
        let mut cases: Vec<Vec<u8>> = Vec::new();
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend(text.as_bytes());
        cases.push(utf8.clone());
        // Broken UTF-8 after the BOM.
        utf8.extend([0xC3, b'x', 0xE2, 0x82]);
        cases.push(utf8);
        for (bom, unit) in [
            ([0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            ([0xFE, 0xFF], u16::to_be_bytes),
        ] {
            let mut bytes = bom.to_vec();
            bytes.extend(text.encode_utf16().flat_map(unit));
            cases.push(bytes.clone());
            // A lone surrogate, then an odd byte at the end.
            bytes.extend(unit(0xD800));
            bytes.extend(unit(u16::from(b'z')));
            bytes.push(0x41);
            cases.push(bytes);
        }
        for bytes in cases {
            let (enc, bom) = encoding_rs::Encoding::for_bom(&bytes).unwrap();
            let (expected, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            assert_eq!(decode_after_bom(&bytes).unwrap(), expected, "{bytes:?}");
        }
        assert!(decode_after_bom(text.as_bytes()).is_none());
    }
}
