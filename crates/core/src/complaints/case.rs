//! One complaint as a case list gives it: its reference, the stage it was handled at,
//! the dates it was received and answered, the outcome and whether an extension was
//! authorised; and the readers of those cells as complaints systems write them.

use chrono::NaiveDate;

use crate::dataset::SourceRow;
use crate::period::parse_date;

/// The stage of the SPSO model complaints handling procedure a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Stage 1, frontline response (5 working days).
    Frontline,
    /// Stage 2, investigation, for a complaint that went straight to it (20 working days).
    Investigation,
    /// Stage 2 for a complaint escalated after its stage 1 response (20 working days).
    Escalated,
}

impl Stage {
    /// Reads a stage as complaints systems write it: `1`, `Stage 1`, `Frontline`; `2`,
    /// `Stage 2`, `Investigation`; `Escalated`, `Stage 2 (escalated)`. `None` for text
    /// that is not a stage.
    ///
    /// ```
    /// use scorecard_core::complaints::case::Stage;
    /// assert_eq!(Stage::parse("Stage 1"), Some(Stage::Frontline));
    /// assert_eq!(Stage::parse("investigation"), Some(Stage::Investigation));
    /// assert_eq!(Stage::parse("Escalated to stage 2"), Some(Stage::Escalated));
    /// assert_eq!(Stage::parse("3"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Stage> {
        let t = crate::text::letters_key(text);
        if t.contains("escalat") {
            return Some(Stage::Escalated);
        }
        match t.as_str() {
            "1"
            | "stage1"
            | "s1"
            | "one"
            | "stageone"
            | "frontline"
            | "frontlineresolution"
            | "frontlineresponse"
            | "stage1frontline"
            | "stage1frontlineresponse"
            | "stage1frontlineresolution"
            | "early"
            | "earlyresolution" => Some(Stage::Frontline),
            "2"
            | "stage2"
            | "s2"
            | "two"
            | "stagetwo"
            | "investigation"
            | "stage2investigation"
            | "stage2direct"
            | "direct"
            | "directtostage2"
            | "stage2directinvestigation" => Some(Stage::Investigation),
            _ => None,
        }
    }

    /// The working days the procedure allows at this stage.
    pub fn target_days(self) -> i64 {
        match self {
            Stage::Frontline => 5,
            Stage::Investigation | Stage::Escalated => 20,
        }
    }

    /// How the stage is named in labels: "Stage 1", "Stage 2", "Escalated".
    pub fn label(self) -> &'static str {
        match self {
            Stage::Frontline => "Stage 1",
            Stage::Investigation => "Stage 2",
            Stage::Escalated => "Escalated",
        }
    }
}

/// The decision on a complaint at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    Upheld,
    PartiallyUpheld,
    NotUpheld,
    /// Resolved (the SPSO model procedure's fourth outcome since 2020).
    Resolved,
}

impl Outcome {
    /// Reads an outcome: `Upheld`, `Partially upheld` (`Part upheld`), `Not upheld`,
    /// `Resolved`. `None` for other text.
    ///
    /// ```
    /// use scorecard_core::complaints::case::Outcome;
    /// assert_eq!(Outcome::parse("Partially Upheld"), Some(Outcome::PartiallyUpheld));
    /// assert_eq!(Outcome::parse("not upheld"), Some(Outcome::NotUpheld));
    /// assert_eq!(Outcome::parse("withdrawn"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Outcome> {
        let t = crate::text::letters_key(text);
        match t.as_str() {
            "upheld" | "fullyupheld" | "upheldinfull" | "u" => Some(Outcome::Upheld),
            "partiallyupheld" | "partupheld" | "partlyupheld" | "upheldinpart" | "partial"
            | "pu" => Some(Outcome::PartiallyUpheld),
            "notupheld" | "nu" | "rejected" => Some(Outcome::NotUpheld),
            "resolved" | "r" => Some(Outcome::Resolved),
            _ => None,
        }
    }

    /// The outcome in words, lower case: "partially upheld".
    pub fn words(self) -> &'static str {
        match self {
            Outcome::Upheld => "upheld",
            Outcome::PartiallyUpheld => "partially upheld",
            Outcome::NotUpheld => "not upheld",
            Outcome::Resolved => "resolved",
        }
    }
}

/// A stage 2 response given on the same row as the stage 1 one (a case list with
/// `Escalated` and `Escalation date` columns).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Escalation {
    /// The day the request to escalate was received: day 1 of the stage 2 count.
    pub date: NaiveDate,
    pub closed: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub extension: bool,
}

/// One row of a case list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CaseRow {
    /// The complaint's reference; empty where the list gives none.
    pub reference: String,
    /// The stage the row is about, as written (a `2` after a stage 1 row of the same
    /// reference is read as escalated when the list is worked out).
    pub stage: Stage,
    /// The day the complaint (or, for an escalated row, the escalation) was received.
    pub received: NaiveDate,
    /// The day of the response; `None` while open.
    pub closed: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub extension: bool,
    pub service: String,
    /// An escalation given on the same row.
    pub escalation: Option<Escalation>,
    /// Where the row was read: for messages.
    pub source: SourceRow,
    /// "complaints.csv row 7", for messages.
    pub place: String,
}

/// Reads a date in UK order, day first (`13/05/2019`, `13-May-2019`, `2019-05-13`), with
/// any time of day after it (`13/05/2019 14:02`) dropped.
///
/// ```
/// use scorecard_core::complaints::case::case_date;
/// assert_eq!(case_date("30/10/2019 09:15").unwrap().to_string(), "2019-10-30");
/// assert_eq!(case_date("30-Oct-2019 09:15").unwrap().to_string(), "2019-10-30");
/// assert_eq!(case_date("10/30/2019"), None);
/// ```
pub fn case_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    // A time of day stands after the date, after a space or a `T`.
    let date = match t.find(':') {
        Some(colon) => {
            let before = &t[..colon];
            let cut = before
                .rfind([' ', 'T'])
                .map_or(before, |i| &before[..i])
                .trim_end();
            cut
        }
        None => t,
    };
    parse_date(date)
}

/// Whether a text that is not a UK date looks written month first, as US systems write
/// dates: its second number cannot be a month (`12/25/2019`, `13/25/2019`).
pub fn looks_american(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [m, d, y, ..] => {
            m.parse::<u32>().is_ok()
                && d.parse::<u32>().is_ok_and(|d| (13..=31).contains(&d))
                && y.len() >= 2
        }
        _ => false,
    }
}

/// Reads whether an extension was authorised: `yes`/`no` and their aliases, or a date
/// (the day it was authorised: yes).
pub fn extension(text: &str) -> Option<bool> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "yes"
        | "y"
        | "true"
        | "1"
        | "x"
        | "authorised"
        | "authorized"
        | "extended"
        | "extension"
        | "extension authorised"
        | "granted" => Some(true),
        "no" | "n" | "false" | "0" | "" | "none" | "not extended" | "no extension" => Some(false),
        _ => case_date(&t).map(|_| true),
    }
}
