//! A workbook's parts looked at before calamine opens it: each part is inflated through a
//! counting reader (so a zip directory that lies about sizes cannot get past the limits),
//! and its XML tags are scanned for what would make calamine allocate far beyond the
//! file: cell references past XFD1048576 (calamine sizes a range by them, or overflows
//! reading them) and a shared-string count it reserves up front.

use std::io::{Cursor, Read};

use crate::problem::{Position, Problem, ProblemKind};

use super::error;
use super::limits::{
    MAX_CELLS_PER_FILE, MAX_CELLS_PER_SHEET, MAX_COLUMNS, MAX_PART_INFLATED, MAX_ROWS,
    MAX_XLSX_INFLATED,
};

/// How many more shared strings than it holds a workbook may declare. calamine sets
/// room aside for the declared count before reading one; a few more than held costs
/// little, four billion aborts the engine.
const SHARED_STRINGS_SLACK: u64 = 100_000;

/// Inflates every part of the workbook, counting, and refuses it where a limit is passed
/// or a cell lies beyond the last a sheet can have. The message names the sheet where the
/// workbook says which part is which sheet.
pub(super) fn inspect(name: &str, bytes: &[u8]) -> Result<(), Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        let reason = e.to_string();
        error(name, ProblemKind::ZipDamaged { reason })
    })?;
    let mut total: u64 = 0;
    let mut cells_in_file: usize = 0;
    let mut sheets = SheetNames::default();
    let mut chunk = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let unreadable = |e: &dyn std::fmt::Display| {
            let reason = e.to_string();
            error(
                name,
                ProblemKind::WorkbookPartUnreadable {
                    part: index,
                    reason,
                },
            )
        };
        let entry = archive.by_index(index).map_err(|e| unreadable(&e))?;
        if entry.is_dir() {
            continue;
        }
        let part = entry.name().map_err(|e| unreadable(&e))?.into_owned();
        let xml = part.to_ascii_lowercase().ends_with(".xml")
            || part.to_ascii_lowercase().ends_with(".rels");
        let mut scan = Scan::default();
        // One byte more than the limit is enough to know it is passed.
        let mut inflating = entry.take(MAX_PART_INFLATED + 1);
        let mut size: u64 = 0;
        loop {
            let n = inflating.read(&mut chunk).map_err(|e| unreadable(&e))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            total += n as u64;
            if size > MAX_PART_INFLATED || total > MAX_XLSX_INFLATED {
                return Err(error(
                    name,
                    ProblemKind::ZipBomb {
                        compressed: bytes.len() as u64,
                        inflated: total,
                    },
                ));
            }
            if xml {
                scan.feed(&chunk[..n]);
            }
        }
        if !xml {
            continue;
        }
        sheets.learn(&part, &scan);
        if scan.tag_too_long || scan.beyond.is_some() || scan.cells > MAX_CELLS_PER_SHEET {
            sheets
                .pending
                .push((part.clone(), scan.beyond.take(), scan.cells));
            continue;
        }
        cells_in_file += scan.cells;
        if let Some(declared) = scan.unique_count {
            if declared > scan.items.saturating_add(SHARED_STRINGS_SLACK) {
                let holds = scan.items;
                return Err(error(
                    name,
                    ProblemKind::SharedStringsOverDeclared { declared, holds },
                ));
            }
        }
    }
    // The first sheet that passes a limit, named as the workbook names it.
    if let Some((part, beyond, cells)) = sheets.pending.first() {
        let position = Position::sheet(name, Some(sheets.name_of(part)));
        let kind = match beyond {
            Some(reference) => ProblemKind::CellBeyondSheet {
                reference: reference.clone(),
            },
            None if *cells > MAX_CELLS_PER_SHEET => ProblemKind::TooManyCells {
                limit: MAX_CELLS_PER_SHEET,
                in_sheet: true,
            },
            None => ProblemKind::WorkbookPartUnreadable {
                part: 0,
                reason: format!("a tag in {part} is longer than any a workbook writes"),
            },
        };
        return Err(Problem::new(position, kind));
    }
    if cells_in_file > MAX_CELLS_PER_FILE {
        return Err(error(
            name,
            ProblemKind::TooManyCells {
                limit: MAX_CELLS_PER_FILE,
                in_sheet: false,
            },
        ));
    }
    Ok(())
}

/// The longest tag kept whole; cell tags are a few dozen bytes.
const TAG_CAP: usize = 4096;

/// What the tags of one XML part say, read a chunk at a time.
#[derive(Debug, Default)]
struct Scan {
    in_tag: bool,
    tag: Vec<u8>,
    /// A cell, row or dimension tag longer than [`TAG_CAP`].
    tag_too_long: bool,
    /// `<c>` tags: cells.
    cells: usize,
    /// The first cell reference past XFD1048576.
    beyond: Option<String>,
    /// `<sst uniqueCount>`, and the `<si>` items the part holds.
    unique_count: Option<u64>,
    items: u64,
    /// `<sheet name r:id>` (workbook.xml) and `<Relationship Id Target>` (its rels).
    sheets: Vec<(String, String)>,
    relationships: Vec<(String, String)>,
}

