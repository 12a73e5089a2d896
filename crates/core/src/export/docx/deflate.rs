//! The package's parts deflated. docx-rs 0.4 stores them uncompressed, so a report of a
//! few hundred indicators would download as megabytes of XML; deflated, as Word writes
//! its own files, it is a fraction of that.

use std::io::Cursor;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The same package with every part deflated, in the same order (`[Content_Types].xml`
/// first). Folder entries are dropped: a package has no need of them.
pub fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        if part.is_dir() {
            continue;
        }
        let name = part.name()?.into_owned();
        out.start_file(name, options)?;
        std::io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[test]
    fn parts_come_back_the_same_and_smaller() {
        let mut stored = ZipWriter::new(Cursor::new(Vec::new()));
        let keep = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        stored.add_directory("word/", keep).unwrap();
        stored.start_file("[Content_Types].xml", keep).unwrap();
        stored.write_all(b"<Types/>").unwrap();
        stored.start_file("word/document.xml", keep).unwrap();
        let body = "<w:p><w:r><w:t>Off Target</w:t></w:r></w:p>".repeat(500);
        stored.write_all(body.as_bytes()).unwrap();
        let stored = stored.finish().unwrap().into_inner();
        let packed = deflate(&stored).unwrap();
        assert!(
            packed.len() * 10 < stored.len(),
            "{} of {}",
            packed.len(),
            stored.len()
        );
        let mut back = ZipArchive::new(Cursor::new(packed)).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(
            back.by_index(0).unwrap().name().unwrap(),
            "[Content_Types].xml"
        );
        let mut text = String::new();
        back.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, body);
    }
}
