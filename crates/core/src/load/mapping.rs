//! Column mappings: the user's answer to "what does each column hold?" for a table whose
//! headers Scorecard cannot place. A [`ColumnMapping`] is kept by the header row's
//! [`signature`] and used for every later table with the same headers: the loader is
//! given each column's canonical header (see [`Role`]) in place of the user's, so the
//! table is read exactly as one with recognised headers would be. Messages still name
//! the columns as the user wrote them.
//!
//! ```
//! use scorecard_core::dataset::Dataset;
//! use scorecard_core::load::{load_file, mapping::{ColumnMapping, Role}};
//! let text = "Ref no,Measure,Qtr,Figure\nA1,Referrals,Q1 2018/19,1309\n";
//! let mut ds = Dataset::default();
//! load_file(&mut ds, "odd.csv", text.as_bytes());
//! assert_eq!(ds.unplaced.len(), 1);
//! let mut ds = Dataset {
//!     mappings: vec![ColumnMapping::for_row(
//!         &ds.unplaced[0].rows[0],
//!         vec![Role::Code, Role::Title, Role::Period, Role::Value],
//!     )],
//!     ..Dataset::default()
//! };
//! load_file(&mut ds, "odd.csv", text.as_bytes());
//! assert_eq!(ds.indicators["A1"].title, "Referrals");
//! ```

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::problem::quote;
use crate::read::limits::COLUMN_NAME_CHARS;
use crate::read::Table;

use super::columns::{kind_of, slot, Col, Columns, Kind, SLOTS};
pub use super::role::{Role, RoleChoice, RoleError, CHOICES};
pub use super::unplaced::{PreviewRow, TablePlace, Unplaced};

/// The columns a mapping gives roles to: those after it are not read. A table wider than
/// this is not one a person maps by hand column by column.
pub const MAPPED_COLUMNS: usize = 60;

/// How many rows from a table's top its header may be found in (as for recognised headers).
pub(super) const HEADER_SEARCH_ROWS: usize = 20;

/// What each column of a table holds, for every table whose header row has `signature`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The header row it was chosen for ([`signature`]).
    pub signature: String,
    /// The header row's cells as the user wrote them (the first [`MAPPED_COLUMNS`], cut
    /// as the mapping step shows them), to name the mapping in a list.
    pub headers: Vec<String>,
    /// Each column's role, from the first; columns beyond these are not read.
    pub roles: Vec<Role>,
}

/// A header row as mappings know it: each cell compared as headers are (case, spaces,
/// `_` and `-` ignored), cut to 40 characters, the first [`MAPPED_COLUMNS`], then how
/// many more there are. Empty cells at the end do not count.
///
/// ```
/// use scorecard_core::load::mapping::signature;
/// assert_eq!(signature(["Ref No", "Fig_ure", ""].into_iter()), "refno|figure");
/// assert_eq!(signature(["REF no", "figure"].into_iter()), "refno|figure");
/// ```
pub fn signature<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut more = 0usize;
    for (i, cell) in cells.enumerate() {
        if i < MAPPED_COLUMNS {
            parts.push(quote(&super::columns::squash(cell), 40));
        } else if !cell.trim().is_empty() {
            more = i + 1 - MAPPED_COLUMNS;
        }
    }
    while parts.last().is_some_and(String::is_empty) && more == 0 {
        parts.pop();
    }
    let mut s = parts.join("|");
    if more > 0 {
        s.push_str(&format!("|+{more}"));
    }
    s
}

/// Why a mapping cannot be used yet, in words shown beside its button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingProblem {
    /// Nothing names the indicator.
    NoKey,
    /// Values without a period.
    NoPeriod,
    /// A period without a value.
    NoValue,
    /// One role chosen for two columns.
    Twice {
        label: &'static str,
        first: usize,
        second: usize,
    },
}

impl fmt::Display for MappingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MappingProblem::NoKey => f.write_str(
                "Choose the column that holds each indicator's code or its title: every row must say which indicator it is.",
            ),
            MappingProblem::NoPeriod => f.write_str(
                "The values need a period: choose the column that holds the period, or choose 'Value of one period' for each column of values and write its period.",
            ),
            MappingProblem::NoValue => f.write_str(
                "Choose the column that holds the value (or the numerator and the denominator): a period alone gives nothing to report.",
            ),
            MappingProblem::Twice {
                label,
                first,
                second,
            } => write!(
                f,
                "'{}' is chosen for two columns, {} and {}: choose it for one of them.",
                label.trim_end_matches('…'),
                column_letter(*first),
                column_letter(*second)
            ),
        }
    }
}

