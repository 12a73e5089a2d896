//! PI sets: the report's own summary line and Off Target list for each set of PIs a
//! file names in a `set` column, as seed 001 heads a service with "Corporate PIs
//! (latest) ● 0 ✓ 10 ? 2 📊 8" and "Service Plan PIs Off Target".

use crate::status::Status;

use super::{Group, Summary};

/// One PI set at the report period.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SetSummary {
    /// As the file names it: `Corporate`, `Service Plan`.
    pub name: String,
    pub summary: Summary,
    /// The PIs of the set that are Off Target, in report order: code and title.
    pub off_target: Vec<(String, String)>,
}

impl SetSummary {
    /// "Corporate PIs", "Service Plan PIs", but "Corporate PIs" for `Corporate PIs` too.
    pub fn heading(&self) -> String {
        let name = self.name.trim();
        let lower = name.to_ascii_lowercase();
        if lower.ends_with("pis") || lower.ends_with("indicators") {
            name.to_string()
        } else {
            format!("{name} PIs")
        }
    }
}

/// The sets, in the order their first PI is reported; none where no PI names a set.
/// `set_of` gives the set of a row's PI by its code.
pub(super) fn set_summaries<'a>(
    groups: &[Group],
    set_of: impl Fn(&str) -> Option<&'a str>,
) -> Vec<SetSummary> {
    let mut sets: Vec<SetSummary> = Vec::new();
    for row in groups.iter().flat_map(|g| &g.rows) {
        let Some(name) = set_of(&row.code).map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        let i = match sets.iter().position(|s| s.name.eq_ignore_ascii_case(name)) {
            Some(i) => i,
            None => {
                sets.push(SetSummary {
                    name: name.to_string(),
                    summary: Summary::default(),
                    off_target: Vec::new(),
                });
                sets.len() - 1
            }
        };
        let set = &mut sets[i];
        set.summary.add(row.status);
        if row.status == Status::OffTarget {
            set.off_target.push((row.code.clone(), row.title.clone()));
        }
    }
    sets
}
