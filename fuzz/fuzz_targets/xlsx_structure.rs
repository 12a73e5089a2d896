//! Workbooks whose parts the fuzzer writes: the input is split at 0xFF bytes into the
//! sheet's `<sheetData>` contents, a number format code and shared strings, put into
//! the parts of a small XLSX (stored, not deflated, so the fuzzer's bytes reach the
//! XML reader as they are), which `read_all` then reads. The first byte chooses whether
//! there are styles, shared strings and the 1904 date system. Nothing may panic or hang.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use scorecard_core::{read_all, report, InputFile};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;

fn workbook(flags: u8, sheet: &[u8], format: &[u8], strings: &[u8]) -> Option<Vec<u8>> {
    let (styles, shared, date1904) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
    let mut parts: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    );
    if styles {
        types.push_str(r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#);
        let mut xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode=""#).into_bytes();
        xml.extend_from_slice(format);
        xml.extend_from_slice(br#""/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#);
        parts.push(("xl/styles.xml", xml));
    }
    if shared {
        types.push_str(r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
        let mut xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst {NS} "#).into_bytes();
        xml.extend_from_slice(strings);
        xml.extend_from_slice(b"</sst>");
        parts.push(("xl/sharedStrings.xml", xml));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let pr = if date1904 {
        r#"<workbookPr date1904="1"/>"#
    } else {
        ""
    };
    parts.push(("[Content_Types].xml", types.into_bytes()));
    parts.push(("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()));
    parts.push(("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#).into_bytes()));
    parts.push(("xl/_rels/workbook.xml.rels", rels.into_bytes()));
    let mut xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>"#)
        .into_bytes();
    xml.extend_from_slice(sheet);
    xml.extend_from_slice(b"</sheetData></worksheet>");
    parts.push(("xl/worksheets/sheet1.xml", xml));

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, bytes) in parts {
        zip.start_file(name, stored).ok()?;
        zip.write_all(&bytes).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut pieces = rest.splitn(3, |b| *b == 0xFF);
    let sheet = pieces.next().unwrap_or_default();
    let format = pieces.next().unwrap_or_default();
    let strings = pieces.next().unwrap_or_default();
    let Some(bytes) = workbook(flags, sheet, format, strings) else {
        return;
    };
    let ds = read_all(&[InputFile {
        name: "fuzz.xlsx".into(),
        bytes,
    }]);
    for period in report::periods_with_values(&ds).into_iter().take(4) {
        let _ = report::build(&ds, Some(period));
    }
});