impl Scan {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if !self.in_tag {
                if b == b'<' {
                    self.in_tag = true;
                    self.tag.clear();
                }
                continue;
            }
            if b == b'>' {
                self.in_tag = false;
                let tag = std::mem::take(&mut self.tag);
                self.tag_done(&tag);
                self.tag = tag;
            } else if self.tag.len() < TAG_CAP {
                self.tag.push(b);
            } else if matches!(local_name(&self.tag), b"c" | b"row" | b"dimension") {
                self.tag_too_long = true;
            }
        }
    }

    fn tag_done(&mut self, tag: &[u8]) {
        if matches!(tag.first(), Some(b'/' | b'?' | b'!') | None) {
            return;
        }
        match local_name(tag) {
            b"c" => {
                self.cells += 1;
                if let Some(r) = attribute(tag, b"r") {
                    self.check_reference(r, true);
                }
            }
            b"row" => {
                if let Some(r) = attribute(tag, b"r") {
                    self.check_reference(r, false);
                }
            }
            b"dimension" => {
                if let Some(r) = attribute(tag, b"ref") {
                    for side in r.split(|&b| b == b':') {
                        self.check_reference(side, true);
                    }
                }
            }
            b"sst" => {
                self.unique_count = attribute(tag, b"uniqueCount")
                    .and_then(|v| std::str::from_utf8(v).ok()?.trim().parse().ok());
            }
            b"si" => self.items += 1,
            b"sheet" => {
                if let (Some(n), Some(id)) = (attribute(tag, b"name"), attribute(tag, b"id")) {
                    self.sheets.push((unescape(n), unescape(id)));
                }
            }
            b"Relationship" => {
                if let (Some(id), Some(t)) = (attribute(tag, b"Id"), attribute(tag, b"Target")) {
                    self.relationships.push((unescape(id), unescape(t)));
                }
            }
            _ => {}
        }
    }

    /// Notes a reference (`B7`, or a row number alone) past the last cell of a sheet.
    fn check_reference(&mut self, r: &[u8], with_column: bool) {
        if self.beyond.is_none() && !within_sheet(r, with_column) {
            let shown = String::from_utf8_lossy(&r[..r.len().min(40)]).into_owned();
            self.beyond = Some(shown);
        }
    }
}

/// Whether a reference names a cell within XFD1048576. `$` signs are allowed; anything
/// else that is not a letter or digit is left for calamine to refuse.
fn within_sheet(r: &[u8], with_column: bool) -> bool {
    let r: Vec<u8> = r.iter().copied().filter(|&b| b != b'$').collect();
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = &r[letters..];
    if letters > 3 || digits.len() > 7 || (!with_column && letters > 0) {
        return false;
    }
    let column = r[..letters].iter().fold(0usize, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = digits.iter().try_fold(0usize, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0'))
    });
    column <= MAX_COLUMNS && row.is_none_or(|row| row <= MAX_ROWS)
}

/// A tag's name without its namespace prefix.
fn local_name(tag: &[u8]) -> &[u8] {
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    let name = &tag[..end];
    match name.iter().rposition(|&b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// The value of the attribute whose name (without prefix) is `want`.
fn attribute<'t>(tag: &'t [u8], want: &[u8]) -> Option<&'t [u8]> {
    let mut i = tag.iter().position(|b| b.is_ascii_whitespace())?;
    while i < tag.len() {
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_start = i;
        while i < tag.len() && tag[i] != b'=' && !tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = local_name(&tag[name_start..i]);
        while i < tag.len() && (tag[i] == b'=' || tag[i].is_ascii_whitespace()) {
            i += 1;
        }
        let quote = *tag.get(i)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let value_start = i + 1;
        let len = tag[value_start..].iter().position(|&b| b == quote)?;
        if name == want {
            return Some(&tag[value_start..value_start + len]);
        }
        i = value_start + len + 1;
    }
    None
}

/// An attribute's text with XML's five entities read.
fn unescape(v: &[u8]) -> String {
    String::from_utf8_lossy(v)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Which part holds which sheet, from workbook.xml and its relationships; and the parts
/// that passed a limit, named once every part has been read.
#[derive(Debug, Default)]
struct SheetNames {
    sheets: Vec<(String, String)>,
    relationships: Vec<(String, String)>,
    pending: Vec<(String, Option<String>, usize)>,
}

impl SheetNames {
    fn learn(&mut self, part: &str, scan: &Scan) {
        if part.ends_with("workbook.xml") {
            self.sheets.extend(scan.sheets.iter().cloned());
        }
        if part.ends_with("workbook.xml.rels") {
            self.relationships
                .extend(scan.relationships.iter().cloned());
        }
    }

    /// The sheet's name where the workbook gives it, else the part's.
    fn name_of<'s>(&'s self, part: &'s str) -> &'s str {
        let target = |t: &str| -> bool {
            let t = t.trim_start_matches('/');
            part == t || part.strip_prefix("xl/") == Some(t)
        };
        self.relationships
            .iter()
            .find(|(_, t)| target(t))
            .and_then(|(id, _)| self.sheets.iter().find(|(_, r)| r == id))
            .map_or(part, |(n, _)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_reference_beyond_xfd_is_found_by_the_scan() {
        let mut scan = Scan::default();
        scan.feed(b"<sheetData><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"ABENCH");
        scan.feed(b"MARK2\"><v>1</v></c></row></sheetData>");
        assert_eq!(scan.cells, 2);
        assert_eq!(scan.beyond.as_deref(), Some("ABENCHMARK2"));
        assert!(within_sheet(b"XFD1048576", true));
        assert!(!within_sheet(b"XFE1", true));
        assert!(!within_sheet(b"A1048577", true));
        assert!(!within_sheet(b"99999999999", false));
    }

    #[test]
    fn a_shared_string_count_of_four_billion_is_seen_before_calamine_reserves_it() {
        let xml = b"<?xml?><sst xmlns=\"x\" count=\"4294967295\" uniqueCount=\"4294967295\"><si><t>a</t></si></sst>";
        let mut scan = Scan::default();
        scan.feed(xml);
        assert_eq!((scan.unique_count, scan.items), (Some(4_294_967_295), 1));
    }
}
