//! Complaints case lists and holiday lists: recognising them by their headers (the names
//! CRM systems give their columns) and reading their rows, each bad cell a problem that
//! names file, row and column.

use chrono::NaiveDate;

use crate::complaints::case::{self, CaseRow, Escalation, Outcome, Stage};
use crate::dataset::SourceRow;
use crate::problem::{quote, source_label, DateOf, ProblemKind};
use crate::read::Row;

use super::cell::Cells;
use super::columns::{squash, Kind};
use super::Loader;

/// What a case list's column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Reference,
    Received,
    Stage,
    Closed,
    Outcome,
    Extension,
    Service,
    Escalated,
    EscalationDate,
    EscalationClosed,
    EscalationOutcome,
    EscalationExtension,
}

/// Header names as CRM exports write them, squashed (lower case; no spaces, `_`, `-`).
const CASE_ALIASES: &[(&str, Role)] = &[
    ("caseref", Role::Reference),
    ("casereference", Role::Reference),
    ("casenumber", Role::Reference),
    ("caseno", Role::Reference),
    ("caseid", Role::Reference),
    ("complaintid", Role::Reference),
    ("complaintref", Role::Reference),
    ("complaintreference", Role::Reference),
    ("complaintnumber", Role::Reference),
    ("complaintno", Role::Reference),
    ("reference", Role::Reference),
    ("referencenumber", Role::Reference),
    ("ref", Role::Reference),
    ("refno", Role::Reference),
    ("id", Role::Reference),
    ("datereceived", Role::Received),
    ("received", Role::Received),
    ("receiveddate", Role::Received),
    ("receivedon", Role::Received),
    ("datecomplaintreceived", Role::Received),
    ("opened", Role::Received),
    ("dateopened", Role::Received),
    ("openeddate", Role::Received),
    ("datelogged", Role::Received),
    ("logged", Role::Received),
    ("loggeddate", Role::Received),
    ("datecreated", Role::Received),
    ("createddate", Role::Received),
    ("stage", Role::Stage),
    ("complaintstage", Role::Stage),
    ("currentstage", Role::Stage),
    ("chpstage", Role::Stage),
    ("stagereached", Role::Stage),
    ("dateclosed", Role::Closed),
    ("closed", Role::Closed),
    ("closeddate", Role::Closed),
    ("closedon", Role::Closed),
    ("responsedate", Role::Closed),
    ("dateresponded", Role::Closed),
    ("responded", Role::Closed),
    ("dateofresponse", Role::Closed),
    ("dateresponsesent", Role::Closed),
    ("responsesent", Role::Closed),
    ("datecompleted", Role::Closed),
    ("completeddate", Role::Closed),
    ("dateresolved", Role::Closed),
    ("outcome", Role::Outcome),
    ("decision", Role::Outcome),
    ("complaintoutcome", Role::Outcome),
    ("finding", Role::Outcome),
    ("extension", Role::Extension),
    ("extensionauthorised", Role::Extension),
    ("extensionauthorized", Role::Extension),
    ("extended", Role::Extension),
    ("extensiongranted", Role::Extension),
    ("extensionagreed", Role::Extension),
    ("timescaleextended", Role::Extension),
    ("service", Role::Service),
    ("servicearea", Role::Service),
    ("department", Role::Service),
    ("directorate", Role::Service),
    ("escalated", Role::Escalated),
    ("escalatedtostage2", Role::Escalated),
    ("escalatedyn", Role::Escalated),
    ("escalationdate", Role::EscalationDate),
    ("dateescalated", Role::EscalationDate),
    ("escalatedon", Role::EscalationDate),
    ("dateofescalation", Role::EscalationDate),
    ("escalationreceived", Role::EscalationDate),
    ("dateescalationreceived", Role::EscalationDate),
    ("escalationclosed", Role::EscalationClosed),
    ("escalationdateclosed", Role::EscalationClosed),
    ("dateescalationclosed", Role::EscalationClosed),
    ("escalationresponsedate", Role::EscalationClosed),
    ("stage2closed", Role::EscalationClosed),
    ("stage2dateclosed", Role::EscalationClosed),
    ("stage2responsedate", Role::EscalationClosed),
    ("escalationoutcome", Role::EscalationOutcome),
    ("escalationdecision", Role::EscalationOutcome),
    ("stage2outcome", Role::EscalationOutcome),
    ("stage2decision", Role::EscalationOutcome),
    ("escalationextension", Role::EscalationExtension),
    ("escalationextended", Role::EscalationExtension),
    ("stage2extension", Role::EscalationExtension),
    ("stage2extended", Role::EscalationExtension),
];

const ROLES: usize = 12;

fn role_of(header: &str) -> Option<Role> {
    let key = squash(header);
    CASE_ALIASES
        .iter()
        .find(|(a, _)| *a == key)
        .map(|(_, r)| *r)
}

