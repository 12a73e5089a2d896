//! The table of text cells a file is read into, before anything is known of what its
//! columns mean: [`Table`] and its [`Row`]s.

use crate::problem::Position;
/// A table of text cells as the user sees it in a spreadsheet. The cells' text is kept
/// end to end in one string (a cell per `String` cost more than the text itself).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The name of the file it was read from.
    pub file: String,
    /// The workbook's sheet, for an XLSX file.
    pub sheet: Option<String>,
    /// Every cell's text, end to end.
    text: String,
    /// Cell `k` is `text[bounds[k]..bounds[k + 1]]`.
    bounds: Vec<u32>,
    /// Each row: the row number the user sees (1-based), and its first cell.
    rows: Vec<(u32, u32)>,
}

/// The table's text would not fit the 4 GB its cell offsets can address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFull;

impl Table {
    /// An empty table read from `file` (and `sheet`, for a workbook).
    pub fn new(file: String, sheet: Option<String>) -> Table {
        Table {
            file,
            sheet,
            text: String::new(),
            bounds: vec![0],
            rows: Vec::new(),
        }
    }

    /// A table from a sheet's cells read sparsely: `text` every cell's text end to end,
    /// `bounds` as in a table (`bounds[0]` is 0), `rows` each row's number and first cell.
    #[cfg(feature = "xlsx")]
    pub(super) fn from_parts(
        file: String,
        sheet: Option<String>,
        text: String,
        bounds: Vec<u32>,
        rows: Vec<(u32, u32)>,
    ) -> Table {
        Table {
            file,
            sheet,
            text,
            bounds,
            rows,
        }
    }

    /// Empties the table of rows, keeping its memory: a table a row at a time.
    pub fn clear(&mut self) {
        self.text.clear();
        self.bounds.truncate(1);
        self.rows.clear();
    }

    /// The table's place, for problems found in it.
    pub fn position(&self) -> Position {
        Position::sheet(&self.file, self.sheet.as_deref())
    }

    /// Starts a row with the row number the user sees; cells pushed after it belong to it.
    pub fn start_row(&mut self, line: usize) {
        let first = (self.bounds.len() - 1) as u32;
        self.rows
            .push((u32::try_from(line).unwrap_or(u32::MAX), first));
    }

    /// Adds a cell to the last row.
    pub fn push_cell(&mut self, cell: &str) -> Result<(), TableFull> {
        let end = u32::try_from(self.text.len() + cell.len()).map_err(|_| TableFull)?;
        self.text.push_str(cell);
        self.bounds.push(end);
        Ok(())
    }

    /// How many bytes of cell text the table holds.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `i` (0-based), if there is one.
    pub fn row(&self, i: usize) -> Option<Row<'_>> {
        let (line, first) = *self.rows.get(i)?;
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.bounds.len() - 1, |r| r.1 as usize);
        Some(Row {
            line: line as usize,
            text: &self.text,
            bounds: &self.bounds[first as usize..=end],
        })
    }

    /// The rows from the `from`th (0-based) on.
    pub fn rows_from(&self, from: usize) -> impl Iterator<Item = Row<'_>> + '_ {
        (from..self.rows.len()).filter_map(move |i| self.row(i))
    }

    /// Every row.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        self.rows_from(0)
    }
}

/// One row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'t> {
    /// The row number the user sees (1-based).
    pub line: usize,
    text: &'t str,
    /// The row's cell boundaries: one more than it has cells.
    bounds: &'t [u32],
}

impl<'t> Row<'t> {
    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cell `i`'s text.
    pub fn get(&self, i: usize) -> Option<&'t str> {
        let start = *self.bounds.get(i)? as usize;
        let end = *self.bounds.get(i + 1)? as usize;
        self.text.get(start..end)
    }

    /// The cells' text, in order.
    pub fn cells(self) -> impl Iterator<Item = &'t str> {
        self.bounds
            .windows(2)
            .map(move |w| &self.text[w[0] as usize..w[1] as usize])
    }

    /// Whether every cell is empty or blank (the cells' text end to end is all whitespace).
    pub fn is_blank(&self) -> bool {
        let start = self.bounds[0] as usize;
        let end = self.bounds[self.bounds.len() - 1] as usize;
        self.text[start..end].trim().is_empty()
    }
}
