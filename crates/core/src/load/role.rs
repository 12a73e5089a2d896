//! What a column holds, as the user chooses it in the column mapping step: a [`Role`]
//! for each column of a table Scorecard could not place. A role stands for the column's
//! canonical header (`code`, `Q2 2018/19`, `annual target 2018/19`): the loader is given
//! that header in place of the user's, so a mapped table is read exactly as a table with
//! recognised headers would be.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::period::Period;

use super::columns::{classify_header, Col};

/// What one column holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Not read.
    Ignore,
    Code,
    Title,
    Group,
    Period,
    Value,
    Numerator,
    Denominator,
    Per,
    Target,
    AnnualTarget,
    Polarity,
    Tolerance,
    Cumulative,
    Unit,
    Decimals,
    Benchmark,
    Rank,
    RankOf,
    Note,
    Status,
    /// A population table's age group (`0-15`), or the group a PI's rate is per.
    PopulationGroup,
    /// A population table's estimate.
    Population,
    Area,
    StartDate,
    DueDate,
    Progress,
    /// Wide layout: the value of this period.
    ValueOf(Period),
    /// Wide layout: the target of this period.
    TargetOf(Period),
    /// Wide layout: the benchmark of this period.
    BenchmarkOf(Period),
    /// The annual target of the financial year starting in this calendar year.
    AnnualTargetOf(i32),
    // Roles added later stand last: mappings are kept in this browser as postcard.
    /// A complaints case list's columns.
    CaseReference,
    CaseReceived,
    CaseStage,
    CaseClosed,
    CaseOutcome,
    CaseExtension,
    CaseService,
    CaseEscalated,
    CaseEscalationDate,
}

/// A role as the list of choices offers it: its key, its words, and whether it needs a
/// period (or year) written beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleChoice {
    pub key: &'static str,
    pub label: &'static str,
    pub needs_period: bool,
}

const fn plain(key: &'static str, label: &'static str) -> RoleChoice {
    RoleChoice {
        key,
        label,
        needs_period: false,
    }
}

const fn with_period(key: &'static str, label: &'static str) -> RoleChoice {
    RoleChoice {
        key,
        label,
        needs_period: true,
    }
}

/// Every role, in the order the list offers them.
pub const CHOICES: &[RoleChoice] = &[
    plain("ignore", "Not used"),
    plain("code", "PI code"),
    plain("title", "Indicator title"),
    plain("group", "Group or priority"),
    plain("period", "Period (quarter, year or month)"),
    plain("value", "Value"),
    with_period("value-of", "Value of one period (wide layout)…"),
    plain("numerator", "Numerator"),
    plain("denominator", "Denominator"),
    plain("per", "Per (100 for %, 1000 for a rate)"),
    plain("target", "Target for the period"),
    with_period("target-of", "Target of one period (wide layout)…"),
    plain("annual-target", "Annual target"),
    with_period("annual-target-of", "Annual target of one year…"),
    plain("polarity", "Polarity (up, down, band, none)"),
    plain("tolerance", "Tolerance (Warning band)"),
    plain("cumulative", "Cumulative (yes or no)"),
    plain("unit", "Unit"),
    plain("decimals", "Decimal places"),
    plain("benchmark", "Benchmark (Scottish average)"),
    with_period("benchmark-of", "Benchmark of one period (wide layout)…"),
    plain("rank", "LGBF rank"),
    plain("rank-of", "Number ranked"),
    plain("note", "Note or commentary"),
    plain("status", "Status as published"),
    plain("population-group", "Age group or population group"),
    plain("population", "Population"),
    plain("area", "Area"),
    plain("start-date", "Start date (actions)"),
    plain("due-date", "Due date (actions)"),
    plain("progress", "Progress (actions)"),
    plain("case-reference", "Complaint reference (case list)"),
    plain("case-received", "Date received (case list)"),
    plain("case-stage", "Stage 1, 2 or escalated (case list)"),
    plain("case-closed", "Date closed (case list)"),
    plain("case-outcome", "Outcome (case list)"),
    plain("case-extension", "Extension authorised (case list)"),
    plain("case-service", "Service (case list)"),
    plain("case-escalated", "Escalated, yes or no (case list)"),
    plain("case-escalation-date", "Date escalated (case list)"),
];