/// The column of each role in a case list, the first that holds it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct CaseColumns {
    at: [Option<usize>; ROLES],
}

impl CaseColumns {
    pub(super) fn from_names<'a>(names: impl Iterator<Item = &'a str>) -> CaseColumns {
        let mut at = [None; ROLES];
        for (i, name) in names.enumerate() {
            if let Some(r) = role_of(name) {
                at[r as usize].get_or_insert(i);
            }
        }
        CaseColumns { at }
    }

    fn get(&self, r: Role) -> Option<usize> {
        self.at[r as usize]
    }
}

/// Holiday lists' headers: one date column, and a name column at most.
const HOLIDAY_DATE: &[&str] = &["date", "holidaydate", "dateofholiday", "localholidaydate"];
const HOLIDAY_NAME: &[&str] = &[
    "holiday",
    "name",
    "holidayname",
    "description",
    "localholiday",
    "occasion",
];

/// What a header row makes of a table, where it is a case list or a holiday list: a
/// case list has a date received and a stage or date closed; a holiday list a date
/// column and at most a name column beside it.
pub(super) fn kind_of_header(cells: &[&str]) -> Option<Kind> {
    let cols = CaseColumns::from_names(cells.iter().copied());
    if cols.get(Role::Received).is_some()
        && (cols.get(Role::Stage).is_some() || cols.get(Role::Closed).is_some())
    {
        return Some(Kind::CaseList);
    }
    let mut dates = 0;
    let mut names = 0;
    for c in cells {
        let key = squash(c);
        if key.is_empty() {
            continue;
        }
        if HOLIDAY_DATE.contains(&key.as_str()) {
            dates += 1;
        } else if HOLIDAY_NAME.contains(&key.as_str()) {
            names += 1;
        } else {
            return None;
        }
    }
    (dates == 1 && names <= 1).then_some(Kind::Holidays)
}

/// A date cell of a case list: the date, `None` where it is empty, or the problem
/// (with a hint where it reads month first).
fn date_cell(text: &str, expected: DateOf) -> Result<Option<NaiveDate>, ProblemKind> {
    if crate::value::is_missing(text) {
        return Ok(None);
    }
    match case::case_date(text) {
        Some(d) => Ok(Some(d)),
        None if case::looks_american(text) => Err(ProblemKind::NotAUkDate {
            expected,
            found: quote(text, 40),
        }),
        None => Err(ProblemKind::NotADate {
            expected,
            found: quote(text, 40),
        }),
    }
}

fn outcome_cell(text: &str) -> Result<Option<Outcome>, ProblemKind> {
    if crate::value::is_missing(text) {
        return Ok(None);
    }
    Outcome::parse(text)
        .map(Some)
        .ok_or_else(|| ProblemKind::UnknownOutcome {
            found: quote(text, 40),
        })
}

fn yes_no_cell(text: &str) -> Result<Option<bool>, ProblemKind> {
    case::extension(text)
        .map(Some)
        .ok_or_else(|| ProblemKind::NotYesOrNo {
            found: quote(text, 40),
        })
}

