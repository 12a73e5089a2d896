//! The report's narrative: sections of text per report period, as the published reports
//! open with "Progress in delivery of strategic outcomes" and "Challenges and Risks".
//! Read from a sheet with `section` and `text` columns (a `period` column optional), or
//! typed in the page, which hands them over as such a sheet.

use crate::period::Period;

/// A piece of narrative as read: its section, the period it is written for (`None`:
/// every period), and the text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Narrative {
    pub section: String,
    pub period: Option<Period>,
    pub text: String,
}

/// A section as the report shows it: its title and its paragraphs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NarrativeSection {
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// The sections for the report period, in the order they are first written: the text
/// written for that period where there is some, else the text written for no period.
/// Several rows of one section join as paragraphs, and a line break in a cell starts one.
///
/// ```
/// use scorecard_core::narrative::{sections_for, Narrative};
/// use scorecard_core::period::Period;
/// let q = |s| Period::parse(s);
/// let n = |s: &str, p, t: &str| Narrative { section: s.into(), period: q(p), text: t.into() };
/// let all = [n("Risks", "Q1 2021/22", "Old."), n("Risks", "Q2 2021/22", "Staff.\n\nBudget."), n("Vision", "", "Best.")];
/// let s = sections_for(&all, q("Q2 2021/22").unwrap());
/// assert_eq!(s[0].title, "Risks");
/// assert_eq!(s[0].paragraphs, ["Staff.", "Budget."]);
/// assert_eq!(s[1].paragraphs, ["Best."]);
/// ```
pub fn sections_for(all: &[Narrative], period: Period) -> Vec<NarrativeSection> {
    let mut titles: Vec<&str> = Vec::new();
    for n in all {
        let title = n.section.trim();
        if !titles.iter().any(|t| t.eq_ignore_ascii_case(title)) {
            titles.push(title);
        }
    }
    titles
        .into_iter()
        .filter_map(|title| {
            let of_section = || {
                all.iter()
                    .filter(move |n| n.section.trim().eq_ignore_ascii_case(title))
            };
            let own: Vec<&Narrative> = of_section().filter(|n| n.period == Some(period)).collect();
            let chosen = if own.is_empty() {
                of_section().filter(|n| n.period.is_none()).collect()
            } else {
                own
            };
            let paragraphs: Vec<String> = chosen
                .iter()
                .flat_map(|n| n.text.split('\n'))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            (!paragraphs.is_empty()).then(|| NarrativeSection {
                title: title.to_string(),
                paragraphs,
            })
        })
        .collect()
}

/// A section typed in the page, as the narrative table the engine reads: the page hands
/// typed text over as a small file, so it travels with the data in links and storage.
///
/// ```
/// use scorecard_core::narrative::typed_file;
/// let bytes = typed_file("Challenges, and Risks", "Q2 2021/22", "Budget \"tight\".");
/// assert_eq!(String::from_utf8(bytes).unwrap(),
///            "Section,Period,Text\n\"Challenges, and Risks\",Q2 2021/22,\"Budget \"\"tight\"\".\"\n");
/// ```
pub fn typed_file(section: &str, period: &str, text: &str) -> Vec<u8> {
    // Quoted by hand, as RFC 4180 has it, rather than with the csv writer: this runs in
    // the page, whose first download should not carry a CSV writer for one row.
    let quote = |s: &str| {
        let s = s.trim();
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    format!(
        "Section,Period,Text\n{},{},{}\n",
        quote(section),
        quote(period),
        quote(text)
    )
    .into_bytes()
}