/// Why a role could not be made from a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleError {
    /// No role has this key.
    UnknownKey(String),
    /// The role needs a period and none was written.
    NoPeriod { label: &'static str },
    /// What was written is not a period.
    NotAPeriod { label: &'static str, found: String },
}

impl fmt::Display for RoleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoleError::UnknownKey(k) => write!(f, "'{k}' is not a role Scorecard knows"),
            RoleError::NoPeriod { label } => write!(
                f,
                "'{}' needs its period: write one such as Q2 2018/19 or 2018/19",
                label.trim_end_matches('…')
            ),
            RoleError::NotAPeriod { label, found } => write!(
                f,
                "'{}' needs a period such as Q2 2018/19 or 2018/19; '{found}' is not one",
                label.trim_end_matches('…')
            ),
        }
    }
}

impl Role {
    /// The role chosen in the list (`key`), with the period written beside it where it
    /// needs one.
    ///
    /// ```
    /// use scorecard_core::load::mapping::Role;
    /// use scorecard_core::period::Period;
    /// assert_eq!(Role::choose("code", ""), Ok(Role::Code));
    /// assert_eq!(Role::choose("value-of", "Q2 18/19"), Ok(Role::ValueOf(Period::Quarter { fy: 2018, q: 2 })));
    /// assert_eq!(Role::choose("annual-target-of", "2018/19"), Ok(Role::AnnualTargetOf(2018)));
    /// assert!(Role::choose("value-of", "soon").is_err());
    /// ```
    pub fn choose(key: &str, period: &str) -> Result<Role, RoleError> {
        let choice = CHOICES
            .iter()
            .find(|c| c.key == key)
            .ok_or_else(|| RoleError::UnknownKey(key.to_string()))?;
        let period = if choice.needs_period {
            let text = period.trim();
            if text.is_empty() {
                return Err(RoleError::NoPeriod {
                    label: choice.label,
                });
            }
            Some(Period::parse(text).ok_or_else(|| RoleError::NotAPeriod {
                label: choice.label,
                found: crate::problem::quote(text, 40),
            })?)
        } else {
            None
        };
        Ok(match (key, period) {
            ("value-of", Some(p)) => Role::ValueOf(p),
            ("target-of", Some(p)) => Role::TargetOf(p),
            ("benchmark-of", Some(p)) => Role::BenchmarkOf(p),
            ("annual-target-of", Some(p)) => Role::AnnualTargetOf(p.financial_year()),
            ("code", _) => Role::Code,
            ("title", _) => Role::Title,
            ("group", _) => Role::Group,
            ("period", _) => Role::Period,
            ("value", _) => Role::Value,
            ("numerator", _) => Role::Numerator,
            ("denominator", _) => Role::Denominator,
            ("per", _) => Role::Per,
            ("target", _) => Role::Target,
            ("annual-target", _) => Role::AnnualTarget,
            ("polarity", _) => Role::Polarity,
            ("tolerance", _) => Role::Tolerance,
            ("cumulative", _) => Role::Cumulative,
            ("unit", _) => Role::Unit,
            ("decimals", _) => Role::Decimals,
            ("benchmark", _) => Role::Benchmark,
            ("rank", _) => Role::Rank,
            ("rank-of", _) => Role::RankOf,
            ("note", _) => Role::Note,
            ("status", _) => Role::Status,
            ("population-group", _) => Role::PopulationGroup,
            ("population", _) => Role::Population,
            ("area", _) => Role::Area,
            ("start-date", _) => Role::StartDate,
            ("due-date", _) => Role::DueDate,
            ("progress", _) => Role::Progress,
            ("case-reference", _) => Role::CaseReference,
            ("case-received", _) => Role::CaseReceived,
            ("case-stage", _) => Role::CaseStage,
            ("case-closed", _) => Role::CaseClosed,
            ("case-outcome", _) => Role::CaseOutcome,
            ("case-extension", _) => Role::CaseExtension,
            ("case-service", _) => Role::CaseService,
            ("case-escalated", _) => Role::CaseEscalated,
            ("case-escalation-date", _) => Role::CaseEscalationDate,
            _ => Role::Ignore,
        })
    }