/// `05/04/2019`: a date in a message.
fn shown(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl Loader<'_> {
    /// A cell of a case list's column with a role.
    fn case_cell<T>(
        &mut self,
        row: usize,
        c: &Cells,
        role: Role,
        parse: impl FnOnce(&str) -> Result<Option<T>, ProblemKind>,
    ) -> Option<T> {
        let at = self.case_cols.get(role).and_then(|i| c.at(i));
        self.cell(row, at, parse)
    }

    /// One complaint (or one stage of one) from a case list.
    pub(super) fn case_row(&mut self, row: usize, cells: Row<'_>) {
        let c = Cells {
            cells,
            cols: self.cols,
        };
        let Some(received) =
            self.case_cell(row, &c, Role::Received, |t| date_cell(t, DateOf::Received))
        else {
            // A date that is not one has had its problem reported.
            let given = self.case_cols.get(Role::Received).and_then(|i| c.at(i));
            if given.is_none_or(|(_, t)| crate::value::is_missing(t)) {
                self.row_problem(row, ProblemKind::ComplaintWithoutReceivedDate);
            }
            return;
        };
        let stage_at = self.case_cols.get(Role::Stage).and_then(|i| c.at(i));
        let stage = match stage_at {
            // A list with no stage column is a list of stage 1 complaints.
            None if self.case_cols.get(Role::Stage).is_none() => Stage::Frontline,
            None => {
                let i = self.case_cols.get(Role::Stage).unwrap_or_default();
                self.cell_problem(
                    row,
                    i,
                    ProblemKind::UnknownStage {
                        found: String::new(),
                    },
                );
                return;
            }
            Some((i, t)) => match Stage::parse(t) {
                Some(s) => s,
                None => {
                    let found = quote(t, 40);
                    self.cell_problem(row, i, ProblemKind::UnknownStage { found });
                    return;
                }
            },
        };
        let reference = self
            .case_cols
            .get(Role::Reference)
            .and_then(|i| c.at(i))
            .map(|(_, t)| t.to_string())
            .unwrap_or_default();
        let closed = self.case_cell(row, &c, Role::Closed, |t| date_cell(t, DateOf::Closed));
        let closed = self.not_before(row, Role::Closed, &reference, received, closed);
        let outcome = self.case_cell(row, &c, Role::Outcome, outcome_cell);
        if closed.is_some() && outcome.is_none() {
            self.closed_without_outcome(row, Role::Outcome, &reference, &c);
        }
        let extension = self
            .case_cell(row, &c, Role::Extension, yes_no_cell)
            .unwrap_or(false);
        let escalation = self.escalation(row, &c, &reference);
        let p = &self.position;
        let place = format!("{} row {row}", source_label(&p.file, p.sheet.as_deref()));
        let service = self
            .case_cols
            .get(Role::Service)
            .and_then(|i| c.at(i))
            .map(|(_, t)| t.to_string())
            .unwrap_or_default();
        self.ds.complaints.push(CaseRow {
            reference,
            stage,
            received,
            closed,
            outcome,
            extension,
            service,
            escalation,
            source: SourceRow {
                source: self.source_index,
                row: u32::try_from(row).unwrap_or(u32::MAX),
            },
            place,
        });
    }

    /// The stage 2 response given on the same row, where the list has escalation columns.
    fn escalation(&mut self, row: usize, c: &Cells, reference: &str) -> Option<Escalation> {
        let flagged = self.case_cell(row, c, Role::Escalated, yes_no_cell);
        let date = self.case_cell(row, c, Role::EscalationDate, |t| {
            date_cell(t, DateOf::Escalation)
        });
        let Some(date) = date else {
            let dated = self
                .case_cols
                .get(Role::EscalationDate)
                .and_then(|i| c.at(i))
                .is_some();
            if flagged == Some(true) && !dated {
                let column = self.case_cols.get(Role::Escalated).unwrap_or_default();
                self.cell_problem(
                    row,
                    column,
                    ProblemKind::EscalatedWithoutDate {
                        reference: reference.to_string(),
                    },
                );
            }
            return None;
        };
        if flagged == Some(false) {
            return None;
        }
        let closed = self.case_cell(row, c, Role::EscalationClosed, |t| {
            date_cell(t, DateOf::EscalationClosed)
        });
        let closed = self.not_before(row, Role::EscalationClosed, reference, date, closed);
        let outcome = self.case_cell(row, c, Role::EscalationOutcome, outcome_cell);
        if closed.is_some() && outcome.is_none() {
            self.closed_without_outcome(row, Role::EscalationOutcome, reference, c);
        }
        let extension = self
            .case_cell(row, c, Role::EscalationExtension, yes_no_cell)
            .unwrap_or(false);
        Some(Escalation {
            date,
            closed,
            outcome,
            extension,
        })
    }

    /// A date closed before the date received is left out, with a problem.
    fn not_before(
        &mut self,
        row: usize,
        role: Role,
        reference: &str,
        received: NaiveDate,
        closed: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let closed = closed?;
        if closed >= received {
            return Some(closed);
        }
        let column = self.case_cols.get(role).unwrap_or_default();
        self.cell_problem(
            row,
            column,
            ProblemKind::ClosedBeforeReceived {
                reference: reference.to_string(),
                received: shown(received),
                closed: shown(closed),
            },
        );
        None
    }

    fn closed_without_outcome(&mut self, row: usize, role: Role, reference: &str, c: &Cells) {
        let kind = ProblemKind::ClosedWithoutOutcome {
            reference: reference.to_string(),
        };
        match self.case_cols.get(role) {
            // A bad outcome has had its own problem reported.
            Some(i) if c.at(i).is_some() => {}
            Some(i) => self.cell_problem(row, i, kind),
            None => self.row_problem(row, kind),
        }
    }

    /// A local holiday from a holiday list.
    pub(super) fn holiday_row(&mut self, row: usize, cells: Row<'_>) {
        let c = Cells {
            cells,
            cols: self.cols,
        };
        let column = self.cols.names.iter().position(|n| {
            let key = squash(n);
            HOLIDAY_DATE.contains(&key.as_str())
        });
        let at = column.and_then(|i| c.at(i));
        if at.is_none() {
            self.row_problem(row, ProblemKind::HolidayWithoutDate);
            return;
        }
        if let Some(d) = self.cell(row, at, |t| date_cell(t, DateOf::Holiday)) {
            self.ds.holidays.push(d);
        }
    }
}
