//! The column mapping step as the page holds it while the user chooses: for a table
//! Scorecard could not place, which of its first rows is the header and what each column
//! holds, and why the choice cannot be used yet. Made into a
//! [`ColumnMapping`] when the user asks for the table to be read with it.

use scorecard_core::load::mapping::{column_letter, ColumnMapping, Role, Unplaced};

/// One column's choice: the role's key in the list, and the period written beside it
/// for the roles that need one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnChoice {
    pub key: String,
    pub period: String,
}

impl ColumnChoice {
    fn of(role: &Role) -> ColumnChoice {
        ColumnChoice {
            key: role.key().to_string(),
            period: role.period_text().unwrap_or_default(),
        }
    }
}

/// A mapping being chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingDraft {
    /// Which of the table's preview rows is the header.
    pub header: usize,
    /// Each column's choice, from the first.
    pub columns: Vec<ColumnChoice>,
    /// Why the choice cannot be used yet, in words shown beside the button.
    pub problem: Option<String>,
}

impl MappingDraft {
    /// A draft for a table: its likely header row, each column offered the role its
    /// header already names (where Scorecard recognises it) or "not used"; a mapping
    /// kept for the same headers is offered as it was.
    pub fn new(table: &Unplaced, kept: &[ColumnMapping]) -> MappingDraft {
        let mut draft = MappingDraft {
            header: table.header,
            columns: Vec::new(),
            problem: None,
        };
        draft.suggest(table, kept);
        draft
    }

    /// How many columns can be given a role: the widest of the rows shown.
    pub fn width(table: &Unplaced) -> usize {
        table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }

    fn suggest(&mut self, table: &Unplaced, kept: &[ColumnMapping]) {
        let width = MappingDraft::width(table);
        let row = table.rows.get(self.header);
        let remembered = row.and_then(|r| kept.iter().find(|m| m.signature == r.signature));
        self.columns = (0..width)
            .map(|i| {
                let role = match remembered {
                    Some(m) => m.roles.get(i),
                    None => row.and_then(|r| r.suggested.get(i)),
                };
                ColumnChoice::of(role.unwrap_or(&Role::Ignore))
            })
            .collect();
        self.problem = None;
    }

    /// Another row taken as the header: the columns are offered afresh for it.
    pub fn choose_header(&mut self, table: &Unplaced, kept: &[ColumnMapping], row: usize) {
        if row < table.rows.len() && row != self.header {
            self.header = row;
            self.suggest(table, kept);
        }
    }

    /// A column's role chosen, with the period written beside it.
    pub fn choose(&mut self, column: usize, key: String, period: String) {
        if let Some(c) = self.columns.get_mut(column) {
            *c = ColumnChoice { key, period };
            self.problem = None;
        }
    }

    /// The mapping chosen, or why it cannot be used yet (naming the column).
    pub fn mapping(&self, table: &Unplaced) -> Result<ColumnMapping, String> {
        let row = table
            .rows
            .get(self.header)
            .ok_or("Choose the row that holds the headers.")?;
        let mut roles = Vec::with_capacity(self.columns.len());
        for (i, c) in self.columns.iter().enumerate() {
            let role = Role::choose(&c.key, &c.period).map_err(|e| {
                let header = row.cells.get(i).map_or("", String::as_str);
                format!("Column {} '{header}': {e}.", column_letter(i))
            })?;
            roles.push(role);
        }
        // Columns after the last one read need not be kept.
        while roles.last() == Some(&Role::Ignore) {
            roles.pop();
        }
        let mapping = ColumnMapping::for_row(row, roles);
        mapping.check().map_err(|p| p.to_string())?;
        Ok(mapping)
    }
}
