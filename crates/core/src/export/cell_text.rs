//! Text made safe for a spreadsheet cell: never run as a formula, never over Excel's
//! limit.

/// Makes a text cell safe to open in a spreadsheet: one that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading apostrophe, so Excel shows it as text
/// and never runs it as a formula.
///
/// ```
/// use scorecard_core::export::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
/// assert_eq!(neutralise("Referrals"), "Referrals");
/// ```
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Excel's limit on the text of one cell, in UTF-16 units.
pub const CELL_LIMIT: usize = 32_767;

/// What ends a text cut to fit [`CELL_LIMIT`].
const CUT_NOTE: &str =
    " … [cut at Excel's limit of 32,767 characters; the CSV export has the whole text]";

/// A text that fits in a workbook cell: one longer than Excel allows is cut, and says so.
///
/// ```
/// use scorecard_core::export::{fit_cell, CELL_LIMIT};
/// assert_eq!(fit_cell("Referrals"), "Referrals");
/// let long = "x".repeat(40_000);
/// let cut = fit_cell(&long);
/// assert_eq!(cut.encode_utf16().count(), CELL_LIMIT);
/// assert!(cut.ends_with("the CSV export has the whole text]"));
/// ```
pub fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.encode_utf16().count() <= CELL_LIMIT {
        return text.into();
    }
    let budget = CELL_LIMIT - CUT_NOTE.encode_utf16().count();
    let mut used = 0;
    let kept: String = text
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= budget
        })
        .collect();
    // Pad to the limit exactly where a character of two units did not fit.
    let pad = budget - kept.encode_utf16().count();
    format!("{kept}{}{CUT_NOTE}", " ".repeat(pad)).into()
}