/// A column's letter as a spreadsheet shows it: 0 is A, 26 is AA.
///
/// ```
/// use scorecard_core::load::mapping::column_letter;
/// assert_eq!((column_letter(0), column_letter(25), column_letter(26)), ("A".into(), "Z".into(), "AA".into()));
/// ```
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl ColumnMapping {
    /// The mapping for tables whose header row is `row`, with these roles.
    pub fn for_row(row: &PreviewRow, roles: Vec<Role>) -> ColumnMapping {
        ColumnMapping {
            signature: row.signature.clone(),
            headers: row.cells.clone(),
            roles,
        }
    }

    /// What the table will be read as ("indicator values (long layout)"), or why it
    /// cannot be read with these roles.
    ///
    /// ```
    /// use scorecard_core::load::mapping::{ColumnMapping, MappingProblem, Role};
    /// let m = |roles| ColumnMapping { signature: String::new(), headers: vec![], roles };
    /// assert_eq!(m(vec![Role::Code, Role::Period, Role::Value]).check(), Ok("indicator values (long layout)"));
    /// assert_eq!(m(vec![Role::Ignore, Role::Period, Role::Value]).check(), Err(MappingProblem::NoKey));
    /// assert_eq!(m(vec![Role::Code, Role::Value]).check(), Err(MappingProblem::NoPeriod));
    /// ```
    pub fn check(&self) -> Result<&'static str, MappingProblem> {
        for (i, role) in self.roles.iter().enumerate() {
            if *role == Role::Ignore {
                continue;
            }
            if let Some(j) = self.roles[i + 1..].iter().position(|r| r == role) {
                return Err(MappingProblem::Twice {
                    label: role.label(),
                    first: i,
                    second: i + 1 + j,
                });
            }
        }
        let cols = columns(&self.roles, Vec::new(), 0);
        let kind = kind_of(&cols).ok_or(MappingProblem::NoKey)?;
        let valued = cols.has(Col::Value) || cols.has(Col::Numerator);
        match kind {
            Kind::Metadata if valued => Err(MappingProblem::NoPeriod),
            Kind::Long if !valued && !cols.has(Col::Target) && !cols.has(Col::Benchmark) => {
                Err(MappingProblem::NoValue)
            }
            kind => Ok(kind.describe()),
        }
    }

    /// The table's columns as this mapping gives them, where the table has the mapping's
    /// header row among its first rows and the roles make a table Scorecard reads.
    pub(super) fn columns_for(&self, table: &Table) -> Option<(Columns, Kind)> {
        let (header_row, cells) = table
            .rows()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find(|(_, r)| !r.is_blank() && signature(r.cells()) == self.signature)?;
        // Cut once here: a message names the column for each bad row.
        let names: Vec<String> = cells
            .cells()
            .map(|h| quote(h.trim(), COLUMN_NAME_CHARS))
            .collect();
        let cols = columns(&self.roles, names, header_row);
        let kind = kind_of(&cols)?;
        Some((cols, kind))
    }
}

/// Columns with the roles' canonical headers, named as the user wrote them.
fn columns(roles: &[Role], names: Vec<String>, header_row: usize) -> Columns {
    let width = names.len().max(roles.len());
    let cols: Vec<Option<Col>> = (0..width)
        .map(|i| roles.get(i).and_then(Role::col))
        .collect();
    let mut first = [None; SLOTS];
    for (i, c) in cols.iter().enumerate() {
        if let Some(s) = c.and_then(slot) {
            first[s].get_or_insert(i);
        }
    }
    let unnamed_at_end = names.iter().rev().take_while(|n| n.is_empty()).count();
    let canonical = (0..width)
        .map(|i| roles.get(i).and_then(Role::header).unwrap_or_default())
        .collect();
    Columns {
        header_row,
        names,
        unnamed_at_end,
        cols,
        first,
        canonical,
    }
}

/// The first of `mappings` that fits the table: its columns and what kind of table
/// they make.
pub(super) fn mapped(mappings: &[ColumnMapping], table: &Table) -> Option<(Columns, Kind)> {
    mappings.iter().find_map(|m| m.columns_for(table))
}

/// The prefix of mappings as this browser keeps them: the format's version.
const STORED: &str = "m1.";

/// Mappings as text, for this browser's storage.
pub fn encode_mappings(mappings: &[ColumnMapping]) -> String {
    let bytes = postcard::to_allocvec(mappings).unwrap_or_default();
    format!("{STORED}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Mappings from the text [`encode_mappings`] made; none from anything else (storage
/// from another version, or damaged: the user is asked again, nothing worse).
///
/// ```
/// use scorecard_core::load::mapping::{decode_mappings, encode_mappings, ColumnMapping, Role};
/// let kept = vec![ColumnMapping { signature: "ref|figure".into(), headers: vec!["Ref".into(), "Figure".into()], roles: vec![Role::Code, Role::Value] }];
/// assert_eq!(decode_mappings(&encode_mappings(&kept)), kept);
/// assert_eq!(decode_mappings("m1.!!"), vec![]);
/// ```
pub fn decode_mappings(text: &str) -> Vec<ColumnMapping> {
    text.strip_prefix(STORED)
        .and_then(|b| URL_SAFE_NO_PAD.decode(b).ok())
        .and_then(|b| postcard::from_bytes(&b).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_chosen_for_two_columns_is_named_with_both_letters() {
        let m = ColumnMapping {
            signature: String::new(),
            headers: Vec::new(),
            roles: vec![Role::Code, Role::Period, Role::Value, Role::Value],
        };
        assert_eq!(
            m.check().unwrap_err().to_string(),
            "'Value' is chosen for two columns, C and D: choose it for one of them."
        );
    }

    #[test]
    fn a_period_with_nothing_to_report_is_refused_and_targets_alone_are_not() {
        let m = |roles| ColumnMapping {
            signature: String::new(),
            headers: Vec::new(),
            roles,
        };
        assert_eq!(
            m(vec![Role::Title, Role::Period]).check(),
            Err(MappingProblem::NoValue)
        );
        assert!(m(vec![Role::Title, Role::Period, Role::Target])
            .check()
            .is_ok());
        assert_eq!(
            m(vec![Role::Title, Role::Polarity]).check(),
            Ok("indicator definitions")
        );
        let q2 = crate::period::Period::Quarter { fy: 2018, q: 2 };
        assert_eq!(
            m(vec![Role::Code, Role::ValueOf(q2)]).check(),
            Ok("indicator values (wide layout)")
        );
        assert_eq!(
            m(vec![Role::PopulationGroup, Role::Period, Role::Population]).check(),
            Ok("population table")
        );
    }

    #[test]
    fn a_signature_counts_the_columns_beyond_those_mapped() {
        let cells: Vec<String> = (0..65).map(|i| format!("c{i}")).collect();
        let s = signature(cells.iter().map(String::as_str));
        assert!(s.ends_with("|c59|+5"), "{s}");
    }
}