    /// The key of the role's choice in the list.
    pub fn key(&self) -> &'static str {
        match self {
            Role::Ignore => "ignore",
            Role::Code => "code",
            Role::Title => "title",
            Role::Group => "group",
            Role::Period => "period",
            Role::Value => "value",
            Role::Numerator => "numerator",
            Role::Denominator => "denominator",
            Role::Per => "per",
            Role::Target => "target",
            Role::AnnualTarget => "annual-target",
            Role::Polarity => "polarity",
            Role::Tolerance => "tolerance",
            Role::Cumulative => "cumulative",
            Role::Unit => "unit",
            Role::Decimals => "decimals",
            Role::Benchmark => "benchmark",
            Role::Rank => "rank",
            Role::RankOf => "rank-of",
            Role::Note => "note",
            Role::Status => "status",
            Role::PopulationGroup => "population-group",
            Role::Population => "population",
            Role::Area => "area",
            Role::StartDate => "start-date",
            Role::DueDate => "due-date",
            Role::Progress => "progress",
            Role::ValueOf(_) => "value-of",
            Role::TargetOf(_) => "target-of",
            Role::BenchmarkOf(_) => "benchmark-of",
            Role::AnnualTargetOf(_) => "annual-target-of",
            Role::CaseReference => "case-reference",
            Role::CaseReceived => "case-received",
            Role::CaseStage => "case-stage",
            Role::CaseClosed => "case-closed",
            Role::CaseOutcome => "case-outcome",
            Role::CaseExtension => "case-extension",
            Role::CaseService => "case-service",
            Role::CaseEscalated => "case-escalated",
            Role::CaseEscalationDate => "case-escalation-date",
        }
    }

    /// The words the list shows for the role.
    pub fn label(&self) -> &'static str {
        let key = self.key();
        CHOICES
            .iter()
            .find(|c| c.key == key)
            .map_or("", |c| c.label)
    }

    /// The period written beside the role, for the roles that need one.
    pub fn period_text(&self) -> Option<String> {
        match self {
            Role::ValueOf(p) | Role::TargetOf(p) | Role::BenchmarkOf(p) => Some(p.to_string()),
            Role::AnnualTargetOf(fy) => Some(Period::Year { fy: *fy }.to_string()),
            _ => None,
        }
    }

    /// The header Scorecard recognises for this role; `None` for a column not read.
    pub fn header(&self) -> Option<String> {
        Some(match self {
            Role::Ignore => return None,
            Role::ValueOf(p) => format!("{p} value"),
            Role::TargetOf(p) => format!("{p} target"),
            Role::BenchmarkOf(p) => format!("{p} benchmark"),
            Role::AnnualTargetOf(fy) => format!("annual target {}", Period::Year { fy: *fy }),
            Role::Population => "population".to_string(),
            Role::PopulationGroup => "age group".to_string(),
            Role::RankOf => "rank of".to_string(),
            // A case list's headers as CRM exports write them; the case list finds its
            // columns by these names.
            Role::CaseReference => "case reference".to_string(),
            Role::CaseReceived => "date received".to_string(),
            Role::CaseStage => "complaint stage".to_string(),
            Role::CaseClosed => "date closed".to_string(),
            Role::CaseOutcome => "outcome".to_string(),
            Role::CaseExtension => "extension authorised".to_string(),
            Role::CaseService => "service".to_string(),
            Role::CaseEscalated => "escalated".to_string(),
            Role::CaseEscalationDate => "escalation date".to_string(),
            // The other keys are headers Scorecard recognises as they stand.
            other => other.key().replace('-', " "),
        })
    }

    /// What the loader makes of the role: what it makes of the role's header. A case
    /// list's roles have none: the case list finds its columns by their headers.
    pub(super) fn col(&self) -> Option<Col> {
        if self.is_case_list() {
            return None;
        }
        classify_header(&self.header()?)
    }

    /// One of a complaints case list's columns.
    pub fn is_case_list(&self) -> bool {
        matches!(
            self,
            Role::CaseReference
                | Role::CaseReceived
                | Role::CaseStage
                | Role::CaseClosed
                | Role::CaseOutcome
                | Role::CaseExtension
                | Role::CaseService
                | Role::CaseEscalated
                | Role::CaseEscalationDate
        )
    }

    /// The role a recognised header already has, offered as the column's first choice.
    pub(super) fn of_col(col: Col) -> Role {
        match col {
            Col::Code => Role::Code,
            Col::Title => Role::Title,
            Col::Group => Role::Group,
            Col::Period => Role::Period,
            Col::Value => Role::Value,
            Col::Numerator => Role::Numerator,
            Col::Denominator => Role::Denominator,
            Col::Per => Role::Per,
            Col::Target => Role::Target,
            Col::AnnualTarget => Role::AnnualTarget,
            Col::Polarity => Role::Polarity,
            Col::Tolerance => Role::Tolerance,
            Col::Cumulative => Role::Cumulative,
            Col::Unit => Role::Unit,
            Col::Decimals => Role::Decimals,
            Col::Benchmark => Role::Benchmark,
            Col::Rank => Role::Rank,
            Col::RankOf => Role::RankOf,
            Col::Note => Role::Note,
            Col::Status => Role::Status,
            Col::PopulationGroup => Role::PopulationGroup,
            Col::Area => Role::Area,
            Col::StartDate => Role::StartDate,
            Col::DueDate => Role::DueDate,
            Col::Progress => Role::Progress,
            Col::ValueOf(p) => Role::ValueOf(p),
            Col::TargetOf(p) => Role::TargetOf(p),
            Col::BenchmarkOf(p) => Role::BenchmarkOf(p),
            Col::AnnualTargetOf(fy) => Role::AnnualTargetOf(fy),
            // Columns other readers add are offered as not used until they have a role.
            #[allow(unreachable_patterns)]
            _ => Role::Ignore,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_role() -> Vec<Role> {
        let q2 = Period::Quarter { fy: 2018, q: 2 };
        CHOICES
            .iter()
            .map(|c| Role::choose(c.key, if c.needs_period { "Q2 2018/19" } else { "" }))
            .map(|r| r.unwrap())
            .chain([Role::ValueOf(Period::Year { fy: 2017 }), Role::TargetOf(q2)])
            .collect()
    }

    #[test]
    fn every_role_but_ignore_has_a_header_the_loader_recognises_as_that_role() {
        for role in every_role() {
            match role.col() {
                None => assert!(role == Role::Ignore || role.is_case_list(), "{role:?}"),
                Some(col) => {
                    let back = Role::of_col(col);
                    // The population is a denominator to the loader, as its header is.
                    let expected = if role == Role::Population {
                        Role::Denominator
                    } else {
                        role.clone()
                    };
                    assert_eq!(back, expected, "{role:?} → {:?} → {col:?}", role.header());
                }
            }
        }
    }

    #[test]
    fn every_choice_round_trips_through_its_key_and_period() {
        for role in every_role() {
            let back = Role::choose(role.key(), &role.period_text().unwrap_or_default());
            assert_eq!(back, Ok(role.clone()));
            assert!(!role.label().is_empty());
        }
    }

    #[test]
    fn a_role_that_needs_a_period_says_so_in_words() {
        assert_eq!(
            Role::choose("value-of", " ").unwrap_err().to_string(),
            "'Value of one period (wide layout)' needs its period: write one such as Q2 2018/19 or 2018/19"
        );
        assert_eq!(
            Role::choose("annual-target-of", "next year").unwrap_err().to_string(),
            "'Annual target of one year' needs a period such as Q2 2018/19 or 2018/19; 'next year' is not one"
        );
    }
}
