//! The report as files people pass around: CSV (one row per PI, every computed column),
//! XLSX (a summary sheet with the key, and a sheet per group) and a Word document for a
//! committee paper. Text that a spreadsheet could run as a formula is neutralised.

#[cfg(feature = "xlsx")]
mod book;
mod cell_text;
mod columns;
mod csv;
mod definitions;
#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "xlsx")]
mod sheet_name;
#[cfg(feature = "xlsx")]
mod xlsx;

use crate::report::Report;

pub use self::csv::csv;
#[cfg(feature = "docx")]
pub use self::docx::docx;
pub use cell_text::{fit_cell, neutralise, CELL_LIMIT};
pub use columns::{headers, Cell, Column, COLUMNS};
#[cfg(feature = "xlsx")]
pub use definitions::definitions_xlsx;
pub use definitions::{definition_row, definitions_csv, DefinitionCell, DEFINITION_HEADERS};
#[cfg(feature = "xlsx")]
pub use xlsx::xlsx;

/// The actions' columns, in the CSV (below the PIs) and on the workbook's Actions sheet.
pub const ACTION_HEADERS: [&str; 7] = [
    "Code",
    "Action",
    "Due date",
    "Progress",
    "Expected by now",
    "Status",
    "Comment & planned improvement action",
];

/// A file name for the report: `scorecard-Q2-2018-19.csv`.
pub fn file_name(report: &Report, extension: &str) -> String {
    let period: String = report
        .period
        .to_string()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("scorecard-{period}.{extension}")
}

/// The definitions file's name: `scorecard-definitions.csv`.
pub fn definitions_file_name(extension: &str) -> String {
    format!("scorecard-definitions.{extension}")
}

/// Rows a worksheet holds.
const SHEET_ROWS: usize = 1_048_576;

/// Rows above a group sheet's first PI: its title, summary line, a gap and the headers.
const GROUP_HEAD_ROWS: usize = 4;

/// Why a workbook could not be made at all. A single cell that cannot be written never
/// stops the workbook: it is left empty, and the summary sheet says how many were.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A group has more PIs than a worksheet has rows.
    #[error("the group '{group}' has {rows} indicators, more than a worksheet holds ({max})", max = crate::value::group_thousands((SHEET_ROWS - GROUP_HEAD_ROWS) as f64, 0))]
    TooManyRows { group: String, rows: usize },
    /// Excel refused a sheet name even after it was made legal.
    #[error("a sheet could not be named '{name}': {reason}")]
    SheetName { name: String, reason: String },
    /// The workbook could not be put together.
    #[error("the workbook could not be written: {0}")]
    Workbook(String),
    /// The Word document could not be put together.
    #[error("the document could not be written: {0}")]
    Document(String),
}
