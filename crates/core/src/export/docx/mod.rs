//! The report as a Word document for a committee paper: the title and period, the
//! narrative sections, the summaries, each group's table with statuses as symbol and
//! words, the risks, the actions with their comments, and the key. What goes in is
//! [`contents`] (a [`paper::Paper`]); [`write`] lays it out with docx-rs.

mod contents;
mod deflate;
mod marks;
mod paper;
mod repeat_header;
mod tables;
mod write;

use crate::report::Report;

use super::ExportError;

/// The report as a `.docx` file, as the page shows it (suppression already applied).
pub fn docx(report: &Report) -> Result<Vec<u8>, ExportError> {
    let paper = contents::paper(report);
    let mut parts = write::document(&paper).build();
    parts.document = repeat_header::mark(&parts.document);
    let mut out = std::io::Cursor::new(Vec::new());
    // docx-rs's zip errors and ours are of two versions of the zip crate.
    parts
        .pack(&mut out)
        .map_err(|e| ExportError::Document(e.to_string()))?;
    deflate::deflate(&out.into_inner()).map_err(|e| ExportError::Document(e.to_string()))
}
