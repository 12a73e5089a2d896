//! How much of a file Scorecard reads: every limit in one place, each checked before the
//! memory it guards is taken, each refusal a message naming the file (and sheet).
//! A workbook's limits are checked on the bytes actually inflated, never on the sizes
//! its zip directory declares, which a hostile file can set to anything.

/// Files larger than this are refused before reading (the tab would run out of memory).
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// A single cell longer than this (in characters) is not data anyone typed: it is left
/// out with a notice.
pub const MAX_CELL_CHARS: usize = 100_000;

/// The columns a row may have: Excel's last column is XFD, the 16,384th. Empty cells
/// beyond it are dropped unread; a row with text beyond it is left out with a notice.
/// A workbook cell reference beyond it refuses the workbook.
pub const MAX_COLUMNS: usize = 16_384;

/// The rows a sheet may have: Excel's 1,048,576. A workbook cell reference beyond it
/// refuses the workbook.
pub const MAX_ROWS: usize = 1_048_576;

/// Inflated size of all a workbook's parts together beyond which it is refused as a
/// likely zip bomb (counted as they inflate).
pub const MAX_XLSX_INFLATED: u64 = 1024 * 1024 * 1024;

/// Inflated size of one workbook part (a sheet, the shared strings) beyond which the
/// workbook is refused (counted as it inflates).
pub const MAX_PART_INFLATED: u64 = 512 * 1024 * 1024;

/// Ratio of inflated to compressed size beyond which a large workbook is refused.
pub const MAX_XLSX_RATIO: u64 = 200;

/// The sheets a workbook may have.
pub const MAX_SHEETS: usize = 1_000;

/// The cells (with text, or between cells with text in a row) one sheet may hold.
pub const MAX_CELLS_PER_SHEET: usize = 50_000_000;

/// The cells all of a workbook's sheets may hold together.
pub const MAX_CELLS_PER_FILE: usize = 100_000_000;

/// The text all of a workbook's cells may hold together, in bytes. A CSV file's text
/// is bounded by [`MAX_FILE_BYTES`]; a workbook's is not by its size, since one shared
/// string may stand in many cells.
pub const MAX_WORKBOOK_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// How much of a column's name a message quotes, in characters.
pub const COLUMN_NAME_CHARS: usize = 60;
