//! Marks each table's first row as its header row (`<w:tblHeader/>`), which Word and
//! LibreOffice repeat at the top of every page the table runs onto and which screen
//! readers announce as the column headers. docx-rs 0.4 has no setting for it, so the
//! mark is added to the document part docx-rs wrote: after each table's grid, inside its
//! first row's properties (every row the paper writes has some: it may not split).

const GRID_END: &[u8] = b"</w:tblGrid>";
const ROW: &[u8] = b"<w:tr>";
const ROW_PROPERTIES: &[u8] = b"<w:trPr>";
const HEADER: &[u8] = b"<w:tblHeader />";

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `document` with every table's first row marked as a header row. A table whose first
/// row does not start as docx-rs writes it (`<w:tr><w:trPr>`) is left as it is.
pub fn mark(document: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(document.len() + 1024);
    let mut rest = document;
    while let Some(g) = find(rest, GRID_END) {
        let after = g + GRID_END.len();
        let first_row = [ROW, ROW_PROPERTIES].concat();
        let at = if rest[after..].starts_with(&first_row) {
            after + first_row.len()
        } else {
            after
        };
        out.extend_from_slice(&rest[..at]);
        if at > after {
            out.extend_from_slice(HEADER);
        }
        rest = &rest[at..];
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_each_first_row_is_marked() {
        let xml = b"<w:tbl><w:tblGrid><w:gridCol /></w:tblGrid><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p /><w:tbl><w:tblGrid /></w:tblGrid><w:tr><w:tc /></w:tr></w:tbl>";
        let out = String::from_utf8(mark(xml)).unwrap();
        assert_eq!(out.matches("<w:tblHeader />").count(), 1);
        assert!(out.starts_with("<w:tbl><w:tblGrid><w:gridCol /></w:tblGrid><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
        assert!(out.ends_with("</w:tblGrid><w:tr><w:tc /></w:tr></w:tbl>"));
    }
}
